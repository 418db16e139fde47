/**
 * Sibling comparison of two plans' indicator tables (one target per row and target-year column),
 * as two cities' chronic-disease plans of one period would be compared. Content written for the test.
 */
import { describe, expect, it } from 'vitest';
import { diffResults } from '../src/diff/diff.js';
import { doc, result, target } from './fixtures-diff/build.js';

const row = (indicator: string, unit: string | null, values: [Parameters<typeof target>[1], number, Parameters<typeof target>[1], number], line: number) => [
  target(indicator, values[0], values[1], { unit, year: 2020, source: 'table', line }),
  target(indicator, values[2], values[3], { unit, year: 2025, source: 'table', line }),
];

describe('sibling plans: indicator tables with 2020 and 2025 columns', () => {
  const a = result('a.txt', [
    doc('d1', '甲市人民政府关于印发两个规划的通知', { kind: 'notice' }),
    doc('d3', '甲市防治慢性病中长期规划（2017—2025年）', {
      topic: '慢性病',
      targets: [
        ...row('脑卒中死亡率（1/10万）', '1/10万', ['decrease', 10, 'decrease', 15], 40),
        ...row('脑卒中、冠心病患者随访管理率（%）', '%', ['gte', 60, 'gte', 70], 41),
        ...row('健康支持性环境示范县（区）覆盖率（%）', '%', ['gte', 50, 'gte', 80], 42),
        ...row('12岁儿童患龋率（%）', '%', ['lte', 30, 'lte', 25], 43),
      ],
    }),
  ]);
  const b = result('b.txt', [
    doc('d2', '乙市慢性病防治中长期规划（2018—2025年）', {
      topic: '慢性病',
      targets: [
        ...row('健康支持性环境示范区覆盖率（%）', '%', ['gte', 50, 'gte', 70], 60),
        ...row('冠心病患者随访管理率（%）', '%', ['gte', 60, 'gte', 75], 61),
        ...row('脑卒中患者随访管理率（%）', '%', ['gte', 55, 'gte', 70], 62),
        ...row('脑卒中死亡率（1/10 万）', '1/10万', ['decrease', 10, 'decrease', 10], 63),
        ...row('经常参加体育锻炼人数比例（%）', '%', ['gte', 38, 'gte', 40], 64),
      ],
    }),
  ]);

  it('pairs the plans by title without region and period, and aligns each row per year', () => {
    const diff = diffResults(a, b);
    expect(diff.pairs.map((p) => [p.child.documentId, p.parent.documentId, p.pairedBy])).toEqual([['d3', 'd2', 'title']]);
    const rows = diff.pairs[0].targets.map((t) => [t.child?.span.start.line ?? null, t.parent?.span.start.line ?? null, t.year, t.verdict]);
    expect(rows).toEqual([
      [40, 63, 2020, 'same'],
      [40, 63, 2025, 'stricter'],
      [41, 61, 2020, 'same'],
      [41, 62, 2020, 'stricter'],
      [41, 61, 2025, 'looser'],
      [41, 62, 2025, 'same'],
      [42, 60, 2020, 'same'],
      [42, 60, 2025, 'stricter'],
      [43, null, 2020, 'added'],
      [43, null, 2025, 'added'],
      [null, 64, 2020, 'dropped'],
      [null, 64, 2025, 'dropped'],
    ]);
  });
});
