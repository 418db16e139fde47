import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../src/stages/segment.js';
import { readTables } from '../src/stages/targets/table.js';
import { extractTargets } from '../src/stages/targets.js';
import { identityText } from '../src/text/mapped-text.js';
import type { DocumentPart } from '../src/model/stages.js';
import { meta, runTargets } from './helpers/targets.js';
import { extract } from '../src/pipeline.js';

const FIXTURES = 'fixtures';
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
const extractFile = (name: string) => {
  const file = `${FIXTURES}/${files.find((f) => f.startsWith(name))}`;
  return extract(new Uint8Array(readFileSync(file)), file);
};
const read = (name: string) => readFileSync(`${FIXTURES}/${files.find((f) => f.startsWith(name))}`, 'utf8');

const run = runTargets;
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

describe('tables with a unit column', () => {
  it('gives each row the unit of its 单位 cell, for the target and the baseline', () => {
    const text = [
      '领域\t主要指标\t单位\t2020年\t2025年\t指标性质',
      '健康水平\t人均预期寿命\t岁\t77.5\t78.3\t预期性',
      '\t孕产妇死亡率\t/10万\t9.2\t≤9.5\t预期性',
      '健康服务\t每千人口医疗卫生机构床位数\t张\t7.5\t7.8\t预期性',
      '',
    ].join('\n');
    expect(readTables(text, { periodStart: 2021 }).targets.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year, t.baseline])).toEqual([
      ['人均预期寿命', 'gte', 78.3, '岁', 2025, { value: 77.5, unit: '岁', year: 2020 }],
      ['孕产妇死亡率', 'lte', 9.5, '1/10万', 2025, { value: 9.2, unit: '1/10万', year: 2020 }],
      ['每千人口医疗卫生机构床位数', 'gte', 7.8, '张', 2025, { value: 7.5, unit: '张', year: 2020 }],
    ]);
  });
});

describe('tables of target values without a year column', () => {
  it('take the year of the lead-in before the table, and skip the 序号 column', () => {
    const text = [
      '二、主要目标', '到2022年，主要工作指标如下：', '序号\t指标名称\t目标值', '1\t孕产妇系统管理率\t90%以上',
      '2\t居民健康素养水平\t≥25%', '3\t健康细胞建设\t明显推进', '三、主要任务', '',
    ].join('\n');
    const { targets } = run(text, { start: 2021, end: 2025 });
    expect(targets.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year])).toEqual([
      ['孕产妇系统管理率', 'gte', 90, '%', 2022],
      ['居民健康素养水平', 'gte', 25, '%', 2022],
      ['健康细胞建设', 'qualitative', null, null, 2022],
    ]);
  });

  it('000 TB plan as a web page (its goals in a 序号/指标/目标值 table) gives the targets of the text', () => {
    const file = `${FIXTURES}/encodings/000_tb_plan.gbk.html`;
    const fromHtml = extract(new Uint8Array(readFileSync(file)), file).documents[0].targets;
    const fromText = extractFile('000').documents.find((d) => d.kind === 'plan' && d.title.includes('结核病'))!.targets;
    const key = (t: { indicator: string; comparator: string; value: number | null; year: number | null }) =>
      `${t.indicator}|${t.comparator}|${t.value}|${t.year}`;
    expect(fromHtml.map(key)).toEqual(fromText.map(key));
    expect(fromHtml).toHaveLength(9);
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

/**
 * Targets a careful reader lists from each plan's goals chapter, indicator table and measures,
 * typed from the source text as `indicator|comparator|value|unit|year`.
 */
describe('extract on whole documents: the targets a careful reader lists', () => {
  const docs = (name: string) => extractFile(name).documents;
  const pinned = (t: { indicator: string; comparator: string; value: number | null; unit: string | null; year: number | null }) =>
    `${t.indicator}|${t.comparator}|${t.value ?? ''}|${t.unit ?? ''}|${t.year ?? ''}`;
  const of = (name: string, title: string) => {
    const doc = docs(name).find((d) => d.kind === 'plan' && d.title.includes(title));
    return (doc?.targets ?? []).map(pinned);
  };

  it('000 TB plan: the nine indicators under 到2020年，实现以下工作指标： and one qualitative goal', () => {
    expect(of('000', '“十三五”结核病防治规划')).toEqual([
      '报告肺结核患者和疑似肺结核患者的总体到位率|gte|95|%|2020',
      '病原学检查阳性肺结核患者的密切接触者筛查率|gte|95|%|2020',
      '肺结核患者病原学阳性率|gte|50|%|2020',
      '耐多药肺结核高危人群耐药筛查率|gte|95|%|2020',
      '肺结核患者成功治疗率|gte|90|%|2020',
      '基层医疗卫生机构肺结核患者规范管理率|gte|90|%|2020',
      '学生肺结核筛查比例|qualitative|||2020',
      '艾滋病病毒感染者的结核病检查率|gte|90|%|2020',
      '公众结核病防治核心知识知晓率|gte|85|%|2020',
    ]);
  });

  it('000 HIV plan: goals and staffing levels; checkup frequencies in measures are not targets', () => {
    const list = of('000', '艾滋病“十三五”行动计划');
    expect(list).toHaveLength(15);
    expect(list).toContain('居民艾滋病防治知识知晓率|gte|85|%|2020');
    expect(list).toContain('男性同性性行为人群艾滋病相关危险行为|decrease|10|%|2020');
    expect(list).toContain('其他性传播危险行为人群感染率|lte|0.5|%|2020');
    expect(list).toContain('艾滋病母婴传播率|lte|4|%|2020');
    expect(list).toContain('梅毒患者接受规范化诊疗的比例|gte|90|%|2020');
    // 艾滋病、梅毒…分别达到70%、90%: no fragment such as 性病诊疗机构主动提供艾滋病.
    expect(list.filter((t) => t.startsWith('性病诊疗机构主动提供艾滋病、梅毒咨询检测服务的比例|gte|'))).toHaveLength(2);
    // The staffing levels to reach are targets; the yearly checkup is a practice.
    expect(list).toContain('区疾控中心艾滋病防治专职技术人员|range|3|人|2020');
    expect(list).toContain('从事艾滋病检测的专职或兼职技术人员|gte|2|人|2020');
    expect(list.some((t) => /\|次\|/.test(t))).toBe(false);
  });

  it('000 chronic-disease plan: table rows with direction from the baseline, goals and dated measures', () => {
    const list = of('000', '防治慢性病中长期规划');
    expect(list).toHaveLength(38);
    for (const t of [
      '30—70岁人群因心脑血管疾病、癌症、慢性呼吸系统疾病和糖尿病导致的过早死亡率|decrease|10|%|2020',
      '30—70岁人群因心脑血管疾病、癌症、慢性呼吸系统疾病和糖尿病导致的过早死亡率|decrease|20|%|2025',
      '心脑血管疾病死亡率|decrease|10|%|2020',
      '高发地区重点癌种早诊率|gte|55|%|2020',
      '高血压患者管理人数|gte|100|万人|2025',
      '35岁以上居民年度血脂检测率|eq|25|%|2020',
      '居民健康素养水平|gt|27|%|2020',
      '居民健康素养水平|gte|34|%|2025',
      '全民健康生活方式行动区覆盖率|eq|100|%|2025',
      '15岁以上人群吸烟率|lte|20|%|2025',
      '国家慢性病综合防控示范区|qualitative|||2025',
      '居民重点慢性病核心知识知晓率|gte|60|%|2020',
      '居民重点慢性病核心知识知晓率|gte|70|%|2025',
      '12岁儿童患龋率|lte|30|%|2025',
    ]) expect(list).toContain(t);
  });

  it('000 TCM and mental-health plans', () => {
    expect(of('000', '中医药发展战略规划纲要')).toEqual([
      '社区卫生服务中心和乡镇卫生院|gte|10|项|2020',
      '社区卫生服务站和村卫生室|gte|4|项|2020',
      '中风病、冠心病等重点病种中医诊疗水平|qualitative|||2020',
      '中医药科技水平|qualitative|||2030',
      '居民中医健康文化素养|qualitative|||2030',
      '中医药产业对经济社会发展的贡献率|qualitative|||2030',
    ]);
    const mental = of('000', '精神卫生工作规划');
    expect(mental).toContain('精神科床位配置|gte|1.48|张/万人|2017');
    expect(mental).toContain('基层医疗卫生机构配备专职精神卫生防治服务人员|gte|1|名|2020');
    expect(mental).toContain('抑郁症治疗率|increase|100|%|2020');
    expect(mental).toContain('在校学生心理健康核心知识知晓率|gte|80|%|2020');
    // 每年至少召开1次 and 每个基层医疗卫生机构至少配备1名 are practice in the measures chapter.
    expect(mental).toHaveLength(11);
  });

  it('001: the table, the TB goals lead-in and the mental-health goals with a shared subject', () => {
    const chronic = of('001', '慢性病');
    expect(chronic).toContain('高血压患者规范管理率|gte|65|%|2020');
    expect(chronic).toContain('70岁以下人群慢性呼吸系统疾病死亡率|lt|7.9|1/10万|2025');
    expect(chronic).toContain('合格碘盐覆盖率|gte|90|%|2025');
    expect(chronic.some((t) => t.includes('健康教育课'))).toBe(false);
    const tb = of('001', '结核病');
    expect(tb).toContain('肺结核发病率|lte|35|1/10万|2020');
    expect(tb).toContain('肺结核患者合规的结核病医疗费用自付比例|lte|30|%|2020');
    const mental = of('001', '精神卫生');
    expect(mental).toContain('广大公众的心理健康知识知晓率（城市）|gte|70|%|2020');
    expect(mental).toContain('广大公众的心理健康知识知晓率（农村）|gte|50|%|2020');
    expect(mental).toContain('精神科执业（助理）医师数量|gte|0.38|名/万人|2020');
    expect(mental.some((t) => t.includes('每10万人口'))).toBe(false);
  });

  it('002: the 2020 column is the base period; only 2025 is a target year', () => {
    const list = of('002', '十四五');
    const table = list.filter((t) => /\|2025$/.test(t));
    expect(list.every((t) => t.endsWith('|2025'))).toBe(true);
    expect(table).toContain('人均期望寿命|gte|81.37|岁|2025');
    expect(table).toContain('婴儿死亡率|lte|5|‰|2025');
    expect(table).toContain('个人卫生支出占卫生总费用比重|eq|29|%|2025');
    expect(table).toContain('抗菌药物使用强度|lte|40|DDDs|2025');
    expect(table).toContain('重大慢性病早死率|decrease|20|%|2025');
    expect(table).toContain('15岁以上人群吸烟率|decrease|15|%|2025');
    expect(list).toContain('人均预期寿命|gte|81.37|岁|2025');
    expect(list).not.toContain('人均预期寿命|qualitative|||2025');
  });

  it('004: the goals chapter states no measurable goal; yearly training counts in measures are not targets', () => {
    expect(docs('004').flatMap((d) => d.targets)).toEqual([]);
  });
});

describe('wording variants not in the samples', () => {
  const sentence = (text: string) => run(text, { start: 2021, end: 2025 }).targets
    .map((t) => `${t.indicator}|${t.comparator}|${t.value ?? ''}|${t.unit ?? ''}|${t.year ?? ''}`);

  it('a rate with its level and no verb is a goal in a goals list, a fact elsewhere', () => {
    const goals = '二、工作目标\n到2025年，实现以下目标：\n1．饮用水水质监测合格率95%以上。\n2．县级疾控中心实验室检测能力达标率100%。\n（3）院内感染发生率10%以下，抗菌药物使用率40%以下。\n';
    expect(sentence(goals)).toEqual([
      '饮用水水质监测合格率|gte|95|%|2025', '县级疾控中心实验室检测能力达标率|eq|100|%|2025',
      '院内感染发生率|lte|10|%|2025', '抗菌药物使用率|lte|40|%|2025',
    ]);
    expect(sentence('三、重点任务\n（一）加强水质监测。全区饮用水水质监测合格率95%以上。\n')).toEqual([]);
  });

  it('a numbered goal saying 在现有基础上 is a goal; a 工作基础 chapter is background', () => {
    const text = '一、工作基础\n全区高血压患者规范管理率达到60%。\n二、工作目标\n到2025年，实现以下目标：\n'
      + '（一）抑郁症治疗率在现有基础上提高50%。\n（二）基础设施达标率达到90%以上。\n';
    expect(sentence(text)).toEqual(['抑郁症治疗率|increase|50|%|2025', '基础设施达标率|gte|90|%|2025']);
  });

  it('measures keep rates, dated quantities and levels to reach, drop prescribed counts and frequencies', () => {
    const text = '二、主要目标\n（一）发展目标。到2025年，儿童免疫规划疫苗接种率保持在95%以上。\n'
      + '三、重点任务\n（一）完善网络。每5万人口设置1个急救站点，每季度至少开展2次演练。'
      + '到2023年底，每千人口床位数达到6.2张。孕产妇系统管理率不低于92%。'
      + '各县每万人口全科医生数达到3名，按照每个乡镇不低于2名的标准配备公共卫生医师，村卫生室至少配备1名乡村医生，培训每年不少于4次。\n';
    expect(sentence(text)).toEqual([
      '儿童免疫规划疫苗接种率|gte|95|%|2025',
      '每千人口床位数|gte|6.2|张|2023',
      // 到2023年底 stays in force for the sentences after it in the same numbered item.
      '孕产妇系统管理率|gte|92|%|2023',
      '每万人口全科医生数|gte|3|名|2023',
    ]);
  });

  it('a value-less clause names the subject of the values after it', () => {
    expect(sentence('二、目标\n健康期望寿命逐步提高，到2025年达到70岁。\n')).toEqual(['健康期望寿命|gte|70|岁|2025']);
    expect(sentence('二、目标\n进一步提高孕产妇系统管理率，城区达到95%，山区达到90%。\n')).toEqual([
      '孕产妇系统管理率（城区）|gte|95|%|2025', '孕产妇系统管理率（山区）|gte|90|%|2025',
    ]);
  });

  it('splits 、 lists only when each item is an indicator', () => {
    expect(sentence('二、目标\n儿童龋齿检查率、窝沟封闭率分别达到80%、60%。\n')).toEqual([
      '儿童龋齿检查率|gte|80|%|2025', '窝沟封闭率|gte|60|%|2025',
    ]);
    expect(sentence('二、目标\n门诊开展乙肝、丙肝筛查的比例分别达到50%、40%。\n')).toEqual([
      '门诊开展乙肝、丙肝筛查的比例|gte|50|%|2025', '门诊开展乙肝、丙肝筛查的比例|gte|40|%|2025',
    ]);
  });

  it('a count completes its indicator with the counted noun', () => {
    expect(sentence('二、目标\n每个乡镇卫生院应配备至少2名全科医生。\n')).toEqual(['每个乡镇卫生院配备全科医生|gte|2|名|2025']);
  });

  it('table cells: direction from the baseline, words before the comparator, a change with its own base year', () => {
    const text = '指标\t基线\t2025年\n产前筛查率（%）\t60\t75\n剖宫产率（%）\t40\t35\n检查覆盖率（%）\t\t80\n'
      + '死亡率\t较2018年下降5%\t较2018年下降12%\n平均住院日（天）\t三级医院≤9\t三级医院≤8\n';
    const r = readTables(text, { periodStart: null }).targets.map((t) => [t.indicator, t.comparator, t.value, t.year, t.baseline?.year ?? null]);
    expect(r).toEqual([
      ['产前筛查率', 'gte', 75, 2025, null],
      ['剖宫产率', 'lte', 35, 2025, null],
      ['检查覆盖率', 'eq', 80, 2025, null],
      ['死亡率', 'decrease', 12, 2025, 2018],
      ['平均住院日', 'lte', 8, 2025, null],
    ]);
  });
});

describe('table baselines', () => {
  const baselines = (text: string) => readTables(text, { periodStart: null }).targets.map((t) => [t.indicator, t.baseline]);

  it('a baseline cell with its own year keeps it; the others take the year the note under the table gives', () => {
    // The 健康中国行动 kind of table: `注：未写明年份的基期水平值均为2021年数值。`
    expect(baselines('指标\t基期水平\t2025年\n吸烟率（%）\t26.4（2018年）\t＜20\n产前筛查率（%）\t72\t≥80\n注：未写明年份的基期水平值均为2021年数值。\n')).toEqual([
      ['吸烟率', { value: 26.4, unit: '%', year: 2018 }],
      ['产前筛查率', { value: 72, unit: '%', year: 2021 }],
    ]);
    expect(baselines('指标\t基线\t2025年目标\n总体近视率（%）\t52.7（2019年数据）\t≤48\n注：基线数据均为2020年。\n')).toEqual([
      ['总体近视率', { value: 52.7, unit: '%', year: 2019 }],
    ]);
  });
});

describe('extractTargets with a section tree of many siblings', () => {
  it('puts each sentence in the section it stands in, wherever it is in a long list', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 299; i++) lines.push(`${i}．${i === 150 ? '发展现状' : `第${i}项任务`}`, i === 150 ? '到2025年，接种率提高到95%以上。' : '加强宣传教育。');
    lines.push('300．工作目标', '到2025年，筛查率达到60%以上。');
    const doc: DocumentPart = { kind: 'plan', text: identityText(lines.join('\n')), title: '', titleRange: [0, 0], titleTruncated: false };
    const ctx = { file: 'x', report: () => {} };
    const targets = extractTargets(doc, segment(doc, ctx), meta(null), ctx);
    // The rate under 发展现状 (a background section) is not a target; the one under 工作目标 is.
    expect(targets.map((t) => [t.section?.title, t.indicator, t.value])).toEqual([['工作目标', '筛查率', 60]]);
  });
});
