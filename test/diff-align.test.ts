import { describe, expect, it } from 'vitest';
import { alignTargets, compareTargets, parseCompound } from '../src/diff/align-targets.js';
import { alignMeasures, compareDepartments, departmentKey } from '../src/diff/align-measures.js';
import { diffDocuments } from '../src/diff/diff.js';
import { doc, measure, responsibility, target } from './fixtures-diff/build.js';

const pairsOf = (rows: ReturnType<typeof alignTargets>) =>
  rows.map((r) => [r.child?.indicator ?? null, r.parent?.indicator ?? null, r.year, r.verdict]);

describe('target alignment', () => {
  it('aligns the same indicator worded slightly differently, by indicator and not by position', () => {
    const child = [
      target('全区居民健康素养水平', 'gte', 25),
      target('肺结核患者治疗成功率', 'gte', 92),
    ];
    const parent = [
      target('肺结核患者成功治疗率', 'gte', 90),
      target('全市居民健康素养水平', 'gte', 25),
    ];
    expect(pairsOf(alignTargets(child, parent))).toEqual([
      ['全区居民健康素养水平', '全市居民健康素养水平', 2025, 'same'],
      ['肺结核患者治疗成功率', '肺结核患者成功治疗率', 2025, 'stricter'],
    ]);
  });

  it('a unit in brackets after a table indicator does not prevent the match', () => {
    const rows = alignTargets([target('孕产妇死亡率（1/10 万）', 'lte', 9, { unit: '1/10万' })], [target('孕产妇死亡率', 'lte', 10, { unit: '1/10万' })]);
    expect(pairsOf(rows)).toEqual([['孕产妇死亡率（1/10 万）', '孕产妇死亡率', 2025, 'stricter']]);
  });

  it('aligns only targets due the same year (a null year matches any)', () => {
    const child = [
      target('心脑血管疾病死亡率', 'decrease', 10, { year: 2025 }),
      target('心脑血管疾病死亡率', 'decrease', 15, { year: 2030 }),
      target('婴儿死亡率', 'lte', 4, { unit: '‰', year: null }),
    ];
    const parent = [
      target('心脑血管疾病死亡率', 'decrease', 20, { year: 2030 }),
      target('心脑血管疾病死亡率', 'decrease', 8, { year: 2025 }),
      target('婴儿死亡率', 'lte', 5, { unit: '‰', year: 2025 }),
      target('心脑血管疾病死亡率', 'decrease', 5, { year: 2022 }),
    ];
    const rows = alignTargets(child, parent);
    expect(rows.map((r) => [r.child?.year, r.parent?.year, r.verdict])).toEqual([
      [2025, 2025, 'stricter'],
      [2030, 2030, 'looser'],
      [null, 2025, 'stricter'],
      [undefined, 2022, 'dropped'],
    ]);
    expect(rows[2].year).toBe(2025);
  });

  it('an exact year is preferred over a null year when both could match', () => {
    const child = [target('适龄儿童免疫规划疫苗接种率', 'gte', 95, { year: null }), target('适龄儿童免疫规划疫苗接种率', 'gte', 98, { year: 2030 })];
    const parent = [target('适龄儿童免疫规划疫苗接种率', 'gte', 98, { year: 2030 })];
    const rows = alignTargets(child, parent);
    expect(rows.map((r) => [r.child?.value, r.parent?.value ?? null, r.verdict])).toEqual([
      [95, null, 'added'],
      [98, 98, 'same'],
    ]);
  });

  it('matches a shared-suffix compound A、B…率 against its parts (one-to-two)', () => {
    const child = [target('高血压、糖尿病患者健康管理率', 'gte', 65)];
    const parent = [target('糖尿病患者健康管理率', 'gte', 65), target('高血压患者健康管理率', 'gte', 60)];
    const rows = alignTargets(child, parent);
    expect(pairsOf(rows)).toEqual([
      ['高血压、糖尿病患者健康管理率', '糖尿病患者健康管理率', 2025, 'same'],
      ['高血压、糖尿病患者健康管理率', '高血压患者健康管理率', 2025, 'stricter'],
    ]);
    expect(rows.every((r) => r.match === 'compound')).toBe(true);
  });

  it('matches a compound on the parent side, with three heads', () => {
    const child = [target('乙肝疫苗接种率', 'gte', 95), target('麻疹疫苗接种率', 'gte', 90), target('百白破疫苗接种率', 'gte', 95)];
    const parent = [target('乙肝、麻疹、百白破疫苗接种率', 'gte', 95)];
    expect(alignTargets(child, parent).map((r) => [r.child?.indicator, r.verdict, r.match])).toEqual([
      ['乙肝疫苗接种率', 'same', 'compound'],
      ['麻疹疫苗接种率', 'looser', 'compound'],
      ['百白破疫苗接种率', 'same', 'compound'],
    ]);
  });

  it('a list sentence with long parts is not read as a compound', () => {
    expect(parseCompound('高血压、糖尿病患者规范管理率')).toEqual({ heads: ['高血压'], last: '糖尿病患者规范管理率' });
    expect(parseCompound('推进基层医疗卫生机构标准化建设和家庭医生签约服务、社区卫生服务中心覆盖率')).toBeNull();
    expect(parseCompound('居民健康素养水平')).toBeNull();
  });

  it('different indicators of one disease are not aligned: added and dropped instead', () => {
    const rows = alignTargets([target('高血压患者管理人数', 'gte', 12, { unit: '万人' })], [target('高血压患者规范管理率', 'gte', 60)]);
    expect(pairsOf(rows)).toEqual([
      ['高血压患者管理人数', null, 2025, 'added'],
      [null, '高血压患者规范管理率', 2025, 'dropped'],
    ]);
  });

  it('the alignment does not depend on the order of either side', () => {
    const names = ['产前筛查率', '新生儿遗传代谢性疾病筛查率', '孕产妇系统管理率', '三岁以下儿童系统管理率', '出生缺陷发生率'];
    const child = names.map((n, i) => target(n, 'gte', 80 + i));
    const parent = names.map((n, i) => target(n, 'gte', 82 - i));
    const forward = alignTargets(child, parent).map((r) => `${r.child?.indicator}=${r.parent?.indicator}:${r.verdict}`).sort();
    const reversed = alignTargets(child, [...parent].reverse()).map((r) => `${r.child?.indicator}=${r.parent?.indicator}:${r.verdict}`).sort();
    expect(reversed).toEqual(forward);
    expect(forward).toContain('产前筛查率=产前筛查率:looser');
    expect(forward).toContain('出生缺陷发生率=出生缺陷发生率:stricter');
  });

  it('500 × 500 targets align in well under a second', () => {
    const diseases = ['肺结核', '艾滋病', '高血压', '糖尿病', '脑卒中', '慢阻肺', '乙肝', '丙肝', '梅毒', '精神障碍'];
    const measures = ['患者发现率', '患者规范管理率', '治疗成功率', '筛查覆盖率', '知晓率'];
    const groups = ['城市', '农村', '学生', '老年人', '孕产妇', '流动人口', '职业人群', '重点人群', '儿童', '青少年'];
    const make = (offset: number) =>
      Array.from({ length: 500 }, (_, i) =>
        target(`${groups[Math.floor(i / 50) % 10]}${diseases[i % 10]}${measures[Math.floor(i / 10) % 5]}`, 'gte', 50 + ((i + offset) % 40)),
      );
    const start = performance.now();
    const rows = alignTargets(make(0), make(3).reverse());
    const elapsed = performance.now() - start;
    expect(rows.filter((r) => r.child && r.parent)).toHaveLength(500);
    expect(rows.every((r) => !r.child || !r.parent || r.child.indicator === r.parent.indicator)).toBe(true);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('target verdicts', () => {
  const t = (comparator: Parameters<typeof target>[1], value: number | null, unit: string | null = '%', valueMax: number | null = null) =>
    target('床位使用率', comparator, value, { unit, valueMax });
  it.each([
    ['gte higher', t('gte', 95), t('gte', 90), 'stricter'],
    ['gte lower', t('gte', 85), t('gte', 90), 'looser'],
    ['gt vs gte at one value', t('gt', 90), t('gte', 90), 'stricter'],
    ['lte lower', t('lte', 20), t('lte', 22), 'stricter'],
    ['lt vs lte at one value', t('lte', 20), t('lt', 20), 'looser'],
    ['larger decrease', t('decrease', 15), t('decrease', 10), 'stricter'],
    ['smaller increase', t('increase', 3), t('increase', 5), 'looser'],
    ['equal eq', t('eq', 100), t('eq', 100), 'same'],
    ['different eq', t('eq', 100), t('eq', 90), 'changed'],
    ['same range', t('range', 10, '%', 20), t('range', 10, '%', 20), 'same'],
    ['other range', t('range', 10, '%', 25), t('range', 10, '%', 20), 'changed'],
    ['full-width percent is the same unit', t('gte', 90, '％'), t('gte', 90, '%'), 'same'],
    ['different unit', t('gte', 9, '‰'), t('gte', 9, '%'), 'changed'],
    ['different direction', t('lte', 90), t('gte', 90), 'changed'],
    ['qualitative vs quantitative', t('qualitative', null, null), t('gte', 90), 'changed'],
    ['both qualitative', t('qualitative', null, null), t('qualitative', null, null), 'same'],
  ])('%s', (_name, child, parent, verdict) => {
    expect(compareTargets(child, parent)).toBe(verdict);
  });
});

describe('measure alignment', () => {
  const parentText =
    '加强结核病定点医疗机构建设，市卫生健康委负责完善诊疗规范，每年开展一次质量控制督导，提高患者规范治疗水平。';
  const childText =
    '加强结核病定点医疗机构建设，区卫生健康委负责完善诊疗规范，每半年开展一次质量控制督导，提高患者规范治疗水平。';

  const parentDoc = doc('d1', '某市结核病防治规划', {
    measures: [
      measure('m1', '强化宣传教育', '利用广播、电视和新媒体普及结核病防治核心知识，每年开展世界防治结核病日宣传活动。'),
      measure('m2', '提升诊疗质量', parentText, { responsibilityIds: ['r1'] }),
      measure('m3', '加强实验室能力', '市疾控中心实验室具备分子生物学诊断能力，开展耐药检测。'),
    ],
    responsibilities: [responsibility('r1', 'm2', ['市卫生健康委'], ['市市场监管局', '市财政局'])],
  });
  const childDoc = doc('d2', '某区结核病防治规划', {
    measures: [
      measure('m1', '提升诊疗质量', childText, { responsibilityIds: ['r1'] }),
      measure('m2', '强化宣传教育', '利用广播、电视和新媒体普及结核病防治核心知识，每年开展世界防治结核病日宣传活动。'),
      measure('m3', '推进校园防控', '区教育局落实新生入学体检，发现疑似病例及时报告并转诊。'),
    ],
    responsibilities: [responsibility('r1', 'm1', ['区卫生健康委'], ['区市场监管局', '区教育局'])],
  });

  it('aligns by title and text: same, edited, added, dropped', () => {
    const rows = alignMeasures(childDoc, parentDoc);
    expect(rows.map((r) => [r.child?.title ?? null, r.parent?.title ?? null, r.verdict])).toEqual([
      ['提升诊疗质量', '提升诊疗质量', 'edited'],
      ['强化宣传教育', '强化宣传教育', 'same'],
      ['推进校园防控', null, 'added'],
      [null, '加强实验室能力', 'dropped'],
    ]);
  });

  it('an edited measure carries a word diff from the parent text to the child text', () => {
    const edited = alignMeasures(childDoc, parentDoc)[0];
    const diff = edited.textDiff!;
    expect(diff.filter((c) => c.op !== 'insert').map((c) => c.text).join('')).toBe(parentText);
    expect(diff.filter((c) => c.op !== 'delete').map((c) => c.text).join('')).toBe(childText);
    // Whole words change: 每年 → 每半年, not a lone 半 inserted into 每年.
    expect(diff.filter((c) => c.op === 'insert').map((c) => c.text)).toEqual(['区', '每半年']);
    expect(diff.filter((c) => c.op === 'delete').map((c) => c.text)).toEqual(['市', '每年']);
  });

  it('compares the departments of matched measures without their level prefix', () => {
    const edited = alignMeasures(childDoc, parentDoc)[0];
    expect(edited.responsibilities).toEqual({ added: ['区教育局'], removed: ['市财政局'], kept: ['区卫生健康委', '区市场监管局'] });
  });

  it('summary: an edited measure counts as changed; targets and measures together', () => {
    const d = diffDocuments(
      { ...childDoc, targets: [target('肺结核患者成功治疗率', 'gte', 92)] },
      { ...parentDoc, targets: [target('肺结核患者成功治疗率', 'gte', 90)] },
      { child: 'a.txt', parent: 'b.txt' },
      'title',
    );
    expect(d.counts.measures).toEqual({ same: 1, stricter: 0, looser: 0, changed: 1, added: 1, dropped: 1 });
    expect(d.summary).toEqual({ same: 1, stricter: 1, looser: 0, changed: 1, added: 1, dropped: 1 });
  });
});

describe('department keys', () => {
  it.each([
    ['区财政局', '财政局'],
    ['市财政局', '财政局'],
    ['县财政局', '财政局'],
    ['省财政厅', '财政厅'],
    ['自治区卫生健康委', '卫生健康委'],
    ['市场监管局', '市场监管局'],
    ['区市场监管局', '市场监管局'],
    ['市市场监管局', '市场监管局'],
    ['市容园林委', '市容园林委'],
    ['市政府', '政府'],
    ['旗教育局', '教育局'],
  ])('%s → %s', (name, key) => {
    expect(departmentKey(name)).toBe(key);
  });
  it('compares lists by key and keeps the names as written', () => {
    expect(compareDepartments(['县民政局', '县公安局'], ['市公安局', '市司法局'])).toEqual({ added: ['县民政局'], removed: ['市司法局'], kept: ['县公安局'] });
  });
});

describe('odd input', () => {
  it('huge, punctuation-only and list-like indicators and texts finish quickly', () => {
    const start = performance.now();
    const long = '率'.repeat(200_000);
    const commas = '、'.repeat(50_000);
    const parens = '（）'.repeat(20_000) + ' '.repeat(100_000);
    const rows = alignTargets(
      [target(long, 'gte', 1), target(commas, 'gte', 1), target(parens, 'gte', 1), target('\u0000', 'gte', 1)],
      [target(long, 'gte', 2), target(commas + '率', 'gte', 1), target('', 'gte', 1)],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const text = '某'.repeat(60_000);
    const measures = alignMeasures(
      doc('d1', 'a', { measures: [measure('m1', '标题', text + '甲')] }),
      doc('d1', 'b', { measures: [measure('m1', '标题', text + '乙')] }),
    );
    expect(measures[0].verdict).toBe('edited');
    expect(measures[0].textDiff).toBeNull();
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
