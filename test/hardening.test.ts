/**
 * Hardening: adversarial inputs and property-based tests over the whole pipeline. Each input must
 * complete (or be refused with an InputError), with a schema-valid result whose spans point inside
 * the input and which loses nothing. Speed is not asserted here: `npm run bench` shows the scaling.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADVERSARIAL, nestedLyingHtml } from '../bench/adversarial-inputs.mjs';
import { cleanText, extract, InputError } from '../src/pipeline.js';
import { assertValid, spansOutside, unaccountedCharacters } from './helpers/invariants.js';

/** Runs the pipeline; returns null when the input was refused with a clear InputError. */
function run(bytes: Uint8Array, path: string) {
  try {
    const result = extract(bytes, path);
    const clean = cleanText(bytes, path);
    return { result, clean };
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.message).not.toMatch(/\n/);
      return null;
    }
    throw error;
  }
}

function checkAll(bytes: Uint8Array, path: string): void {
  const out = run(bytes, path);
  if (!out) return;
  assertValid(out.result);
  expect(spansOutside(out.result, out.clean.source.source)).toEqual([]);
  expect(unaccountedCharacters(out.clean)).toEqual([]);
}

describe('adversarial inputs complete with a valid result', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(name, () => checkAll(make(1), `${name}.txt`), 120_000);
  }
  it('HTML with 10 000 nested elements and a meta charset that lies', () => {
    const out = run(nestedLyingHtml(1), 'nested.html');
    expect(out).not.toBeNull();
    assertValid(out!.result);
    expect(out!.clean.source.content.text).toContain('总体到位率达到95%以上');
  }, 120_000);
  it('invalid UTF-8 in valid text is decoded with a warning, not refused', () => {
    const out = run(ADVERSARIAL['invalid UTF-8 in valid text'](0.01), 'invalid.txt');
    expect(out).not.toBeNull();
    expect(out!.result.diagnostics.some((d) => d.code === 'PLN005')).toBe(true);
  });
});

// Pieces plan texts are made of: CJK text, heading markers, numbers with units, brackets, tabs,
// blank lines, Kangxi radicals (⼈⼜⼗), traditional characters (學醫) and stray punctuation.
const PIECES = [
  '一、', '（一）', '(二)', '1．', '2.', '（1）', '专栏1', '第一章', '到2020年，', '达到95%以上', '控制在0.5%以下', '5‰', '8.5/10万',
  '1.48张/万人', '3至5人', '（区卫计委牵头负责，区教育局参与）', '（责任主体：市卫计委，各县区政府）', '《天津市“十三五”结核病防治规划》（津政办发〔2017〕104号）',
  '\t', '\n', '\n\n', ' ', '　', '，，，', '。', '：', '⼈⼜', '⼗三五', '中小學生', '醫療', '[bookmark: _GoBack]', '----', '结核病防治工作',
  '主要指标\t基线\t2020年\t2025年\n', '规划（2016—2020年）\n', '抄送：市委办公室。\n', '2017年12月21日\n', '联系人：张三，电话13912345678',
];
const planText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

// 400 + 400 + 200 cases per run: enough to have hit every piece in many orders.
describe('property: the pipeline never throws, and its result is valid, in range and complete', () => {
  it('for strings built from plan-text pieces (400 cases)', () => {
    fc.assert(fc.property(planText, (text) => checkAll(Buffer.from(text, 'utf8'), 'p.txt')), { numRuns: 400 });
  });
  it('for arbitrary Unicode strings (400 cases)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => checkAll(Buffer.from(text, 'utf8'), 'u.txt')), { numRuns: 400 });
  });
  it('for arbitrary bytes (200 cases)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => checkAll(bytes, 'b.txt')), { numRuns: 200 });
  });
});
