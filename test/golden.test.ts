/**
 * Golden files: the expected output of every fixture, checked by reading the source. Run with
 * UPDATE_GOLDEN=1 to rewrite them after an intended change, and review the diff. CI never writes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cleanText, extract } from '../src/pipeline.js';
import { LineIndex } from '../src/text/line-index.js';
import { toYaml } from '../src/emit/emit.js';

const FIXTURES = 'fixtures';
const EXPECTED = path.join(FIXTURES, 'expected');
const update = process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true';

function inputs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return full === EXPECTED ? [] : inputs(full);
      return /\.(txt|html?)$/.test(e.name) ? [full] : [];
    })
    .sort();
}

describe('golden outputs', () => {
  for (const input of inputs(FIXTURES)) {
    const relative = path.relative(FIXTURES, input);
    const golden = path.join(EXPECTED, relative.replace(/\.[^.]+$/, '.yaml'));
    it(relative, () => {
      const result = extract(readFileSync(input), input);
      const yaml = toYaml(result);
      if (update) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, yaml);
      }
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
      expect(yaml).toBe(readFileSync(golden, 'utf8'));
      // YAML and JSON both parse back to the value that was emitted.
      const value = JSON.parse(JSON.stringify(result));
      expect(parseYaml(yaml)).toEqual(value);
      expect(JSON.parse(JSON.stringify(result, null, 2))).toEqual(value);
    });

    it(`${relative}: every target's span points at its value as written in the source file`, () => {
      const bytes = readFileSync(input);
      const { source } = cleanText(bytes, input);
      const lines = new LineIndex(source.source);
      // Compared after NFKC and without white space: the source may write ２０２０ 年 or ⼈.
      const fold = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
      for (const target of extract(bytes, input).documents.flatMap((d) => d.targets)) {
        const written = fold(source.source.slice(lines.offset(target.span.start), lines.offset(target.span.end)));
        expect(written.length, target.id).toBeGreaterThan(0);
        if (target.span.start.line === target.span.end.line) expect(fold(target.text), target.id).toContain(written);
        // A table cell printed over lines around its row's line (a centred cell) is gathered from
        // them: its span covers those lines, in the order printed, which the row's text reorders.
        else expect(missingFrom(fold(target.text), written), target.id).toBe('');
        if (target.value !== null) expect(written, target.id).toMatch(/\d|[零〇一二两三四五六七八九十百千万]/);
      }
    });
  }
});

/** The characters of `part` that `whole` does not hold (each counted as often as it occurs). */
function missingFrom(whole: string, part: string): string {
  const counts = new Map<string, number>();
  for (const ch of whole) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let missing = '';
  for (const ch of part) {
    const n = counts.get(ch) ?? 0;
    if (n === 0) missing += ch;
    else counts.set(ch, n - 1);
  }
  return missing;
}
