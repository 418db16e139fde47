import { readFileSync } from 'node:fs';

/** Two different plans in one file, 205 KB: text that dedupe keeps whole (one plan repeated would mostly be removed as repeats). */
export function bigPlan(): Buffer {
  return Buffer.concat(['fixtures/000_a55dad31d5b2c431.txt', 'fixtures/001_308a46a949dc7d1f.txt'].map((f) => readFileSync(f)));
}
