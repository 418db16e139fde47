/**
 * parseChineseInteger against the public test tables of cn2an (Ailln/cn2an, read in place from
 * /work/shared/external/cn2an; see PROVENANCE.md there), restricted to what plan texts write:
 * non-negative integers in Chinese characters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChineseInteger } from '../src/text/numerals.js';
import { externalPath } from './helpers/external.js';

const CASES_PATH = externalPath('cn2an/cn2an_testcases.json');

interface Cn2anTables {
  cn2an: {
    strict: Record<string, number>;
    normal_only: Record<string, number>;
    direct: Record<string, string>;
    error_inputs: { strict_specific: string[]; normal_specific: string[] };
  };
  an2cn: { cases: { value: number; low: string; up: string }[] };
}

const tables: Cn2anTables | null = CASES_PATH === null ? null : (JSON.parse(readFileSync(CASES_PATH, 'utf8')) as Cn2anTables);

/**
 * Why a case does not apply to heading ordinals and counts in plan texts, or null when it does.
 * Money (元, 角, 分), decimals (点) and negatives (负) are read by the targets stage, not here.
 */
function skipReason(input: string, value: number): string | null {
  if (/[元圆角分整正]/.test(input)) return 'currency';
  if (input.includes('点') || !Number.isInteger(value)) return 'decimal';
  if (input.includes('负') || value < 0) return 'negative';
  if (!Number.isSafeInteger(value)) return 'beyond Number.MAX_SAFE_INTEGER';
  return null;
}

/** cn2an's strict and normal integer cases and an2cn's integer spellings, as [input, value]. */
function applicableCases(tables: Cn2anTables): [string, number][] {
  const out: [string, number][] = [];
  const add = (input: string, value: number) => {
    if (skipReason(input, value) === null) out.push([input, value]);
  };
  for (const [input, value] of Object.entries(tables.cn2an.strict)) add(input, value);
  for (const [input, value] of Object.entries(tables.cn2an.normal_only)) add(input, value);
  // direct mode: digit-by-digit strings; only those that are a plain number (no leading zero, no 幺).
  for (const [input, digits] of Object.entries(tables.cn2an.direct)) {
    if (/^[1-9]\d*$/.test(digits) && !input.includes('幺')) add(input, Number(digits));
  }
  for (const c of tables.an2cn.cases) {
    add(c.low, c.value);
    add(c.up, c.value);
  }
  return out;
}

describe.runIf(tables !== null)('parseChineseInteger on cn2an test cases', () => {
  const cases = tables === null ? [] : applicableCases(tables);
  const passed = cases.filter(([input, value]) => parseChineseInteger(input) === value).length;

  it(`passes ${passed}/${cases.length} applicable cn2an integer cases`, () => {
    // The pass rate is in the test name; every applicable case must pass.
    expect(cases.length).toBeGreaterThan(100);
    for (const [input, value] of cases) expect([input, parseChineseInteger(input)]).toEqual([input, value]);
  });

  it('rejects the malformed inputs cn2an rejects in normal mode', () => {
    const invalid = [
      ...tables!.cn2an.error_inputs.normal_specific,
      // strict-mode errors that are malformed in any mode (一一 and 壹壹 are valid in normal mode).
      ...tables!.cn2an.error_inputs.strict_specific.filter((s) => !/^(.)\1$/.test(s)),
    ];
    for (const input of invalid) expect([input, parseChineseInteger(input)]).toEqual([input, null]);
  });
});

describe('parseChineseInteger on heading ordinals', () => {
  it('reads ordinals as plans write them', () => {
    expect(parseChineseInteger('十七')).toBe(17);
    expect(parseChineseInteger('二十')).toBe(20);
    expect(parseChineseInteger('九十九')).toBe(99);
    expect(parseChineseInteger('一百零三')).toBe(103);
    expect(parseChineseInteger('一百二十一')).toBe(121);
    expect(parseChineseInteger('二〇二五')).toBe(2025);
  });

  it('returns null for non-numerals and odd input', () => {
    expect(parseChineseInteger('')).toBeNull();
    expect(parseChineseInteger('十三五规划')).toBeNull();
    expect(parseChineseInteger('二二十')).toBeNull();
    expect(parseChineseInteger('\u0000')).toBeNull();
  });
});
