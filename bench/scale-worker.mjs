// Times the whole pipeline on one sample plan and on the same plan repeated ten times (one file
// ten times larger), in one process after a warm-up run. Prints one JSON line.
// Usage: node bench/scale-worker.mjs <plans root> <sample file>
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, sample] = process.argv.slice(2);
const { extractAsync } = await import(pathToFileURL(path.join(root, 'dist/pipeline.js')).href);
const one = readFileSync(sample);
const ten = Buffer.concat(Array.from({ length: 10 }, () => one));

async function timed(bytes) {
  const start = performance.now();
  await extractAsync(bytes, 'plan.txt');
  return performance.now() - start;
}
await timed(one); // warm-up: compiles the hot paths once, so both timings below are of steady code
const oneMs = await timed(one);
const tenMs = await timed(ten);
console.log(JSON.stringify({ oneMs, tenMs }));
