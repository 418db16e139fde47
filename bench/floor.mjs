// The floor pass: the least any extractor must do with a corpus — read each file, decode it,
// NFKC-normalise it, split it into sentences and write them as JSON. bench/speed.mjs compares
// `plans extract` against it. Usage: node bench/floor.mjs <input dir> <output dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const [inputDir, outputDir] = process.argv.slice(2);
mkdirSync(outputDir, { recursive: true });
const decoder = new TextDecoder('utf-8');
for (const name of readdirSync(inputDir).sort()) {
  const text = decoder.decode(readFileSync(path.join(inputDir, name))).normalize('NFKC');
  const sentences = text.split(/(?<=[。！？；])|\n+/).filter((s) => s.trim() !== '');
  writeFileSync(path.join(outputDir, `${name}.json`), JSON.stringify({ file: name, sentences }));
}
