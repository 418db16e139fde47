import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { metadata } from '../src/stages/metadata.js';
import { findChineseDates } from '../src/stages/metadata/dates.js';
import type { DocumentPart, StageContext, StageDiagnostic } from '../src/model/stages.js';
import { identityText, sliceText, type MappedText } from '../src/text/mapped-text.js';

const reported: StageDiagnostic[] = [];
const ctx: StageContext = { file: 'test.txt', report: (d) => void reported.push(d) };

/** A document made of `text[start, end)`; its title is the text from its start up to `titleEnd` (a string in it). */
function part(kind: DocumentPart['kind'], source: MappedText, start: number, end: number, titleText: string, titleTruncated = false): DocumentPart {
  const text = sliceText(source, start, end);
  const at = text.text.indexOf(titleText);
  if (at < 0) throw new Error(`title not in part: ${titleText}`);
  return { kind, text, title: titleText.replace(/\s+/g, ''), titleRange: [at, at + titleText.length], titleTruncated };
}

/** A document whose whole text is given; the title is its first line. */
function doc(kind: DocumentPart['kind'], text: string): DocumentPart {
  const firstLine = text.split('\n', 1)[0];
  return { kind, text: identityText(text), title: firstLine.trim(), titleRange: [0, firstLine.length], titleTruncated: false };
}

function fixture(name: string): MappedText {
  return identityText(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

describe('metadata on the samples (documents cut by hand)', () => {
  const f000 = fixture('000_a55dad31d5b2c431.txt');
  const t = f000.text;
  const noticeEnd = t.indexOf('（此件主动公开）') + '（此件主动公开）'.length;
  const tbStart = t.indexOf('天津市蓟州区“十三五”结核病防治规划\n区卫计委');
  const hivStart = t.indexOf('天津市蓟州区遏制与防治艾滋病\n');
  const chronicStart = t.indexOf('天津市蓟州区防治慢性病中长期\n');
  const tcmStart = t.indexOf('天津市蓟州区贯彻中医药发展战略规划\n');
  const mentalStart = t.indexOf('天津市蓟州区精神卫生工作规划\n');
  const notice = part('notice', f000, 0, noticeEnd, '天津市蓟州区人民政府办公室关于转发天津市\n蓟州区“十三五”结核病防治规划\n等5个文件的通知');
  const tb = part('plan', f000, tbStart, hivStart, '天津市蓟州区“十三五”结核病防治规划');
  const hiv = part('plan', f000, hivStart, chronicStart, '天津市蓟州区遏制与防治艾滋病\n“十三五”行动计划');
  const chronic = part('plan', f000, chronicStart, tcmStart, '天津市蓟州区防治慢性病中长期\n\n规划（2017—2025年）');
  const tcm = part('plan', f000, tcmStart, mentalStart, '天津市蓟州区贯彻中医药发展战略规划\n\n纲要（2016—2030年）实施方案');
  const mental = part('plan', f000, mentalStart, t.length, '天津市蓟州区精神卫生工作规划\n\n（2016—2020年）');
  const file000 = [notice, tb, hiv, chronic, tcm, mental];

  it('000 notice: signature issuer and date, region from the title, no single topic or period', () => {
    const m = metadata(notice, file000, ctx);
    expect(m.issuer).toBe('天津市蓟州区人民政府办公室');
    expect(m.date).toBe('2017-12-21');
    expect(m.docNumber).toBeNull();
    expect(m.region).toBe('天津市蓟州区');
    expect(m.topic).toBeNull(); // 等5个文件: the title names only the first
    expect(m.period).toBeNull();
    expect(m.references.map((r) => r.title)).toEqual([
      '天津市蓟州区“十三五”结核病防治规划',
      '天津市蓟州区遏制与防治艾滋病“十三五”行动计划',
      '天津市蓟州区防治慢性病中长期规划（2017—2025年）',
      '天津市蓟州区贯彻中医药发展战略规划纲要（2016—2030年）实施方案',
      '天津市蓟州区精神卫生工作规划（2016—2020年）',
    ]);
  });

  it('000 TB plan: department under the title, date of its notice, references with numbers', () => {
    const m = metadata(tb, file000, ctx);
    expect(m.issuer).toBe('区卫计委');
    expect(m.date).toBe('2017-12-21');
    expect(m.region).toBe('天津市蓟州区');
    expect(m.topic).toBe('结核病');
    expect(m.period).toEqual({ start: 2016, end: 2020 });
    expect(m.docNumber).toBeNull(); // the numbers in its first paragraph are those of cited plans
    expect(m.references).toEqual([
      { title: '“健康中国2030”规划纲要', docNumber: null },
      { title: '“十三五”全国结核病防治规划', docNumber: '国办发〔2017〕16号' },
      { title: '中共天津市委天津市人民政府关于推进健康天津建设的实施意见', docNumber: null },
      { title: '天津市“十三五”结核病防治规划', docNumber: '津政办发〔2017〕104号' },
    ]);
  });

  it('000 other plans: topics and periods from their titles', () => {
    expect(metadata(hiv, file000, ctx)).toMatchObject({ issuer: '区卫计委', topic: '艾滋病', period: { start: 2016, end: 2020 } });
    expect(metadata(chronic, file000, ctx)).toMatchObject({ topic: '慢性病', period: { start: 2017, end: 2025 } });
    expect(metadata(tcm, file000, ctx)).toMatchObject({ topic: '中医药', period: { start: 2016, end: 2030 } });
    expect(metadata(mental, file000, ctx)).toMatchObject({ issuer: '区卫计委', topic: '精神卫生', period: { start: 2016, end: 2020 }, region: '天津市蓟州区' });
  });

  it('001: end matter signature; plans without a notice take its date', () => {
    const f001 = fixture('001_308a46a949dc7d1f.txt');
    const s = f001.text;
    const ccStart = s.indexOf('抄送：');
    const tbStart = s.indexOf('连云港市结核病防治行动计划');
    const mentalStart = s.indexOf('连云港市精神卫生综合行动计划');
    const chronic = part('plan', f001, 0, s.indexOf('连云港市艾滋病防治行动计划 ('), '连云港市慢性病防治中长期规划 (2018—2025年)');
    const tbPlan = part('plan', f001, tbStart, mentalStart, '连云港市结核病防治行动计划 (2018—2020年)');
    const mentalPlan = part('plan', f001, mentalStart, ccStart, '连云港市精神卫生综合行动计划 (2018—2020年)');
    const end = part('endmatter', f001, ccStart, s.length, '抄送');
    const file = [chronic, tbPlan, mentalPlan, end];
    expect(metadata(end, file, ctx)).toMatchObject({ issuer: '连云港市人民政府办公室', date: '2018-12-29', region: '连云港市' });
    expect(metadata(chronic, file, ctx)).toMatchObject({
      issuer: null,
      date: '2018-12-29',
      region: '连云港市',
      topic: '慢性病',
      period: { start: 2018, end: 2025 },
    });
    expect(metadata(chronic, file, ctx).references[0]).toEqual({ title: '江苏省慢性病防治中长期规划（2018—2025年）', docNumber: null });
    expect(metadata(tbPlan, file, ctx)).toMatchObject({ topic: '结核病', period: { start: 2018, end: 2020 } });
    expect(metadata(tbPlan, file, ctx).references[0]).toEqual({ title: '江苏省结核病防治规划（2018-2020年）', docNumber: null });
    const mentalRefs = metadata(mentalPlan, file, ctx).references;
    expect(mentalRefs.slice(0, 2)).toEqual([
      { title: '国务院办公厅转发卫计委等部门全国精神卫生工作规划（2015—2020年）的通知', docNumber: '国办发〔2015〕44号' },
      { title: '江苏省精神卫生工作规划（2018—2020年）', docNumber: '苏政办发〔2018〕3号' },
    ]);
    // 《中华人民共和国精神卫生法》 is cited twice in the plan and listed once.
    expect(mentalRefs.filter((r) => r.title === '中华人民共和国精神卫生法')).toHaveLength(1);
  });

  it('002: 十四五 plan of a district', () => {
    const f002 = fixture('002_11cdaf7be783ca84.txt');
    const plan = part('plan', f002, 0, f002.text.length, '蓟州区卫生健康事业发展“十四五”规划');
    expect(metadata(plan, [plan], ctx)).toMatchObject({
      region: '蓟州区',
      topic: '卫生健康',
      period: { start: 2021, end: 2025 },
      date: null,
      issuer: null,
    });
  });

  it('003 (raw Kangxi radicals): signing date, not the publication date; signature glued to the text', () => {
    const f003 = fixture('003_dda57fd9192b6255.txt');
    const s = f003.text;
    const titleText = s.slice(0, s.indexOf('发布⽇期'));
    const planStart = s.indexOf('天津市遏制与防治艾滋病“⼗三五”⾏动计划为认真落实');
    const notice = part('notice', f003, 0, planStart, titleText);
    const plan = part('plan', f003, planStart, s.indexOf('\n'), '天津市遏制与防治艾滋病“⼗三五”⾏动计划');
    const file = [notice, plan];
    const m = metadata(notice, file, ctx);
    expect(m).toMatchObject({ issuer: '天津市人民政府办公厅', date: '2017-10-12', region: '天津市', topic: null, period: { start: 2016, end: 2020 } });
    expect(m.references.map((r) => r.title)).toEqual(['天津市遏制与防治艾滋病“十三五”行动计划', '天津市“十三五”结核病防治规划']);
    const p = metadata(plan, file, ctx);
    expect(p).toMatchObject({ issuer: null, date: '2017-10-12', region: '天津市', topic: '艾滋病', period: { start: 2016, end: 2020 } });
    expect(p.references).toContainEqual({ title: '中国遏制与防治艾滋病“十三五”行动计划', docNumber: '国办发〔2017〕8号' });
  });

  it('004: stage dates are not the document date; the plan citing itself is not a reference', () => {
    const f004 = fixture('004_52bb338bf9d79d54.txt');
    const full = '东胜区创建慢性病综合防控示范区项目实施方案';
    const plan = part('plan', f004, 0, f004.text.length, full, true);
    const m = metadata(plan, [plan], ctx);
    expect(m).toMatchObject({ date: null, region: '东胜区', topic: '慢性病', period: null });
    expect(m.references.map((r) => r.title)).not.toContain(full);
  });
});

describe('metadata on wording not in the samples', () => {
  it('a provincial notice with its number after the title and a date in Chinese numerals', () => {
    const text = [
      '安徽省人民政府办公厅关于印发安徽省“十四五”精神卫生规划的通知',
      '（皖政办〔2021〕5号）',
      '各市、县人民政府，省政府各部门、各直属机构：',
      '现将《安徽省“十四五”精神卫生规划》印发给你们，请认真贯彻执行。',
      '安徽省人民政府办公厅',
      '二〇二一年三月五日',
    ].join('\n');
    expect(metadata(doc('notice', text), [], ctx)).toEqual({
      issuer: '安徽省人民政府办公厅',
      date: '2021-03-05',
      docNumber: '皖政办〔2021〕5号',
      region: '安徽省',
      topic: '精神卫生',
      period: { start: 2021, end: 2025 },
      references: [{ title: '安徽省“十四五”精神卫生规划', docNumber: null }],
    });
  });

  it('brackets of a document number are normalised to 〔〕, full-width digits folded', () => {
    const text = '某某市卫生健康委员会关于印发结核病防治工作方案的通知\n某卫发[２０１９]12号\n各区卫生健康委：\n根据《某某省结核病防治规划》（某政办发(2018)7号）要求……\n某某市卫生健康委员会\n2019年3月1日';
    const m = metadata(doc('notice', text), [], ctx);
    expect(m.docNumber).toBe('某卫发〔2019〕12号');
    expect(m.references).toEqual([{ title: '某某省结核病防治规划', docNumber: '某政办发〔2018〕7号' }]);
    expect(m.topic).toBe('结核病'); // the issuer's 卫生健康 before 关于 does not count
    expect(m.issuer).toBe('某某市卫生健康委员会');
    expect(m.region).toBe('某某市');
  });

  it('a web page header: labelled 发文字号 and dates; 成文日期 wins over 发布日期, a signature over both', () => {
    const header = '某某省卫生健康委员会关于印发职业病防治规划的通知\n发布日期：2022-04-08\n成文日期：2022年3月30日\n发文字号：某卫职健发【2022】第3号\n各市卫生健康委：\n正文。';
    const m = metadata(doc('notice', header), [], ctx);
    expect(m).toMatchObject({ date: '2022-03-30', docNumber: '某卫职健发〔2022〕3号', topic: '职业病', region: '某某省' });
    expect(metadata(doc('notice', header.replace('成文日期：2022年3月30日\n', '')), [], ctx).date).toBe('2022-04-08');
    expect(metadata(doc('notice', header + '\n某某省卫生健康委员会\n2022年3月29日'), [], ctx).date).toBe('2022-03-29');
  });

  it('periods: bare ranges, full-width hyphen, 至, and five-year plans computed from their number', () => {
    const period = (title: string) => metadata(doc('plan', title + '\n正文。'), [], ctx).period;
    expect(period('某县艾滋病防治行动计划2021-2025年')).toEqual({ start: 2021, end: 2025 });
    expect(period('某市健康促进行动方案（2019－2022年）')).toEqual({ start: 2019, end: 2022 });
    expect(period('某省慢性病防治规划（2019年至2030年）')).toEqual({ start: 2019, end: 2030 });
    expect(period('某区卫生事业发展“十二五”规划')).toEqual({ start: 2011, end: 2015 });
    expect(period('某市“十五五”卫生健康规划')).toEqual({ start: 2026, end: 2030 });
    expect(period('某市卫生事业“九五”计划')).toEqual({ start: 1996, end: 2000 });
    expect(period('某市卫生事业十一五规划纲要')).toEqual({ start: 2006, end: 2010 });
    expect(period('某市二十五项重点任务')).toBeNull();
    expect(period('某区创建示范区工作方案')).toBeNull();
  });

  it('regions: chains of units, autonomous regions, generic area words excluded', () => {
    const region = (title: string) => metadata(doc('plan', title + '\n正文。'), [], ctx).region;
    expect(region('内蒙古自治区鄂尔多斯市东胜区慢性病综合防控方案')).toBe('内蒙古自治区鄂尔多斯市东胜区');
    expect(region('江苏省连云港市海州区结核病防治规划')).toBe('江苏省连云港市海州区');
    expect(region('宁夏回族自治区“十四五”卫生健康规划')).toBe('宁夏回族自治区');
    expect(region('延边朝鲜族自治州精神卫生工作规划')).toBe('延边朝鲜族自治州');
    expect(region('锡林郭勒盟中医药发展规划')).toBe('锡林郭勒盟');
    expect(region('沛县慢性病防治规划')).toBe('沛县');
    expect(region('城乡社区卫生服务规划')).toBeNull();
    expect(region('“十三五”全国结核病防治规划')).toBeNull();
    expect(region('国务院办公厅关于印发某某省防治规划的通知')).toBe('某某省');
  });

  it('a plan: department under the title; a heading under the title is not an issuer', () => {
    expect(metadata(doc('plan', '某市艾滋病防治规划\n市卫生健康委 市财政局\n一、背景'), [], ctx).issuer).toBe('市卫生健康委 市财政局');
    expect(metadata(doc('plan', '某市艾滋病防治规划\n一、领导小组\n正文。'), [], ctx).issuer).toBeNull();
  });

  it('dates inside sentences are not signatures', () => {
    const text = '某区结核病防治方案\n区卫健委2021年3月1日前完成摸底。\n到2021年12月31日，完成全部任务。';
    expect(metadata(doc('plan', text), [], ctx).date).toBeNull();
  });

  it('a plan takes the date of the nearest notice before it, not of a later one', () => {
    const n1 = doc('notice', '甲乙市人民政府关于印发甲规划的通知\n各区：\n甲乙市人民政府\n2020年1月2日');
    const p1 = doc('plan', '甲乙市结核病防治规划\n正文。');
    const n2 = doc('notice', '甲乙市人民政府关于印发乙规划的通知\n各区：\n甲乙市人民政府\n2021年5月6日');
    const p2 = doc('plan', '乙规划\n正文。');
    const file = [n1, p1, n2, p2];
    expect(metadata(p1, file, ctx).date).toBe('2020-01-02');
    expect(metadata(p2, file, ctx)).toMatchObject({ date: '2021-05-06', region: '甲乙市', issuer: null });
  });

  it('references: nested 《》, unclosed 《, a number given only at the second mention', () => {
    const text = '某方案\n根据《关于印发《某某规划》的通知》和《某某规划》，以及《未闭合的标题\n\n再次依据《某某规划》（某政发〔2020〕3号）。';
    expect(metadata(doc('plan', text), [], ctx).references).toEqual([
      { title: '关于印发《某某规划》的通知', docNumber: null },
      { title: '某某规划', docNumber: '某政发〔2020〕3号' },
    ]);
  });

  it('odd input: no crash, and linear time on long lines', () => {
    const huge = '，'.repeat(2_000_000) + '《'.repeat(100_000) + '2017年1月1日'.repeat(50_000) + '区'.repeat(100_000);
    const started = Date.now();
    const m = metadata(doc('plan', huge), [], ctx);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(m.references).toEqual([]);
    expect(metadata(doc('plan', '\u0000\u0000'), [], ctx).issuer).toBeNull();
    // Runs of spaces between the parts of a year range or a document number stay linear.
    const spaces = ' '.repeat(300_000);
    const spaced = metadata(doc('plan', `某规划2017${spaces}x 国办发〔2017〕${spaces}x\n正文。`), [], ctx);
    expect(spaced.period).toBeNull();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(metadata(doc('plan', ''), [], ctx).date).toBeNull();
  });
});

describe('findChineseDates', () => {
  it('finds each 年月日 date with its offsets, whatever stands before it, in text order', () => {
    // Written for this test: a date at the very start, one after a longer run of digits, one with
    // tabs and spaces around 年, one in numerals with ○, and a 年 with too few characters before it.
    const text = '2019年3月5日印发。编号12020年 11 月 2 日，九年\t二○二一\t年十二月三十日。';
    expect(findChineseDates(text)).toEqual([
      { iso: '2019-03-05', start: 0, end: 9 },
      { iso: '2020-11-02', start: 15, end: 29 },
      { iso: '2021-12-30', start: 33, end: 45 },
    ]);
    expect(text.slice(15, 29)).toBe('2020年 11 月 2 日');
    expect(text.slice(33, 45)).toBe('二○二一\t年十二月三十日');
  });

  it('skips a date that is no calendar day and still finds the next one', () => {
    expect(findChineseDates('2021年2月30日、2021年2月28日').map((d) => d.iso)).toEqual(['2021-02-28']);
    expect(findChineseDates('年月日 年 2021年')).toEqual([]);
  });
});
