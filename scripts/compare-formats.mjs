// Equivalence of the formats: for each sample, what share of the targets (indicator + value + year)
// and headings (level + title) that its text fixtures/0NN_*.txt gives, each rendering
// (fixtures/rendered/0NN_*.{lo.docx,lo.doc,lo.pdf,cr.pdf}) gives too, and the same documents.
// Usage: npm run build && node scripts/compare-formats.mjs   (prints a table; exits 0)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { extractAsync } from '../dist/pipeline.js';

const RENDERINGS = ['lo.docx', 'lo.doc', 'lo.pdf', 'cr.pdf'];

function items(result) {
  const targets = [];
  const headings = [];
  const walk = (sections) => {
    for (const s of sections) {
      headings.push(`${s.level}|${s.marker}${s.title}`);
      walk(s.children);
    }
  };
  for (const doc of result.documents) {
    for (const t of doc.targets) targets.push(`${t.indicator}|${t.value}|${t.year}`);
    walk(doc.sections);
  }
  return { targets, headings, documents: result.documents.map((d) => d.title) };
}

/** Share of `expected` (a multiset) found in `actual`. */
function recall(expected, actual) {
  if (expected.length === 0) return 1;
  const pool = new Map();
  for (const a of actual) pool.set(a, (pool.get(a) ?? 0) + 1);
  let hit = 0;
  for (const e of expected) {
    const n = pool.get(e) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(e, n - 1);
    }
  }
  return hit / expected.length;
}

const rows = [];
const pct = (x) => `${(100 * x).toFixed(1)}%`;
for (const name of readdirSync('fixtures').filter((f) => /^0\d\d_.*\.txt$/.test(f)).sort()) {
  const stem = name.replace(/\.txt$/, '');
  const text = items(await extractAsync(readFileSync(`fixtures/${name}`), name));
  for (const r of RENDERINGS) {
    const file = `fixtures/rendered/${stem}.${r}`;
    if (!existsSync(file)) continue;
    const t0 = performance.now();
    const got = items(await extractAsync(readFileSync(file), file));
    rows.push({
      sample: stem.slice(0, 3),
      format: r,
      targets: `${text.targets.length} → ${got.targets.length}`,
      'targets kept': pct(recall(text.targets, got.targets)),
      headings: `${text.headings.length} → ${got.headings.length}`,
      'headings kept': pct(recall(text.headings, got.headings)),
      'same documents': JSON.stringify(text.documents) === JSON.stringify(got.documents) ? 'yes' : `${text.documents.length} → ${got.documents.length}`,
      ms: (performance.now() - t0).toFixed(0),
    });
  }
}
console.table(rows);
