import { describe, expect, it } from 'vitest';
import { renderText, wordDiff } from '../src/diff/report-text.js';
import { renderCsv, CSV_HEADER } from '../src/diff/report-csv.js';
import { renderHtml } from '../src/diff/report-html.js';
import { escapeHtml } from '../src/emit/html.js';
import { sampleDiff } from './fixtures-diff/sample-diff.js';
import { formatTarget } from '../src/diff/format-target.js';
import { parseCsv } from './helpers/csv.js';

const diff = sampleDiff();

describe('sample diff (the reports input)', () => {
  it('has every verdict, as read from the synthetic plans', () => {
    expect(diff.pairs[0].targets.map((t) => t.verdict)).toEqual(['same', 'stricter', 'looser', 'changed', 'added', 'dropped']);
    expect(diff.pairs[0].measures.map((m) => m.verdict)).toEqual(['edited', 'same', 'added', 'dropped']);
    expect(diff.pairs[0].summary).toEqual({ same: 2, stricter: 1, looser: 1, changed: 2, added: 2, dropped: 2 });
  });
});

describe('text report', () => {
  it('an edited measure is followed by its word diff, wdiff style', () => {
    const text = renderText(diff, { color: false });
    // 市教育局和市卫生健康委每年… → 区教育局和区卫生健康委每学期…: whole words, not characters.
    expect(text).toContain('[-市-]{+区+}教育局和[-市-]{+区+}卫生健康委[-每年-]{+每学期+}开展一次学校结核病防控督…');
  });

  it('word diff elides long unchanged runs around the changes', () => {
    const same = '加强结核病定点医疗机构建设和质量控制工作，';
    const shown = wordDiff([
      { op: 'equal', text: same },
      { op: 'delete', text: '每年' },
      { op: 'insert', text: '每季度' },
      { op: 'equal', text: same + '。' },
    ]);
    expect(shown).toBe('…机构建设和质量控制工作，[-每年-]{+每季度+}加强结核病定点医疗机构建…');
  });

  it('plain without colour: one line per aligned item, and the summary', () => {
    const text = renderText(diff, { color: false });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('stricter  肺结核患者成功治疗率 [2025]  child ≥92% :21  parent ≥90% :31');
    expect(text).toContain('dropped   公众结核病防治核心知识知晓率 [2025]  parent ≥85% :34');
    expect(text).toMatch(/edited {4}加强学校防控 {2}similarity \d\.\d\d {2}child :40 parent :60 {2}departments -市财政局\n/);
    expect(text).toContain('Summary: 2 same, 1 stricter, 1 looser, 2 changed, 2 added, 2 dropped');
  });
  it('coloured with ANSI when asked', () => {
    expect(renderText(diff, { color: true })).toContain('\u001b[31mlooser  \u001b[0m');
  });
});

describe('CSV report', () => {
  it('one row per aligned pair with both values, lines and verdict; formulas neutralised', () => {
    const rows: string[][] = parseCsv(renderCsv(diff));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(1 + 6 + 4);
    const stricter = rows.find((r) => r[5] === '肺结核患者成功治疗率')!;
    expect([stricter[0], stricter[6], stricter[7], stricter[8], stricter[9], stricter[11], stricter[12]]).toEqual(['target', '2025', '≥92%', '≥90%', 'stricter', '21', '31']);
    expect(rows.some((r) => r[5] === `'=HYPERLINK("x")`)).toBe(true);
    expect(rows.filter((r) => r[0] === 'measure').map((r) => r[9])).toEqual(['edited', 'same', 'added', 'dropped']);
  });
});

describe('HTML report', () => {
  const html = renderHtml(diff);
  it('escapes text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).toContain('余江区“十四五”结核病防治规划 &lt;b&gt;');
    expect(html).not.toContain('<b>');
  });
  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html).toContain("default-src 'none'");
  });
  it('shows each verdict count in a data-verdict element, and marks insertions and deletions', () => {
    for (const [verdict, count] of Object.entries(diff.pairs[0].summary)) {
      expect(html).toContain(`<span data-verdict="${verdict}">${count}</span>`);
    }
    expect(html).toContain('<ins>区</ins>');
    expect(html).toContain('<del>市</del>');
    expect(html).toContain('<tr class="v-looser">');
  });
});

describe('formatTarget', () => {
  const base = { id: 't', sectionId: null, text: '孕产妇死亡率控制在8.5/10万以下', indicator: '孕产妇死亡率', valueMax: null, year: 2025, yearFrom: 'text' as const, baseline: null, nature: null, source: 'sentence' as const, tableId: null, span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  it('writes a rate per 100 000 as the plan does, and a percentage, a range and a ratio', () => {
    expect(formatTarget({ ...base, comparator: 'lte', value: 8.5, unit: '1/10万' })).toBe('≤8.5/10万');
    expect(formatTarget({ ...base, comparator: 'gte', value: 95, unit: '%' })).toBe('≥95%');
    expect(formatTarget({ ...base, comparator: 'range', value: 3, valueMax: 5, unit: '人' })).toBe('3–5人');
    expect(formatTarget({ ...base, comparator: 'eq', value: 1, unit: 'ratio' })).toBe('=1');
  });
});
