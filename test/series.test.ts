/**
 * `plans series`: plans ordered by level and period, indicators aligned across them, verdicts
 * between neighbours. Synthetic plans written for the test (another province, other wordings),
 * then the Tianjin samples (000 district 十三五, 002 district 十四五, 003 municipal 十三五).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { buildSeries, compareCells } from '../src/series/series.js';
import { planLevel } from '../src/series/level.js';
import { regionLevel } from '../src/model/admin-level.js';
import { withoutRegion } from '../src/diff/similarity.js';
import { renderSeriesCsv, SERIES_CSV_HEADER } from '../src/series/report-csv.js';
import { renderSeriesText } from '../src/series/report-text.js';
import type { SeriesResult } from '../src/series/model.js';
import { doc, result, target } from './fixtures-diff/build.js';
import { parseCsv } from './helpers/csv.js';
import { runCli } from './helpers/cli.js';

describe('administrative level', () => {
  it.each([
    ['广东省', 'province'],
    ['内蒙古自治区', 'province'],
    ['北京市', 'province'],
    ['深圳市', 'city'],
    ['甘孜藏族自治州', 'city'],
    ['锡林郭勒盟', 'city'],
    ['内蒙古自治区鄂尔多斯市东胜区', 'county'],
    ['上海市浦东新区', 'county'],
    ['阿荣旗', 'county'],
    ['全国', 'national'],
    ['长江经济带', null],
  ])('%s is %s', (region, level) => {
    expect(regionLevel(region)).toBe(level);
  });

  it('a national issuer wins; without a region, an issuer written with its level alone decides', () => {
    expect(planLevel({ issuer: '国务院办公厅', region: null })).toBe('national');
    expect(planLevel({ issuer: '国家卫生健康委', region: '全国' })).toBe('national');
    expect(planLevel({ issuer: '县卫生健康局', region: null })).toBe('county');
    expect(planLevel({ issuer: '市卫健委', region: null })).toBe('city');
    // 市场监管局 is a bureau's name, not a city's.
    expect(planLevel({ issuer: '市场监管局', region: null })).toBeNull();
  });
});

describe('an indicator without its plan region', () => {
  it.each([
    ['广州市婴儿死亡率', '广东省广州市', '婴儿死亡率'],
    ['广东省婴儿死亡率', '广东省广州市', '婴儿死亡率'],
    ['越秀区孕产妇死亡率', '广东省广州市越秀区', '孕产妇死亡率'],
    ['市级卫生村比例', '天津市蓟州区', '市级卫生村比例'],
    ['婴儿死亡率', null, '婴儿死亡率'],
  ])('%s in a plan of %s reads %s', (indicator, region, expected) => {
    expect(withoutRegion(indicator, region)).toBe(expected);
  });
});

// A chain written for the test: national 2030 plan, a province's 十三五, a county's 十三五 (2020 and
// 2025 values) and the same county's 十四五, given in scrambled order.
function chain(): SeriesResult {
  const national = doc('n1', '“健康中国2030”规划纲要', {
    issuer: '国务院',
    period: { start: 2016, end: 2030 },
    targets: [target('婴儿死亡率', 'lte', 5, { unit: '‰', year: 2030, line: 5 })],
  });
  const province = doc('p1', '广东省“十三五”卫生与健康规划', {
    region: '广东省',
    period: { start: 2016, end: 2020 },
    targets: [
      target('广东省婴儿死亡率', 'lte', 6, { unit: '‰', year: 2020, line: 7 }),
      target('孕产妇死亡率', 'lte', 12, { unit: '1/10万', year: 2020, line: 8 }),
    ],
  });
  const county13 = doc('c1', '某县“十三五”卫生计生事业发展规划', {
    region: '广东省梅州市某县',
    period: { start: 2016, end: 2020 },
    targets: [
      target('全县婴儿死亡率（‰）', 'lte', 6, { unit: '‰', year: 2020, line: 30, source: 'table' }),
      target('全县婴儿死亡率（‰）', 'lte', 5.5, { unit: '‰', year: 2025, line: 30, source: 'table' }),
      target('孕产妇死亡率', 'lte', 15, { unit: '%', year: 2020, line: 31 }),
    ],
  });
  const county14 = doc('c2', '某县“十四五”卫生健康事业发展规划', {
    region: '广东省梅州市某县',
    period: { start: 2021, end: 2025 },
    targets: [
      target('婴儿死亡率', 'lte', 5, { unit: '‰', year: 2025, line: 40, source: 'table' }),
      target('婴儿死亡率', 'lte', 5, { unit: '‰', year: 2025, line: 90 }),
    ],
  });
  return buildSeries([result('county14.txt', [county14]), result('county13.txt', [county13]), result('national.txt', [national]), result('province.txt', [province])]);
}

describe('series of synthetic plans', () => {
  const series = chain();

  it('orders plans national → province → county, then by period', () => {
    expect(series.plans.map((p) => [p.documentId, p.level])).toEqual([
      ['n1', 'national'],
      ['p1', 'province'],
      ['c1', 'county'],
      ['c2', 'county'],
    ]);
  });

  it('one row holds the indicator of all four plans, however written; verdicts between neighbours', () => {
    const row = series.rows[0];
    expect(row.cells.map((c) => [c.plan, c.indicator, c.targets.map((t) => [t.year, t.value])])).toEqual([
      [0, '婴儿死亡率', [[2030, 5]]],
      [1, '广东省婴儿死亡率', [[2020, 6]]],
      [2, '全县婴儿死亡率（‰）', [[2020, 6], [2025, 5.5]]],
      [3, '婴儿死亡率', [[2025, 5], [2025, 5]]],
    ]);
    // 2030 ≤5 → 2020 ≤6: each plan's latest; 2020 ≤6 → 2020 ≤6 (the year both set); 2025 ≤5.5 → 2025 ≤5.
    expect(row.steps.map((s) => [s.from, s.to, s.fromYear, s.toYear, s.verdict])).toEqual([
      [0, 1, 2030, 2020, 'looser'],
      [1, 2, 2020, 2020, 'same'],
      [2, 3, 2025, 2025, 'stricter'],
    ]);
  });

  it('a different unit keeps an indicator out of the row (‰ is not 1/10万)', () => {
    const maternal = series.rows.filter((r) => r.indicator === '孕产妇死亡率');
    expect(maternal.map((r) => r.cells.map((c) => c.plan))).toEqual([[1], [2]]);
  });

  it('--indicator keeps the matching rows only, all plans still listed', () => {
    const only = buildSeries(
      [result('province.txt', [doc('p1', '某省规划', { region: '广东省', targets: [target('婴儿死亡率', 'lte', 6, { unit: '‰' }), target('孕产妇死亡率', 'lte', 12, { unit: '1/10万' })] })])],
      { indicator: '孕产妇 死亡率' },
    );
    expect(only.rows.map((r) => r.indicator)).toEqual(['孕产妇死亡率']);
    expect(only.plans).toHaveLength(1);
  });

  it('text: a legend of plans and one table row per indicator, duplicate values shown once with both lines', () => {
    const text = renderSeriesText(series);
    expect(text).toContain('P1  national 2016–2030  “健康中国2030”规划纲要  (national.txt n1)');
    expect(text).toMatch(/婴儿死亡率 +│ 2030 ≤5‰ :5 +│ 2020 ≤6‰ :7 +│ 2020 ≤6‰ :30 +│ 2025 ≤5‰ :40,90/);
    expect(text).toMatch(/│ ← stricter\n/);
  });

  it('CSV: one row per indicator × plan, values of several years side by side', () => {
    const rows = parseCsv(renderSeriesCsv(series));
    expect(rows[0]).toEqual([...SERIES_CSV_HEADER]);
    const county = rows.find((r) => r[2] === 'P3' && r[1] === '婴儿死亡率')!;
    expect([county[9], county[10], county[11], county[12], county[13]]).toEqual(['2020; 2025', '≤6‰; ≤5.5‰', '30; 30', 'P2', 'same']);
    expect(rows.length - 1).toBe(series.rows.reduce((n, r) => n + r.cells.length, 0));
  });

  it('compareCells with no year in common compares each plan’s latest target', () => {
    const earlier = { plan: 0, indicator: 'x', targets: [target('x', 'gte', 80, { year: 2020 })] };
    const later = { plan: 1, indicator: 'x', targets: [target('x', 'gte', 85, { year: 2022 }), target('x', 'gte', 90, { year: 2025 })] };
    expect(compareCells(earlier, later)).toEqual({ from: 0, to: 1, fromYear: 2020, toYear: 2025, verdict: 'stricter' });
  });
});

describe('series of the Tianjin samples (000, 002, 003)', async () => {
  const files = ['fixtures/000_a55dad31d5b2c431.txt', 'fixtures/002_11cdaf7be783ca84.txt', 'fixtures/003_dda57fd9192b6255.txt'];
  const run = await runCli(['series', ...files, '--format', 'json']);
  const series = JSON.parse(run.stdout) as SeriesResult;
  const planOf = (file: string, id: string) => series.plans.findIndex((p) => p.file === file && p.documentId === id);
  const rowWith = (plan: number, indicator: string) => series.rows.find((r) => r.cells.some((c) => c.plan === plan && c.indicator === indicator))!;

  it('validates against the published schema', () => {
    const Ajv = ((Ajv2020 as unknown as { default?: unknown }).default ?? Ajv2020) as unknown as new (options: object) => { compile: (schema: object) => ValidateFunction };
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('schemas/series-result.schema.json', 'utf8')));
    expect(run.exitCode).toBe(0);
    expect(validate(series), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the municipal plans come first, the district 十四五 plan last', () => {
    expect(series.plans.slice(0, 2).map((p) => p.file)).toEqual([files[2], files[2]]);
    expect(series.plans.at(-1)!.file).toBe(files[1]);
  });

  it('肺结核发病率: municipal 2020 ≤20/10万 (003 line 29) → district 2025 ≤24.5/10万 (002 line 210), looser', () => {
    const row = rowWith(planOf(files[2], 'd3'), '天津市肺结核发病率');
    expect(row.cells.map((c) => [series.plans[c.plan].file, c.targets.map((t) => [t.year, t.value, t.span.start.line])])).toEqual([
      [files[2], [[2020, 20, 29]]],
      [files[1], [[2025, 24.5, 210]]],
    ]);
    expect(row.steps.map((s) => s.verdict)).toEqual(['looser']);
  });

  it('居民健康素养水平: district 2020 >27% and 2025 34% (000 lines 294–295), then 十四五 2025 31% (002 line 71; its restatement at line 176 is kept once)', () => {
    const row = rowWith(planOf(files[0], 'd4'), '居民健康素养水平');
    expect(row.cells.map((c) => c.targets.map((t) => [t.year, t.comparator, t.value, t.span.start.line]))).toEqual([
      [[2020, 'gt', 27, 294], [2025, 'gte', 34, 295]],
      [[2025, 'gte', 31, 71]],
    ]);
    expect(row.steps.map((s) => [s.fromYear, s.toYear, s.verdict])).toEqual([[2025, 2025, 'looser']]);
  });

  it('every municipal TB and HIV target the district plans also set is in one row with it', () => {
    for (const [municipal, district] of [['d3', 'd2'], ['d2', 'd3']]) {
      const m = planOf(files[2], municipal);
      const d = planOf(files[0], district);
      const rows = series.rows.filter((r) => r.cells.some((c) => c.plan === m));
      const shared = rows.filter((r) => r.cells.some((c) => c.plan === d));
      const alone = rows.filter((r) => !r.cells.some((c) => c.plan === d)).map((r) => r.indicator);
      // Read in both files: the district TB plan has no 发病率 and no 报告率 target; the HIV plan copies all 15.
      expect(alone).toEqual(municipal === 'd3' ? ['天津市肺结核发病率', '医疗机构肺结核患者和疑似肺结核患者报告率'] : []);
      expect(shared.length).toBe(municipal === 'd3' ? 5 : 14);
    }
  });
});

describe('plans series on the command line', () => {
  it('an unreadable input is one line on stderr, the others are still shown, exit 2', async () => {
    const run = await runCli(['series', 'fixtures/003_dda57fd9192b6255.txt', 'no-such-plan.txt', '--indicator', '到位率']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-plan.txt');
    expect(run.stdout).toContain('天津市“十三五”结核病防治规划');
    expect(run.stdout).toContain('2020 ≥95% :29');
  });

  it('an unknown format is a usage error', async () => {
    expect((await runCli(['series', 'fixtures/003_dda57fd9192b6255.txt', '--format', 'yaml'])).exitCode).toBe(2);
  });
});
