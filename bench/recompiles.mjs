// Where V8's optimizing compiler spends its time over one `plans extract` run, and why it compiles
// a function again: a diagnostic for the warm-up and the background CPU (not part of `npm run bench`).
// It runs bin/plans with --trace-opt --trace-deopt (one thread: --jobs 1) and groups each TurboFan
// compile by what came before it for the same function:
//   first                          its first compile
//   after deopt-eager / deopt-lazy  its code met a case it was not compiled for (a new object shape…)
//   after dependent <reason>        its code was dropped: "weak objects" when an object it embeds died
//   after compile-full / -osr       nothing dropped it: a closure made per call whose code the
//                                   collector freed once its closures were garbage
// Usage: node bench/recompiles.mjs <input dir or file> [top N functions]
// The trace format is V8's and may change with Node's version (written against Node 20, V8 11.3).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const [input, top = '15'] = process.argv.slice(2);
if (!input) {
  console.error('usage: node bench/recompiles.mjs <input dir or file> [top N functions]');
  process.exit(2);
}
const bin = path.join(path.dirname(new URL(import.meta.url).pathname), '../bin/plans');
const out = mkdtempSync(path.join(os.tmpdir(), 'plans-recompiles-'));
const run = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', bin, 'extract', input, '--out-dir', out, '--format', 'json', '--quiet', '--jobs', '1'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
rmSync(out, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(`plans extract exited ${run.status}: ${run.stderr.split('\n')[0]}`);
  process.exit(1);
}

const COMPILING = /^\[compiling method .*<JSFunction ?(\S*) ?\(sfi = (0x[0-9a-f]+)\)>.*?( OSR)?, mode/;
const COMPILED = /^\[completed compiling .*\(sfi = (0x[0-9a-f]+)\).*took [0-9.]+, ([0-9.]+),/;
const BAILOUT = /^\[bailout \(kind: ([^,]*),.*deoptimizing \S+ <JSFunction ?\S* ?\(sfi = (0x[0-9a-f]+)\)/;
const DROPPED = /^\[marking dependent code .*\((0x[0-9a-f]+) <SharedFunctionInfo.*reason: ([a-z ]+)/;

const lastEvent = new Map(); // function (by SharedFunctionInfo) → what last happened to its code
const compiling = new Map(); // function → [cause, name] of the compile under way
const byCause = new Map();
const byFunction = new Map();
const add = (map, key, ms) => {
  const entry = map.get(key) ?? { ms: 0, count: 0 };
  entry.ms += ms;
  entry.count++;
  map.set(key, entry);
};
for (const line of run.stdout.split('\n')) {
  let m;
  if ((m = COMPILING.exec(line))) {
    const kind = m[3] ? 'osr' : 'full';
    const cause = lastEvent.has(m[2]) ? `${kind} after ${lastEvent.get(m[2])}` : 'first';
    compiling.set(m[2], [cause, m[1] || '(anonymous)']);
    lastEvent.set(m[2], `compile-${kind}`);
  } else if ((m = COMPILED.exec(line))) {
    const started = compiling.get(m[1]);
    if (!started) continue;
    compiling.delete(m[1]);
    add(byCause, started[0], Number(m[2]));
    if (started[0] !== 'first') add(byFunction, `${started[1]} (${started[0]})`, Number(m[2]));
  } else if ((m = BAILOUT.exec(line))) {
    lastEvent.set(m[2], m[1]);
  } else if ((m = DROPPED.exec(line))) {
    lastEvent.set(m[1], `dependent ${m[2]}`);
  }
}
const rows = (map, n) =>
  [...map].sort((a, b) => b[1].ms - a[1].ms).slice(0, n).map(([key, { ms, count }]) => ({ what: key, compiles: count, ms: ms.toFixed(0) }));
const total = [...byCause.values()].reduce((sum, { ms }) => sum + ms, 0);
console.log(`TurboFan compile time over ${input}: ${total.toFixed(0)} ms (on V8's background threads), by cause:`);
console.table(rows(byCause, Infinity));
console.log('Compiled again, by function:');
console.table(rows(byFunction, Number(top)));
