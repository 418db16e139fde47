import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../src/stages/targets.js';
import { readTables } from '../src/stages/targets/table.js';
import { identityText } from '../src/text/mapped-text.js';
import type { DocumentMetadata, DocumentPart, StageDiagnostic } from '../src/model/stages.js';

const FIXTURES = 'fixtures';
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
const read = (name: string) => readFileSync(`${FIXTURES}/${files.find((f) => f.startsWith(name))}`, 'utf8');

function meta(period: { start: number; end: number } | null): DocumentMetadata {
  return { issuer: null, date: null, docNumber: null, region: null, topic: null, period, references: [] };
}
function run(text: string, period: { start: number; end: number } | null = null) {
  const doc: DocumentPart = { kind: 'plan', text: identityText(text), title: '', titleRange: [0, 0], titleTruncated: false };
  const diagnostics: StageDiagnostic[] = [];
  const targets = extractTargets(doc, { sections: [], preambleRange: [0, 0] }, meta(period), { file: 'x', report: (d) => diagnostics.push(d) });
  return { targets, diagnostics };
}
/** The table targets of a row, located by its indicator, as [comparator, value, unit, year]. */
function row(text: string, indicator: string, periodStart: number | null = null) {
  return readTables(text, { periodStart }).targets.filter((t) => t.indicator === indicator)
    .map((t) => [t.comparator, t.value, t.valueMax, t.unit, t.year, t.baseline]);
}

describe('readTables on the samples', () => {
  it('000: one cell per line, baseline column 基线', () => {
    const text = read('000');
    expect(row(text, '心脑血管疾病死亡率')).toEqual([
      ['decrease', 10, null, '%', 2020, { value: 223.6, unit: '1/10万', year: null }],
      ['decrease', 15, null, '%', 2025, { value: 223.6, unit: '1/10万', year: null }],
    ]);
    expect(row(text, '15岁以上人群吸烟率')).toEqual([
      ['lte', 25, null, '%', 2020, { value: 28.1, unit: '%', year: null }],
      ['lte', 20, null, '%', 2025, { value: 28.1, unit: '%', year: null }],
    ]);
    expect(row(text, '国家慢性病综合防控示范区').map((t) => t[0])).toEqual(['qualitative', 'qualitative']);
  });

  it('001: tab-separated rows', () => {
    const text = read('001');
    expect(row(text, '70岁以下人群慢性呼吸系统疾病死亡率')).toEqual([
      ['lt', 7.9, null, '1/10万', 2020, { value: 7.9, unit: '1/10万', year: null }],
      ['lt', 7.9, null, '1/10万', 2025, { value: 7.9, unit: '1/10万', year: null }],
    ]);
    expect(row(text, '15岁以上人群吸烟率').map((t) => [t[0], t[1]])).toEqual([['lte', 22], ['lte', 20]]);
    expect(row(text, '国家慢性病综合防控示范区覆盖率').map((t) => [t[0], t[1]])).toEqual([['gte', 50], ['gte', 50]]);
  });

  it('002: multi-line cells, merged cells, the 2020 column is the base period', () => {
    const text = read('002');
    // A plain target below its base value is a ceiling.
    expect(row(text, '婴儿死亡率', 2021)).toEqual([['lte', 5, null, '‰', 2025, { value: 6, unit: '‰', year: 2020 }]]);
    expect(row(text, '医护比', 2021)).toEqual([['lte', 1, null, 'ratio', 2025, { value: 1.34, unit: 'ratio', year: 2020 }]]);
    expect(row(text, '每万常住人口疾病预防控制人员数', 2021).map((t) => [t[0], t[1], t[3]])).toEqual([['gte', 1.75, '人']]);
  });
});

describe('readTables: layouts not in the samples', () => {
  it('reads a TSV table with a 现状 column and flags a short row', () => {
    const text = '指标名称\t现状\t2030年目标\n高血压患者管理率（%）\t40\t≥60\n吸烟率（%）\t26\n';
    const r = readTables(text, { periodStart: null });
    expect(r.targets.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year, t.baseline?.value])).toEqual([
      ['高血压患者管理率', 'gte', 60, '%', 2030, 40],
    ]);
    expect(r.badRows.length).toBe(1);
  });
});

describe('extractTargets on the samples (no section tree)', () => {
  it('000 TB goals: items under 到2020年，实现以下工作指标： get 2020', () => {
    const { targets } = run(read('000'), { start: 2017, end: 2025 });
    const t = targets.find((x) => x.indicator === '报告肺结核患者和疑似肺结核患者的总体到位率');
    expect([t?.comparator, t?.value, t?.unit, t?.year]).toEqual(['gte', 95, '%', 2020]);
    expect(targets.some((x) => x.indicator.includes('治愈率'))).toBe(false);
    const bed = targets.find((x) => x.unit === '张/万人');
    expect([bed?.value, bed?.year]).toEqual([1.48, 2017]);
  });

  it('every target points at its value inside its text', () => {
    for (const f of files) {
      const text = readFileSync(`${FIXTURES}/${f}`, 'utf8');
      for (const t of run(text).targets) {
        const written = text.slice(t.range[0], t.range[1]);
        expect(t.text.includes(written)).toBe(true);
        if (t.value !== null) expect(/[\d一二三四五六七八九十百千两]/.test(written)).toBe(true);
      }
    }
  });
});
