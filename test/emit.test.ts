import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../src/emit/emit.js';
import { readFileSync } from 'node:fs';
import { csvTable, neutralise } from '../src/emit/csv.js';
import { extract } from '../src/pipeline.js';

describe('YAML output', () => {
  it('has no anchors or aliases even when objects are shared, and strings that look like other types stay strings', () => {
    const shared = { name: '区卫计委', raw: '卫计委' };
    const value = { lead: [shared], support: [shared], texts: ['!tag', '&anchor', '*alias', 'true', '1.0', '2017-12-21', 'null', '~', '- 条目', '# 注释', '分别：70%、90%'] };
    const yaml = toYaml(value);
    expect(yaml).not.toMatch(/[&*]\w+\s*$|^\s*[^'"\n]*![a-z]/m);
    expect(parse(yaml)).toEqual(value);
  });
  it('keeps long Chinese lines whole (no folding that would change the text)', () => {
    const text = '为认真落实《“健康中国2030”规划纲要》'.repeat(20);
    expect(toYaml({ text }).trim().split('\n')).toHaveLength(1);
  });
});

describe('CSV cells', () => {
  it('neutralises formula starters and leaves other cells alone', () => {
    expect(['=1+1', '+86', '-5%', '@SUM(A1)', '\tx', '到2020年', 42, null].map(neutralise)).toEqual([
      "'=1+1", "'+86", "'-5%", "'@SUM(A1)", "'\tx", '到2020年', 42, null,
    ]);
  });
});

describe('CSV targets table', () => {
  it('has year_from right after year, holding where each year came from', () => {
    const plan = '某某市慢性病防治规划（2021—2025年）\n一、主要目标\n到2023年，高血压患者规范管理率达到65%。\n糖尿病患者规范管理率达到70%。\n';
    const [header, ...rows] = csvTable([extract(Buffer.from(plan, 'utf8'), 'plan.txt')], 'targets').trim().split('\n').map((l) => l.split(','));
    const at = header.indexOf('year_from');
    expect(header[at - 1]).toBe('year');
    expect(rows.map((r) => [r[at - 1], r[at]])).toEqual([['2023', 'text'], ['2025', 'period']]);
  });
});

describe('csv responsibilities', () => {
  it('gives each department’s level beside its name, in the same order', () => {
    const path = 'fixtures/departments/national-ministries.txt';
    // No cell of this plan's responsibilities holds an ASCII comma or a quote.
    const [header, ...rows] = csvTable([extract(readFileSync(path), path)], 'responsibilities').trim().split('\n').map((line) => line.split(','));
    const column = (name: string) => header.indexOf(name);
    const row = rows.find((r) => r[column('text')] === '（国家卫生健康委牵头，中央宣传部、教育部、广电总局参与）')!;
    expect([row[column('lead')], row[column('lead_level')]]).toEqual(['国家卫生健康委', 'national']);
    expect([row[column('support')], row[column('support_level')]]).toEqual(['中央宣传部；教育部；广电总局', 'national；national；national']);
  });
});
