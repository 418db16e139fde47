/**
 * Value cells of indicator tables as they print: an optional verb of change or comparison sign,
 * a number and its unit (`29.8`, `下降 10%`, `≥30`, `8.5/10 万`, `50% 以上`); a year heading a
 * column (`2025 年目标`); an indicator's nature or its column's header (`预期性`, `指标性质`); the
 * labels of value columns (`基线值 2025 年目标值 指标性质`). The layout passes that part a table's
 * cells printed a single space apart use them.
 */

/** The words a nature cell or its column's header is (`预期性`, `指标性质`). */
const NATURE_WORDS = ['预期性', '约束性', '倡导性', '指标性质', '指标属性', '属性'];
/** The verbs of change or comparison a value may be written after (`下降 10%`). */
const VALUE_VERBS = ['下降', '降低', '提高', '增加', '减少', '达到', '控制在', '不低于', '不高于', '力争'];
/** The comparison signs a value may be written after (`≥30`). */
const SIGNS = '≥≤<>＜＞';

// The cell, with the one space that may follow it (a number's cell) — a year heading runs on.
const VALUE_CELL = new RegExp(
  `^(?:(?:19|20)\\d\\d ?年|(?:${NATURE_WORDS.join('|')})(?: |$)|(?:(?:${VALUE_VERBS.join('|')}) ?)?[${SIGNS}]? ?\\d+(?:\\.\\d+)?(?: ?(?:%|％|‰|\\/10 ?万|\\/千|以上|以下|以内))*(?: |$))`,
);
/** Enough of the text to read one value cell. */
const VALUE_LOOKAHEAD = 24;

/**
 * The characters VALUE_CELL's alternatives start with: a digit (a year's too), a nature word's or
 * a verb's first character, a sign, the space before a number. Most cells start with none, and are
 * told so without cutting and matching their text.
 */
const VALUE_CELL_FIRST = new Set([...'0123456789 ', ...SIGNS, ...[...NATURE_WORDS, ...VALUE_VERBS].map((word) => word[0])].map((ch) => ch.charCodeAt(0)));

/** The length of the value cell at `at` (with the space after it), or 0 when none starts there. */
export function valueCellLength(text: string, at: number, end: number): number {
  if (at >= end || !VALUE_CELL_FIRST.has(text.charCodeAt(at))) return 0;
  const match = VALUE_CELL.exec(text.slice(at, Math.min(end, at + VALUE_LOOKAHEAD)));
  return match ? match[0].length : 0;
}

/** True when a value cell starts at `at` and runs to `end` or to another value after a space. */
export function startsValueCell(text: string, at: number, end: number): boolean {
  const length = valueCellLength(text, at, end);
  if (length === 0) return false;
  const next = at + length;
  return text[next - 1] === '年' || next >= end || valueCellLength(text, next, end) > 0;
}

/**
 * The starts of the value cells that run from `at` to `end`, one space apart, or null when the
 * text there is not such a run.
 */
export function valueRun(text: string, at: number, end: number): number[] | null {
  const starts: number[] = [];
  let p = at;
  while (p < end) {
    const length = valueCellLength(text, p, end);
    if (length === 0) return null;
    starts.push(p);
    p += length;
    if (text[p - 1] === '年' && text[p] === ' ') p++;
  }
  return starts;
}

// A value column's label: 基线, 基期, 现状, 基数, 目标值, 预期值, 属性, 指标性质, 2020 年, 2025 年目标值,
// 2023 年现状, 2020 年基数, 2020 年（基期）.
const VALUE_LABEL =
  /^(?:基线值?|基期值?|现状值?|基数|目标值|预期值|属性|指标性质|指标属性|(?:19|20)\d\d ?年(?:目标值?|指标值|预期值|现状值?|基线值?|基期值?|基数|实际值)?(?:[（(][^（()）]{1,6}[）)])?)(?= |$)/;

/** The starts of the value-column labels from `at` to the end of the line, or null. */
export function labelRun(text: string, at: number, end: number): number[] | null {
  const starts: number[] = [];
  let p = at;
  while (p < end) {
    const match = VALUE_LABEL.exec(text.slice(p, Math.min(end, p + 24)));
    if (!match) return null;
    starts.push(p);
    p += match[0].length;
    if (text[p] === ' ') p++;
  }
  return starts;
}

/** The label of an indicator table's indicator column, possibly after a numbering column's. */
export const INDICATOR_LABEL = /^(?:(?:序号|编号) ?)?(?:主要指标|指标名称|指标内容|指标)$/;
/** An indicator's nature, as the last cell of many indicator tables' rows. */
export const NATURE_CELL = /^(?:预期性|约束性|倡导性|预期|约束)$/;
