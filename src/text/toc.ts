/**
 * Tables of contents in running text: a `目录`/`目次` line and the entry lines under it
 * (`第一章 发展基础 ……… 3`, `一、主要成就 3`, `第二篇 总体要求`). Its entries repeat headings
 * that come later, so neither segment (headings) nor split (titles) may read them. The layout
 * stage takes the TOC of page-made text out of the flow; a TOC typed into a text or Word file
 * reaches split and segment as it is, and this finds it there.
 */
import { trimmedLines } from './trimmed-lines.js';

/** A `[start, end)` range of 0-based offsets. */
export type TocRange = [number, number];

/** The line that opens a table of contents: 目录, 目 录, 目次 (nothing else on the line). */
const TOC_TITLE = /^目[ \u3000]*[录次]$/;
/** TOC_TITLE anywhere: a text without it has no table of contents, and its lines need not be cut. */
const TOC_TITLE_WORD = /目[ \u3000]*[录次]/;
/** Longest entry line, in UTF-16 code units (a heading title, its dot leader and page number). */
const ENTRY_MAX = 90;
/** Most entry lines a table of contents holds (bounds the scan on text that only looks like one). */
const ENTRIES_MAX = 600;
/** Characters of a dot leader (`……`, `.....`, `·····`, `———`) and the blanks around it. */
const LEADER_CHARS = new Set([...'.．·・…‥⋯—_- \u3000\t']);
/** Longest page number. */
const PAGE_DIGITS_MAX = 4;
/** Sentence punctuation an entry never holds. */
const SENTENCE = /[。；！？]/;

/** The heading an entry names: without its dot leader, page number and white space. */
export function tocEntryKey(line: string): string {
  const s = line.trim();
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) >= 0x30 && s.charCodeAt(e - 1) <= 0x39) e--;
  // A number that is the whole line, or too long for a page, is not a page number.
  if (e === 0 || s.length - e > PAGE_DIGITS_MAX) e = s.length;
  while (e > 0 && LEADER_CHARS.has(s[e - 1])) e--;
  return s.slice(0, e).replace(/[\s\u3000]+/g, '');
}

function isEntryLike(line: string): boolean {
  return line.length <= ENTRY_MAX && !SENTENCE.test(line) && tocEntryKey(line) !== '';
}

/**
 * The tables of contents of `text`: each from its 目录 line to the end of its last entry. The
 * entries run until a line that is no entry (a sentence, a long line) or that repeats an entry
 * already listed — the heading itself, where the body begins. A 目录 line with no entry under it
 * is left alone. Linear in the text length.
 */
export function findTocs(text: string): TocRange[] {
  const tocs: TocRange[] = [];
  if (!TOC_TITLE_WORD.test(text)) return tocs;
  const lines = trimmedLines(text).map((l): TocRange => [l.start, l.end]);
  for (let i = 0; i < lines.length; i++) {
    const [s, e] = lines[i];
    if (!TOC_TITLE.test(text.slice(s, e))) continue;
    const keys = new Set<string>();
    let end = e;
    let j = i + 1;
    for (; j < lines.length && keys.size < ENTRIES_MAX; j++) {
      const [ls, le] = lines[j];
      const line = text.slice(ls, le);
      if (line === '') continue;
      if (!isEntryLike(line)) break;
      const key = tocEntryKey(line);
      if (keys.has(key)) break;
      keys.add(key);
      end = le;
    }
    if (keys.size === 0) continue;
    tocs.push([s, end]);
    i = j - 1;
  }
  return tocs;
}


/** Whether offset `at` lies in one of `tocs` (sorted, as findTocs gives them). */
export function inToc(tocs: readonly TocRange[], at: number): boolean {
  let lo = 0;
  let hi = tocs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tocs[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < tocs.length && tocs[lo][0] <= at;
}
