// npm run bench: throughput (MB/s) and peak memory of each stage, on the sample corpus and on a
// corpus 100 times its size. Each measurement runs in its own process (bench/stage-worker.mjs).
import { execFileSync } from 'node:child_process';

const STAGES = ['decode', 'layout', 'normalize', 'dedupe', 'split', 'documents', 'pipeline', 'emit-yaml'];
const CORPORA = [
  { name: 'samples ×1', copies: 1 },
  { name: 'samples ×100', copies: 100 },
];

function measure(stage, copies) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', 'bench/stage-worker.mjs', stage, String(copies)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const mb = (bytes) => bytes / (1024 * 1024);
const rows = [];
for (const corpus of CORPORA) {
  for (const stage of STAGES) {
    const r = measure(stage, corpus.copies);
    rows.push({
      corpus: corpus.name,
      stage,
      files: r.files,
      MB: mb(r.bytes).toFixed(2),
      ms: r.ms.toFixed(1),
      'MB/s': (mb(r.bytes) / (r.ms / 1000)).toFixed(2),
      'peak RSS MB': (r.peakRssKb / 1024).toFixed(0),
      'stage Δ RSS MB': ((r.peakRssKb - r.rssBeforeKb) / 1024).toFixed(0),
    });
  }
}
console.log('Per stage (input MB of the corpus; a stage is timed alone, its inputs prepared beforehand):');
console.table(rows);
const whole = rows.filter((r) => r.stage === 'pipeline');
if (whole.length === 2) {
  console.log(`pipeline time ratio ×100 / ×1: ${(Number(whole[1].ms) / Number(whole[0].ms)).toFixed(1)} (linear ≈ 100)`);
}

const layoutRows = rows.filter((r) => r.stage === 'layout');
layoutRows.forEach((r, k) => console.log(`layout share of the pipeline's time (${r.corpus ?? k}): ${((Number(r.ms) / Number(whole[k].ms)) * 100).toFixed(1)}%`));

// The layout stage alone on one page-made file of 1×, 10× and 100× a rendered sample (its pages
// repeated): time should grow about tenfold per step.
const layoutScaling = [1, 10, 100].map((copies) =>
  JSON.parse(execFileSync(process.execPath, ['--expose-gc', 'bench/layout-worker.mjs', String(copies)], { encoding: 'utf8' }).trim()),
);
console.log('\nLayout stage on one page-made file (linear: each ratio ≈ 10):');
console.table(layoutScaling.map((r, k) => ({
  copies: r.copies, MB: mb(r.bytes).toFixed(1), pages: r.pages, ms: r.ms.toFixed(1), fixes: r.fixes,
  ratio: k === 0 ? '' : (r.ms / layoutScaling[k - 1].ms).toFixed(1),
})));

// Adversarial inputs at 1×, 10× and 100× of a base size (a tenth of the size the tests use): time should grow about tenfold per step.
import { ADVERSARIAL } from './adversarial-inputs.mjs';
const names = [...Object.keys(ADVERSARIAL), 'nested HTML with a lying charset'];
const scaling = [];
for (const name of names) {
  const runs = [0.1, 1, 10].map((scale) =>
    JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=8192', 'bench/adversarial-worker.mjs', name, String(scale)], { encoding: 'utf8' }).trim()),
  );
  scaling.push({
    input: name,
    'MB at 100×': mb(runs[2].bytes).toFixed(1),
    'ms 1×': runs[0].ms.toFixed(1),
    'ms 10×': runs[1].ms.toFixed(1),
    'ms 100×': runs[2].ms.toFixed(1),
    '10×/1×': (runs[1].ms / runs[0].ms).toFixed(1),
    '100×/10×': (runs[2].ms / runs[1].ms).toFixed(1),
    'peak RSS MB 100×': (runs[2].peakRssKb / 1024).toFixed(0),
    outcome: runs[2].outcome.slice(0, 40),
  });
}
console.log('\nAdversarial inputs, whole pipeline (linear: each ratio ≈ 10):');
console.table(scaling);

// Readers of binary formats, on the rendered samples (fixtures/rendered, fixtures/formats): pages/s
// for PDF (and the 100-page PDF alone: its time and peak memory), MB/s for DOCX.
import { readdirSync } from 'node:fs';
const listOf = (dir, pattern) => readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => `${dir}/${f}`);
const renderedPdfs = listOf('fixtures/rendered', /\.pdf$/);
const readerRuns = [
  { name: 'PDF, rendered samples', format: 'pdf', files: renderedPdfs },
  { name: 'PDF, 100 pages', format: 'pdf', files: ['test/fixtures-read/hundred-pages.pdf'] },
  { name: 'DOCX, rendered samples', format: 'docx', files: listOf('fixtures/rendered', /\.docx$/) },
  { name: 'DOC, rendered samples', format: 'doc', files: listOf('fixtures/rendered', /\.doc$/) },
];
const readers = readerRuns.map((run) => {
  const r = JSON.parse(execFileSync(process.execPath, ['bench/reader-worker.mjs', run.format, ...run.files], { encoding: 'utf8' }).trim());
  return {
    input: run.name,
    files: r.files,
    MB: mb(r.bytes).toFixed(2),
    pages: run.format === 'pdf' ? r.pages : '',
    ms: r.ms.toFixed(0),
    'pages/s': run.format === 'pdf' ? (r.pages / (r.ms / 1000)).toFixed(1) : '',
    'MB/s': (mb(r.bytes) / (r.ms / 1000)).toFixed(2),
    'peak RSS MB': (r.peakRssKb / 1024).toFixed(0),
  };
});
console.log('\nReaders of binary formats (read stage only, library loaded beforehand):');
console.table(readers);
