import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dedupe } from '../src/stages/dedupe.js';
import { identityText } from '../src/text/mapped-text.js';
import type { StageDiagnostic } from '../src/model/stages.js';

function run(text: string) {
  const diagnostics: StageDiagnostic[] = [];
  const result = dedupe(identityText(text), { file: 't', report: (d) => void diagnostics.push(d) });
  return { ...result, diagnostics };
}

/** Sentences of a text (split after 。 and at line breaks), without white space. */
function sentences(text: string): string[] {
  return (text.match(/[^。\n]+。?/g) ?? []).map((s) => s.replace(/\s/g, '')).filter((s) => s.length > 0);
}

const fixture = (prefix: string) => {
  const name = readdirSync('fixtures').find((f) => f.startsWith(prefix))!;
  return readFileSync(`fixtures/${name}`, 'utf8');
};

describe('dedupe on the samples', () => {
  it.each(['000', '001', '002', '004'])('removes nothing from %s (no garbled repeats there)', (prefix) => {
    const text = fixture(prefix);
    const result = run(text);
    expect(result.duplicates).toEqual([]);
    expect(result.text.text).toBe(text);
  });

  it('leaves no long sentence twice in the scrambled copy 003 and keeps every distinct sentence', () => {
    const text = fixture('003');
    const result = run(text);
    const fold = (s: string) => s.normalize('NFKC');
    const out = sentences(result.text.text).map(fold);
    const counts = new Map<string, number>();
    for (const s of out) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect([...counts].filter(([s, n]) => n > 1 && s.length >= 20)).toEqual([]);
    // Every distinct input sentence survives, except the one line with a truncated restart,
    // which survives without its cut copy.
    const missing = [...new Set(sentences(text).map(fold))].filter((s) => !counts.has(s));
    expect(missing).toHaveLength(1);
    expect(missing[0].startsWith('天津市“十三五”结核病防治规划为认真落实')).toBe(true);
    expect(out).toContain(
      missing[0].replace(/^(天津市“十三五”结核病防治规划)为认真落实.*?建设的实(?=为认真落实)/, '$1'),
    );
    // Headings both plans share stay once per plan.
    expect(counts.get('二、总体要求(一)指导思想。')).toBe(2);
    expect(counts.get('(二)工作原则。')).toBe(2);
    expect(result.diagnostics.every((d) => d.code === 'PLN201')).toBe(true);
    expect(result.diagnostics).toHaveLength(result.duplicates.length);
  });
});

describe('dedupe on synthetic texts', () => {
  const passage = [
    '第一条，各县市要建立老年健康服务网络，完善社区医养结合的服务体系。',
    '第二条，到2025年全县老年人健康管理率达到七成以上，并逐年提高。',
    '第三条，乡镇卫生院应当配备至少一名专职康复治疗师，开展入户随访。',
  ].join('');

  it('removes a passage repeated three times with a truncated copy in the middle', () => {
    const truncated = passage.slice(0, passage.indexOf('并逐年'));
    const text = `${passage}\n${truncated}\n${passage}\n结语：请各单位认真落实。`;
    const result = run(text);
    expect(result.text.text).toBe(`${passage}\n结语：请各单位认真落实。`);
    // One record per removed passage; each points at the kept first occurrence.
    expect(result.duplicates).toHaveLength(2);
    const second = text.indexOf(truncated, 1);
    expect(result.duplicates[0].removed).toEqual([second, second + truncated.length + 1]);
    expect(result.duplicates[0].kept[0]).toBe(0);
    expect(result.duplicates[1].kept).toEqual([0, passage.length]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PLN201', 'PLN201']);
  });

  it('keeps the complete copy when a cut copy restarts in the same line', () => {
    const sentence = '为切实做好职业病防治工作，保障劳动者健康权益，结合本省实际，制定本方案。';
    const text = `某省职业病防治规划${sentence.slice(0, 20)}${sentence}\n一、基本原则`;
    const result = run(text);
    expect(result.text.text).toBe(`某省职业病防治规划${sentence}\n一、基本原则`);
    expect(result.duplicates[0].chars).toBe(20);
  });

  it('removes a phrase written over and over in one line as one passage, keeping one copy', () => {
    const phrase = '加强基层医疗卫生服务能力建设';
    const text = `${phrase.repeat(2000)}\n二、保障措施`;
    const result = run(text);
    expect(result.text.text).toBe(`${phrase}\n二、保障措施`);
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0].removed).toEqual([0, phrase.length * 1999]);
    expect(result.duplicates[0].chars).toBe(phrase.length * 1999);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PLN201']);
  });

  it('keeps a clause repeated under different headings', () => {
    const clause = '（牵头单位：县卫健局，配合单位：县财政局、县民政局）';
    const text = [
      '（一）健全心理健康服务体系。各乡镇要设立心理咨询室。' + clause,
      '（二）加强精神障碍患者救治。对贫困患者给予门诊补助。' + clause,
      '（三）强化人才培养。每年举办两期业务培训。' + clause,
    ].join('\n');
    const result = run(text);
    expect(result.duplicates).toEqual([]);
    expect(result.text.text).toBe(text);
  });

  it('keeps a single sentence that two plans share when the text is not scrambled', () => {
    const closing = '县有关部门将于2025年组织开展终期评估，并报县人民政府。';
    const text = `甲规划\n一、目标。提高服务能力。\n${closing}\n乙规划\n一、目标。降低发病率。\n${closing}`;
    expect(run(text).duplicates).toEqual([]);
  });

  it('runs in linear time on many repeats', () => {
    const make = (n: number) => {
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        lines.push(`第${i}项，加强第${i % 997}类重点人群健康管理，落实随访服务。确保服务覆盖率达到${i % 100}%以上。`);
        if (i % 5 === 4) lines.push(lines[lines.length - 3] + lines[lines.length - 2]);
      }
      return lines.join('\n');
    };
    const time = (text: string) => {
      const t0 = performance.now();
      run(text);
      return performance.now() - t0;
    };
    const small = make(20_000);
    const large = make(80_000);
    expect(large.length).toBeGreaterThan(4_000_000);
    time(small);
    const tSmall = time(small);
    const tLarge = time(large);
    expect(tLarge).toBeLessThan(5000);
    expect(tLarge / tSmall).toBeLessThan(12);
  });

  it('does not hang on odd input', () => {
    expect(run('，'.repeat(100_000)).duplicates).toEqual([]);
    expect(run('啊'.repeat(1_000_000)).text.text.length).toBeGreaterThan(0);
    expect(run('\u0000\u0000\n\n').duplicates).toEqual([]);
  });
});
