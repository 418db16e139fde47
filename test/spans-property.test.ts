/**
 * Spans are exact whatever the line ends (\r\n, \r, \n, mixed) and whatever normalize does to
 * the length of the text in UTF-16 units (a traditional character whose simplified form lies
 * outside the BMP, 鮸 → 𩾃; a full-width digit): every span lies inside its line, and a target's
 * span starts on its value.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../src/pipeline.js';
import { spansOutside } from './helpers/invariants.js';

// Traditional characters OpenCC simplifies to a character outside the BMP, and ordinary ones.
const WIDENING = ['鮸', '㗲', '䥕', '勣', '墠', '暐', '濆', '湋'];
const ORDINARY = ['衛', '醫', '療', '體', '與', '發', '展'];
const wide = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const noise = fc.array(fc.constantFrom(...WIDENING, ...ORDINARY, '卫生', '健康'), { maxLength: 4 }).map((a) => a.join(''));
const targetLine = fc.record({
  before: noise,
  indicator: fc.constantFrom('孕产妇死亡率', '婴儿死亡率', '人均预期寿命', '每千人口执业（助理）医师数'),
  value: fc.integer({ min: 1, max: 99 }),
  unit: fc.constantFrom('%', '‰', '岁', '人'),
  wideDigits: fc.boolean(),
}).map((t) => ({ ...t, line: `${t.before}到2025年，${t.indicator}${t.unit === '岁' ? '达到' : '控制在'}${t.wideDigits ? wide(String(t.value)) : t.value}${t.unit}以内。` }));
const plainLine = fc.oneof(noise.map((n) => `${n}加强${n}健康服务体系建设。`), fc.constantFrom('', '二、主要任务', '（一）完善服务体系'));
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

const plan = fc
  .tuple(
    fc.array(fc.oneof(targetLine.map((t) => t.line), plainLine), { minLength: 1, maxLength: 12 }),
    fc.array(lineEnd, { minLength: 16, maxLength: 16 }),
  )
  .map(([body, ends]) => {
    const lines = ['某某市“十四五”卫生健康发展规划', '', '一、主要目标', ...body];
    return lines.map((l, k) => l + ends[k % ends.length]).join('');
  });

const fold = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('spans on generated texts with mixed line ends and length-changing normalisations', () => {
  it('every span lies inside its line, and every target span starts on its value', () => {
    fc.assert(
      fc.property(plan, (source) => {
        const result = extract(Buffer.from(source), 'plan.txt');
        expect(spansOutside(result, source)).toEqual([]);
        const lines = source.split(/\r\n|\r|\n/);
        for (const doc of result.documents) {
          for (const t of doc.targets) {
            if (t.value === null || t.span.start.line !== t.span.end.line) continue;
            const covered = lines[t.span.start.line - 1].slice(t.span.start.column - 1, t.span.end.column - 1);
            expect(fold(covered)).toMatch(new RegExp(`^${t.value}`));
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a CRLF document ends at the end of its line, not between CR and LF', () => {
    const source = '某某县卫生健康发展规划\r\n\r\n一、主要目标\r\n\r\n到2025年，婴儿死亡率控制在5‰以内。\r\n';
    const [doc] = extract(Buffer.from(source), 'plan.txt').documents;
    // The last line holds 20 UTF-16 units: its end is column 21.
    expect(doc.span.end).toEqual({ line: 5, column: 21 });
  });

  it('鮸 → 𩾃 before a target does not shift its span', () => {
    const source = '某某县卫生健康发展规划\n\n一、主要目标\n\n鮸鮸到2025年，孕产妇死亡率控制在12/10万以下。\n';
    const [t] = extract(Buffer.from(source), 'plan.txt').documents[0].targets;
    // "鮸鮸到2025年，孕产妇死亡率控制在" is 18 units: the value 12 is columns 19–20.
    expect(t.span).toEqual({ start: { line: 5, column: 19 }, end: { line: 5, column: 21 } });
  });
});
