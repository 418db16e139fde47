// Times the layout stage on one page-made file: the LibreOffice rendering of sample 000 (pdftotext
// -layout text) repeated <copies> times, pages separated by form feeds. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { layout } from '../dist/stages/layout.js';
import { identityText } from '../dist/text/mapped-text.js';

const copies = Number(process.argv[2]);
const page = readFileSync('fixtures/rendered/000_a55dad31d5b2c431.lo.layout.txt', 'utf8');
const text = Array.from({ length: copies }, () => page).join('\f');
const input = identityText(text);
layout(identityText(page)); // warm the JIT
globalThis.gc?.();
const start = process.hrtime.bigint();
const result = layout(input);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const pages = text.split('\f').length;
process.stdout.write(JSON.stringify({ copies, bytes: Buffer.byteLength(text), pages, ms, fixes: result.fixes.length }) + '\n');
