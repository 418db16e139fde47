import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, concatTexts, identityText, sliceText, sourceRange } from '../src/text/mapped-text.js';
import { LineIndex } from '../src/text/line-index.js';

describe('applyEdits', () => {
  it('keeps the origin of untouched characters and maps replacements onto what they replaced', () => {
    const input = identityText('到 ２０２０ 年');
    const out = applyEdits(input, [
      { start: 1, end: 2, replacement: '' },
      { start: 2, end: 6, replacement: '2020' },
      { start: 6, end: 7, replacement: '' },
    ]);
    expect(out.text).toBe('到2020年');
    expect(Array.from(out.origin)).toEqual([0, 2, 3, 4, 5, 7, 8]);
  });

  it('composes: a second pass maps through the first', () => {
    const first = applyEdits(identityText('ab  cd'), [{ start: 2, end: 4, replacement: '' }]);
    const second = applyEdits(first, [{ start: 2, end: 3, replacement: 'X' }]);
    expect(second.text).toBe('abXd');
    expect(second.origin[2]).toBe(4);
    expect(sourceRange(second, 2, 4)).toEqual([4, 6]);
  });

  it('rejects overlapping edits', () => {
    expect(() => applyEdits(identityText('abc'), [{ start: 0, end: 2, replacement: '' }, { start: 1, end: 3, replacement: '' }])).toThrow(RangeError);
  });

  it('property: every kept character maps back to the same character in the source', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 20 }), (text, raw) => {
        const edits = [];
        let cursor = 0;
        for (const [gap, len, replacement] of raw) {
          const start = cursor + (gap % 5);
          const end = start + len;
          if (end > text.length) break;
          edits.push({ start, end, replacement });
          cursor = end;
        }
        const out = applyEdits(identityText(text), edits);
        const replaced = new Set<number>();
        for (const e of edits) for (let i = e.start; i < Math.max(e.end, e.start + 1); i++) replaced.add(i);
        for (let i = 0; i < out.text.length; i++) {
          const o = out.origin[i];
          if (!replaced.has(o)) expect(out.text[i]).toBe(text[o]);
        }
        expect(out.origin[out.text.length]).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('slices and concatenation', () => {
  it('a document assembled from pieces keeps each piece’s origins', () => {
    const source = identityText('甲乙丙丁戊己');
    const doc = concatTexts([sliceText(source, 4, 6), sliceText(source, 0, 2)]);
    expect(doc.text).toBe('戊己甲乙');
    expect(Array.from(doc.origin.subarray(0, 4))).toEqual([4, 5, 0, 1]);
  });
});

describe('LineIndex', () => {
  it('gives 1-based lines and UTF-16 columns for LF, CRLF and CR line ends', () => {
    const lines = new LineIndex('一二\r\n三\r四\n𠀀五');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1 });
    expect(lines.position(6)).toEqual({ line: 3, column: 1 });
    // 𠀀 is two UTF-16 code units: 五 is column 3.
    expect(lines.position(10)).toEqual({ line: 4, column: 3 });
    expect(lines.offset({ line: 4, column: 3 })).toBe(10);
  });
});
