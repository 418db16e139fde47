/**
 * The heading ladder (第X篇 > 第X章 > 第X节 > 一、 > （一） > 1． > （1）), tables of contents, run-on
 * numbering and the severity of numbering problems, on plans of our own wording.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extract } from '../src/pipeline.js';
import type { Section } from '../src/model/schemas.js';
import { findTocs, tocEntryKey } from '../src/text/toc.js';
import { runCli } from './helpers/cli.js';

const run = (lines: string[]) => extract(Buffer.from(lines.join('\n'), 'utf8'), 'plan.txt');
const outline = (sections: Section[]): string[] =>
  sections.flatMap((s) => [`${s.level} ${s.marker}${s.title}`, ...outline(s.children).map((line) => `  ${line}`)]);
const sequenceCodes = (lines: string[]) =>
  run(lines).diagnostics.filter((d) => /^PLN40[124]$/.test(d.code)).map((d) => [d.code, d.severity, d.actual]);

describe('a 篇/章/节 plan with a table of contents', () => {
  const plan = [
    '某某省“十四五”妇幼健康事业发展规划',
    '',
    '目　　录',
    '第一篇　发展回顾 ·························· 1',
    '　第一章　主要成就 ························ 1',
    '第二篇　总体要求 ·························· 3',
    '　第二章　发展目标 ························ 3',
    '第三篇　重点任务 ·························· 5',
    '　第三章　提升妇幼健康服务能力 ············ 5',
    '　　第一节　加强危重孕产妇救治 ············ 5',
    '　　第二节　完善儿童保健服务 ·············· 7',
    '　第四章　强化实施保障 ···················· 9',
    '',
    '第一篇　发展回顾',
    '第一章　主要成就',
    '“十三五”期间，全省孕产妇死亡率下降到9.8/10万。',
    '第二篇　总体要求',
    '第二章　发展目标',
    '到2025年，全省孕产妇死亡率控制在9/10万以下，婴儿死亡率控制在4.5‰以下。',
    '第三篇　重点任务',
    '第三章　提升妇幼健康服务能力',
    '第一节　加强危重孕产妇救治',
    '一、健全救治网络',
    '（一）建设救治中心。',
    '1．省级中心。依托省妇幼保健院建设。',
    '（1）配齐设备。按标准配置抢救设备。',
    '（2）充实人员。配备专职救治人员。',
    '第二节　完善儿童保健服务',
    '一、推进儿童早期发展',
    '开展儿童早期发展示范基地建设。',
    '第四章　强化实施保障',
    '一、加强组织领导',
    '各地要将妇幼健康纳入政府目标考核。',
  ];
  const result = run(plan);
  const [doc] = result.documents;

  it('is one plan whose title the 目录 under it confirms', () => {
    expect(result.documents.map((d) => [d.kind, d.title])).toEqual([['plan', '某某省“十四五”妇幼健康事业发展规划']]);
  });

  it('takes no heading from the table of contents and nests all seven kinds at levels 1–7', () => {
    expect(outline(doc.sections)).toEqual([
      '1 第一篇发展回顾',
      '  2 第一章主要成就',
      '1 第二篇总体要求',
      '  2 第二章发展目标',
      '1 第三篇重点任务',
      '  2 第三章提升妇幼健康服务能力',
      '    3 第一节加强危重孕产妇救治',
      '      4 一、健全救治网络',
      '        5 （一）建设救治中心',
      '          6 1．省级中心',
      '            7 （1）配齐设备',
      '            7 （2）充实人员',
      '    3 第二节完善儿童保健服务',
      '      4 一、推进儿童早期发展',
      '  2 第四章强化实施保障',
      '    4 一、加强组织领导',
    ]);
  });

  it('reads chapters numbered through the parts (第二章 first under 第二篇) as in sequence', () => {
    expect(result.diagnostics.filter((d) => d.code.startsWith('PLN4'))).toEqual([]);
  });

  it('takes targets from the goals chapter only and measures from the task chapters', () => {
    expect(doc.targets.map((t) => [t.indicator, t.comparator, t.value])).toEqual([
      ['孕产妇死亡率', 'lte', 9],
      ['婴儿死亡率', 'lte', 4.5],
    ]);
    expect(doc.targets.every((t) => t.sectionId === 'd1-s2.1')).toBe(true);
    // 1．省级中心 has text of its own before its children, so it is a measure too.
    expect(doc.measures.map((m) => m.title)).toEqual(['省级中心', '配齐设备', '充实人员', '推进儿童早期发展', '加强组织领导']);
  });
});

describe('tables of contents', () => {
  it('ends at the entry the body repeats, with or without page numbers and dot leaders', () => {
    const text = ['目录', '一、现状 1', '二、目标……2', '三、措施', '一、现状', '全省基础较好。'].join('\n');
    const [toc] = findTocs(text);
    expect(text.slice(toc[0], toc[1])).toBe('目录\n一、现状 1\n二、目标……2\n三、措施');
    expect(['第三章 主要任务 ………… 12', '第三章　主要任务…12', '第三章主要任务'].map(tocEntryKey)).toEqual(['第三章主要任务', '第三章主要任务', '第三章主要任务']);
  });

  it('ends at the first sentence when no entry is repeated, and ignores a 目录 line with nothing under it', () => {
    const text = ['目 次', '总则', '附录', '本办法自发布之日起施行。', '目录', '根据国家基本药物目录，制定本办法。'].join('\n');
    expect(findTocs(text).map(([s, e]) => text.slice(s, e))).toEqual(['目 次\n总则\n附录']);
  });
});

describe('numbering that runs on across parents', () => {
  const plan = [
    '某某市职业健康保护行动实施方案',
    '为保护劳动者职业健康，制定本方案。',
    '一、总体要求',
    '（一）指导思想。坚持预防为主。',
    '（二）工作目标。到2025年，工伤保险参保人数稳步提升。',
    '二、重点任务',
    '（三）强化源头治理。推动用人单位落实主体责任。',
    '（四）加强监督执法。开展专项执法行动。',
    '（五）提升技术支撑能力。建设职业病防治院。',
    '三、保障措施',
    '（六）加强组织领导。各区要建立协调机制。',
    '（七）强化宣传引导。开展职业病防治法宣传周活动。',
  ];

  it('is a style: no gap, repeat or repair is reported', () => {
    expect(sequenceCodes(plan)).toEqual([]);
  });

  it('passes `plans check` with exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plans-runon-'));
    const file = path.join(dir, 'runon.txt');
    writeFileSync(file, plan.join('\n'));
    const check = await runCli(['check', file]);
    expect(check.stdout.trim().split('\n').pop()).toBe('0 errors, 0 warnings, 0 infos in 1 file');
    expect(check.exitCode).toBe(0);
  });

  it('still reports a gap in a run that runs on (（七） after （五）)', () => {
    expect(sequenceCodes(plan.map((l) => l.replace('（六）', '（七）').replace('（七）强化', '（八）强化')))).toEqual([
      ['PLN401', 'error', '（七）'],
    ]);
  });
});

describe('severity of numbering problems', () => {
  const plan = [
    '某某县食品安全风险监测工作方案',
    '为做好食品安全风险监测，制定本方案。',
    '一、监测内容',
    '（一）食源性疾病监测。',
    '（二）食品污染物监测。',
    '（三）风险评估。',
    '二、保障措施',
    '（一）加强经费保障。',
  ];

  it('a gap with nothing between that could hide the missing heading is an error', () => {
    expect(sequenceCodes(plan.filter((l) => !l.startsWith('（二）食品')))).toEqual([['PLN401', 'error', '（三）']]);
  });

  it('a gap where the missing heading may be in a table row or inside a line is a warning', () => {
    const inTable = plan.map((l) => (l.startsWith('（二）食品') ? '（二）食品污染物监测\t每季度一次' : l));
    expect(sequenceCodes(inTable)).toEqual([['PLN401', 'warning', '（三）']]);
    const inLine = plan.flatMap((l) => (l.startsWith('（二）食品') ? [] : l.startsWith('（一）食源') ? ['（一）食源性疾病监测。（二）食品污染物监测。'] : [l]));
    expect(sequenceCodes(inLine)).toEqual([['PLN401', 'warning', '（三）']]);
  });

  it('a gap in page-made text (form feeds) is a warning, and a heading after a form feed is still a heading', () => {
    const paged = plan.filter((l) => !l.startsWith('（二）食品')).map((l) => (l.startsWith('二、') ? `\f${l}` : l));
    expect(sequenceCodes(paged)).toEqual([['PLN401', 'warning', '（三）']]);
  });

  it('a repeat with the title of the earlier heading is an error, one with another title a warning', () => {
    const duplicated = plan.map((l) => (l.startsWith('（三）') ? '（二）食品污染物监测。' : l));
    expect(sequenceCodes(duplicated)).toEqual([['PLN402', 'error', '（二）']]);
    const renumbered = plan.map((l) => (l.startsWith('（三）') ? '（二）风险评估。' : l));
    expect(sequenceCodes(renumbered)).toEqual([['PLN402', 'warning', '（二）']]);
  });
});
