// Times one pipeline stage over one corpus in a fresh process, so that its peak memory is its own.
// Usage: node --expose-gc bench/stage-worker.mjs <stage> <copies>   (prints one JSON line)
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decode } from '../dist/stages/read/text.js';
import { layout } from '../dist/stages/layout.js';
import { normalize } from '../dist/stages/normalize.js';
import { dedupe } from '../dist/stages/dedupe.js';
import { split } from '../dist/stages/split.js';
import { metadata } from '../dist/stages/metadata.js';
import { segment } from '../dist/stages/segment.js';
import { extractTargets } from '../dist/stages/targets.js';
import { extractMeasures } from '../dist/stages/measures.js';
import { extractResponsibilities } from '../dist/stages/responsibilities.js';
import { extract } from '../dist/pipeline.js';
import { toYaml } from '../dist/emit/emit.js';

const [stage, copiesArg] = process.argv.slice(2);
const copies = Number(copiesArg);

function listInputs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listInputs(full);
    return /\.(txt|html?)$/.test(e.name) ? [full] : [];
  });
}

// The corpus: every fixture, `copies` times (each copy its own file, as in a real corpus).
const fixtures = listInputs('fixtures').map((file) => ({ file, bytes: readFileSync(file) }));
const corpus = [];
for (let i = 0; i < copies; i++) for (const f of fixtures) corpus.push(f);
const totalBytes = corpus.reduce((n, f) => n + f.bytes.length, 0);
const ctx = { file: 'bench', report() {} };

// Each stage's input is the previous stage's output, computed before the clock starts.
const steps = {
  decode: (f) => decode(f.bytes, f.file, {}, ctx),
  layout: (s) => layout(s.content),
  normalize: (l) => normalize(l.text, ctx),
  dedupe: (n) => dedupe(n.text, ctx),
  split: (d) => split(d.text, ctx),
  'documents': (parts) => parts.map((part) => {
    const meta = metadata(part, parts, ctx);
    const tree = segment(part, ctx);
    const measures = extractMeasures(part, tree, ctx);
    return [extractTargets(part, tree, meta, ctx), extractResponsibilities(part, tree, measures, ctx)];
  }),
};
const order = Object.keys(steps);

let inputs = corpus;
let timed;
if (stage === 'pipeline' || stage === 'emit-yaml') {
  if (stage === 'emit-yaml') inputs = corpus.map((f) => extract(f.bytes, f.file));
  timed = stage === 'pipeline' ? (f) => extract(f.bytes, f.file) : (r) => toYaml(r);
} else {
  for (const name of order.slice(0, order.indexOf(stage))) inputs = inputs.map(steps[name]);
  timed = steps[stage];
}
// Warm the JIT on one copy of the samples, so that ×1 and ×100 compare steady-state speed.
inputs.slice(0, fixtures.length).forEach(timed);
globalThis.gc?.();
const rssBefore = process.resourceUsage().maxRSS;
const start = process.hrtime.bigint();
const outputs = inputs.map(timed);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const rssAfter = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ stage, copies, files: corpus.length, bytes: totalBytes, ms, peakRssKb: rssAfter, rssBeforeKb: rssBefore, outputs: outputs.length }) + '\n');
