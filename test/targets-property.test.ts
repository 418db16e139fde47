/**
 * Property (issue: targets quality bar): for any target extracted from a generated plan, its
 * `text` contains the value as written, and its `span` points at a line of the original file that
 * holds that value. Plans are built from goal sentences in the forms plans use (digits, full-width
 * digits, Chinese numerals, ranges, 、 lists), with page-break blank lines, spaces and full-width
 * punctuation of the kind normalize repairs, so positions in the file differ from positions in the
 * clean text. 300 cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, extract } from '../src/pipeline.js';
import { LineIndex } from '../src/text/line-index.js';

const indicator = fc.constantFrom('高血压患者规范管理率', '居民健康素养水平', '孕产妇死亡率', '儿童龋齿患病率', '肺结核患者成功治疗率', '严重精神障碍患者管理率');
const digits = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
);
/** A number as a plan may write it, with what it reads as. */
const written = fc.oneof(
  digits.map((d) => ({ text: d, value: Number(d) })),
  // Full-width digits, which normalize turns into ASCII.
  fc.integer({ min: 10, max: 99 }).map((n) => ({ text: String(n).replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c))), value: n })),
  fc.constantFrom(['百分之五十', 50], ['百分之九十', 90], ['三十', 30]).map(([text, value]) => ({ text: text as string, value: value as number })),
);
const goal = fc.tuple(indicator, fc.constantFrom('达到', '控制在', '提高到', '不低于'), written, fc.constantFrom('%', '％', '%以上', '%以下', ''))
  .map(([ind, verb, num, unit]) => ({ sentence: `${ind}${verb}${num.text}${num.text.startsWith('百分之') ? '' : unit}`, value: num.value }));
const separator = fc.constantFrom('，', '；', ',', '，\n\n');

// One goal per indicator: a clause repeated word for word is a garbled copy that dedupe removes.
const goals = fc.uniqueArray(fc.tuple(goal, separator), { minLength: 1, maxLength: 6, selector: ([g]) => g.sentence.slice(0, 6) });
const plan = fc.tuple(goals, fc.constantFrom('到2025年，', '到 2025 年，', ''))
  .map(([goals, lead]) => {
    const body = goals.map(([g, sep], k) => g.sentence + (k === goals.length - 1 ? '。' : sep)).join('');
    return { text: ['某某县健康促进规划（2021—2025年）', '', '一、主要目标', `${lead}${body}`, '二、主要任务', '加强宣传。', ''].join('\n'), values: goals.map(([g]) => g.value) };
  });

const fold = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

describe('target spans (property, 300 cases)', () => {
  it('each target’s text contains its value as written, and its span points at the line in the file that holds it', () => {
    fc.assert(
      fc.property(plan, ({ text }) => {
        const bytes = Buffer.from(text, 'utf8');
        const { source } = cleanText(bytes, 'p.txt');
        const lines = new LineIndex(source.source);
        const targets = extract(bytes, 'p.txt').documents.flatMap((d) => d.targets);
        for (const t of targets) {
          const at = fold(source.source.slice(lines.offset(t.span.start), lines.offset(t.span.end)));
          expect(at.length).toBeGreaterThan(0);
          expect(fold(t.text)).toContain(at);
          if (t.value !== null) {
            expect(at).toMatch(/\d|[一二三四五六七八九十百]/);
            // The line the span starts on holds the value as written.
            const line = fold(source.source.split('\n')[t.span.start.line - 1]);
            expect(line).toContain(at);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads every generated goal: one target per goal sentence, with its value', () => {
    fc.assert(
      fc.property(plan, ({ text, values }) => {
        const targets = extract(Buffer.from(text, 'utf8'), 'p.txt').documents.flatMap((d) => d.targets);
        expect(targets.map((t) => t.value)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});
