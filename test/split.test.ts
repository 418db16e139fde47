import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { split } from '../src/stages/split.js';
import { dedupe } from '../src/stages/dedupe.js';
import { identityText } from '../src/text/mapped-text.js';
import type { DocumentPart, StageDiagnostic } from '../src/model/stages.js';

const ctxInto = (into: StageDiagnostic[]) => ({ file: 't', report: (d: StageDiagnostic) => void into.push(d) });

function fixture(prefix: string): string {
  const name = readdirSync('fixtures').find((f) => f.startsWith(prefix))!;
  return readFileSync(`fixtures/${name}`, 'utf8');
}

/** dedupe then split, as the pipeline does (normalize may still be a pass-through). */
function documents(source: string) {
  const diagnostics: StageDiagnostic[] = [];
  const deduped = dedupe(identityText(source), ctxInto([]));
  const parts = split(deduped.text, ctxInto(diagnostics));
  return { parts, diagnostics, deduped, source };
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
const summary = (parts: DocumentPart[]) => parts.map((p) => [p.kind, fold(p.title)]);

/** Every character of every part comes from the source character its origin names. */
function expectOriginsSurvive(parts: DocumentPart[], source: string) {
  for (const part of parts) {
    for (let i = 0; i < part.text.text.length; i++) expect(source[part.text.origin[i]]).toBe(part.text.text[i]);
  }
}

describe('split on the samples', () => {
  it('000: a notice with a title wrapped over three lines and five plans', () => {
    const { parts, source } = documents(fixture('000'));
    expect(summary(parts)).toEqual([
      ['notice', '天津市蓟州区人民政府办公室关于转发天津市蓟州区“十三五”结核病防治规划等5个文件的通知'],
      ['plan', '天津市蓟州区“十三五”结核病防治规划'],
      ['plan', '天津市蓟州区遏制与防治艾滋病“十三五”行动计划'],
      ['plan', '天津市蓟州区防治慢性病中长期规划（2017—2025年）'],
      ['plan', '天津市蓟州区贯彻中医药发展战略规划纲要（2016—2030年）实施方案'],
      ['plan', '天津市蓟州区精神卫生工作规划（2016—2020年）'],
    ]);
    const chronic = parts[3];
    expect(chronic.text.text.slice(...chronic.titleRange)).toBe('天津市蓟州区防治慢性病中长期\n\n规划（2017—2025年）');
    expect(parts.every((p) => !p.titleTruncated)).toBe(true);
    // The documents cover the file in order, and the notice ends with its publication note.
    expect(parts.map((p) => p.text.text).join('')).toBe(source);
    expect(parts[0].text.text.trim().endsWith('（此件主动公开）')).toBe(true);
    expectOriginsSurvive(parts, source);
  });

  it('001: four plans and the end matter', () => {
    const { parts } = documents(fixture('001'));
    expect(summary(parts)).toEqual([
      ['plan', '连云港市慢性病防治中长期规划（2018—2025年）'],
      ['plan', '连云港市艾滋病防治行动计划（2018—2020年）'],
      ['plan', '连云港市结核病防治行动计划（2018—2020年）'],
      ['plan', '连云港市精神卫生综合行动计划（2018—2020年）'],
      ['endmatter', '连云港市人民政府办公室2018年12月29日印发'],
    ]);
    expect(parts[4].text.text.trim().startsWith('抄送：')).toBe(true);
  });

  it('002: one plan', () => {
    const { parts, diagnostics } = documents(fixture('002'));
    expect(summary(parts)).toEqual([['plan', '蓟州区卫生健康事业发展“十四五”规划']]);
    expect(diagnostics).toEqual([]);
  });

  it('004: recovers the cut title from the body and warns', () => {
    const source = fixture('004');
    const { parts, diagnostics } = documents(source);
    expect(parts).toHaveLength(1);
    expect(parts[0].title).toBe('东胜区创建慢性病综合防控示范区项目实施方案');
    expect(parts[0].titleTruncated).toBe(true);
    expect(parts[0].text.text.slice(...parts[0].titleRange)).toBe('东胜区创建慢性病综合防控示范区项目实施方案');
    expect(diagnostics.map((d) => [d.code, d.offset, d.actual])).toEqual([['PLN301', 1, '项目实施方案']]);
  });

  describe('003: the scrambled copy', () => {
    const { parts, deduped } = documents(fixture('003'));

    it('holds a notice and two plans', () => {
      expect(summary(parts)).toEqual([
        ['notice', '天津市人民政府办公厅关于印发天津市遏制与防治艾滋病“十三五”行动计划和天津市“十三五”结核病防治规划的通知'],
        ['plan', '天津市遏制与防治艾滋病“十三五”行动计划'],
        ['plan', '天津市“十三五”结核病防治规划'],
      ]);
      expect(fold(parts[0].text.text)).toContain('发布日期:2017-10-26');
      expect(fold(parts[0].text.text)).toContain('2017年10月12日');
    });

    it('puts every long sentence in exactly one document', () => {
      const sentencesOf = (text: string) => (text.match(/[^。\n]+。?/g) ?? []).map(fold).filter((s) => s.length >= 20);
      const all = new Set(sentencesOf(deduped.text.text));
      const documentTexts = parts.map((p) => fold(p.text.text));
      const homes = [...all].map((sentence) => documentTexts.filter((d) => d.includes(sentence)).length);
      expect(homes.every((n) => n <= 1)).toBe(true);
      // Only the sentences a document boundary cuts (the signature line runs on into a plan title)
      // are in no document as a whole.
      expect(homes.filter((n) => n === 0).length).toBeLessThanOrEqual(parts.length - 1);
      expect(all.size).toBeGreaterThan(150);
    });

    it('reads each plan in its own order: level-1 headings 一、二、三… and its own shared headings', () => {
      // The scrambled copy holds 一、二、三、 of each plan but only one 四、(保障措施) and one
      // 五、(监督与评估): the other plan's 四、 was lost before the file reached us. Each plan
      // starts at 一、 and reads in increasing order; between them they hold every level-1 heading.
      const numerals = '一二三四五六七八九十';
      const all: string[] = [];
      for (const plan of parts.slice(1)) {
        const text = fold(plan.text.text);
        const level1 = [...text.matchAll(/(?:^|[。])([一二三四五六七八九十])、/g)].map((m) => m[1]);
        expect(level1.slice(0, 3)).toEqual(['一', '二', '三']);
        const ranks = level1.map((n) => numerals.indexOf(n));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(ranks).size).toBe(ranks.length);
        expect(text.split('（一）指导思想。').length - 1).toBe(1);
        all.push(...level1);
      }
      expect(all.sort()).toEqual(['一', '一', '三', '三', '二', '二', '五', '四'].sort());
      expect(fold(parts[1].text.text)).not.toContain('结核病防治工作取得明显成绩');
      expect(fold(parts[2].text.text)).not.toContain('艾滋病检测力度持续加大');
      expect(fold(parts[1].text.text)).toContain('提高检测咨询可及性');
    });
  });
});

describe('split on synthetic texts', () => {
  it('finds a wrapped plan title with an issuer line and a period on its own line', () => {
    const text = [
      '某某省某某市老年健康',
      '服务体系建设规划',
      '',
      '（2021—2025年）',
      '市卫健委',
      '为推进健康老龄化，根据有关文件精神，结合本市实际，制定本规划。',
      '一、发展基础',
    ].join('\n');
    const parts = split(identityText(text), ctxInto([]));
    expect(summary(parts)).toEqual([['plan', '某某省某某市老年健康服务体系建设规划（2021—2025年）']]);
  });

  it('takes the info line of a web page (发布时间：…) as confirming the title above it', () => {
    const text = [
      '某某市学校卫生工作规划（2022—2025年）', '发布日期：2022-03-01 信息来源：市教育局', '',
      '为加强学校卫生工作，制定本规划。', '一、工作目标',
    ].join('\n');
    const diagnostics: StageDiagnostic[] = [];
    const parts = split(identityText(text), ctxInto(diagnostics));
    expect(summary(parts)).toEqual([['plan', '某某市学校卫生工作规划（2022—2025年）']]);
    expect(diagnostics.map((d) => d.code)).not.toContain('PLN302');
  });

  it('keeps the signing date of a notice out of the title of the plan after it', () => {
    const text = [
      '某某省人民政府办公厅关于印发某某省“十四五”卫生健康发展规划的通知', '', '某政办发〔2021〕68号', '',
      '各市州人民政府：', '    现将《某某省“十四五”卫生健康发展规划》印发给你们，请认真贯彻执行。', '',
      '某某省人民政府办公厅', '二〇二一年十二月三十日', '', '某某省“十四五”卫生健康发展规划', '',
      '    为全面推进健康某某建设，制定本规划。', '第一章 发展基础',
    ].join('\n');
    const parts = split(identityText(text), ctxInto([]));
    expect(summary(parts)).toEqual([
      ['notice', '某某省人民政府办公厅关于印发某某省“十四五”卫生健康发展规划的通知'],
      ['plan', '某某省“十四五”卫生健康发展规划'],
    ]);
    expect(parts[0].text.text).toContain('二〇二一年十二月三十日');
  });

  it('finds a notice and the plan it forwards when the title runs on into the first line', () => {
    const text =
      '某某省卫生健康委关于印发某某省职业病防治规划的通知各市卫生健康委：现将《某某省职业病防治规划》印发给你们，请认真执行。某某省卫生健康委2022年3月1日某某省职业病防治规划为保障劳动者健康，制定本规划。一、现状。';
    const parts = split(identityText(text), ctxInto([]));
    expect(summary(parts)).toEqual([
      ['notice', '某某省卫生健康委关于印发某某省职业病防治规划的通知'],
      ['plan', '某某省职业病防治规划'],
    ]);
    expect(parts[1].text.text.startsWith('某某省职业病防治规划为保障')).toBe(true);
  });

  it('recovers a cut title named in a citation', () => {
    const text = '  工作方案\n为做好癌症早诊早治，制定本方案。\n各单位按照《某县癌症早诊早治工作方案》要求执行。';
    const diagnostics: StageDiagnostic[] = [];
    const [part] = split(identityText(text), ctxInto(diagnostics));
    expect(part.title).toBe('某县癌症早诊早治工作方案');
    expect(part.titleTruncated).toBe(true);
    expect(diagnostics.map((d) => d.code)).toEqual(['PLN301']);
  });

  it('makes the whole text one plan when nothing looks like a title', () => {
    const diagnostics: StageDiagnostic[] = [];
    const parts = split(identityText('\n各单位要加强管理。\n落实责任。'), ctxInto(diagnostics));
    expect(parts).toHaveLength(1);
    expect(parts[0].title).toBe('各单位要加强管理。');
    expect(diagnostics.map((d) => d.code)).toEqual(['PLN302']);
  });

  it('leaves consecutive plans alone when one mentions the other topic now and then', () => {
    const text = [
      '某县结核病防治规划',
      '为减少结核病危害，制定本规划。',
      '一、目标。结核病发病率持续下降。',
      '某县艾滋病防治行动计划',
      '为遏制艾滋病流行，制定本行动计划。',
      '一、目标。艾滋病疫情控制在低水平。',
      '二、措施。对结核病患者开展艾滋病检测。做好结核病双重感染者管理。加强结核病人随访。',
      '三、保障。结核病与艾滋病工作统筹推进。加强结核病宣传。',
    ].join('\n');
    const parts = split(identityText(text), ctxInto([]));
    expect(parts.map((p) => p.text.text).join('')).toBe(text);
  });

  it('does not hang on odd input', () => {
    for (const odd of ['，'.repeat(100_000), '一、'.repeat(50_000), 'x'.repeat(5_000_000), '\u0000\n\u0000']) {
      const parts = split(identityText(odd), ctxInto([]));
      expect(parts.length).toBeGreaterThan(0);
    }
  });
});
