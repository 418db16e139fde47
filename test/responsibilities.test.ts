import { describe, expect, it } from 'vitest';
import { extractMeasures } from '../src/stages/measures.js';
import { extractResponsibilities } from '../src/stages/responsibilities.js';
import { documentLevel } from '../src/model/admin-level.js';
import type { DocumentPart, StageContext, StageDiagnostic } from '../src/model/stages.js';
import { identityText } from '../src/text/mapped-text.js';
import { buildTree } from './helpers/section-tree.js';

/** A document whose text starts at source offset `base` (as a document after a notice does). */
function doc(text: string, base = 0): DocumentPart {
  return { kind: 'plan', text: identityText(text, base), title: '', titleRange: [0, 0], titleTruncated: false };
}

function collect(): { ctx: StageContext; diagnostics: StageDiagnostic[] } {
  const diagnostics: StageDiagnostic[] = [];
  return { ctx: { file: 't.txt', report: (d) => void diagnostics.push(d) }, diagnostics };
}

const text = [
  '一、重点任务',
  '（一）完善服务体系。',
  '1．健全服务网络。建设区域中心。（县卫健局牵头负责，县发改局、财政局参与）',
  '2．加强康复服务。由县民政局牵头，县残联配合，做好康复救助。',
  '（二）加强宣传。县卫健局负责组织宣传周活动。（县卫健局、县融媒体中心负责）',
  '二、部门职责',
  '县教育局负责学校健康教育。县公安局、司法局要做好监管场所检查。各乡镇要落实属地责任。定点医院负责随访。',
  '1．县医疗保障局。负责完善医保政策。',
  '2．县园林服务中心。建设健康步道。',
  '三、监督评估',
  '县卫健局负责组织年度评估。县财政局要保障经费。',
].join('\n');
const tree = buildTree(text, [
  { level: 1, marker: '一、', title: '重点任务', children: [
    { level: 2, marker: '（一）', title: '完善服务体系', children: [
      { level: 3, marker: '1．', title: '健全服务网络' },
      { level: 3, marker: '2．', title: '加强康复服务' },
    ] },
    { level: 2, marker: '（二）', title: '加强宣传' },
  ] },
  { level: 1, marker: '二、', title: '部门职责', children: [
    { level: 3, marker: '1．', title: '县医疗保障局' },
    { level: 3, marker: '2．', title: '县园林服务中心' },
  ] },
  { level: 1, marker: '三、', title: '监督评估' },
]);

describe('extractResponsibilities on a synthetic plan', () => {
  const { ctx, diagnostics } = collect();
  const document = doc(text, 1000);
  const measures = extractMeasures(document, tree, ctx);
  const found = extractResponsibilities(document, tree, measures, ctx);
  const byText = (start: string) => found.find((r) => r.text.startsWith(start));
  const leadNames = (start: string) => byText(start)?.lead.map((d) => d.name);

  it('reads a bracketed clause, attached to the measure it sits in', () => {
    const r = byText('（县卫健局牵头负责')!;
    expect(r.lead).toEqual([{ name: '县卫生健康局', raw: '县卫健局', level: 'county' }]);
    expect(r.support).toEqual([{ name: '县发展改革局', raw: '县发改局', level: 'county' }, { name: '县财政局', raw: '财政局', level: 'county' }]);
    expect(r.measure?.title).toBe('健全服务网络');
    expect(r.section?.title).toBe('健全服务网络');
    expect(text.slice(...r.range)).toBe('（县卫健局牵头负责，县发改局、财政局参与）');
  });

  it('reads 由X牵头，Y配合 in running text', () => {
    const r = byText('由县民政局牵头')!;
    expect(r.lead.map((d) => d.name)).toEqual(['县民政局']);
    expect(r.support.map((d) => d.name)).toEqual(['县残联']);
    expect(r.measure?.title).toBe('加强康复服务');
    // Read once, as a clause, not again as a duty sentence of 县民政局.
    expect(found.filter((x) => x.text.includes('由县民政局牵头'))).toHaveLength(1);
  });

  it('reads a strong duty sentence inside a measure and the clause after it, separately', () => {
    expect(leadNames('县卫健局负责组织宣传周')).toEqual(['县卫生健康局']);
    expect(leadNames('（县卫健局、县融媒体中心负责）')).toEqual(['县卫生健康局', '县融媒体中心']);
    expect(byText('（县卫健局、县融媒体中心负责）')?.measure?.title).toBe('加强宣传');
  });

  it('reads every department sentence of a duties chapter, collective bodies included, institutions not', () => {
    expect(leadNames('县教育局负责学校')).toEqual(['县教育局']);
    expect(leadNames('县公安局、司法局要做好')).toEqual(['县公安局', '县司法局']);
    expect(leadNames('各乡镇要落实')).toEqual(['各乡镇']);
    expect(byText('定点医院')).toBeUndefined();
    expect(byText('县教育局负责学校')?.section?.title).toBe('部门职责');
    expect(byText('县教育局负责学校')?.measure).toBeNull();
  });

  it('reads duty-list items whose title is a department, one per item', () => {
    const item = byText('1．县医疗保障局')!;
    expect(item.lead).toEqual([{ name: '县医保局', raw: '县医疗保障局', level: 'county' }]);
    expect(item.text).toBe('1．县医疗保障局。负责完善医保政策。');
    expect(found.filter((r) => r.text.includes('负责完善医保政策'))).toHaveLength(1);
  });

  it('outside duties chapters keeps only known departments with 负责/牵头/会同', () => {
    expect(leadNames('县卫健局负责组织年度评估')).toEqual(['县卫生健康局']);
    expect(byText('县财政局要保障经费')).toBeUndefined();
  });

  it('reports unknown departments (PLN601) at their source offset', () => {
    const unknown = diagnostics.filter((d) => d.code === 'PLN601');
    expect(unknown.map((d) => d.actual).sort()).toEqual(['县园林服务中心']);
    for (const d of unknown) expect(text.slice(d.offset - 1000).startsWith(d.actual!)).toBe(true);
  });

  it('returns the responsibilities in reading order', () => {
    for (let k = 1; k < found.length; k++) expect(found[k].range[0]).toBeGreaterThanOrEqual(found[k - 1].range[0]);
  });
});

describe('extractResponsibilities without a section tree', () => {
  it('still finds the clauses, with section and measure null', () => {
    const { ctx } = collect();
    const found = extractResponsibilities(doc(text), { sections: [], preambleRange: [0, text.length] }, [], ctx);
    const clause = found.find((r) => r.text.startsWith('（县卫健局牵头负责'));
    expect(clause?.section).toBeNull();
    expect(clause?.measure).toBeNull();
    // Duty sentences of the duties chapter need the tree; strong ones with known departments do not.
    expect(found.some((r) => r.text.startsWith('县公安局、司法局要做好'))).toBe(false);
    expect(found.some((r) => r.text.startsWith('县教育局负责学校'))).toBe(true);
  });

  it('stays fast on a huge heading title in a duties chapter', () => {
    const { ctx } = collect();
    const title = '，'.repeat(500_000) + '职责' + '，'.repeat(500_000) + '甲';
    const big = `一、${title}\n1．${title}\n`;
    const bigTree = buildTree(big, [{ level: 1, marker: '一、', title, children: [{ level: 3, marker: '1．', title }] }]);
    const t0 = Date.now();
    expect(extractResponsibilities(doc(big), bigTree, [], ctx)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('does not hang or crash on odd input', () => {
    const { ctx } = collect();
    const odd = ['，'.repeat(100_000), '\u0000'.repeat(1000), '负责'.repeat(50_000), '（' + '区卫计委、'.repeat(50_000), '由'.repeat(100_000)].join('\n');
    const t0 = Date.now();
    expect(() => extractResponsibilities(doc(odd), { sections: [], preambleRange: [0, odd.length] }, [], ctx)).not.toThrow();
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('the level of each department', () => {
  const noTree = (t: string) => ({ sections: [], preambleRange: [0, t.length] as [number, number] });
  const read = (t: string, region: string | null, title = '') => {
    const { ctx, diagnostics } = collect();
    const found = extractResponsibilities(doc(t), noTree(t), [], ctx, [], documentLevel(region, title, null));
    return { found, diagnostics };
  };

  it('takes the level of the prefix, 市 in a plan of a municipality being provincial', () => {
    const t = '推进控烟立法。（市卫生健康委牵头，区教育局、市场监管局参与）';
    const [r] = read(t, '重庆市渝中区').found;
    expect(r.lead).toEqual([{ name: '市卫生健康委', raw: '市卫生健康委', level: 'province' }]);
    expect(r.support.map((d) => [d.name, d.level])).toEqual([['区教育局', 'county'], ['区市场监管局', 'county']]);
    const [city] = read('开展筛查。（州卫生健康委牵头负责，州民政局参与）', '黔东南苗族侗族自治州').found;
    expect(city.lead[0].level).toBe('city');
  });

  it('gives a body written without a prefix the document’s level, and no prefix it does not write', () => {
    const t = '完善医保支付政策。（医保局牵头负责，卫生健康委、财政厅参与）';
    const [r] = read(t, '湖南省').found;
    expect(r.lead).toEqual([{ name: '医保局', raw: '医保局', level: 'province' }]);
    expect(r.support.map((d) => [d.name, d.level])).toEqual([['卫生健康委', 'province'], ['财政厅', 'province']]);
    const [unknown] = read(t, null, '关于做好医保支付工作的意见').found;
    expect(unknown.lead[0].level).toBeNull();
  });

  it('in a national plan, names a local body written without a prefix as the central body', () => {
    const t = '加强药品监管。（卫生健康委、药监局、中医药局按职责分工负责）';
    const [r] = read(t, null, '全国药品安全规划').found;
    expect(r.lead.map((d) => [d.name, d.level])).toEqual([['国家卫生健康委', 'national'], ['国家药监局', 'national'], ['国家中医药局', 'national']]);
  });

  it('gives a collective body the level of its prefix only', () => {
    const [r] = read('落实属地责任。（各市州人民政府负责）', '湖北省').found;
    expect(r.lead).toEqual([{ name: '各市州人民政府', raw: '各市州人民政府', level: null }]);
    const [own] = read('做好保障。（县有关部门负责）', '宁夏回族自治区').found;
    expect(own.lead).toEqual([{ name: '县有关部门', raw: '县有关部门', level: 'county' }]);
  });

  it('reports an unknown name once per document, however often it is named', () => {
    const t = '开展宣传。（省健康教育所牵头负责）\n开展培训。（省健康教育所牵头负责，省卫生健康委参与）\n开展评估。（省农科院负责）';
    const { diagnostics } = read(t, '江西省');
    expect(diagnostics.filter((d) => d.code === 'PLN601').map((d) => d.actual)).toEqual(['省健康教育所', '省农科院']);
    // A second document names it again and is reported again.
    expect(read(t, '江西省').diagnostics.filter((d) => d.code === 'PLN601')).toHaveLength(2);
  });
});
