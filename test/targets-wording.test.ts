/**
 * Targets on wordings of other provinces and levels (国务院, 浙江, 广东, 四川 styles), written for
 * these tests, not taken from the samples. Expected values are read from the sentences by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseSentence } from '../src/stages/targets/sentence.js';
import { dueYearsIn, baselineYearIn } from '../src/stages/targets/year.js';
import { runTargets } from './helpers/targets.js';

/** The targets of a text as `indicator|comparator|value|unit|year|yearFrom`. */
function targetsOf(text: string, period: { start: number; end: number } | null = { start: 2021, end: 2030 }) {
  return runTargets(text, period).targets.map((t) => `${t.indicator}|${t.comparator}|${t.value}|${t.unit}|${t.year}|${t.yearFrom}`);
}
/** The targets of one sentence as [indicator, comparator, value, unit, year]. */
function sentenceOf(sentence: string, years: number[] = [2025]) {
  return parseSentence(sentence, years).targets.map((t) => [t.indicator, t.comparator, t.value, t.unit, t.year]);
}

describe('year pairs and lists', () => {
  it('distributes the values of a clause to the years in order, with or without 分别', () => {
    expect(sentenceOf('到2022年和2030年，全省经常参加体育锻炼人数比例达到37%及以上和40%及以上。')).toEqual([
      ['经常参加体育锻炼人数比例', 'gte', 37, '%', 2022], ['经常参加体育锻炼人数比例', 'gte', 40, '%', 2030],
    ]);
    expect(sentenceOf('2022年、2025年全市孕产妇系统管理率分别达到90%、92%。')).toEqual([
      ['孕产妇系统管理率', 'gte', 90, '%', 2022], ['孕产妇系统管理率', 'gte', 92, '%', 2025],
    ]);
  });

  it('reads a year list only when its years are due, never a base or a status date', () => {
    expect(dueYearsIn('到2022年和2030年')).toEqual([2022, 2030]);
    expect(dueYearsIn('2025年、2035年分别')).toEqual([2025, 2035]);
    expect(dueYearsIn('展望2035年')).toEqual([2035]);
    expect(dueYearsIn('在2020年基础上提高1个百分点')).toEqual([]);
    expect(dueYearsIn('由2015年的20.1/10万下降到12/10万')).toEqual([]);
    expect(dueYearsIn('截至2020年底')).toEqual([]);
    expect(baselineYearIn('人均预期寿命在2020年的基础上提高1岁')).toBe(2020);
  });

  it('keeps a pair in force for the next sentences of its paragraph, not the next paragraph', () => {
    const text = '二、主要目标\n'
      + '到2022年和2030年，居民健康素养水平分别不低于22%和30%。城乡居民达到《国民体质测定标准》合格以上的人数比例分别达到90.86%和92.17%。\n'
      + '全省婴儿死亡率控制在5‰以下。\n';
    expect(targetsOf(text)).toEqual([
      '居民健康素养水平|gte|22|%|2022|text', '居民健康素养水平|gte|30|%|2030|text',
      '城乡居民达到《国民体质测定标准》合格以上的人数比例|gte|90.86|%|2022|section',
      '城乡居民达到《国民体质测定标准》合格以上的人数比例|gte|92.17|%|2030|section',
      '婴儿死亡率|lte|5|‰|2030|period',
    ]);
  });

  it('a pair in force from before gives way to an indicator that lists as many items', () => {
    expect(sentenceOf('高血压知晓率、治疗率分别达到60%、50%。', [2022, 2030])).toEqual([
      ['高血压知晓率', 'gte', 60, '%', 2030], ['治疗率', 'gte', 50, '%', 2030],
    ]);
  });

  it('a year named later in the paragraph replaces the pair', () => {
    const text = '二、发展目标\n到2025年，每千人口执业（助理）医师数达到3.2人。到2030年，每千人口注册护士数达到4.7人。\n';
    expect(targetsOf(text)).toEqual(['每千人口执业（助理）医师数|gte|3.2|人|2025|text', '每千人口注册护士数|gte|4.7|人|2030|text']);
  });
});

describe('values in every position, indicators cleaned', () => {
  it('distributes a tail the listed items share (X、Y患者规范管理率分别达到a、b)', () => {
    expect(sentenceOf('全县肺结核、艾滋病患者规范管理率分别达到90%、95%。')).toEqual([
      ['肺结核患者规范管理率', 'gte', 90, '%', 2025], ['艾滋病患者规范管理率', 'gte', 95, '%', 2025],
    ]);
    expect(sentenceOf('孕产妇、新生儿死亡率分别下降到12/10万和3‰以下。')).toEqual([
      ['孕产妇死亡率', 'lte', 12, '1/10万', 2025], ['新生儿死亡率', 'lte', 3, '‰', 2025],
    ]);
    // Items that may share a head too (适龄儿童) are not told apart: each value keeps the whole list.
    expect(sentenceOf('适龄儿童乙肝、麻疹疫苗接种率分别达到95%、98%。').map((t) => t[0])).toEqual([
      '适龄儿童乙肝、麻疹疫苗接种率', '适龄儿童乙肝、麻疹疫苗接种率',
    ]);
  });

  it('cleans chained verbs and 分别 off the indicator', () => {
    expect(sentenceOf('到2022年和2030年，城乡居民健康素养水平分别提高到不低于22%和30%。', [])).toEqual([
      ['城乡居民健康素养水平', 'gte', 22, '%', 2022], ['城乡居民健康素养水平', 'gte', 30, '%', 2030],
    ]);
    expect(sentenceOf('全县儿童青少年总体近视率力争每年降低到不高于上年水平。')).toEqual([]);
  });

  it('reads a share written before its indicator as a goal of at least that share', () => {
    expect(sentenceOf('100%的乡镇卫生院能够提供中医药服务。')).toEqual([['乡镇卫生院能够提供中医药服务', 'gte', 100, '%', 2025]]);
    expect(sentenceOf('90%以上的村卫生室具备中医药服务能力。')).toEqual([['村卫生室具备中医药服务能力', 'gte', 90, '%', 2025]]);
    // A share that only says what is: not a goal.
    expect(sentenceOf('65%的人口的居住地为农村。')).toEqual([]);
  });

  it('reads the count after a verb of doing or building', () => {
    expect(sentenceOf('开展6类以上中医适宜技术。')).toEqual([['开展中医适宜技术', 'gte', 6, '类', 2025]]);
    expect(sentenceOf('每个地市培育2家以上中医药健康旅游示范基地。')).toEqual([['每个地市培育中医药健康旅游示范基地', 'gte', 2, '家', 2025]]);
    expect(sentenceOf('按照技术规范开展十类以上康复项目。')).toEqual([['开展康复项目', 'gte', 10, '类', 2025]]);
    // 二类 is a class, not a count of kinds.
    expect(sentenceOf('规范接种二类疫苗。')).toEqual([]);
  });

  it('reads a growth of staff, the staff between the verb and the count', () => {
    expect(sentenceOf('全县新增全科医生200名。')).toEqual([['新增全科医生', 'increase', 200, '名', 2025]]);
    expect(sentenceOf('五年内增加注册护士1500人。')).toEqual([['增加注册护士', 'increase', 1500, '人', 2025]]);
    // A count of things built, or a count that does not end the clause, is no staff growth.
    expect(sentenceOf('新增床位300张。')).toEqual([]);
    expect(sentenceOf('新增护士500名左右的培训任务。')).toEqual([]);
  });
});

describe('provisions', () => {
  it('a count of things each place is to have is no level to reach', () => {
    expect(sentenceOf('每个乡镇（街道）至少有1名专职公共卫生医师。')).toEqual([]);
    expect(sentenceOf('每个县（市、区）至少设1家二级以上精神专科医院。')).toEqual([]);
    // A measured level per place stays a target.
    expect(sentenceOf('每个社区卫生服务中心的家庭医生签约率达到75%。')).toEqual([['每个社区卫生服务中心的家庭医生签约率', 'gte', 75, '%', 2025]]);
  });
});

describe('goals and practices outside a goals section', () => {
  const tasks = (sentence: string) => targetsOf(`三、主要任务\n（二）加强人才培养。${sentence}\n`, { start: 2021, end: 2025 });
  it('a count of people per year is a level to reach; a count of sessions per year is a practice', () => {
    expect(tasks('每年为基层培训全科医生不少于120名。')).toEqual(['每年为基层培训全科医生|gte|120|名|2025|period']);
    expect(tasks('每年免费为孕妇开展产前筛查不少于5000人次。')).toEqual(['每年免费为孕妇开展产前筛查|gte|5000|人次|2025|period']);
    expect(tasks('每季度开展健康讲座不少于2次。')).toEqual([]);
    expect(tasks('每年举办业务培训班不少于4期。')).toEqual([]);
  });
  it('a growth of staff is a level to reach', () => {
    expect(tasks('到期末新增公共卫生医师80名。')).toEqual(['新增公共卫生医师|increase|80|名|2025|period']);
  });
});

describe('units', () => {
  it.each([
    ['到2025年，人均预期寿命在2020年基础上提高1个百分点。', ['人均预期寿命', 'increase', 1, '百分点', 2025]],
    ['城乡居民经常参加体育锻炼人数比例较2020年提高2.5个百分点。', ['城乡居民经常参加体育锻炼人数比例', 'increase', 2.5, '百分点', 2025]],
    ['人均体育场地面积达到2.6平方米。', ['人均体育场地面积', 'gte', 2.6, '平方米', 2025]],
    ['每万人口拥有健身场地面积不少于1800m²。', ['每万人口拥有健身场地面积', 'gte', 1800, 'm²', 2025]],
    ['中小学生每天校内体育活动时间不少于1小时。', ['中小学生每天校内体育活动时间', 'gte', 1, '小时', 2025]],
    ['城市急救平均反应时间缩短到12分钟以内。', ['城市急救平均反应时间', 'lte', 12, '分钟', 2025]],
    ['人均预期寿命达到79岁左右。', ['人均预期寿命', 'eq', 79, '岁', 2025]],
    ['全省常住人口规模达到8600万人左右。', ['常住人口规模', 'eq', 8600, '万人', 2025]],
    ['健康服务业总规模超过1.5万亿元。', ['健康服务业总规模', 'gt', 1.5, '万亿元', 2025]],
    ['个人卫生支出人均不高于1200元。', ['个人卫生支出人均', 'lte', 1200, '元', 2025]],
    ['每千人口医疗卫生机构床位数达到6.5张/千人。', ['每千人口医疗卫生机构床位数', 'gte', 6.5, '张/千人', 2025]],
    ['全科医生数达到3.93人/万人。', ['全科医生数', 'gte', 3.93, '人/万人', 2025]],
    // The population base written before the number.
    ['全市康复床位数达到每万人2.5张。', ['康复床位数', 'gte', 2.5, '张/万人', 2025]],
    ['精神科执业（助理）医师数提高到每10万人口4.0名。', ['精神科执业（助理）医师数', 'gte', 4, '名/10万人', 2025]],
    ['城市绿道长度不少于150公里。', ['城市绿道长度', 'gte', 150, '公里', 2025]],
  ])('%s', (sentence, expected) => {
    expect(sentenceOf(sentence)).toEqual([expected]);
  });
});

describe('baselines from sentences', () => {
  const baselineOf = (sentence: string) => parseSentence(sentence, [2025]).targets.map((t) => [t.value, t.year, t.baseline]);
  it('由2015年的X提高到Y gives the base value and year, never the due year', () => {
    expect(baselineOf('全市孕产妇死亡率由2015年的20.1/10万下降到12/10万。')).toEqual([[12, 2025, { value: 20.1, unit: '1/10万', year: 2015 }]]);
    expect(baselineOf('居民健康素养水平从2020年的23.15%提高到30%以上。')).toEqual([[30, 2025, { value: 23.15, unit: '%', year: 2020 }]]);
  });
  it('在2020年基础上 and 较2015年 give the base year', () => {
    expect(baselineOf('到2025年，人均预期寿命在2020年基础上提高1个百分点。')).toEqual([[1, 2025, { value: null, unit: null, year: 2020 }]]);
    expect(baselineOf('重大慢性病过早死亡率较2015年下降10%。')).toEqual([[10, 2025, { value: null, unit: null, year: 2015 }]]);
  });
});

describe('not goals', () => {
  it('skips facts of background chapters and of the present or past', () => {
    const text = '一、发展基础\n全国高血压患病率为27.5%，居民健康素养水平已达到23.15%。\n'
      + '二、主要目标\n目前全省孕产妇死亡率为9.8/10万，到2025年下降到9/10万以下。\n当前全市每千人口床位数达到5.1张。\n'
      + '截至2020年底，全省已建成县级中医医院120所。\n';
    expect(targetsOf(text)).toEqual(['孕产妇死亡率|lte|9|1/10万|2025|text']);
  });

  it('在现有基础上 is a goal wording, not the present', () => {
    expect(sentenceOf('严重精神障碍患者规范管理率在现有基础上提高到90%。')).toEqual([['严重精神障碍患者规范管理率', 'gte', 90, '%', 2025]]);
  });

  it('keeps a restated target once and reports the later place (PLN503)', () => {
    const text = '二、主要目标\n到2025年，全省婴儿死亡率控制在5‰以下。\n三、保障措施\n到2025年，确保婴儿死亡率控制在5‰以下。\n';
    const { targets, diagnostics } = runTargets(text, { start: 2021, end: 2025 });
    expect(targets.map((t) => t.indicator)).toEqual(['婴儿死亡率']);
    expect(diagnostics.filter((d) => d.code === 'PLN503').map((d) => d.offset)).toEqual([text.lastIndexOf('5‰')]);
  });

  it('a restated goal keeps its indicator-table row, with its nature', () => {
    const text = '二、主要目标\n到2025年，孕产妇死亡率控制在9/10万以下。\n'
      + '指标\t2020年\t2025年\t属性\n孕产妇死亡率（1/10万）\t9.8\t≤9\t约束性\n';
    const { targets } = runTargets(text, { start: 2021, end: 2025 });
    expect(targets.map((t) => [t.source, t.nature, t.yearFrom])).toEqual([['table', 'binding', 'table']]);
  });

  it('warns once per due year outside the plan period or before its date (PLN504)', () => {
    const text = '二、主要目标\n到2035年，人均预期寿命达到80岁，健康素养水平达到35%。\n到2018年，筛查率达到60%。\n';
    const outside = runTargets(text, { start: 2021, end: 2025 }).diagnostics.filter((d) => d.code === 'PLN504');
    expect(outside.map((d) => d.message)).toEqual([
      'Unexpected due year 2035 outside the plan period, expected 2021–2025 (2 targets)',
      'Unexpected due year 2018 outside the plan period, expected 2021–2025 (1 target)',
    ]);
    const early = runTargets('二、目标\n到2020年，筛查率达到60%。\n', null, '2022-03-01').diagnostics.filter((d) => d.code === 'PLN504');
    expect(early.map((d) => d.message)).toEqual(["Unexpected due year 2020 before the plan's date, expected 2022 or later (1 target)"]);
  });
});

describe('yearFrom and nature', () => {
  it('says whether a year came from the sentence, a lead-in, a table column or only the period', () => {
    const text = '二、主要目标\n到2025年，实现以下目标：\n（一）高血压患者规范管理率达到70%。\n三、重点任务\n（一）提升服务。儿童免疫规划疫苗接种率保持在95%以上。\n'
      + '指标\t2020年\t2025年\n糖尿病患者规范管理率（%）\t60\t70\n';
    expect(targetsOf(text, { start: 2021, end: 2025 })).toEqual([
      '高血压患者规范管理率|gte|70|%|2025|section',
      '儿童免疫规划疫苗接种率|gte|95|%|2025|period',
      '糖尿病患者规范管理率|gte|70|%|2025|table',
    ]);
    expect(runTargets('二、目标\n筛查率达到60%。\n').targets.map((t) => [t.year, t.yearFrom])).toEqual([[null, null]]);
  });

  it('reads 约束性/预期性 from a lead-in or a label', () => {
    const text = '二、主要目标\n（一）约束性指标\n到2025年，孕产妇死亡率控制在9/10万以下。\n（二）预期性指标\n到2025年，人均预期寿命达到79岁。\n'
      + '到2025年，健康素养水平达到30%（倡导性）。\n';
    expect(runTargets(text).targets.map((t) => [t.indicator, t.nature])).toEqual([
      ['孕产妇死亡率', 'binding'], ['人均预期寿命', 'expected'], ['健康素养水平', 'advocated'],
    ]);
  });
});

describe('goals inside the cells of a duty table', () => {
  it('reads each cell of a TAB row on its own: no indicator runs across the number and department cells', () => {
    // A 广东-style county work-division table: 序号, 牵头单位, 工作任务, 完成时限.
    const text = '二、重点任务\n序号\t牵头单位\t工作任务\t完成时限\n3\t县卫生健康局\t推进家庭医生签约服务，重点人群签约率达到75%以上\t2025年底前\n';
    const found = runTargets(text, { start: 2023, end: 2025 }).targets;
    expect(found.map((t) => [t.indicator, t.comparator, t.value, t.unit])).toEqual([['重点人群签约率', 'gte', 75, '%']]);
    expect(found[0].text).toBe('推进家庭医生签约服务，重点人群签约率达到75%以上');
  });
});
