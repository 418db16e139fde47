/** segment: finding the heading lines of a document, and where each 专栏 box ends. */
import type { Range } from '../../model/stages.js';
import { matchMarker, type MarkerMatch } from './markers.js';
import { splitTitle, type TitleSplit } from './title.js';
import { findTocs, inToc } from '../../text/toc.js';

/** One heading as found in the text. Offsets are 0-based into the document text. */
export interface HeadingLine extends MarkerMatch, TitleSplit {
  /** Start of the line the marker stands on. */
  lineStart: number;
  /** End of the heading's last line (the title's line when the marker stands alone). */
  lineEnd: number;
  /** For a 专栏 box: the end of its content (trailing blanks excluded); otherwise undefined. */
  boxEnd?: number;
}

/** Whether the code unit is a blank: white space, ideographic space, NBSP, tab, CR or LF. */
function isBlankCode(ch: number): boolean {
  return ch === 0x20 || ch === 0x3000 || ch === 0x09 || ch === 0x0d || ch === 0x0a || ch === 0xa0;
}

/** Whether `[start, end)` holds only blanks (spaces, ideographic spaces, tabs, CR). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isBlankCode(text.charCodeAt(i))) return false;
  }
  return true;
}

/** End of `[start, end)` without trailing blanks. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isBlankCode(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Start of `[start, end)` without leading blanks. */
export function trimStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isBlankCode(text.charCodeAt(s))) s++;
  return s;
}

/**
 * All heading lines of `text`, in order. A 专栏 box owns the lines after its title until the
 * first of: two blank lines in a row after some content (Word lays a box out as a one-cell table
 * whose paragraphs are separated by one blank line and which ends with two), a heading of a
 * chapter, 一、 or （一） style or another box, or a 1．/（1） item that continues a numbering run
 * open outside the box. Numbered lines inside a box are the box's content, not headings. Lines
 * starting inside one of `tables` (ranges in reading order) are cells, never headings. Lines of a
 * table of contents (src/text/toc.ts) repeat later headings and are none, nor are the lines of a
 * notice's list of attachments (`附件：1．…` and the `2．…` lines under it). Stops after `limit`
 * headings.
 */
export function scanHeadings(text: string, limit = Number.POSITIVE_INFINITY, tables: readonly Range[] = []): HeadingLine[] {
  const headings: HeadingLine[] = [];
  const lastOrdinal = new Map<string, number>();
  const tocs = findTocs(text);
  /** The last number of the notice's list of attachments (`附件：1．…`, then `2．…`), while in it. */
  let attachmentList: number | null = null;
  let box: HeadingLine | null = null;
  let boxHasContent = false;
  let blankRun = 0;
  const closeBox = () => {
    box = null;
    boxHasContent = false;
    blankRun = 0;
  };

  let pos = 0;
  let table = 0;
  while (pos <= text.length && headings.length < limit) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline === -1 ? text.length : newline;
    const lineStart = pos;
    pos = lineEnd + 1;
    const openBox: HeadingLine | null = box;
    if (isBlank(text, lineStart, lineEnd)) {
      if (openBox && boxHasContent && ++blankRun >= 2) closeBox();
      continue;
    }
    while (table < tables.length && tables[table][1] <= lineStart) table++;
    const inTable = table < tables.length && tables[table][0] <= lineStart;
    const contentStart = trimStart(text, lineStart, lineEnd);
    if (tocs.length > 0 && inToc(tocs, contentStart)) continue;
    const listed = attachmentListItem(text, contentStart, lineEnd, attachmentList);
    if (listed !== null) {
      attachmentList = listed;
      continue;
    }
    attachmentList = null;
    const match = inTable ? null : matchMarker(text, lineStart, lineEnd);
    if (openBox) {
      if (!match || !endsBox(match, lastOrdinal)) {
        openBox.boxEnd = trimEnd(text, lineStart, lineEnd);
        boxHasContent = true;
        blankRun = 0;
        continue;
      }
      closeBox();
    }
    if (!match) continue;

    let titleLineEnd = lineEnd;
    let restStart = trimStart(text, match.markerEnd, lineEnd);
    if (restStart >= lineEnd && match.style !== 'box') {
      // A marker alone on its line (a page break after it): the title is the next line.
      const next = nextTitleLine(text, pos);
      // A marker with no title, on its line or the next, heads nothing: it stays text.
      if (!next) continue;
      restStart = next.start;
      titleLineEnd = next.end;
      pos = next.end + 1;
    }
    const chapterLevel = match.style === 'part' || match.style === 'chapter' || match.style === 'cn-dun';
    const split = splitTitle(text, restStart, trimEnd(text, restStart, titleLineEnd), chapterLevel);
    // Built field by field: spreading the two objects (of several shapes each) went through the
    // engine's slow generic copy and was most of this scan's time.
    const heading: HeadingLine = {
      style: match.style, marker: match.marker, ordinal: match.ordinal, markerStart: match.markerStart, markerEnd: match.markerEnd,
      titleStart: split.titleStart, titleEnd: split.titleEnd, bodyStart: split.bodyStart, sentence: split.sentence,
      lineStart, lineEnd: titleLineEnd, boxEnd: undefined,
    };
    headings.push(heading);
    if (match.style === 'box') {
      heading.boxEnd = trimEnd(text, lineStart, titleLineEnd);
      box = heading;
    } else {
      lastOrdinal.set(match.style, match.ordinal);
    }
  }
  return headings;
}

/** The opening line of a notice's list of attachments: `附件：1．…`, `附件: 1.…`. */
const ATTACHMENT_LIST = /^附[ \u3000]*件[ \u3000]*[：:][ \u3000]*1[．.、]/;

/**
 * The number of the attachment-list entry on the line `[start, end)`: 1 for the `附件：1．` line,
 * `previous + 1` for the line that continues the list after `previous`; null for any other line.
 */
function attachmentListItem(text: string, start: number, end: number, previous: number | null): number | null {
  const head = text.slice(start, Math.min(end, start + 12));
  if (ATTACHMENT_LIST.test(head)) return 1;
  if (previous === null) return null;
  const match = matchMarker(text, start, end);
  return match && match.style === 'arabic-dot' && match.ordinal === previous + 1 ? match.ordinal : null;
}

/** Whether a marker met inside a box ends it (see scanHeadings). */
function endsBox(match: MarkerMatch, lastOrdinal: ReadonlyMap<string, number>): boolean {
  if (match.style !== 'arabic-dot' && match.style !== 'arabic-paren') return true;
  return match.ordinal > 1 && lastOrdinal.get(match.style) === match.ordinal - 1;
}

/** Blank lines a page break may leave between a lone marker and its title. */
const MAX_BLANKS_BEFORE_TITLE = 3;

/** The next non-blank line from `pos` when it can be a title (no marker, no table cell). */
function nextTitleLine(text: string, pos: number): { start: number; end: number } | null {
  let start = pos;
  for (let blanks = 0; start < text.length && blanks <= MAX_BLANKS_BEFORE_TITLE; blanks++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (!isBlank(text, start, end)) {
      if (matchMarker(text, start, end) || text.slice(start, end).includes('\t')) return null;
      return { start: trimStart(text, start, end), end };
    }
    start = end + 1;
  }
  return null;
}
