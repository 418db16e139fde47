/** Output files are written in pieces (a top-level field or one document each) that join to exactly the whole output. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { extract } from '../src/pipeline.js';
import { emitMany, OUTPUT_FORMATS } from '../src/emit/emit.js';
import { emitPieces } from '../src/emit/pieces.js';

const FIXTURES = readdirSync('fixtures').filter((f) => f.endsWith('.txt'));

describe('emitPieces', () => {
  for (const format of OUTPUT_FORMATS) {
    it(`${format}: the pieces of every fixture's result join to the whole output`, () => {
      for (const file of FIXTURES) {
        const result = extract(readFileSync(`fixtures/${file}`), file);
        expect([...emitPieces(result, format, { table: 'targets' })].join(''), file).toBe(emitMany([result], format, { table: 'targets' }, false));
      }
    });
  }

  it('a result without documents too', () => {
    const result = extract(Buffer.from('，，，'), 'plan.txt');
    for (const format of OUTPUT_FORMATS) expect([...emitPieces(result, format, { table: 'sections' })].join('')).toBe(emitMany([result], format, { table: 'sections' }, false));
  });

  it('no piece of a notice with several documents holds more than its largest document', () => {
    const file = FIXTURES.find((f) => extract(readFileSync(`fixtures/${f}`), f).documents.length > 2)!;
    const result = extract(readFileSync(`fixtures/${file}`), file);
    const whole = emitMany([result], 'json', { table: 'targets' }, false).length;
    const largest = Math.max(...[...emitPieces(result, 'json', { table: 'targets' })].map((p) => p.length));
    expect(largest).toBeLessThan(whole / 2);
  });
});
