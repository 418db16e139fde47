/** segment: recognising a heading marker at the start of a line. */
import { parseChineseInteger } from '../../text/numerals.js';

/**
 * The numbering styles of plan headings, outermost first (the ladder of DESIGN.md). `list` items
 * (一是, ----, ①) are not headings and have no style.
 * - part: 第一篇, 第一部分 (parts that group chapters in national and provincial plans; a plan
 *   without chapters that numbers its parts 第一部分 gets them at level 1 all the same, since
 *   levels count only the styles a document uses);
 * - chapter: 第一章; section: 第一节;
 * - cn-dun: 一、; cn-paren: （一）; arabic-dot: 1．/1./1、; arabic-paren: （1）;
 * - box: 专栏1 (a framed box of projects or indicators).
 */
export type HeadingStyle = 'part' | 'chapter' | 'section' | 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'box';

/** Nesting depth of each style (1 = outermost); a heading nests under any open heading of lower rank. */
export const STYLE_RANK: Record<HeadingStyle, number> = {
  part: 1,
  chapter: 2,
  section: 3,
  'cn-dun': 4,
  'cn-paren': 5,
  'arabic-dot': 6,
  'arabic-paren': 7,
  box: 0,
};

/** The deepest rank of STYLE_RANK. */
export const MAX_RANK = 7;

/** A marker found at a line start. Offsets are 0-based into the document text. */
export interface MarkerMatch {
  style: HeadingStyle;
  /** The marker as written, e.g. '（二）', '3．', '专栏 2'. */
  marker: string;
  ordinal: number;
  markerStart: number;
  markerEnd: number;
}

// Each pattern is anchored at the marker start and has only bounded quantifiers.
const CN = '[零〇一二三四五六七八九十百两]{1,6}';
const PATTERNS: [HeadingStyle, RegExp][] = [
  ['box', /^专栏[ \u3000]?(\d{1,3}|[一二三四五六七八九十]{1,4})/],
  ['part', new RegExp(`^第(${CN}|\\d{1,3})[ \\u3000]?(?:篇|部分)`)],
  ['chapter', new RegExp(`^第(${CN}|\\d{1,3})[ \\u3000]?章`)],
  ['section', new RegExp(`^第(${CN}|\\d{1,3})[ \\u3000]?节`)],
  // 一、二级医院 is a sentence, not heading 一: no numeral may follow the 、, but a year may
  // (一、2025年主要目标).
  ['cn-dun', new RegExp(`^(${CN})[、．.](?![零〇一二三四五六七八九十]|\\d(?!\\d{3}年))`)],
  ['cn-paren', new RegExp(`^[（(](${CN})[）)]`)],
  ['arabic-paren', /^[（(](\d{1,3})[）)]/],
  // 1.5% and 2、3级 are numbers, not headings: no digit may follow the separator.
  ['arabic-dot', /^(\d{1,3})[．.、](?!\d)/],
];

/**
 * Leading blanks that may stand before a marker (indentation, a form feed where a page begins;
 * tabs only before 专栏, see below).
 */
function skipIndent(text: string, start: number, end: number, allowTab: boolean): number {
  let i = start;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x3000 || ch === 0xa0 || ch === 0x0c || (allowTab && ch === 0x09)) i++;
    else break;
  }
  return i;
}

/** Longest marker we need to look at, in UTF-16 code units (第一百二十三部分 and a little room). */
const MARKER_WINDOW = 16;

/**
 * The heading marker at the start of the line `[lineStart, lineEnd)`, or null. A line holding a
 * tab is a table row (TSV, or one cell per line as Word tables are extracted), so only a 专栏 box
 * title, which Word lays out as a one-cell table, may follow a tab.
 */
export function matchMarker(text: string, lineStart: number, lineEnd: number): MarkerMatch | null {
  const start = skipIndent(text, lineStart, lineEnd, true);
  const hasTab = containsTab(text, lineStart, lineEnd);
  const head = text.slice(start, Math.min(lineEnd, start + MARKER_WINDOW));
  for (const [style, pattern] of PATTERNS) {
    if (style !== 'box' && hasTab) continue;
    const match = pattern.exec(head);
    if (!match) continue;
    const ordinal = readOrdinal(match[1]);
    if (ordinal === null) continue;
    return { style, marker: match[0], ordinal, markerStart: start, markerEnd: start + match[0].length };
  }
  return null;
}

/** Whether `[start, end)` holds a tab (a bounded scan: indexOf could run past the line). */
function containsTab(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x09) return true;
  return false;
}

/** An ordinal written in Arabic digits or Chinese numerals. */
function readOrdinal(digits: string): number | null {
  if (/^\d+$/.test(digits)) return Number(digits);
  return parseChineseInteger(digits);
}
