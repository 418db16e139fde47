// Runs the whole pipeline once on one adversarial input at one scale, in a fresh process.
// Usage: node bench/adversarial-worker.mjs <name> <scale>   (prints one JSON line)
import { ADVERSARIAL, nestedLyingHtml } from './adversarial-inputs.mjs';
import { extract, InputError } from '../dist/pipeline.js';

const [name, scaleArg] = process.argv.slice(2);
const scale = Number(scaleArg);
const isHtml = name === 'nested HTML with a lying charset';
const make = (s) => (isHtml ? nestedLyingHtml(s) : ADVERSARIAL[name](s));
const bytes = make(scale);
// Warm the JIT on a small instance first, so that small scales are not dominated by start-up.
try {
  extract(make(scale / 10), isHtml ? 'x.html' : 'x.txt');
} catch (error) {
  if (!(error instanceof InputError)) throw error;
}
const start = process.hrtime.bigint();
let outcome = 'ok';
try {
  extract(bytes, isHtml ? 'x.html' : 'x.txt');
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  outcome = `refused: ${error.message}`;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ name, scale, bytes: bytes.length, ms, peakRssKb: process.resourceUsage().maxRSS, outcome }) + '\n');
