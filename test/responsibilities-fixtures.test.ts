/**
 * Measures and responsibilities on the sample texts, through the whole pipeline. Expected values
 * were read from the sample texts themselves (line numbers given with each).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import type { PlanDocument } from '../src/model/schemas.js';

function documents(name: string): PlanDocument[] {
  return extract(readFileSync(`fixtures/${name}`), `fixtures/${name}`).documents;
}

const names = (list: { name: string }[]) => list.map((d) => d.name);

describe('fixture 001 (连云港市, （责任主体：…） clauses)', () => {
  const docs = documents('001_308a46a949dc7d1f.txt');
  const all = docs.flatMap((d) => d.responsibilities);

  it('reads all 69 责任主体 clauses of the file, each attached to a measure', () => {
    const clauses = all.filter((r) => r.text.startsWith('（责任主体'));
    expect(clauses).toHaveLength(69);
    expect(clauses.every((r) => r.measureId !== null)).toBe(true);
  });

  it('lists every body of a clause as lead, collective bodies included (line 171)', () => {
    const r = all.find((x) => x.text.startsWith('（责任主体：市卫计委、连云港海关'))!;
    expect(r.lead.map((d) => d.raw)).toEqual(['市卫计委', '连云港海关', '市公安局', '市司法局', '市发改委', '市财政局', '各县区政府', '功能板块管委会']);
    expect(r.support).toEqual([]);
  });

  it('links the measure to its clauses (1. 完善监测评估体系, lines 65–67)', () => {
    const m = docs[0].measures.find((x) => x.title === '完善监测评估体系')!;
    expect(m.responsibilityIds).toHaveLength(1);
    const r = docs[0].responsibilities.find((x) => x.id === m.responsibilityIds[0])!;
    expect(names(r.lead).slice(0, 3)).toEqual(['市环境保护局', '市农委', '市卫生计生委']);
  });

  it('reads the sector duties of 落实部门职责 (line 349): 公安、司法部门负责会同卫计部门', () => {
    const r = all.find((x) => x.text.startsWith('公安、司法部门负责'))!;
    expect(names(r.lead)).toEqual(['公安部门', '司法部门']);
    expect(names(r.support)).toEqual(['卫生计生部门']);
  });
});

describe('fixture 000 (蓟州区, verbal clauses and duty sentences)', () => {
  const all = documents('000_a55dad31d5b2c431.txt').flatMap((d) => d.responsibilities);

  it('（区卫计委牵头负责，区审批局、发展改革委参与） (line 446)', () => {
    const r = all.find((x) => x.text === '（区卫计委牵头负责，区审批局、发展改革委参与）')!;
    expect(r.lead).toEqual([{ name: '区卫生计生委', raw: '区卫计委', level: 'county' }]);
    expect(r.support).toEqual([
      { name: '区行政审批局', raw: '区审批局', level: 'county' },
      { name: '区发展改革委', raw: '发展改革委', level: 'county' },
    ]);
    expect(r.measureId).not.toBeNull();
  });

  it('（区卫计委、民政局分别负责）: two leads', () => {
    expect(names(all.find((x) => x.text === '（区卫计委、民政局分别负责）')!.lead)).toEqual(['区卫生计生委', '区民政局']);
  });

  it('区公安分局、司法局负责… in 落实部门职责 (line 96)', () => {
    const r = all.find((x) => x.text.startsWith('区公安分局、司法局负责'))!;
    expect(names(r.lead)).toEqual(['区公安分局', '区司法局']);
    expect(r.measureId).toBeNull();
  });
});

describe('fixture 004 (东胜区, duty list and 具体措施)', () => {
  const [plan] = documents('004_52bb338bf9d79d54.txt').filter((d) => d.kind === 'plan');

  it('reads the 17 items of 四、具体措施 as measures (lines 28–60), （2）（5）（16） included', () => {
    expect(plan.measures).toHaveLength(17);
    expect(plan.measures[0].title).toBe('建立领导督导小组');
    expect(plan.measures[1].title).toBe('构建全方位健康支持性环境');
    expect(plan.measures[16].title).toBe('开展特色防控工作');
  });

  it('reads the 18 entries of （二）特性职责 as one responsibility each (lines 73–90)', () => {
    const items = plan.responsibilities.filter((r) => /^\d+\./.test(r.text));
    expect(items).toHaveLength(18);
    expect(items[2].lead).toEqual([{ name: '区卫生健康委', raw: '区卫健委', level: 'county' }]);
    expect(names(items[17].lead)).toEqual(['各镇', '各街道']);
    // The entries of （一）共性职责 name no department.
    expect(plan.responsibilities.some((r) => r.text.startsWith('1.制定本部门'))).toBe(false);
  });
});

describe('departments/national-ministries.txt (a State Council plan naming central bodies)', () => {
  const result = extract(readFileSync('fixtures/departments/national-ministries.txt'), 'fixtures/departments/national-ministries.txt');
  const plan = result.documents.find((d) => d.kind === 'plan')!;
  const all = plan.responsibilities.flatMap((r) => [...r.lead, ...r.support]);

  it('knows every central body it names: no PLN601', () => {
    expect(result.diagnostics.filter((d) => d.code === 'PLN601')).toEqual([]);
    const bodies = new Set(all.map((d) => d.name));
    // Read from the clauses of lines 22–38.
    expect([...bodies].sort()).toEqual([
      '中国残联', '中国科协', '中国红十字会总会', '中央宣传部', '人力资源社会保障部', '住房城乡建设部', '体育总局', '全国妇联',
      '共青团中央', '农业农村部', '国家中医药局', '国家卫生健康委', '国家医保局', '国家发展改革委', '国家数据局', '国家疾控局',
      '国家药监局', '工业和信息化部', '市场监管总局', '广电总局', '应急管理部', '教育部', '民政部', '生态环境部', '科技部', '财政部',
    ].sort());
    expect(all.every((d) => d.level === 'national')).toBe(true);
  });

  it('gives 药监局 after 市场监管总局 the national level of its list (line 23)', () => {
    const r = plan.responsibilities.find((x) => x.text === '（市场监管总局、药监局负责）')!;
    expect(r.lead).toEqual([
      { name: '市场监管总局', raw: '市场监管总局', level: 'national' },
      { name: '国家药监局', raw: '药监局', level: 'national' },
    ]);
  });
});
