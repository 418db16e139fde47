import { describe, expect, it } from 'vitest';
import { mayHoldNumber } from '../src/text/numbers.js';
import { parseSentence, cleanIndicator } from '../src/stages/targets/sentence.js';

/** The targets of a sentence as [indicator, comparator, value, valueMax, unit, year]. */
function read(sentence: string, year: number | null = null) {
  return parseSentence(sentence, year === null ? [] : [year]).targets.map((t) => [t.indicator, t.comparator, t.value, t.valueMax, t.unit, t.year]);
}

describe('parseSentence: the forms of the samples', () => {
  it.each([
    ['报告肺结核患者和疑似肺结核患者的总体到位率达到95%以上。', ['报告肺结核患者和疑似肺结核患者的总体到位率', 'gte', 95, null, '%', 2020]],
    ['其他性传播危险行为人群感染率控制在0.5%以下。', ['其他性传播危险行为人群感染率', 'lte', 0.5, null, '%', 2020]],
    ['艾滋病母婴传播率下降到4%以下。', ['艾滋病母婴传播率', 'lte', 4, null, '%', 2020]],
    ['男性同性性行为人群艾滋病相关危险行为减少10%以上。', ['男性同性性行为人群艾滋病相关危险行为', 'decrease', 10, null, '%', 2020]],
    ['居民艾滋病防治知识知晓率达85%以上。', ['居民艾滋病防治知识知晓率', 'gte', 85, null, '%', 2020]],
    ['抑郁症治疗率在现有基础上提高100%。', ['抑郁症治疗率', 'increase', 100, null, '%', 2020]],
    ['密切接触者筛查率达到95%。', ['密切接触者筛查率', 'gte', 95, null, '%', 2020]],
    ['肺结核患者合规医疗费用报销比例不低于70%。', ['肺结核患者合规医疗费用报销比例', 'gte', 70, null, '%', 2020]],
    ['全市每万人口拥有精神科床位不低于3张。', ['每万人口拥有精神科床位', 'gte', 3, null, '张', 2020]],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2020)).toEqual([expected]);
  });

  it('reads the year of a lead-in clause and a density unit', () => {
    expect(read('到2017年底，全区精神科床位配置达到1.48张/万人。', 2020)).toEqual([['精神科床位配置', 'gte', 1.48, null, '张/万人', 2017]]);
  });

  it('reads rates per 100 000 and per mille', () => {
    expect(read('孕产妇死亡率控制在8.5/10万以下；婴儿死亡率控制在5‰以下。', 2025)).toEqual([
      ['孕产妇死亡率', 'lte', 8.5, null, '1/10万', 2025],
      ['婴儿死亡率', 'lte', 5, null, '‰', 2025],
    ]);
  });

  it('splits A、B分别达到70%、90% into two targets', () => {
    expect(read('咨询服务和检测服务的比例、转诊率分别达到70%、90%。', 2020)).toEqual([
      ['咨询服务和检测服务的比例', 'gte', 70, null, '%', 2020],
      ['转诊率', 'gte', 90, null, '%', 2020],
    ]);
  });

  it('gives one target per year for 到2020年和2025年…分别达到60%和70%', () => {
    expect(read('到2020年和2025年，全区居民重点慢性病核心知识知晓率分别达到60%和70%。')).toEqual([
      ['居民重点慢性病核心知识知晓率', 'gte', 60, null, '%', 2020],
      ['居民重点慢性病核心知识知晓率', 'gte', 70, null, '%', 2025],
    ]);
  });

  it('gives a value set once under two due years to each of them (…均达到, or one value in a later clause)', () => {
    expect(read('到2022年和2030年，全县合格碘盐覆盖率均达到90%及以上。')).toEqual([
      ['合格碘盐覆盖率', 'gte', 90, null, '%', 2022],
      ['合格碘盐覆盖率', 'gte', 90, null, '%', 2030],
    ]);
    expect(read('到2025年和2035年，孕妇贫血率分别低于12%和10%，每千人口社会体育指导员不少于2.5名。')).toEqual([
      ['孕妇贫血率', 'lt', 12, null, '%', 2025],
      ['孕妇贫血率', 'lt', 10, null, '%', 2035],
      ['每千人口社会体育指导员', 'gte', 2.5, null, '名', 2025],
      ['每千人口社会体育指导员', 'gte', 2.5, null, '名', 2035],
    ]);
    // One due year: one target.
    expect(read('到2025年，每千人口社会体育指导员不少于2.5名。')).toEqual([['每千人口社会体育指导员', 'gte', 2.5, null, '名', 2025]]);
  });

  it('gives the one value of A、B均达到… to each indicator the list names; a list of places or groups stays one indicator', () => {
    expect(read('职业病危害项目申报率、工作场所职业病危害因素监测合格率均达到90%以上。', 2025)).toEqual([
      ['职业病危害项目申报率', 'gte', 90, null, '%', 2025],
      ['工作场所职业病危害因素监测合格率', 'gte', 90, null, '%', 2025],
    ]);
    expect(read('产前筛查率和新生儿遗传代谢性疾病筛查率均保持在95%以上。', 2025)).toEqual([
      ['产前筛查率', 'gte', 95, null, '%', 2025],
      ['新生儿遗传代谢性疾病筛查率', 'gte', 95, null, '%', 2025],
    ]);
    // 及 in 及时率 and 普及率 is part of a word, not a joint of the list.
    expect(read('传染病疫情报告及时率和规范处置率均达到100%。', 2025)).toEqual([
      ['传染病疫情报告及时率', 'gte', 100, null, '%', 2025],
      ['规范处置率', 'gte', 100, null, '%', 2025],
    ]);
    expect(read('健康知识普及率及健康行为形成率分别达到80%和60%。', 2025)).toEqual([
      ['健康知识普及率', 'gte', 80, null, '%', 2025],
      ['健康行为形成率', 'gte', 60, null, '%', 2025],
    ]);
    // An item may hold 和 itself: the list parts at 、 first.
    expect(read('符合治疗条件的感染者和病人接受抗病毒治疗比例、治疗成功率均达到95%以上。', 2025)).toEqual([
      ['符合治疗条件的感染者和病人接受抗病毒治疗比例', 'gte', 95, null, '%', 2025],
      ['治疗成功率', 'gte', 95, null, '%', 2025],
    ]);
    expect(read('乡镇卫生院、社区卫生服务中心中医馆设置率均达到100%。', 2025)).toEqual([['乡镇卫生院、社区卫生服务中心中医馆设置率', 'gte', 100, null, '%', 2025]]);
    expect(read('流动人口、青年学生等重点人群艾滋病防治知识知晓率都达到90%以上。', 2025)).toEqual([['流动人口、青年学生等重点人群艾滋病防治知识知晓率', 'gte', 90, null, '%', 2025]]);
  });

  it('a five-year plan\'s period is past only when it ended before the years in force', () => {
    // A 2021–2025 plan: its own “十四五”期间 is the plan's, the “十三五” is what was.
    expect(read('“十四五”期间，每千人口执业（助理）医师数达到3.5人。', 2025)).toEqual([['每千人口执业（助理）医师数', 'gte', 3.5, null, '人', 2025]]);
    const past = (sentence: string, year: number) => parseSentence(sentence, [year]).past;
    expect(past('“十四五”期间，每千人口执业（助理）医师数达到3.5人。', 2025)).toBe(false);
    expect(past('“十三五”期间，每千人口执业（助理）医师数达到3.0人。', 2025)).toBe(true);
    // A 2026–2030 plan, and a “以来” that reports progress whatever the period.
    expect(read('“十五五”时期，全市婴儿死亡率控制在3‰以下。', 2030)).toEqual([['婴儿死亡率', 'lte', 3, null, '‰', 2030]]);
    expect(past('“十五五”时期，全市婴儿死亡率控制在3‰以下。', 2030)).toBe(false);
    expect(past('“十四五”以来，婴儿死亡率下降到4‰。', 2030)).toBe(true);
  });

  it('the unit a level holds in, written after the indicator, is not part of it', () => {
    expect(read('含麻疹成分疫苗接种率以县（区）为单位达到95%以上。', 2025)).toEqual([['含麻疹成分疫苗接种率', 'gte', 95, null, '%', 2025]]);
  });

  it('reads a decrease against a base year', () => {
    const [t] = parseSentence('力争30—70岁人群过早死亡率较2015年降低20%。', [2025]).targets;
    expect([t.indicator, t.comparator, t.value, t.unit, t.baseline]).toEqual(['30—70岁人群过早死亡率', 'decrease', 20, '%', { value: null, unit: null, year: 2015 }]);
  });

  it('reads a range of people', () => {
    expect(read('每个中心专职技术人员达到3至5人。', 2020)).toEqual([['每个中心专职技术人员', 'range', 3, 5, '人', 2020]]);
  });

  it('reads a value written before its indicator', () => {
    expect(read('50%以上的居家患者接受社区康复服务。', 2020)).toEqual([['居家患者接受社区康复服务', 'gte', 50, null, '%', 2020]]);
  });

  it('reads a qualitative goal', () => {
    expect(read('学生肺结核筛查比例明显提高。', 2020)).toEqual([['学生肺结核筛查比例', 'qualitative', null, null, null, 2020]]);
  });

  it('in a sentence with no number, reads its qualitative goals in order and skips a clause of the past or present', () => {
    const sentence = '目前居民健康素养水平明显提高，婴儿死亡率稳步下降，重点人群规范管理率持续提升。';
    const parse = parseSentence(sentence, [2022, 2025]);
    expect(parse.targets.map((t) => [t.indicator, t.comparator, t.year, t.range])).toEqual([
      ['婴儿死亡率', 'qualitative', 2025, [0, sentence.length]],
      ['重点人群规范管理率', 'qualitative', 2025, [0, sentence.length]],
    ]);
    expect([parse.past, parse.years, parse.targetLike]).toEqual([true, [], true]);
    // 百分之百 is written without a digit and is still read as a value.
    expect(read('规范化管理比例达到百分之百。', 2020)).toEqual([['规范化管理比例', 'gte', 100, null, '%', 2020]]);
  });

  it('marks past achievements', () => {
    expect(parseSentence('“十二五”期间，治愈率保持在85%以上。', []).past).toBe(true);
    expect(parseSentence('截至2016年底，累计登记患者5464人。', []).past).toBe(true);
    expect(parseSentence('治愈率达到85%以上。', []).past).toBe(false);
    // Wordings not in the samples: a level at the end of the last period, a goal reached.
    expect(parseSentence('孕产妇死亡率由2010年的12.5/10万下降至“十二五”末的9.8/10万。', []).past).toBe(true);
    expect(parseSentence('健康素养水平提高到18%，实现了规划确定的目标。', []).past).toBe(true);
    expect(parseSentence('到“十四五”末，健康素养水平提高到25%。', []).past).toBe(false);
  });
});

describe('parseSentence: wording not in the samples', () => {
  it('splits A和B分别控制在X和Y (and A及B, and 高血压和糖尿病患者… sharing a tail) into one target per indicator', () => {
    expect(read('婴儿死亡率和5岁以下儿童死亡率分别控制在4.5‰和6‰以下。', 2025)).toEqual([
      ['婴儿死亡率', 'lte', 4.5, null, '‰', 2025],
      ['5岁以下儿童死亡率', 'lte', 6, null, '‰', 2025],
    ]);
    expect(read('肺结核患者成功治疗率及病原学阳性率分别达到90%、50%以上。', 2025)).toEqual([
      ['肺结核患者成功治疗率', 'gte', 90, null, '%', 2025],
      ['病原学阳性率', 'gte', 50, null, '%', 2025],
    ]);
    expect(read('高血压和糖尿病患者规范管理率分别达到65%和60%。', 2025)).toEqual([
      ['高血压患者规范管理率', 'gte', 65, null, '%', 2025],
      ['糖尿病患者规范管理率', 'gte', 60, null, '%', 2025],
    ]);
  });

  it.each([
    ['力争到2030年，高血压患者管理率不低于70%。', ['高血压患者管理率', 'gte', 70, null, '%', 2030]],
    ['新生儿死亡率下降至8‰以内。', ['新生儿死亡率', 'lte', 8, null, '‰', 2022]],
    ['个人卫生支出占比不超过28%。', ['个人卫生支出占比', 'lte', 28, null, '%', 2022]],
    ['糖尿病患者规范管理率≥60%。', ['糖尿病患者规范管理率', 'gte', 60, null, '%', 2022]],
    ['全省健康素养水平提高到百分之六十。', ['健康素养水平', 'gte', 60, null, '%', 2022]],
    ['重大慢性病过早死亡率<15%。', ['重大慢性病过早死亡率', 'lt', 15, null, '%', 2022]],
    ['2025年底前，县域内就诊率稳定在90%左右。', ['县域内就诊率', 'eq', 90, null, '%', 2025]],
    ['儿童龋患率控制在千分之五以下。', ['儿童龋患率', 'lte', 5, null, '‰', 2022]],
    ['肺结核发病率降至40/10万。', ['肺结核发病率', 'lte', 40, null, '1/10万', 2022]],
    ['每千人口执业医师数增加到3.2名。', ['每千人口执业医师数', 'gte', 3.2, null, '名', 2022]],
    ['医护比达到1：1.2。', ['医护比', 'gte', 0.833333333333, null, 'ratio', 2022]],
    ['吸烟率比2018年降低两成。', ['吸烟率', 'decrease', 20, null, '%', 2022]],
    // How often the change comes (年均, 每年, 逐年) sits between the indicator and its verb.
    ['人均预期寿命年均提高0.2岁。', ['人均预期寿命', 'increase', 0.2, null, '岁', 2022]],
    ['艾滋病筛查人数每年增长10%以上。', ['艾滋病筛查人数', 'increase', 10, null, '%', 2022]],
    ['肺结核报告发病率逐年下降5%。', ['肺结核报告发病率', 'decrease', 5, null, '%', 2022]],
    // So do adverbs of pace (稳步, 持续, 进一步).
    ['县域就诊率稳步提升至90%。', ['县域就诊率', 'gte', 90, null, '%', 2022]],
    ['基层诊疗量占比进一步提高到65%以上。', ['基层诊疗量占比', 'gte', 65, null, '%', 2022]],
    // Before the indicator, the unit is part of its name, as in the indicator tables of national plans.
    ['以乡镇为单位适龄儿童免疫规划疫苗接种率保持在95%以上。', ['以乡镇为单位适龄儿童免疫规划疫苗接种率', 'gte', 95, null, '%', 2022]],
  ] as const)('%s', (sentence, expected) => {
    expect(read(sentence, 2022)).toEqual([expected]);
  });

  it('reads a count of things to build, but not a grade', () => {
    expect(read('力争到2025年建成5个以上国家区域医疗中心。', 2025)).toEqual([['建成国家区域医疗中心', 'gte', 5, null, '个', 2025]]);
    expect(read('每个县区新建1所标准化社区卫生服务中心。', 2022)).toEqual([['每个县区新建标准化社区卫生服务中心', 'gte', 1, null, '所', 2022]]);
    // 二级甲等, 三级医院: ranks, not values.
    expect(read('到2023年，市州疾控中心全部达到二级甲等以上标准。', 2025)).toEqual([]);
    expect(read('县级医院达到三级医院服务能力。', 2025)).toEqual([]);
  });

  it('reads several goals in one sentence', () => {
    expect(read('乡镇卫生院至少能够提供8项、村卫生室至少能够提供4项中医药适宜技术。', 2020)).toEqual([
      ['乡镇卫生院', 'gte', 8, null, '项', 2020],
      ['村卫生室', 'gte', 4, null, '项', 2020],
    ]);
  });

  it('flags a target-like sentence it cannot read', () => {
    const parse = parseSentence('结核病患者发现率要比上一年有明显的提高，力争接近全省平均水平的95%。', [2020]);
    expect(parse.targetLike).toBe(true);
  });
});

describe('cleanIndicator', () => {
  it('drops lead-ins, labels and linking words', () => {
    expect(cleanIndicator('1. 宣传教育：居民艾滋病防治知识知晓率均')).toBe('居民艾滋病防治知识知晓率');
    expect(cleanIndicator('到2030年，全省')).toBe('');
  });

  it('drops the circled and bracketed numbers of a list (①, ⑵, ⒊)', () => {
    expect(cleanIndicator('②乡镇卫生院服务能力达标率')).toBe('乡镇卫生院服务能力达标率');
    expect(cleanIndicator('⑵ 基层医疗卫生机构诊疗量占比')).toBe('基层医疗卫生机构诊疗量占比');
    expect(cleanIndicator('⒊每万常住人口全科医生数')).toBe('每万常住人口全科医生数');
  });
});

describe('mayHoldNumber', () => {
  it('is true for a text with any character a number is written with, false for one without', () => {
    expect(['达到95%', '百分之百', '翻一番', '三成', '两所', '十万分之八', '1'].map(mayHoldNumber)).toEqual([true, true, true, true, true, true, true]);
    expect(['建立健全工作机制', '明显提高', '', '（牵头单位：区卫健委）'].map(mayHoldNumber)).toEqual([false, false, false, false]);
  });
});

describe('parseSentence: one shape of target', () => {
  // Each form of goal is read by its own branch; all give targets with the same fields in the same
  // order: objects of one shape, which extractTargets reads on one fast path of the engine.
  const forms = [
    '到2027年，全区孕产妇死亡率下降到9/10万以下。', // a verb and its value
    '60%以上的乡镇卫生院提供中医药服务。', // the value first
    '基层医疗机构药品配备合格率98%以上。', // a rate and its level, no verb
    '三年内新增康复治疗师30名。', // a growth of staff
    '每个街道建成1所社区心理服务站。', // a count to build
    '居民健康素养水平稳步提升。', // qualitative
  ];

  it('gives every form of goal with the same fields in the same order', () => {
    const keys = forms.map((sentence) => {
      const { targets } = parseSentence(sentence, [2027]);
      expect(targets, sentence).toHaveLength(1);
      return Object.keys(targets[0]).join(',');
    });
    expect(new Set(keys).size, keys.join('\n')).toBe(1);
    expect(keys[0]).toBe('indicator,comparator,value,valueMax,unit,year,baseline,range,yearStated,verb,verbless');
  });

  it('marks only the level written after its rate as verbless', () => {
    expect(forms.map((sentence) => parseSentence(sentence, [2027]).targets[0].verbless)).toEqual([false, false, true, false, false, false]);
  });
});
