import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { cleanText } from '../src/pipeline.js';
import { split } from '../src/stages/split.js';
import { orderByHeadings } from '../src/stages/split/heading-order.js';
import { untangle } from '../src/stages/split/interleave.js';
import { bigramAt, firstCodeUnit, secondCodeUnit } from '../src/stages/split/bigrams.js';
import fc from 'fast-check';
import type { DocumentPart } from '../src/model/stages.js';
import { identityText } from '../src/text/mapped-text.js';

/** Heading markers at line starts, in text order. */
const markers = (text: string) => text.split('\n').map((l) => /^([一二三四五六七八九十]、|（[一二三四五六七八九十]）|\d{1,2}．)/.exec(l)?.[1]).filter(Boolean);

describe('orderByHeadings', () => {
  it('restores the numbering order of a scrambled plan, keeping unnumbered text with its heading', () => {
    const text = [
      '某市高血压防治方案',
      '一、目标。高血压知晓率稳步提高。',
      '二、措施（一）规范高血压筛查。',
      '2．开展社区筛查。社区每年筛查一次。',
      '（二）加强高血压随访。1．建立随访台账。随访覆盖全部患者。',
      '1．推行首诊测血压。门诊首诊必测。',
      '三、保障。各区落实经费。',
    ].join('\n');
    const out = orderByHeadings(identityText(text), text.indexOf('\n') + 1);
    expect(markers(out.text)).toEqual(['一、', '二、', '（一）', '1．', '2．', '（二）', '1．', '三、']);
    // Every character but the inserted line breaks keeps its origin; nothing is lost.
    expect(out.text.replace(/\n/g, '').length).toBe(text.replace(/\n/g, '').length);
    for (let i = 0; i < out.text.length; i++) if (out.text[i] !== '\n') expect(text[out.origin[i]]).toBe(out.text[i]);
    expect(out.text).toContain('1．推行首诊测血压。门诊首诊必测。');
  });

  it('moves a repeated item number to the heading whose title it echoes', () => {
    const text = [
      '某县免疫规划工作计划',
      '一、任务',
      '（一）提高疫苗接种率。',
      '1．开展查漏补种。',
      '（二）加强冷链管理。',
      '1．更新冷链设备。',
      '2．规范冷链温度监测。',
      '2．强化疫苗接种门诊建设。',
    ].join('\n');
    const out = orderByHeadings(identityText(text), text.indexOf('\n') + 1);
    const lines = out.text.split('\n').filter((l) => l !== '');
    expect(lines.indexOf('2．强化疫苗接种门诊建设。')).toBe(lines.indexOf('1．开展查漏补种。') + 1);
    expect(lines.slice(-3)).toEqual(['（二）加强冷链管理。', '1．更新冷链设备。', '2．规范冷链温度监测。']);
  });

  const diabetes = (item3: string) =>
    [
      '某区糖尿病防治实施方案',
      '二、措施',
      '（一）加强糖尿病筛查。',
      '1．开展糖尿病高危人群筛查。',
      '2．推广糖尿病血糖快速检测。',
      '4．落实糖尿病筛查结果登记。',
      '（二）规范糖尿病患者管理。',
      '1．建立糖尿病患者健康档案。',
      '2．开展糖尿病患者季度随访。',
      item3,
    ].join('\n');

  it('moves an item into a hole elsewhere only when it reads clearly closer there', () => {
    // `3．` continues （二） where it stands, but echoes （一）'s own words (高危人群筛查) and fills its hole.
    const moved = diabetes('3．扩大糖尿病高危人群筛查覆盖面。');
    const out = orderByHeadings(identityText(moved), moved.indexOf('\n') + 1).text.split('\n');
    expect(out.indexOf('3．扩大糖尿病高危人群筛查覆盖面。')).toBe(out.indexOf('2．推广糖尿病血糖快速检测。') + 1);
    // Sharing only the plan's topic (糖尿病, in every block) with the parent that has the hole is not enough.
    const stays = diabetes('3．组织糖尿病患者自我管理小组。');
    const kept = orderByHeadings(identityText(stays), stays.indexOf('\n') + 1).text.split('\n');
    expect(kept.slice(-4)).toEqual(['（二）规范糖尿病患者管理。', '1．建立糖尿病患者健康档案。', '2．开展糖尿病患者季度随访。', '3．组织糖尿病患者自我管理小组。']);
  });

  it('moves an item that skips a number where it stands to the heading it continues and echoes', () => {
    const text = [
      '某市职业病防治规划',
      '一、任务',
      '（一）加强尘肺病防治。',
      '1．开展粉尘危害专项治理。',
      '2．推进尘肺病患者救治。',
      '（二）强化职业健康监管。',
      '1．落实用人单位主体责任。',
      '3．加强粉尘作业场所监测与粉尘危害治理。',
    ].join('\n');
    const lines = orderByHeadings(identityText(text), text.indexOf('\n') + 1).text.split('\n').filter((l) => l !== '');
    expect(lines.indexOf('3．加强粉尘作业场所监测与粉尘危害治理。')).toBe(lines.indexOf('2．推进尘肺病患者救治。') + 1);
    expect(lines.slice(-2)).toEqual(['（二）强化职业健康监管。', '1．落实用人单位主体责任。']);
  });

  it('leaves text without headings alone and stays linear on odd input', () => {
    const plain = identityText('各单位要加强管理。落实责任。');
    expect(orderByHeadings(plain, 0)).toBe(plain);
    const many = '（一）'.repeat(50_000) + '\n1．'.repeat(50_000);
    const started = Date.now();
    expect(orderByHeadings(identityText(many), 0).text.replace(/\n/g, '')).toBe(many.replace(/\n/g, ''));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

/** Heading lines of a plan: each heading of an untangled plan starts a line. */
const headingLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|\d{1,2}．)/.test(line));

/** Asserts that the headings of `text` are, in order, lines starting with `expected`. */
function expectOutline(text: string, expected: string[]): void {
  const actual = headingLines(text);
  expect(actual.map((line, i) => line.slice(0, expected[i]?.length ?? 8))).toEqual(expected);
}

describe('untangle on the scrambled sample 003', () => {
  const path = readdirSync('fixtures').find((f) => f.startsWith('003_'))!;
  const clean = cleanText(readFileSync(`fixtures/${path}`), path);
  const parts = split(clean.deduped.text, { file: path, report: () => undefined });
  const [hiv, tb] = parts.filter((p) => p.kind === 'plan');

  it('marks both plans as reconstructed, and only them', () => {
    expect(parts.map((p) => p.reconstructed === true)).toEqual([false, true, true]);
    expect(hiv.title).toContain('艾滋病');
    expect(tb.title).toContain('结核病');
  });

  // Typed from the raw file. Genuinely missing from the copy: TB's 规划目标 items 3 and 4, its
  // 三（一）4, 三（三）, 三（四）1, 三（七） and the whole of 四、 (四、 occurs once in the file: the
  // HIV plan's); 五、监督与评估 speaks of 规划 and is TB's.
  it('reads the TB plan in heading order, with the gaps that are in the source', () => {
    expectOutline(tb.text.text, [
      '一、防治现状',
      '二、总体要求', '（一）指导思想', '（二）工作原则', '（三）规划目标',
      '1．报告肺结核', '2．肺结核患者成功', '5．实现基本医疗保险',
      '三、防治措施',
      '（一）完善防治服务体系', '1．健全服务网络', '2．加强队伍建设', '3．及时发现耐多药', '5．加强结核病医疗质量', '6．落实定点医疗机构',
      '（二）落实部门职责',
      '（四）做好患者健康管理', '2．探索实施', '3．规范耐多药',
      '（五）做好医疗保险',
      '（六）加强重点人群', '1．加强结核菌', '2．强化学校', '3．加强流动人口', '4．加强监管场所',
      '（八）提高信息化',
      '五、监督与评估',
    ]);
  });

  it('reads the HIV plan in heading order up to its measures', () => {
    const outline = headingLines(hiv.text.text);
    expect(outline.slice(0, 21).map((l) => l.slice(0, 6))).toEqual(
      ['一、防治现状', '二、总体要求', '（一）指导思', '（二）工作原', '（三）工作目',
        '1．居民艾滋', '2．男性同性', '3．夫妻一方', '4．经诊断发', '5．性病诊疗',
        '三、防治措施', '（一）提高宣', '1．加强宣传', '2．开展大众', '3．针对青年', '4．突出重点',
        '（二）提高综', '1．依法防控', '2．狠抓重点', '3．部门协同', '（三）提高检'],
    );
    for (const heading of ['（四）全面落实核酸', '（五）全面落实救治', '（六）全面落实培育', '四、保障措施']) {
      expect(outline.filter((l) => l.startsWith(heading))).toHaveLength(1);
    }
    // Level-2 headings of 三、 in order, then 四、 with its own two.
    expect(outline.filter((l) => /^[一二三四五六七八九十]、|^（/.test(l)).slice(6).map((l) => l.slice(0, 3))).toEqual(
      ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '四、保', '（一）', '（二）'],
    );
  });

  // Known gap: 三（一）5．加强配合与衔接 lands under （五）, and 三（二）4．完善措施 under 四（二）: the
  // titles share too few words with their own parents to move them there.
  it.fails('reads every HIV item under its own heading (known gap)', () => {
    const outline = headingLines(hiv.text.text).map((l) => l.slice(0, 6));
    expect(outline.slice(16, 22)).toEqual(['4．突出重点', '5．加强配合', '（二）提高综', '1．依法防控', '2．狠抓重点', '3．部门协同']);
  });

  it('puts each long sentence of the deduplicated text in exactly one plan', () => {
    const deduped = clean.deduped.text.text;
    // The HIV plan starts with its title and first sentence (the notice names the title only).
    const planStart = deduped.indexOf(hiv.text.text.slice(0, 40));
    expect(planStart).toBeGreaterThan(0);
    const sentences = (deduped.slice(planStart).match(/[^。\n]+。?/g) ?? []).map((s) => s.trim()).filter((s) => s.length >= 20);
    expect(sentences.length).toBeGreaterThan(150);
    const plans = [hiv, tb].map((p) => p.text.text.replace(/\n/g, ''));
    const homes = sentences.map((s) => plans.filter((p) => p.includes(s.replace(/\n/g, ''))).length);
    expect(sentences.filter((_, i) => homes[i] !== 1)).toEqual([]);
  });
});

describe('untangle on an interleaved pair (wording not in the samples)', () => {
  const part = (text: string, title: string): DocumentPart => ({
    kind: 'plan',
    text: identityText(text),
    title,
    titleRange: [0, title.length],
    titleTruncated: false,
  });
  const titleA = '某县手足口病防控行动计划';
  const titleB = '某县“十四五”碘缺乏病防治规划';
  const planA = [
    titleA,
    '一、现状。全县手足口病发病率逐年下降。',
    '二、目标。到2025年手足口病重症病例明显减少。',
    '三、措施',
    '（一）强化托幼机构晨检。',
    '1．落实手足口病晨午检制度。托幼机构每日晨检。',
  ].join('\n');
  // B's stretch: B's own sentences with A's passages dropped in between.
  const stretchB = [
    titleB,
    '一、现状。全县碘缺乏病病情总体稳定。',
    '2．加强手足口病疫情报告。医疗机构发现手足口病病例及时报告。',
    '二、目标。到2025年持续消除碘缺乏病危害。',
    '3．做好手足口病聚集性疫情处置。疾控机构二十四小时内到达现场。',
    '（二）加强手足口病重症救治。定点医院储备救治设备。',
    '（一）加强食盐加碘监测。',
    '各乡镇每年抽检居民户食用碘盐，碘缺乏病监测覆盖全部乡镇。',
    '四、保障。各乡镇按本规划要求落实经费，定期评估规划实施进展。',
    '手足口病防控经费列入县级财政预算。',
    '托幼机构发现手足口病患儿立即隔离。',
  ].join('\n');

  const [a, b] = untangle([part(planA, titleA), part(stretchB, titleB)]);

  it('gives each plan its own passages and marks both reconstructed', () => {
    expect(a.reconstructed).toBe(true);
    expect(b.reconstructed).toBe(true);
    expect(a.text.text).toContain('2．加强手足口病疫情报告。');
    expect(a.text.text).toContain('（二）加强手足口病重症救治。');
    expect(b.text.text).not.toContain('手足口病');
  });

  it('judges a heading without cue words by the passage after it, not by the sentence before', () => {
    // `（一）加强食盐加碘监测。` follows A's `（二）…` but its passage names B's topic.
    expect(b.text.text).toContain('（一）加强食盐加碘监测。');
    expect(a.text.text).not.toContain('食盐');
  });

  it('gives a level-1 heading that fits both numberings to the plan whose kind of document it names', () => {
    // 四、 continues A (一二三) and would follow a lost 三、 in B; it speaks of 规划, and B is the 规划.
    expect(b.text.text).toContain('四、保障。各乡镇按本规划要求落实经费');
    expect(a.text.text).not.toContain('四、');
  });

  it('does not count a title bigram made of the other title\'s characters as a cue (`病防` of 布病防治 in 狂犬病防治)', () => {
    const titleRabies = '某县防治狂犬病工作方案';
    const titleBrucella = '某县布病防治规划';
    const rabies = [titleRabies, '一、现状。狂犬病疫情平稳。', '二、目标。狂犬病暴露处置规范率达到95%。'].join('\n');
    const brucella = [
      titleBrucella,
      '一、现状。布病疫情呈上升趋势。',
      '三、措施。狂犬病防治、性病防治和麻风病防治统筹推进。',
      '狂犬病疫苗由县疾控中心统一采购。',
      '犬只登记免疫由农业部门负责，狂犬病暴露者及时处置。',
      '狂犬病死亡病例逐例调查。',
      '乡镇卫生院配备狂犬病被动免疫制剂。',
      '二、目标。布病新发病例逐年减少。',
    ].join('\n');
    const [r, b] = untangle([part(rabies, titleRabies), part(brucella, titleBrucella)]);
    expect(r.text.text).toContain('狂犬病防治、性病防治和麻风病防治统筹推进。');
    expect(b.text.text).not.toContain('狂犬病');
    expect(b.text.text).toContain('布病新发病例');
  });
});

describe('bigramAt', () => {
  const ideograph = fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code));

  it('gives two pairs of ideographs the same number only when they are the same pair, always a small integer', () => {
    fc.assert(
      fc.property(ideograph, ideograph, ideograph, ideograph, (a, b, c, d) => {
        const x = bigramAt(a + b, 0);
        const y = bigramAt(c + d, 0);
        expect(x === y).toBe(a + b === c + d);
        expect(Number.isInteger(x) && x >= 0 && x < 2 ** 30).toBe(true);
      }),
    );
  });

  it('gives back both characters of a pair from its number (firstCodeUnit, secondCodeUnit)', () => {
    fc.assert(
      fc.property(ideograph, ideograph, (a, b) => {
        const bigram = bigramAt(a + b, 0);
        expect(String.fromCharCode(firstCodeUnit(bigram), secondCodeUnit(bigram))).toBe(a + b);
      }),
    );
    expect([firstCodeUnit(bigramAt('一龥', 0)), secondCodeUnit(bigramAt('一龥', 0))]).toEqual([0x4e00, 0x9fa5]);
  });

  it('is -1 where either character is no ideograph of the basic block, or past the end', () => {
    expect(['人a', 'a人', '人，', '⼈民', '人'].map((pair) => bigramAt(pair, 0))).toEqual([-1, -1, -1, -1, -1]);
    expect(bigramAt('人民', 0)).toBe(bigramAt('为人民', 1));
  });
});
