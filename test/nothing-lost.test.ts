/**
 * Nothing lost: on every fixture, each character of the decoded content is either kept in the
 * clean text (same origin, same value) or inside the source range of a logged fix or of a
 * removed duplicate. And each fix on original text says truthfully what stood there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, type CleanText } from '../src/pipeline.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function inputFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return inputFiles(path);
    return /\.(txt|html?)$/i.test(name) ? [path] : [];
  });
}

/** Content offsets (indices into content.text) that are neither kept nor covered by a fix or duplicate. */
function unaccounted(clean: CleanText): number[] {
  const { content, source } = clean.source;
  const output = clean.deduped.text;
  const covered = new Uint8Array(source.length + 1);
  const cover = (start: number, end: number) => covered.fill(1, start, Math.max(end, start + 1));
  for (const fix of clean.normalized.fixes) cover(fix.range[0], fix.range[1]);
  for (const duplicate of clean.deduped.duplicates) cover(duplicate.removed[0], duplicate.removed[1]);
  // The output code unit at each source offset; the rare offsets that carry several go to `more`.
  const keptUnit = new Int32Array(source.length + 1).fill(-1);
  const more = new Map<number, string>();
  for (let i = 0; i < output.text.length; i++) {
    const o = output.origin[i];
    if (keptUnit[o] === -1) keptUnit[o] = output.text.charCodeAt(i);
    else more.set(o, (more.get(o) ?? '') + output.text[i]);
  }
  const missing: number[] = [];
  for (let k = 0; k < content.text.length; k++) {
    const o = content.origin[k];
    if (covered[o]) continue;
    const unit = content.text.charCodeAt(k);
    if (keptUnit[o] === unit || more.get(o)?.includes(content.text[k])) continue;
    missing.push(k);
  }
  return missing;
}

describe('nothing lost in normalize and dedupe', () => {
  const files = inputFiles(FIXTURES);
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  it('the check itself catches a character dropped without a fix', () => {
    const clean = cleanText(new TextEncoder().encode('甲乙丙'), 'x.txt');
    const dropped = { ...clean, deduped: { ...clean.deduped, text: { text: '甲丙', origin: Int32Array.from([0, 2, 3]) } } };
    expect(unaccounted(dropped)).toEqual([1]);
  });
  for (const path of files) {
    const name = relative(FIXTURES, path);
    it(`${name}: every character is kept or accounted for by a fix or a removed duplicate`, () => {
      const clean = cleanText(readFileSync(path), path);
      const missing = unaccounted(clean);
      const sample = missing.slice(0, 5).map((k) => JSON.stringify(clean.source.content.text.slice(k, k + 10)));
      expect(sample).toEqual([]);
    });
    it(`${name}: each fix on original text logs what stood in the source there`, () => {
      const clean = cleanText(readFileSync(path), path);
      const { source } = clean.source;
      // Text files map content 1:1 to the source; fixes whose range another fix also touches
      // (a fix of an earlier fix's output) log that earlier output instead.
      if (clean.source.format !== 'text') return;
      const fixes = [...clean.normalized.fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
      const wrong: string[] = [];
      for (let i = 0; i < fixes.length; i++) {
        const fix = fixes[i];
        const overlaps =
          (i > 0 && fixes[i - 1].range[1] > fix.range[0]) || (i + 1 < fixes.length && fixes[i + 1].range[0] < fix.range[1]);
        if (overlaps) continue;
        if (source.slice(fix.range[0], fix.range[1]) !== fix.before) wrong.push(`${fix.kind} ${JSON.stringify(fix.before)}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }
});

describe('fixture facts after cleaning', () => {
  const read = (name: string) => cleanText(readFileSync(join(FIXTURES, name)), name);

  it('003: no radical code point remains, 人口 and the other 口-words are back, 20 ⼜ became 口', () => {
    const clean = read('003_dda57fd9192b6255.txt');
    const text = clean.normalized.text.text;
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(text).not.toContain('人又');
    expect(text).not.toContain('又');
    const source = clean.source.source;
    const radicalYou = [...source.matchAll(/\u2f1c/g)].length;
    expect(radicalYou).toBe(20);
    const repaired = clean.normalized.fixes.filter((f) => f.before === '\u2f1c' && f.after === '口');
    expect(repaired).toHaveLength(20);
    expect(text).toContain('流动人口');
    expect(text).toContain('防护口罩');
    expect(text).toContain('口岸');
  });

  it('001: 學 simplified, the page-broken word and clause joined, no space before 年', () => {
    const clean = read('001_308a46a949dc7d1f.txt');
    const text = clean.normalized.text.text;
    expect(text).toContain('中小学生');
    expect(text).not.toContain('學');
    expect(text).toContain('主要慢性病发病率');
    expect(text).toContain('（责任主体：市卫计委、市医改办');
    expect(text).not.toContain('2020 年');
    expect(text).toContain('到2020年');
  });
});
