// Times the whole pipeline on one sample plan and on a file ten times larger: ten copies of it, each
// with its own mark before every sentence end and line end, so that dedupe keeps every copy. One
// process, after warm-up runs; each size the median of several runs, taken in turn (a single run of
// the small plan, tens of milliseconds, moved the ratio by half on a busy machine). Prints one JSON line.
// Usage: node bench/scale-worker.mjs <plans root> <sample file>
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, sample] = process.argv.slice(2);
const { extractAsync } = await import(pathToFileURL(path.join(root, 'dist/pipeline.js')).href);
const MARKS = '甲乙丙丁戊己庚辛壬癸';
const copy = (k) => Buffer.from(readFileSync(sample, 'utf8').replace(/(?=[。\n])/g, MARKS[k]));
const one = copy(0);
const ten = Buffer.concat(Array.from({ length: 10 }, (_, k) => copy(k)));

async function timed(bytes) {
  const start = performance.now();
  await extractAsync(bytes, 'plan.txt');
  return performance.now() - start;
}
// Warm-up: the hot paths are compiled, so the timings below are of steady code.
for (let k = 0; k < 5; k++) await timed(one);
await timed(ten);
const oneRuns = [];
const tenRuns = [];
for (let k = 0; k < 5; k++) {
  oneRuns.push(await timed(one));
  tenRuns.push(await timed(ten));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ oneMs: median(oneRuns), tenMs: median(tenRuns) }));
