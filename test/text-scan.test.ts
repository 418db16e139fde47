import { describe, expect, it } from 'vitest';
import { codeUnitSet, nextIn, nextOf } from '../src/text/scan.js';

/** Every position `next` finds in `text`, each search starting after the last find. */
function everyFind(text: string, next: (text: string, from: number) => number): number[] {
  const found: number[] = [];
  for (let i = next(text, 0); i < text.length; i = next(text, i + 1)) found.push(i);
  return found;
}

describe('nextOf', () => {
  const ends = /[。！？\n]/g;

  it('finds each next character of the class from a position, and the text length past the last', () => {
    const text = '到2025年，达到90%。要求\n完成！';
    expect(everyFind(text, (t, from) => nextOf(t, from, ends))).toEqual([text.indexOf('。'), text.indexOf('\n'), text.indexOf('！')]);
    expect(nextOf(text, text.length, ends)).toBe(text.length);
    expect(nextOf('', 0, ends)).toBe(0);
  });

  it('does not depend on where an earlier search with the same pattern stopped', () => {
    const text = '甲。乙。';
    expect(nextOf(text, 3, ends)).toBe(3);
    expect(nextOf(text, 0, ends)).toBe(1);
  });
});

describe('nextIn', () => {
  const numerals = codeUnitSet(['0123456789', '一二三十百', 0x4e07]); // 0x4e07: 万

  it('finds each next code unit of the set from a position, and the text length past the last', () => {
    const text = '建成三所，覆盖1万人。';
    expect(everyFind(text, (t, from) => nextIn(t, from, numerals))).toEqual([text.indexOf('三'), text.indexOf('1'), text.indexOf('万')]);
    expect(nextIn(text, text.length, numerals)).toBe(text.length);
    expect(nextIn('建立健全工作机制', 0, numerals)).toBe(8);
  });
});
