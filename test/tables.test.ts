import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTables } from '../src/stages/tables.js';
import { extract } from '../src/pipeline.js';
import { csvTable } from '../src/emit/csv.js';

const cells = (t: { rows: { cells: { text: string }[] }[] }) => t.rows.map((r) => r.cells.map((c) => c.text.trim()));
const run = (text: string, path = 'plan.txt') => extract(new TextEncoder().encode(text), path);
const plan = (text: string, path?: string) => run(text, path).documents.find((d) => d.kind === 'plan') ?? run(text, path).documents[0];
const targetKey = (t: { indicator: string; comparator: string; value: number | null; unit: string | null; year: number | null }) =>
  `${t.indicator}|${t.comparator}|${t.value}|${t.unit}|${t.year}`;

describe('findTables on the samples', () => {
  it('000: one cell per line, its title line as caption, empty merged cells kept', () => {
    const t = findTables(readFileSync('fixtures/000_a55dad31d5b2c431.txt', 'utf8')).find((x) => x.header.includes('基线'))!;
    expect(t.caption).toBe('天津市蓟州区慢性病防治中长期规划（2017—2025年）主要指标');
    expect(t.header).toEqual(['主要指标', '基线', '2020年', '2025年', '属性']);
    expect(t.rows).toHaveLength(16);
    expect(cells(t)[0]).toEqual(['心脑血管疾病死亡率（1/10万）', '223.6/10万', '下降10%', '下降15%', '预期性']);
    expect(cells(t).at(-1)).toEqual(['国家慢性病综合防控示范区', '', '成功建设', '成功建设', '预期性']);
  });

  it('002: cells continued on the next line are one cell; the 领域 group is written once', () => {
    const t = findTables(readFileSync('fixtures/002_11cdaf7be783ca84.txt', 'utf8'))[0];
    expect(t.header).toEqual(['领域', '指标', '2020年指标值', '2025年指标值', '指标性质']);
    expect(cells(t)[0]).toEqual(['健康水平', '人均期望寿命（岁）', '80.11', '81.37', '预期性']);
    expect(cells(t)[1][0]).toBe('');
  });
});

describe('indicator tables', () => {
  it('a 指标性质 column gives the nature, a 单位 column the unit, and the 基期 column the baseline', () => {
    const text = [
      '二、主要指标',
      '表1　浙江省“十四五”健康浙江建设主要指标',
      '类别\t指标\t单位\t2020年基期\t2025年\t属性',
      '健康水平\t人均预期寿命\t岁\t79.47\t80.5\t预期',
      '\t孕产妇死亡率\t1/10万\t4.3\t<5.5\t约束',
      '健康服务\t每千人口执业（助理）医师数\t人\t3.6\t4.0\t预期性',
      '健康生活\t提倡每日食盐摄入量\t克\t9.5\t<8\t倡导性',
      '',
    ].join('\n');
    const doc = plan(text);
    const table = doc.targets.filter((t) => t.source === 'table');
    expect(table.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year, t.baseline?.value, t.nature])).toEqual([
      ['人均预期寿命', 'gte', 80.5, '岁', 2025, 79.47, 'expected'],
      ['孕产妇死亡率', 'lt', 5.5, '1/10万', 2025, 4.3, 'binding'],
      ['每千人口执业（助理）医师数', 'gte', 4, '人', 2025, 3.6, 'expected'],
      ['提倡每日食盐摄入量', 'lt', 8, '克', 2025, 9.5, 'advocated'],
    ]);
    expect(new Set(table.map((t) => t.tableId))).toEqual(new Set([doc.tables[0].id]));
    expect(doc.tables[0].caption).toBe('表1　浙江省“十四五”健康浙江建设主要指标');
    // Sentence targets carry no table and no nature.
    expect(doc.targets.filter((t) => t.source === 'sentence').every((t) => t.tableId === null)).toBe(true);
  });

  it('a row of an indicator table in a goals section is read once, as a table row', () => {
    const text = ['江西省妇幼健康事业发展规划（2021—2025年）', '', '二、工作目标', '到2025年，全省主要指标如下：', '指标\t2020年\t2025年',
      '孕产妇系统管理率（%）\t85\t达到90以上', '3岁以下儿童系统管理率（%）\t86\t≥90', '三、主要任务', ''].join('\n');
    const doc = plan(text);
    expect(doc.targets.map((t) => `${t.source}|${targetKey(t)}|${t.baseline?.value}`)).toEqual([
      'table|孕产妇系统管理率|gte|90|%|2025|85', 'table|3岁以下儿童系统管理率|gte|90|%|2025|86',
    ]);
  });

  it('a comparator written in the column label or in the cell', () => {
    const text = ['指标\t2025年目标值（≥）\t2030年目标值（以下）', '法定传染病报告率（%）\t98\t', '肺结核发病率（1/10万）\t\t45',
      '高血压患者规范管理率（%）\t不低于65%\t', '包虫病人群患病率（%）\t\t0.2以内', ''].join('\n');
    expect(plan(text).targets.map(targetKey)).toEqual([
      '法定传染病报告率|gte|98|%|2025', '肺结核发病率|lte|45|1/10万|2030', '高血压患者规范管理率|gte|65|%|2025', '包虫病人群患病率|lte|0.2|%|2030',
    ]);
  });

  it('a baseline column without a year takes the year its note gives', () => {
    const text = ['指标\t基线值\t2025年', '孕产妇死亡率（1/10万）\t12.4\t≤10', '注：基期为2020年，数据来源于妇幼卫生年报。', ''].join('\n');
    expect(plan(text).targets.map((t) => [t.indicator, t.baseline])).toEqual([['孕产妇死亡率', { value: 12.4, unit: '1/10万', year: 2020 }]]);
  });

  it('units from the indicator’s own parentheses: ‰, 岁, 张/千人, %', () => {
    const text = '指标名称\t现状值\t2030年\n婴儿死亡率（‰）\t6.1\t≤5\n人均健康预期寿命（岁）\t68.7\t71\n医疗卫生机构床位数（张/千人）\t6.2\t7.5\n'
      + '居民健康素养水平（%）\t19\t30以上\n';
    const doc = plan(text);
    expect(doc.targets.map(targetKey)).toEqual([
      '婴儿死亡率|lte|5|‰|2030', '人均健康预期寿命|gte|71|岁|2030', '医疗卫生机构床位数|gte|7.5|张/千人|2030', '居民健康素养水平|gte|30|%|2030',
    ]);
    expect(doc.targets.map((t) => t.baseline?.value)).toEqual([6.1, 68.7, 6.2, 19]);
  });

  it('parentheses that say whom the indicator measures stay in it; the 单位 column gives the unit', () => {
    const text = '指标\t单位\t基期\t2025年\n健康管理率（65岁以上老年人）\t%\t61\t≥70\n孕产妇系统管理率（城镇）\t%\t90\t≥95\n'
      + '产前筛查率（%）\t\t70\t80\n';
    expect(plan(text).targets.map(targetKey)).toEqual([
      '健康管理率（65岁以上老年人）|gte|70|%|2025', '孕产妇系统管理率（城镇）|gte|95|%|2025', '产前筛查率|gte|80|%|2025',
    ]);
  });

  it('two header rows (目标值 over 2025年 | 2030年) give one target per year column', () => {
    const text = [
      '指标\t2020年现状\t目标值\t\t指标性质',
      '\t\t2025年\t2030年\t',
      '居民健康素养水平（%）\t21.2\t≥25\t≥30\t预期性',
      '经常参加体育锻炼人数比例（%）\t37.2\t≥38.5\t≥40\t预期性',
      '',
    ].join('\n');
    const [t] = findTables(text);
    expect(t.header).toEqual(['指标', '2020年现状', '目标值 2025年', '目标值 2030年', '指标性质']);
    expect(t.rows).toHaveLength(2);
    const doc = plan(text);
    expect(doc.targets.map((x) => `${targetKey(x)}|${x.baseline?.value}|${x.baseline?.year}`)).toEqual([
      '居民健康素养水平|gte|25|%|2025|21.2|2020', '居民健康素养水平|gte|30|%|2030|21.2|2020',
      '经常参加体育锻炼人数比例|gte|38.5|%|2025|37.2|2020', '经常参加体育锻炼人数比例|gte|40|%|2030|37.2|2020',
    ]);
  });

  it('two header rows one cell per line (Word): the spanning label written once, empty cells under the others', () => {
    const text = [
      '\t指标', '\t基期值', '\t目标值', '\t属性', '',
      '\t', '\t', '\t2025年', '\t2035年', '\t', '',
      '\t每千人口拥有注册护士数（人）', '\t3.1', '\t3.8', '\t4.5', '\t预期性', '',
    ].join('\n');
    const [t] = findTables(text);
    expect(t.header).toEqual(['指标', '基期值', '目标值 2025年', '目标值 2035年', '属性']);
    expect(cells(t)).toEqual([['每千人口拥有注册护士数（人）', '3.1', '3.8', '4.5', '预期性']]);
  });

  it('numbered paragraphs with run-in titles are no linearised table', () => {
    const text = ['（一）组织领导：成立工作专班。', '（二）经费保障：纳入预算。', '（三）督导考核：每年开展。', '（一）组织领导：再次强调。', '（二）经费保障：…', '（三）督导考核：…'].join('\n');
    expect(findTables(text)).toEqual([]);
  });

  it('a short second header row and rows without the cell of the group spanning them (HTML rowspans)', () => {
    const html = `<html><head><meta charset="utf-8"></head><body><div class="article"><p>广东省卫生健康事业发展“十四五”规划</p>
<p>第一章　发展目标</p><p>表2　主要指标</p><table>
<tr><td rowspan="2">领域</td><td rowspan="2">指标</td><td rowspan="2">2020年</td><td colspan="2">规划目标</td><td rowspan="2">属性</td></tr>
<tr><td>2025年</td><td>2035年</td></tr>
<tr><td rowspan="2">健康水平</td><td>人均预期寿命（岁）</td><td>79.3</td><td>79.8</td><td>81</td><td>预期性</td></tr>
<tr><td>婴儿死亡率（‰）</td><td>2.5</td><td>&lt;3</td><td>&lt;3</td><td>预期性</td></tr>
</table><p>第二章　主要任务</p><p>一、加强基层医疗卫生服务体系建设。</p></div></body></html>`;
    const doc = plan(html, 'gd.html');
    expect(doc.tables[0].header).toEqual(['领域', '指标', '2020年', '规划目标 2025年', '规划目标 2035年', '属性']);
    expect(doc.tables[0].rows[1]).toEqual(['', '婴儿死亡率（‰）', '2.5', '<3', '<3', '预期性']);
    expect(doc.targets.map(targetKey)).toEqual([
      '人均预期寿命|gte|79.8|岁|2025', '人均预期寿命|gte|81|岁|2035', '婴儿死亡率|lt|3|‰|2025', '婴儿死亡率|lt|3|‰|2035',
    ]);
    expect(doc.targets.every((t) => t.baseline?.year === 2020)).toBe(true);
  });

  it('a table split over two pages with its header repeated is one table', () => {
    const header = '序号\t主要指标\t基线\t2025年目标';
    const text = [
      '表3　甘肃省全民健康信息化主要指标', header,
      '1\t电子健康档案建档率（%）\t88\t≥90', '2\t二级以上医院电子病历应用水平（级）\t3\t4',
      '— 12 —', '\f续表3', header,
      '3\t远程医疗覆盖县区比例（%）\t80\t100', '',
      '三、重点任务', '',
    ].join('\n');
    const found = findTables(text);
    expect(found).toHaveLength(1);
    expect(cells(found[0]).map((r) => r[1])).toEqual(['电子健康档案建档率（%）', '二级以上医院电子病历应用水平（级）', '远程医疗覆盖县区比例（%）']);
    const doc = plan(text);
    expect(doc.targets.map(targetKey)).toEqual([
      '电子健康档案建档率|gte|90|%|2025', '二级以上医院电子病历应用水平|gte|4|级|2025', '远程医疗覆盖县区比例|gte|100|%|2025',
    ]);
  });

  it('a table continued on the next page without its header, one row long, is still one table', () => {
    const text = ['指标\t基期值\t2025年', '城乡居民健康素养水平（%）\t22\t30', '每千人口床位数（张）\t6.1\t7', '- 5 -',
      '\f每万人口全科医生数（人）\t2.9\t3.9', '', '三、保障措施', ''].join('\n');
    const found = findTables(text);
    expect(found).toHaveLength(1);
    expect(cells(found[0]).map((r) => r[0])).toEqual(['城乡居民健康素养水平（%）', '每千人口床位数（张）', '每万人口全科医生数（人）']);
  });

  // The characters of one group run down consecutive rows; a row whose group cell is empty ends the run.
  it('a group column printed one character per line is folded back, and a cell continued below joins its row', () => {
    const text = [
      '某市卫生健康事业发展“十四五”规划（2021—2025年）', '',
      '领域\t指标\t2020年\t2025年',
      '健\t人均预期寿命（岁）\t77.8\t78.6',
      '康\t孕产妇死亡率\t15.4\t≤14',
      '水\t（1/10万）\t\t',
      '平\t\t\t',
      '\t居民健康素养水平（%）\t23.2\t28',
      '服\t每千人口床位数（张）\t5.9\t6.8',
      '务\t\t\t',
      '',
    ].join('\n');
    const [t] = findTables(text);
    expect(cells(t)).toEqual([
      ['健康水平', '人均预期寿命（岁）', '77.8', '78.6'],
      ['', '孕产妇死亡率（1/10万）', '15.4', '≤14'],
      ['', '居民健康素养水平（%）', '23.2', '28'],
      ['服务', '每千人口床位数（张）', '5.9', '6.8'],
    ]);
    const doc = plan(text);
    expect(doc.targets.map(targetKey)).toEqual([
      '人均预期寿命|gte|78.6|岁|2025', '孕产妇死亡率|lte|14|1/10万|2025', '居民健康素养水平|gte|28|%|2025', '每千人口床位数|gte|6.8|张|2025',
    ]);
    expect(doc.sections).toEqual([]);
  });

  it('vertical characters on lines of their own between TAB rows (page-made text) fold into the group', () => {
    const text = ['领域\t指标\t2020年\t2025年', '健', '康\t人均预期寿命（岁）\t77.8\t78.6', '水\t婴儿死亡率（‰）\t4.9\t≤4.5', '平', '',
      '（一）健康服务', ''].join('\n');
    const [t] = findTables(text);
    expect(cells(t)).toEqual([['健康水平', '人均预期寿命（岁）', '77.8', '78.6'], ['', '婴儿死亡率（‰）', '4.9', '≤4.5']]);
    expect(plan(text).sections.map((s) => s.title)).toEqual(['健康服务']);
  });

  it('a linearised table, one key：value line per cell', () => {
    const text = [
      '“健康青海2030”行动规划（2016—2030年）', '',
      '到2030年，主要健康指标达到以下水平：',
      '领域：健康水平', '指标：人均预期寿命（岁）', '2015年：76.34', '2030年：79', '',
      '领域：健康生活', '指标：居民健康素养水平（%）', '2015年：10', '2030年：30', '',
      '领域：健康服务', '指标：每千常住人口执业', '（助理）医师数（人）', '2015年：2.2', '2030年：3.0', '',
    ].join('\n');
    const [t] = findTables(text);
    expect(t.header).toEqual(['领域', '指标', '2015年', '2030年']);
    expect(cells(t)).toEqual([
      ['健康水平', '人均预期寿命（岁）', '76.34', '79'], ['健康生活', '居民健康素养水平（%）', '10', '30'],
      ['健康服务', '每千常住人口执业（助理）医师数（人）', '2.2', '3.0'],
    ]);
    // 2015 is before the plan period (2016—2030): its column holds the base values.
    const doc = plan(text);
    const years = doc.targets.map((x) => `${targetKey(x)}|${x.baseline?.value}|${x.baseline?.year}`);
    expect(years).toEqual([
      '人均预期寿命|gte|79|岁|2030|76.34|2015', '居民健康素养水平|gte|30|%|2030|10|2015', '每千常住人口执业（助理）医师数|gte|3|人|2030|2.2|2015',
    ]);
  });

  it('a 注： row is no data row, and numbered notes under it are no headings', () => {
    const text = [
      '一、工作目标',
      '指标\t基线\t2025年',
      '适龄儿童免疫规划疫苗接种率（%）\t96\t≥95',
      '注：\t',
      '1.基线为2020年统计数据。',
      '2.接种率以乡镇为单位计算。',
      '',
      '二、工作措施',
      '（一）加强接种门诊建设。',
      '',
    ].join('\n');
    const [t] = findTables(text);
    expect(cells(t)).toEqual([['适龄儿童免疫规划疫苗接种率（%）', '96', '≥95']]);
    const doc = plan(text);
    expect(doc.sections.map((s) => [s.marker, s.children.map((c) => c.marker)])).toEqual([['一、', []], ['二、', ['（一）']]]);
    expect(doc.measures.map((m) => m.title)).toEqual(['加强接种门诊建设']);
  });

  it('a 专栏 box right under a table stays a box', () => {
    const text = ['一、发展目标', '指标\t2020年\t2025年', '孕产妇死亡率（1/10万）\t9.8\t≤9', '\t专栏1　妇幼健康服务能力提升工程', '', '\t建设省级妇幼保健机构。', ''].join('\n');
    const doc = plan(text);
    expect(doc.sections[0].children.map((c) => [c.level, c.marker])).toEqual([[0, '专栏1']]);
    expect(doc.tables[0].rows).toEqual([['孕产妇死亡率（1/10万）', '9.8', '≤9']]);
  });

  it('a cell starting 1. is no heading and no measure', () => {
    const text = [
      '三、主要任务',
      '任务\t牵头单位\t配合单位',
      '1.开展健康知识进万家活动\t区卫生健康局\t区教育局',
      '2.建设健康步道\t区住房城乡建设局\t区体育局',
      '',
      '（一）强化组织领导。',
      '',
    ].join('\n');
    const doc = plan(text);
    expect(doc.sections[0].children.map((c) => c.marker)).toEqual(['（一）']);
    expect(doc.measures.map((m) => m.title)).toEqual(['强化组织领导']);
  });
});

describe('duty tables', () => {
  const lead = (r: { lead: { name: string }[] }) => r.lead.map((d) => d.name);

  it('a 责任单位/工作任务 table as TAB rows: one responsibility per row, two units in one cell give two', () => {
    const text = [
      '四、职责分工',
      '责任单位\t工作任务',
      '县卫生健康局\t负责方案的组织实施和技术指导。',
      '县人社局 县医保局\t落实慢性病门诊用药保障政策。',
      '县教育局、县体育局\t开展学生体质健康监测。',
      '\t推进健康学校建设。',
      '',
    ].join('\n');
    const doc = plan(text);
    const rows = doc.responsibilities;
    expect(rows.map((r) => [r.form, lead(r)])).toEqual([
      ['table', ['县卫生健康局']],
      ['table', ['县人力资源社会保障局', '县医保局']],
      ['table', ['县教育局', '县体育局']],
      ['table', ['县教育局', '县体育局']],
    ]);
    expect(rows[0].text).toBe('县卫生健康局\t负责方案的组织实施和技术指导。');
  });

  it('without a header row, when most first cells name departments', () => {
    const text = '三、部门职责\n市卫生健康委\t牵头制定实施方案，组织技术培训。\n市财政局\t落实工作经费。\n市民政局\t做好困难群众救助。\n';
    const doc = plan(text);
    expect(doc.tables[0].header).toEqual([]);
    expect(doc.responsibilities.map((r) => [r.form, lead(r)])).toEqual([
      ['table', ['市卫生健康委']], ['table', ['市财政局']], ['table', ['市民政局']],
    ]);
  });

  it('牵头单位 and 配合单位 columns give lead and support, and a clause in the row is not read again', () => {
    const text = [
      '序号\t重点任务\t牵头单位\t配合单位',
      '1\t实施控烟行动（牵头单位：区卫健委）\t区卫健委\t区市场监管局、区教育局',
      '2\t推进全民健身\t区文旅局\t区卫健委',
      '',
    ].join('\n');
    const doc = plan(text);
    expect(doc.responsibilities.map((r) => [r.form, lead(r), r.support.map((d) => d.name)])).toEqual([
      ['table', ['区卫生健康委'], ['区市场监管局', '区教育局']],
      ['table', ['区文化和旅游局'], ['区卫生健康委']],
    ]);
  });

  it('a unit marked （牵头） in a 责任单位 cell leads, the others of the cell support', () => {
    const text = ['序号\t工作任务\t责任单位', '1\t开展癌症早诊早治\t县医保局、县卫健局（牵头）、县财政局', '2\t推进健康县城建设\t县住建局', ''].join('\n');
    const doc = plan(text);
    expect(doc.responsibilities.map((r) => [lead(r), r.support.map((d) => d.name)])).toEqual([
      [['县卫生健康局'], ['县医保局', '县财政局']], [['县住房城乡建设局'], []],
    ]);
  });

  it('a note saying the first unit leads makes the others of the cell support', () => {
    const text = ['序号\t牵头部门\t重点工作', '1\t市卫健委、市医保局\t推进紧密型医联体建设', '2\t市教育局\t开展学校卫生工作',
      '说明：部门栏中排在首位的为牵头部门，其余为配合部门。', ''].join('\n');
    const doc = plan(text);
    expect(doc.responsibilities.map((r) => [lead(r), r.support.map((d) => d.name)])).toEqual([
      [['市卫生健康委'], ['市医保局']], [['市教育局'], []],
    ]);
  });

  it('an HTML <table> of departments and duties, through the HTML reader', () => {
    const html = `<html><head><meta charset="utf-8"><title>方案</title></head><body><div class="content">
<p>河南省某县全民健康素养促进行动方案</p><p>五、职责分工</p>
<table><tr><th>部门</th><th>职责</th></tr>
<tr><td>县卫生健康委</td><td>负责全县健康素养监测和评估。</td></tr>
<tr><td>县委宣传部</td><td>组织新闻媒体开展健康科普宣传。</td></tr>
<tr><td>县教育局<br>县体育局</td><td>将健康教育纳入中小学课程。</td></tr>
</table></div></body></html>`;
    const doc = plan(html, 'duty.html');
    expect(doc.tables[0].header).toEqual(['部门', '职责']);
    expect(doc.responsibilities.filter((r) => r.form === 'table').map(lead)).toEqual([
      ['县卫生健康委'], ['县委宣传部'], ['县教育局', '县体育局'],
    ]);
    expect(doc.responsibilities.filter((r) => r.form !== 'table')).toEqual([]);
  });
});

describe('--format csv --table tables', () => {
  it('one row per cell, with its table, row, column and header', () => {
    const result = run('出生缺陷防治工作方案\n\n到2025年，全市出生缺陷防治能力明显提升。\n指标\t2020年\t2025年\n出生缺陷发生率（‰）\t11\t≤10\n');
    const lines = csvTable([result], 'tables').trim().split('\n');
    expect(lines[0]).toBe('file,document_id,document_title,table_id,caption,row,column,header,value,line');
    expect(lines.slice(1)).toEqual([
      'plan.txt,d1,出生缺陷防治工作方案,d1-tab1,,1,1,指标,出生缺陷发生率（‰）,4',
      'plan.txt,d1,出生缺陷防治工作方案,d1-tab1,,1,2,2020年,11,4',
      'plan.txt,d1,出生缺陷防治工作方案,d1-tab1,,1,3,2025年,≤10,4',
    ]);
  });
});

describe('a table printed too tightly for its cells to part', () => {
  it('a row short of cells has two values run together split, and never a number cut in two', () => {
    const text = [
      '安徽省芜湖市“十四五”结核病防治主要指标',
      '指标\t基线\t2023年\t2025年',
      '肺结核报告发病率（1/10万）\t38.6下降5%\t下降10%',
      '耐药筛查率（%）\t86.5 90\t95',
      '密切接触者筛查人数（人）\t1234\t1500\t1800',
    ].join('\n');
    const t = findTables(text)[0];
    expect(cells(t)).toEqual([
      ['肺结核报告发病率（1/10万）', '38.6', '下降5%', '下降10%'],
      ['耐药筛查率（%）', '86.5', '90', '95'],
      ['密切接触者筛查人数（人）', '1234', '1500', '1800'],
    ]);
  });
});
