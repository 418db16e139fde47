import { describe, expect, it } from 'vitest';
import { pairDocuments, titleKey, titleScore, UnknownDocumentError } from '../src/diff/pairing.js';
import { diffResults } from '../src/diff/diff.js';
import { DiffResultSchema } from '../src/diff/model.js';
import { doc, result, target } from './fixtures-diff/build.js';

const ids = (pairing: ReturnType<typeof pairDocuments>) => pairing.pairs.map((p) => [p.child.id, p.parent.id, p.pairedBy]);

describe('title keys', () => {
  it.each([
    ['江西省赣州市章贡区“十四五”结核病防治规划', null, '十四五结核病防治规划'],
    ['江西省赣州市"十四五"结核病防治规划', null, '十四五结核病防治规划'],
    ['广东省广州市越秀区“十四五”卫生健康事业发展规划', null, '十四五卫生健康事业发展规划'],
    ['内蒙古自治区包头市昆都仑区防治慢性病中长期规划（2018—2025年）', null, '防治慢性病中长期规划'],
    ['章贡区遏制与防治艾滋病“十四五”行动计划', '江西省赣州市章贡区', '遏制与防治艾滋病十四五行动计划'],
    ['中国遏制与防治艾滋病“十四五”行动计划', null, '遏制与防治艾滋病十四五行动计划'],
    ['全国精神卫生工作规划（2015-2020年）', null, '精神卫生工作规划'],
  ])('%s → %s', (title, region, key) => {
    expect(titleKey(title, region)).toBe(key);
  });
});

describe('document pairing', () => {
  const childFile = result('zhanggong.txt', [
    doc('d1', '赣州市章贡区人民政府办公室关于转发区卫健委拟定的两个防治规划的通知', { kind: 'notice' }),
    doc('d2', '赣州市章贡区遏制与防治艾滋病“十四五”行动计划', { topic: '艾滋病' }),
    doc('d3', '赣州市章贡区“十四五”结核病防治规划', { topic: '结核病' }),
    doc('d4', '抄送：区委办公室', { kind: 'endmatter' }),
  ]);
  const parentFile = result('ganzhou.txt', [
    doc('d1', '赣州市人民政府办公室关于印发赣州市“十四五”结核病防治规划和遏制与防治艾滋病行动计划的通知', { kind: 'notice' }),
    doc('d2', '赣州市“十四五”结核病防治规划', { topic: '结核病' }),
    doc('d3', '赣州市遏制与防治艾滋病“十四五”行动计划', { topic: '艾滋病' }),
  ]);

  it('pairs each plan with its counterpart by title without the region; notices and end matter are not paired', () => {
    const pairing = pairDocuments(childFile, parentFile);
    expect(ids(pairing)).toEqual([
      ['d2', 'd3', 'title'],
      ['d3', 'd2', 'title'],
    ]);
    expect(pairing.unpaired).toEqual({ child: [], parent: [] });
  });

  it('a title the child cites pairs first, whatever the quotes and spaces', () => {
    const child = result('a.txt', [
      doc('d1', '章贡区结核病防治工作实施方案', {
        references: [{ title: '赣州市 "十四五" 结核病防治规划', docNumber: '赣市府办发〔2021〕30号' }],
      }),
    ]);
    const parent = result('b.txt', [
      doc('d1', '章贡区结核病防治工作实施方案（2016—2020年）'),
      doc('d2', '赣州市“十四五”结核病防治规划'),
    ]);
    expect(ids(pairDocuments(child, parent))).toEqual([['d1', 'd2', 'reference']]);
    expect(pairDocuments(child, parent).unpaired).toEqual({ child: [], parent: ['d1'] });
  });

  it('a cited 关于印发X的通知 stands for X', () => {
    const child = result('a.txt', [
      doc('d1', '某县精神卫生服务体系建设方案', { references: [{ title: '某市人民政府办公室关于转发市卫生健康委等部门拟定的某市精神卫生工作规划的通知', docNumber: null }] }),
    ]);
    const parent = result('b.txt', [doc('d1', '某市精神卫生工作规划')]);
    expect(ids(pairDocuments(child, parent))).toEqual([['d1', 'd1', 'reference']]);
  });

  it('equal topics lift a weak title match; different topics block a strong one', () => {
    const a = doc('d1', '某区慢性病综合防控示范区建设实施方案', { topic: '慢性病' });
    const b = doc('d1', '某市防治慢性病中长期规划', { topic: '慢性病' });
    const c = doc('d1', '某市防治慢性病中长期规划', { topic: null });
    expect(titleScore(a, b) - titleScore(a, c)).toBeCloseTo(0.3);
    const tb = doc('d1', '某市结核病防治规划', { topic: '结核病' });
    const hiv = doc('d1', '某市艾滋病防治规划', { topic: '艾滋病' });
    expect(ids(pairDocuments(result('a', [tb]), result('b', [hiv])))).toEqual([]);
  });

  it('nothing pairs: no pairs, every plan unpaired', () => {
    const pairing = pairDocuments(
      result('a.txt', [doc('d1', '某县口腔健康促进行动方案')]),
      result('b.txt', [doc('d1', '某市职业病防治规划'), doc('d2', '某市关于印发规划的通知', { kind: 'notice' })]),
    );
    expect(pairing).toEqual({ pairs: [], unpaired: { child: ['d1'], parent: ['d1'] } });
  });

  it('--child-doc/--parent-doc choose explicitly, even documents of another kind', () => {
    expect(ids(pairDocuments(childFile, parentFile, { childDoc: 'd1', parentDoc: 'd1' }))).toEqual([['d1', 'd1', 'explicit']]);
  });

  it('one id given: paired with the best-scoring plan of the other file', () => {
    expect(ids(pairDocuments(childFile, parentFile, { childDoc: 'd3' }))).toEqual([['d3', 'd2', 'explicit']]);
    expect(ids(pairDocuments(childFile, parentFile, { parentDoc: 'd3' }))).toEqual([['d2', 'd3', 'explicit']]);
  });

  it('an unknown id is an error naming the file and its documents', () => {
    expect(() => pairDocuments(childFile, parentFile, { parentDoc: 'd9' })).toThrow(UnknownDocumentError);
    expect(() => pairDocuments(childFile, parentFile, { parentDoc: 'd9' })).toThrow('no document d9 (documents: d1, d2, d3)');
  });
});

describe('diffResults', () => {
  it('produces a result that satisfies DiffResultSchema, with files and titles of both sides', () => {
    const child = result('child.txt', [doc('d2', '某区“十四五”结核病防治规划', { targets: [target('学生肺结核患者密切接触者筛查率', 'gte', 98)] })]);
    const parent = result('parent.txt', [doc('d5', '某市“十四五”结核病防治规划', { targets: [target('学生肺结核患者密切接触者筛查率', 'gte', 95)] })]);
    const diff = diffResults(child, parent);
    expect(DiffResultSchema.safeParse(diff).success).toBe(true);
    expect(diff.pairs[0].child).toEqual({ file: 'child.txt', documentId: 'd2', title: '某区“十四五”结核病防治规划' });
    expect(diff.pairs[0].parent.documentId).toBe('d5');
    expect(diff.pairs[0].targets.map((t) => t.verdict)).toEqual(['stricter']);
  });
});
