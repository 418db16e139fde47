import { describe, expect, it } from 'vitest';
import { codeUnitSet, nextIn, nextOf } from '../src/text/scan.js';

describe('nextOf', () => {
  const ends = /[。！？\n]/g;

  it('finds each next character of the class from a position, and the text length past the last', () => {
    const text = '到2025年，达到90%。要求\n完成！';
    const found: number[] = [];
    for (let i = nextOf(text, 0, ends); i < text.length; i = nextOf(text, i + 1, ends)) found.push(i);
    expect(found).toEqual([text.indexOf('。'), text.indexOf('\n'), text.indexOf('！')]);
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
    const found: number[] = [];
    for (let i = nextIn(text, 0, numerals); i < text.length; i = nextIn(text, i + 1, numerals)) found.push(i);
    expect(found).toEqual([text.indexOf('三'), text.indexOf('1'), text.indexOf('万')]);
    expect(nextIn(text, text.length, numerals)).toBe(text.length);
    expect(nextIn('建立健全工作机制', 0, numerals)).toBe(8);
  });
});
