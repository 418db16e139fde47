/**
 * Page furniture: running headers and footers and page numbers, the lines a printer adds to every
 * page. They are told by where they stand (the first or last lines of a page) and by repetition:
 * a line that stands in the same band on several pages, equal once its digits are masked (page
 * numbers, dates), is furniture; so is a page number in any common form, and the lines a browser
 * prints (date and time with the page title; the address with `n/N`).
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import type { PrintedLine } from './lines.js';
import { cellsOf } from './columns.js';

/** How many non-empty lines at the top and at the bottom of a page can be furniture. */
const BAND_LINES = 3;
/** A repeated band line is furniture when it stands on at least this share of the pages… */
const REPEAT_MIN_SHARE = 0.3;
/** …and on at least this many pages. */
const REPEAT_MIN_PAGES = 2;
/** Longest line taken for a page number or running header (a body line is longer). */
const MAX_FURNITURE_LENGTH = 120;

// Page numbers as printed: - 12 -, —12—, – 3 –, 第3页, 第 3 页 共 44 页, 共44页 第3页, 3/44, Page 3 of 44, 3.
const DASHED_NUMBER = /^[-—–－~]{1,2} *\d{1,4} *[-—–－~]{1,2}$/;
const CHINESE_PAGE = /^(?:共 *\d{1,4} *页[，, ]*)?第 *\d{1,4} *页(?:[，, /]*共 *\d{1,4} *页)?$/;
const PAGE_OF = /^(\d{1,4}) *[/／] *(\d{1,4})$/;
const PAGE_WORD = /^page *\d{1,4}(?: *(?:of|\/) *\d{1,4})?$/i;
const BARE_NUMBER = /^\d{1,4}$/;
// A browser's print header (date and time, then the page title) and footer (address, then n/N).
const BROWSER_HEADER = /^(?:\d{1,2}\/\d{1,2}\/\d{2,4},? +\d{1,2}:\d{2}(?: ?[AP]M)?|\d{4}[/-]\d{1,2}[/-]\d{1,2},? +\d{1,2}:\d{2})(?: |$)/;
const BROWSER_FOOTER = /^(?:file|https?):\/\/\S+ +\d{1,4} *\/ *\d{1,4}$/;

// A title ends with the kind of document, possibly followed by its period: …规划（2021—2025年）.
const TITLE_LIKE = /(?:规划|方案|计划|纲要|意见|通知|办法|决定|报告|细则|要点|措施)(?:[（(][^（()）]{0,20}[)）])?$/;

/** A page's band lines, in page order, with their position in the band. */
interface BandLine {
  line: PrintedLine;
  band: 'top' | 'bottom';
}

/** Groups non-empty lines by page and returns each page's top and bottom band. */
function bands(lines: readonly PrintedLine[]): BandLine[][] {
  const pages: PrintedLine[][] = [];
  for (const line of lines) {
    if (line.content.length === 0) continue;
    (pages[line.page] ??= []).push(line);
  }
  return pages.map((page) => {
    // On a short page (a last page with only its header and footer) the bands split the page.
    const topLines = Math.min(BAND_LINES, Math.ceil(page.length / 2));
    const top = page.slice(0, topLines).map((line) => ({ line, band: 'top' as const }));
    const bottom = page
      .slice(Math.max(topLines, page.length - BAND_LINES))
      .map((line) => ({ line, band: 'bottom' as const }));
    return [...top, ...bottom];
  }).filter((page) => page !== undefined);
}

/** The line with digits masked and spaces dropped: equal on every page for a running header. */
function maskedKey(content: string): string {
  return content.replace(/\d+/g, '#').replace(/[ \u3000\u00a0]+/g, '');
}

/** The page-number reading of a band line: its number, or null when it is not a page number. */
function pageNumberOf(content: string): { number: number | null } | null {
  const text = content.trim();
  if (DASHED_NUMBER.test(text) || CHINESE_PAGE.test(text) || PAGE_WORD.test(text)) return { number: null };
  const of = PAGE_OF.exec(text);
  if (of) return Number(of[1]) <= Number(of[2]) && Number(of[1]) > 0 ? { number: null } : null;
  if (BARE_NUMBER.test(text)) return { number: Number(text) };
  return null;
}

/**
 * Finds the furniture lines and returns one edit per line, removing it with its line break.
 * Kinds: `page-header`, `page-footer`, `page-number`.
 */
export function furnitureEdits(text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const pages = bands(lines);
  const pageCount = pages.length;
  const found = new Map<PrintedLine, string>();

  // Repetition: the same masked line in the same band of several pages.
  const masked = new Map<PrintedLine, string>();
  /** A band line's key: its band and masked content, each line's masked once. */
  const keyOf = (line: PrintedLine, band: BandLine['band']): string => {
    let key = masked.get(line);
    if (key === undefined) masked.set(line, (key = maskedKey(line.content)));
    return `${band}:${key}`;
  };
  const seen = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const { line, band } of page) {
      if (line.content.length > MAX_FURNITURE_LENGTH || line.content.includes('\t')) continue;
      const key = keyOf(line, band);
      let onPages = seen.get(key);
      if (!onPages) seen.set(key, (onPages = new Set()));
      onPages.add(line.page);
    }
  }
  const minPages = Math.max(REPEAT_MIN_PAGES, Math.ceil(pageCount * REPEAT_MIN_SHARE));
  const repeated = (key: string) => (seen.get(key)?.size ?? 0) >= minPages;
  for (const page of pages) {
    const tableHead = repeatedTableHead(text, page, seen, repeated, (line) => keyOf(line, 'top'));
    for (const { line, band } of page) {
      const key = keyOf(line, band);
      if (!repeated(key) || tableHead.has(line)) continue;
      // A plan's title may be printed again as the running header: on the first page, the one
      // line that reads as a title stays.
      if (line.page === pages[0][0]?.line.page && band === 'top' && TITLE_LIKE.test(line.content) && !/\d/.test(line.content)) continue;
      found.set(line, pageNumberOf(line.content) ? 'page-number' : band === 'top' ? 'page-header' : 'page-footer');
    }
  }

  // Page numbers and browser lines, even on a page of their own kind.
  const bare: Array<{ line: PrintedLine; offset: number }> = [];
  for (const page of pages) {
    const outermost = new Set([page[0]?.line, page[page.length - 1]?.line]);
    for (const { line, band } of page) {
      if (found.has(line)) continue;
      if (band === 'top' && BROWSER_HEADER.test(line.content)) found.set(line, 'page-header');
      else if (band === 'bottom' && BROWSER_FOOTER.test(line.content)) found.set(line, 'page-footer');
      else {
        const reading = pageNumberOf(line.content);
        if (reading?.number === null) found.set(line, 'page-number');
        // A bare number only as the page's first or last line: elsewhere it may be a table cell.
        else if (reading && outermost.has(line)) bare.push({ line, offset: reading.number! - line.page });
      }
    }
  }
  // A bare number is a page number when it counts the pages: the same offset to the page index
  // on several pages (the numbering may start after a cover), or on a text of one or two pages.
  const offsets = new Map<number, number>();
  for (const b of bare) offsets.set(b.offset, (offsets.get(b.offset) ?? 0) + 1);
  for (const b of bare) {
    const agreeing = offsets.get(b.offset) ?? 0;
    if (agreeing >= 2 || (pageCount <= 2 && b.offset >= 0 && b.offset <= 2)) found.set(b.line, 'page-number');
  }

  return [...found]
    .sort((a, b) => a[0].start - b[0].start)
    .map(([line, kind]) => removeLine(text, line, kind));
}

/**
 * The header of a table that runs over pages, printed again at the top of each: a repeated top-band
 * line of TABLE_HEAD_CELLS cells or more (a running header has one or two: a title, a date, a page
 * number), with the repeated top-band lines next to it that stand on no page it does not (its
 * upper header rows, `目标值` over the year columns). A running header that is on other pages too
 * is not part of it.
 */
function repeatedTableHead(
  text: string,
  page: readonly BandLine[],
  seen: ReadonlyMap<string, ReadonlySet<number>>,
  repeated: (key: string) => boolean,
  keyOf: (line: PrintedLine) => string,
): Set<PrintedLine> {
  const head = new Set<PrintedLine>();
  const top = page.filter((b) => b.band === 'top');
  const row = top.findIndex(({ line }) => repeated(keyOf(line)) && cellsOf(text, line).length >= TABLE_HEAD_CELLS);
  if (row < 0) return head;
  const rowPages = seen.get(keyOf(top[row].line))!;
  const within = (line: PrintedLine) => repeated(keyOf(line)) && [...seen.get(keyOf(line))!].every((p) => rowPages.has(p));
  head.add(top[row].line);
  for (let k = row - 1; k >= 0 && within(top[k].line); k--) head.add(top[k].line);
  for (let k = row + 1; k < top.length && within(top[k].line); k++) head.add(top[k].line);
  return head;
}

/** Cells of a table's header row at least; a running header has fewer. */
const TABLE_HEAD_CELLS = 3;

/** Removes a line's content, its padding and the line break after it (before it on the last line). */
function removeLine(text: string, line: PrintedLine, kind: string): KindedEdit {
  if (line.end < text.length) return { start: line.start, end: line.end + 1, replacement: '', kind };
  return { start: line.start, end: line.end, replacement: '', kind };
}
