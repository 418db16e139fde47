/**
 * The printed lines of a page-made text and the profile they share: where each line starts and
 * ends, on which page, how far it is indented and where it ends on the page, in display columns.
 *
 * Display columns approximate a line's printed width: a wide character (CJK ideographs and
 * punctuation, full-width forms) counts 2, anything else 1, as `pdftotext -layout` and terminals
 * lay text out. A line that ends near the page's usual width is a line the printer broke, not
 * the writer.
 */

/** One line of the text, with its place on the page. Offsets are 0-based into the text. */
export interface PrintedLine {
  /** Offset of the line's first code unit (after a form feed that starts the line). */
  start: number;
  /** Offset of the line's `\n` (or the end of the text). */
  end: number;
  /** Offsets of the first and just past the last character that is not padding. */
  contentStart: number;
  contentEnd: number;
  /** The line without its indentation and trailing spaces. */
  content: string;
  /** 0-based page: the number of form feeds before the line. */
  page: number;
  /** Display columns of indentation. */
  indent: number;
  /** Display column where the content ends (indentation included). */
  width: number;
}

/** The page's usual line width and how far short of it a line may end and still be full. */
export interface WidthProfile {
  width: number;
  tolerance: number;
}

/** Lines narrower than this are never taken for the page width (headings, titles, table cells). */
const MIN_PAGE_WIDTH = 40;
/** A text is page-made without form feeds when at least this share of its lines end at one width… */
const FULL_LINE_MIN_SHARE = 0.4;
/** …and it has at least this many non-empty lines. */
const MIN_PROFILE_LINES = 20;

/** True for a character printed two columns wide (East Asian Wide and Fullwidth ranges). */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0xd800 && code <= 0xdbff) // a high surrogate: supplementary ideographs are wide
  );
}

/** Display columns of each code unit (2 wide, 0 for a low surrogate, else 1), made on first use. */
let columns: Uint8Array | null = null;
function columnTable(): Uint8Array {
  if (columns) return columns;
  columns = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) columns[code] = code >= 0xdc00 && code <= 0xdfff ? 0 : isWide(code) ? 2 : 1;
  return columns;
}

/**
 * Display columns of `text[start, end)`. A low surrogate adds nothing (its pair counted 2). One
 * table look-up per code unit: every line is measured, and again after each layout pass.
 */
export function displayWidth(text: string, start = 0, end = text.length): number {
  const table = columnTable();
  let width = 0;
  for (let i = start; i < end; i++) width += table[text.charCodeAt(i)];
  return width;
}

/**
 * Characters (code points) of `text[start, end)`: the column pdftotext — and the PDF reader's
 * table lines — place a cell at, every character one column, wide or not.
 */
export function characterCount(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

/** A run of a printed line: `[start, end)` of the text and the character column it starts at. */
export interface PlacedRun {
  start: number;
  end: number;
  column: number;
}

/**
 * Parts runs at single spaces where `parts(p, at, column)` says so: `p` the space's offset, `at`
 * the character column after it, `column` that of the part being cut. A table set tight leaves
 * one space between a cell and the next; which spaces those are, the caller knows.
 */
export function partAtSpaces(text: string, runs: readonly PlacedRun[], parts: (p: number, at: number, column: number) => boolean): PlacedRun[] {
  const out: PlacedRun[] = [];
  for (const run of runs) {
    let { start, column } = run;
    for (let p = run.start + 1; p < run.end - 1; p++) {
      if (text[p] !== ' ') continue;
      const at = run.column + characterCount(text, run.start, p + 1);
      if (!parts(p, at, column)) continue;
      out.push({ start, end: p, column });
      [start, column] = [p + 1, at];
    }
    out.push({ start, end: run.end, column });
  }
  return out;
}

/** Spaces that pad or separate: ASCII space, ideographic space, no-break space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\u00a0';
}

/** Splits the text into printed lines; a form feed starts a new page (and, where it stands, a line). */
export function readLines(text: string): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let page = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // pdftotext writes the form feed at the start of the next page's first line.
    let lineStart = start;
    while (text[lineStart] === '\f' && lineStart < end) {
      page++;
      lineStart++;
    }
    let contentStart = lineStart;
    while (contentStart < end && isSpace(text[contentStart])) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && (isSpace(text[contentEnd - 1]) || text[contentEnd - 1] === '\f')) contentEnd--;
    const indent = displayWidth(text, lineStart, contentStart);
    lines.push({
      start: lineStart,
      end,
      contentStart,
      contentEnd,
      content: text.slice(contentStart, contentEnd),
      page,
      indent,
      width: indent + displayWidth(text, contentStart, contentEnd),
    });
    // A form feed inside or at the end of a line (rare) still starts a new page after it.
    for (let i = contentEnd; i < end; i++) if (text[i] === '\f') page++;
    start = end + 1;
  }
  return lines;
}

/**
 * The usual line width: the most frequent end column among prose lines at least MIN_PAGE_WIDTH
 * wide (table rows, which may be the commonest wide lines of a PDF, excluded). Null when the text
 * has too few such lines to tell, or when more of them run past that width than end at it
 * (paragraphs read unbroken: no width wraps them).
 */
export function widthProfile(lines: readonly PrintedLine[]): WidthProfile | null {
  const widths = new Map<number, number>();
  const counted = lines.filter((line) => line.width >= MIN_PAGE_WIDTH && !isTableRow(line.content));
  for (const line of counted) widths.set(line.width, (widths.get(line.width) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  if (best < 3) return null;
  // A line breaks short of the width when the next character may not start a line (，。）) or is
  // a word or number that does not fit: a few columns, more on wider pages.
  const tolerance = Math.max(4, Math.ceil(width * 0.08));
  if (counted.filter((line) => line.width > width + tolerance).length > best) return null;
  return { width, tolerance };
}

/**
 * A table's row: cells TAB-separated, or printed apart (a box of fields, `索引号：…    发布机构：…`,
 * a row the table passes did not take). Prose has no run of spaces inside it.
 */
export const isTableRow = (content: string): boolean => content.includes('\t') || CELL_GAP.test(content);
const CELL_GAP = /\S {4,}\S/;

/** True when the line ends at the page's usual width: the printer broke it. */
export function isFull(line: PrintedLine, profile: WidthProfile): boolean {
  return line.width >= profile.width - profile.tolerance && line.width <= profile.width + profile.tolerance;
}

/**
 * True for page-made text: it has form feeds between pages with text, or (a dump that lost
 * them) most of its lines end within a few columns of one width.
 */
export function isPageMade(lines: readonly PrintedLine[], profile: WidthProfile | null): boolean {
  const pagesWithText = new Set(lines.filter((l) => l.content.length > 0).map((l) => l.page));
  if (pagesWithText.size >= 2) return true;
  if (profile === null) return false;
  const nonEmpty = lines.filter((l) => l.content.length > 0);
  if (nonEmpty.length < MIN_PROFILE_LINES) return false;
  const full = nonEmpty.filter((l) => isFull(l, profile)).length;
  return full / nonEmpty.length >= FULL_LINE_MIN_SHARE;
}

/** The most frequent of the values (the largest of equals); 0 for none. */
export function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let value = 0;
  for (const [v, n] of counts) if (n > best || (n === best && v > value)) [value, best] = [v, n];
  return value;
}
