// Times one reader over files of its format in a fresh process, so that its peak memory is its own.
// Usage: node bench/reader-worker.mjs pdf|docx FILE...   (prints one JSON line)
import { readFileSync } from 'node:fs';
import { read } from '../dist/stages/read/read.js';

const [format, ...files] = process.argv.slice(2);
const ctx = { file: 'bench', report() {} };
const inputs = files.map((file) => ({ file, bytes: readFileSync(file) }));
// Warm up: load the library and JIT the reader on the first file.
await read(inputs[0].bytes, inputs[0].file, {}, ctx);
const rssBefore = process.resourceUsage().maxRSS;
let pages = 0;
const start = process.hrtime.bigint();
for (const input of inputs) pages += (await read(input.bytes, input.file, {}, ctx)).pages ?? 0;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
process.stdout.write(JSON.stringify({ format, files: inputs.length, bytes, pages, ms, peakRssKb: process.resourceUsage().maxRSS, rssBeforeKb: rssBefore }) + '\n');
