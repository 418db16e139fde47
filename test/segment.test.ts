/** segment: the heading tree, on fixture slices and on synthetic plans with wording variants. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HEADINGS, segment } from '../src/stages/segment.js';
import type { DocumentPart, SectionNode, StageDiagnostic } from '../src/model/stages.js';
import { identityText } from '../src/text/mapped-text.js';

function part(text: string): DocumentPart {
  return { kind: 'plan', text: identityText(text), title: '', titleRange: [0, 0], titleTruncated: false };
}

function run(text: string) {
  const diagnostics: StageDiagnostic[] = [];
  const tree = segment(part(text), { file: 't', report: (d) => void diagnostics.push(d) });
  return { tree, diagnostics };
}

/** Lines between the first line starting with `from` and the first later line starting with `to`. */
function fixtureSlice(file: string, from: string, to: string | null): string {
  const text = readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`\n${from}`) + 1;
  const end = to === null ? text.length : text.indexOf(`\n${to}`, start);
  return text.slice(start, end);
}

const titles = (nodes: SectionNode[]) => nodes.map((n) => `${n.marker}${n.title}`);

describe('segment on 000 (TB plan)', () => {
  const text = fixtureSlice('000_a55dad31d5b2c431.txt', '天津市蓟州区“十三五”结核病防治规划', '天津市蓟州区遏制与防治艾滋病');
  const { tree, diagnostics } = run(text);

  it('finds the level-1 headings and their inline (一)… children', () => {
    expect(titles(tree.sections)).toEqual(['一、防治现状', '二、总体要求', '三、防治措施', '四、组织实施', '五、监督与评估']);
    expect(tree.sections.map((s) => s.level)).toEqual([1, 1, 1, 1, 1]);
    const general = tree.sections[1];
    expect(titles(general.children)).toEqual(['（一）指导思想', '（二）工作原则', '（三）规划目标']);
    expect(general.children[0].text.startsWith('全面贯彻落实党的十九大精神')).toBe(true);
    expect(general.children[2].text.startsWith('到2020年，进一步完善政府领导')).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('keeps a numbered goal sentence whole in the body and labels it by its first clause', () => {
    const goal = tree.sections[1].children[2].children[0];
    expect(goal.level).toBe(3);
    expect(goal.ordinal).toBe(1);
    expect(goal.text).toBe('报告肺结核患者和疑似肺结核患者的总体到位率达到95%以上。');
    expect(goal.title).toBe('报告肺结核患者和疑似肺结核患者的总体到位率达到95%以上');
  });

  it('splits inline level-3 titles at the first 。', () => {
    const service = tree.sections[2].children[0];
    expect(service.title).toBe('完善服务体系');
    expect(service.children[0].title).toBe('健全服务网络');
    expect(service.children[0].text.startsWith('实施符合本区结核病防治特点')).toBe(true);
  });

  it('gives ranges in the document text', () => {
    const first = tree.sections[0];
    expect(text.slice(first.headingRange[0], first.headingRange[1])).toBe('一、防治现状');
    expect(text.slice(first.textRange[0], first.textRange[1])).toBe(first.text);
    expect(text.slice(tree.preambleRange[0], tree.preambleRange[1]).startsWith('天津市蓟州区“十三五”结核病防治规划')).toBe(true);
    const last = tree.sections[4];
    expect(last.range[1]).toBe(text.trimEnd().length);
    // A parent's range covers its last descendant.
    const measures = tree.sections[2];
    const lastChild = measures.children[measures.children.length - 1];
    expect(measures.range[1]).toBe(lastChild.range[1]);
  });
});

describe('segment on 000 (chronic-disease plan with an indicator table and 专栏 boxes)', () => {
  const text = fixtureSlice('000_a55dad31d5b2c431.txt', '天津市蓟州区防治慢性病中长期', '天津市蓟州区贯彻中医药发展战略规划');
  const { tree } = run(text);

  it('does not take table cells as headings', () => {
    expect(titles(tree.sections)).toEqual(['一、规划背景', '二、总体要求', '三、策略与措施', '四、保障措施', '五、督导与评估']);
    expect(tree.sections[1].children.map((c) => c.children.length)).toEqual([0, 0, 0]);
  });

  it('puts each box under the item it follows, with its content up to the double blank line', () => {
    const education = tree.sections[2].children[0];
    const box = education.children[1].children[0];
    expect(box.level).toBe(0);
    expect(box.marker).toBe('专栏1');
    expect(box.ordinal).toBe(1);
    expect(box.title).toBe('健康教育与健康促进项目');
    expect(box.text.startsWith('全民健康生活方式行动')).toBe(true);
    expect(box.text).toContain('健康教育：全民健康素养促进行动');
    expect(box.text).not.toContain('（二）');
    expect(tree.sections[2].children[1].title).toBe('实施早诊早治，降低高危人群发病风险');
  });
});

describe('segment on 004 (numbering repair, duty list)', () => {
  const text = readFileSync(new URL('../fixtures/004_52bb338bf9d79d54.txt', import.meta.url), 'utf8');
  const { tree, diagnostics } = run(text);

  it('puts （2）（5）（16） at the level of their （一）…（十七） siblings and reports each', () => {
    const measures = tree.sections[3];
    expect(measures.title).toBe('具体措施');
    expect(measures.children.map((c) => c.ordinal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(measures.children.every((c) => c.level === 2 && c.children.length === 0)).toBe(true);
    expect(measures.children[1].marker).toBe('（2）');
    expect(measures.children[1].title).toBe('构建全方位健康支持性环境');
    expect(diagnostics.map((d) => [d.code, d.actual])).toEqual([
      ['PLN404', '（2）'], ['PLN404', '（5）'], ['PLN404', '（16）'],
    ]);
    expect(diagnostics[0].offset).toBe(text.indexOf('（2）'));
  });

  it('keeps the numbered duties as level-3 sections', () => {
    const duties = tree.sections[4].children[1];
    expect(duties.title).toBe('特性职责');
    expect(duties.children).toHaveLength(18);
    expect(duties.children[2].title).toBe('区卫健委');
    expect(duties.children[2].text.startsWith('指导各部门制定慢性病防控政策')).toBe(true);
  });
});

describe('segment on synthetic plans', () => {
  it('reads ASCII brackets, 1、 markers, a marker split from its title, and 第X章 chapters', () => {
    const plan = [
      '某省卫生规划', '第一章 发展基础', '一、主要成绩', '(一)服务体系', '1、床位增加。全省床位数稳步增长。',
      '（二）', '人才队伍', '第二章　主要任务', '一、强化预防', '',
    ].join('\n');
    const { tree, diagnostics } = run(plan);
    expect(titles(tree.sections)).toEqual(['第一章发展基础', '第二章主要任务']);
    const [first] = tree.sections;
    expect(first.level).toBe(1);
    expect(first.children[0].level).toBe(2);
    const system = first.children[0].children[0];
    expect([system.marker, system.level, system.title]).toEqual(['(一)', 3, '服务体系']);
    expect([system.children[0].marker, system.children[0].level, system.children[0].title]).toEqual(['1、', 4, '床位增加']);
    expect(first.children[0].children[1].title).toBe('人才队伍');
    expect(diagnostics).toEqual([]);
  });

  it('does not take list items, dates, decimals or circled numbers as headings', () => {
    const plan = [
      '一、现状', '一是资源不均。', '----基层薄弱。', '①人员不足。', '2017年以来，成效明显。', '1.5%的人口未覆盖。',
      '一、二级医院已全覆盖。', '3\t指标\t90%',
    ].join('\n');
    const { tree } = run(plan);
    expect(tree.sections).toHaveLength(1);
    expect(tree.sections[0].children).toEqual([]);
    expect(tree.sections[0].text.startsWith('一是资源不均。')).toBe(true);
  });

  it('reports a gap, a repeat and a two-level jump with their markers', () => {
    const plan = ['一、甲', '（一）乙', '（三）丙', '（三）丁', '二、戊', '（1）己', ''].join('\n');
    const { diagnostics } = run(plan);
    expect(diagnostics.map((d) => [d.code, d.actual, d.offset])).toEqual([
      ['PLN401', '（三）', plan.indexOf('（三）丙')],
      ['PLN402', '（三）', plan.indexOf('（三）丁')],
      ['PLN403', '（1）', plan.indexOf('（1）')],
    ]);
  });

  it('accepts 1． directly under 一、 and keeps legitimate （1）（2） children', () => {
    const plan = ['一、目标', '1．到2025年，达到90%。', '2．健全网络。加强建设。', '（1）基层。内容。', '（2）医院。内容。', '二、措施'].join('\n');
    const { tree, diagnostics } = run(plan);
    expect(diagnostics).toEqual([]);
    expect(tree.sections[0].children[1].children.map((c) => c.marker)).toEqual(['（1）', '（2）']);
  });

  it('repairs a mis-styled last item of a run (（四） … 5．) without a next sibling', () => {
    const plan = ['一、任务', '（一）甲', '（二）乙', '（三）丙', '(4)丁', '二、保障'].join('\n');
    const { tree, diagnostics } = run(plan);
    expect(tree.sections[0].children.map((c) => c.ordinal)).toEqual([1, 2, 3, 4]);
    expect(diagnostics.map((d) => d.code)).toEqual(['PLN404']);
  });

  it('cuts a chapter title that a lost line break ran into its body, but not a numbered sentence', () => {
    const plan = [
      '一、发展基础“十三五”时期，全省卫生健康事业取得显著成效，人民健康水平持续提高，居民主要健康指标优于全国平均水平。',
      '二、目标任务到2025年，基本建成覆盖城乡的服务体系，各项指标达到国家要求并保持稳定。',
      '三、落实工作措施，各地要结合实际制定具体实施方案，明确部门职责分工并定期开展督导检查。',
      '第四章 组织保障与监督评估各地区要把本规划实施纳入经济社会发展总体部署统筹推进落实。',
    ].join('\n');
    const { tree } = run(plan);
    expect(tree.sections.map((n) => n.title)).toEqual(['发展基础', '目标任务', '落实工作措施', '组织保障与监督评估']);
    expect(tree.sections[0].text.startsWith('“十三五”时期，')).toBe(true);
    // The numbered sentence keeps its whole text as the body.
    expect(tree.sections[2].text.startsWith('落实工作措施，各地要')).toBe(true);
  });

  it('ends a box at the next outer heading when there is no double blank line', () => {
    const plan = ['一、任务', '（一）预防', '专栏 2 重点项目', '1.筛查项目', '2.干预项目', '（二）救治', ''].join('\n');
    const { tree } = run(plan);
    const box = tree.sections[0].children[0].children[0];
    expect([box.marker, box.ordinal, box.title, box.text]).toEqual(['专栏 2', 2, '重点项目', '1.筛查项目\n2.干预项目']);
    expect(tree.sections[0].children[1].title).toBe('救治');
  });
});

describe('segment on odd and large input', () => {
  it('handles 50 000 heading markers in a row: the first 5000 are sections, the rest stay text', () => {
    const plan = Array.from({ length: 50_000 }, (_, i) => `${(i % 999) + 1}．项目${i}。内容。`).join('\n');
    const started = performance.now();
    const { tree, diagnostics } = run(plan);
    // The bound catches a quadratic blow-up; speed itself is measured by npm run bench.
    expect(performance.now() - started).toBeLessThan(4000);
    expect(tree.sections.length).toBe(MAX_HEADINGS);
    const over = diagnostics.filter((d) => d.code === 'PLN405');
    expect(over.map((d) => [d.offset, d.actual])).toEqual([[plan.indexOf('\n6．项目5000。') + 1, '6．']]);
    const last = tree.sections[MAX_HEADINGS - 1];
    expect(last.text.endsWith('项目49999。内容。')).toBe(true);
  });

  it('handles a 5 MB line, NUL bytes and a file of only ，', () => {
    const started = performance.now();
    expect(run('一、'.concat('字'.repeat(5_000_000))).tree.sections).toHaveLength(1);
    expect(run('，'.repeat(100_000)).tree.sections).toEqual([]);
    // The NUL before 一、 keeps it from starting the line; （一） with its title is a heading, alone
    // (no title on its line or the next) it heads nothing.
    expect(titles(run('\u0000一、\u0000\n（一）组织领导\n').tree.sections)).toEqual(['（一）组织领导']);
    expect(titles(run('\u0000一、\u0000\n（一）\n').tree.sections)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
