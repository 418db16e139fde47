/**
 * PDF reader with pdf.js (pdfjs-dist, legacy build for Node). Rebuilds the text from the
 * positions of the text items, page by page:
 *
 * 1. lines: items grouped by baseline, top to bottom, each line's items ordered by x; CJK joined
 *    without spaces, Latin words by the gap between them;
 * 2. table rows: a gap of several character widths inside a line splits it into cells; such a
 *    line, and the lines of its cells wrapped under it, is printed with each cell at its x (a
 *    column half a font size wide), as `pdftotext -layout` prints it: the layout stage reads the
 *    table's rows and columns from there, for a PDF as for its text dump;
 * 3. paragraphs: a line that reaches the page's right text edge continues on the next line when
 *    that line is not indented, has the same font size, follows at the usual line distance and does
 *    not start with a heading or list marker (一、 （一） 1． 第X章 专栏 附件 …): the two are joined
 *    (CJK without a space). Every other line ends with a line break.
 *
 * Pages are separated by a form feed (`\f`) that starts the next page. Running headers, footers
 * and page numbers stay, each on its own line (distinct baselines, font sizes and distances keep
 * them apart): the layout stage removes them and logs it.
 *
 * Bounded: at most `maxPages` pages (a diagnostic past that), one page's objects alive at a time
 * (released with page.cleanup()); no font, cMap or worker file is fetched from the network:
 * cMaps and standard fonts are read from the pdfjs-dist package.
 */
import { isHeadingLabel, startsBlock } from '../../text/blocks.js';
import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import { InputError } from '../../model/stages.js';
import type { ReaderText, ReadOptions } from './read.js';
import { loadPdfjs } from './pdfjs.js';

/** Default page limit: far above any plan, low enough to bound a run on a hostile file. */
export const MAX_PDF_PAGES = 2000;

/** A text item as pdf.js gives it, reduced to what line building needs. */
interface Glyphs {
  text: string;
  x: number;
  /** Baseline, in PDF units (y grows upward). */
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
}

/** A run of a line between wide gaps: a table cell, or the whole line. */
interface Cell {
  x: number;
  end: number;
  text: string;
  /** The text items it was joined from: where each starts, the gap before it, its text (with the space put before it). */
  pieces: { x: number; gap: number; text: string }[];
}

/** One rebuilt line of a page. */
export interface PdfLine {
  /** The line's segments: more than one when gaps wider than a character split it. */
  cells: Cell[];
  /** The text items it was built from, left to right. */
  items: readonly Glyphs[];
  x: number;
  end: number;
  y: number;
  size: number;
}

/**
 * A gap between items of this many font sizes splits a line into cells: more than a Latin word
 * space (about 0.3), less than a table's cell padding and border or a tab (a character or more).
 */
const CELL_GAP = 0.8;
/**
 * In a table's line, a smaller gap after an ideograph parts cells too, before another ideograph or
 * a unit sign: CJK text runs without spaces, so a gap of half a character there is a cell's
 * border and padding (a narrow column set tight: `患者管` beside `严重精神障碍…`, `…管理率` beside
 * its unit `%`). Not before a digit or a Latin letter, which a word processor sets a quarter em
 * apart from CJK (`下降 10%`); prose lines keep CELL_GAP (justified text spreads its items).
 */
const CJK_CELL_GAP = 0.5;
/** A unit sign that starts a unit cell. */
const UNIT_START = /^[%％‰]/;
/** A wrapped line's pieces start within this many font sizes of the row's cells. */
const ALIGN_TOLERANCE = 1;
/** A Latin word gap is at least this share of the font size. */
const WORD_GAP = 0.15;
/**
 * In a table's line, a gap this wide beside CJK is a space, as pdftotext -layout prints it: text
 * set on tab stops may leave a tenth of a character before the next cell (`（%） 35`), and the
 * layout stage parts cells one space apart where values or value labels stand.
 */
const TABLE_CJK_SPACE = 0.1;
/** A line ends at the right text edge when it ends within this many font sizes of it. */
const RIGHT_EDGE_TOLERANCE = 1.5;
/** A line is indented when it starts this many font sizes right of the page's left text edge. */
const INDENT = 0.5;
/**
 * A paragraph's first line is indented at most this many font sizes (two characters, and the
 * margin a running header in a smaller font may leave): a line starting farther in and reaching
 * the right edge is a table cell's, and a line at the margin under it (a department printed
 * beside the cell's middle) does not continue it.
 */
const MAX_FIRST_LINE_INDENT = 6;
/** The next line of a paragraph follows within this many font sizes of baseline distance. */
const MAX_LINE_DISTANCE = 2.2;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Reads a PDF to its text, pages separated by `\f`. Throws InputError for a PDF that cannot be
 * read (damaged, truncated, encrypted), that has more than `maxPages` pages, or no text layer.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReaderText> {
  const pdfjs = await loadPdfjs();
  const packageDir = nodePath.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    cMapUrl: nodePath.join(packageDir, 'cmaps') + nodePath.sep,
    cMapPacked: true,
    standardFontDataUrl: nodePath.join(packageDir, 'standard_fonts') + nodePath.sep,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(error);
  }
  try {
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    if (document.numPages > maxPages) {
      throw new InputError(`PDF has ${document.numPages} pages, more than the limit of ${maxPages}`, 'PLN012');
    }
    const pages: string[] = [];
    const edges: TextEdges = { left: Infinity, right: -Infinity };
    let printable = 0;
    const ahead = new PagesAhead(document);
    for (let n = 1; n <= document.numPages; n++) {
      try {
        const content = await ahead.textContent(n);
        const glyphs: Glyphs[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const [a, b, c, d, x, y] = item.transform as number[];
          const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
          glyphs.push({ text: item.str, x, y, width: item.width, size: size > 0 ? size : 1 });
          printable += item.str.length;
        }
        pages.push(pageText(buildLines(glyphs), edges));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`damaged PDF: page ${n} cannot be read (${firstLine(error)})`, 'PLN009');
      }
    }
    if (printable === 0) throw new InputError('PDF has no text layer (a scan?); OCR it first', 'PLN011');
    const pageStarts: number[] = [];
    let text = '';
    for (const [i, page] of pages.entries()) {
      if (i > 0) text += '\f';
      pageStarts.push(i === 0 ? 0 : text.length - 1);
      text += page;
    }
    return { text, pageStarts };
  } finally {
    await document.destroy();
  }
}

/** Pages whose text is asked for before it is needed (see PagesAhead). */
const PAGES_AHEAD = 4;

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;
type TextContent = Awaited<ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getTextContent']>>;

/**
 * The text content of a document's pages, asked of pdf.js a few pages ahead of the one read: a
 * page's streams are inflated off the main thread, so while one page waits for them pdf.js parses
 * the next. Pages are still taken in order, and each page's resources are released as soon as its
 * text is in.
 */
class PagesAhead {
  private readonly asked = new Map<number, Promise<{ content: TextContent } | { error: unknown }>>();
  private next = 1;

  constructor(private readonly document: PdfDocument) {}

  /** Page `n`'s text content (n from 1, in order); rejects with what pdf.js threw for that page. */
  async textContent(n: number): Promise<TextContent> {
    while (this.next <= Math.min(n + PAGES_AHEAD, this.document.numPages)) this.ask(this.next++);
    const answer = await this.asked.get(n)!;
    this.asked.delete(n);
    if ('error' in answer) throw answer.error;
    return answer.content;
  }

  private ask(n: number): void {
    // Settled either way, so that a page asked for and never read leaves no unhandled rejection.
    const answer = this.document.getPage(n).then(async (page) => {
      try {
        return { content: await page.getTextContent() };
      } finally {
        page.cleanup();
      }
    }).catch((error: unknown) => ({ error }));
    this.asked.set(n, answer);
  }
}

/** The one-line InputError for a PDF pdf.js cannot open. */
function openError(error: unknown): InputError {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') return new InputError('encrypted (password-protected) PDF; remove the password first', 'PLN010');
  if (name === 'InvalidPDFException') return new InputError('damaged or truncated PDF: no valid PDF structure found', 'PLN009');
  return new InputError(`damaged PDF (${firstLine(error)})`, 'PLN009');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * Groups a page's items into lines: items whose baselines are within a third of the larger font
 * size of each other share a line; lines top to bottom, items left to right.
 */
export function buildLines(glyphs: readonly Glyphs[]): PdfLine[] {
  const sorted = [...glyphs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Glyphs[][] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const g of sorted) {
    const current = groups[groups.length - 1];
    if (current && Math.abs(g.y - baseline) <= Math.max(size, g.size) / 3) {
      current.push(g);
      size = Math.max(size, g.size);
    } else {
      groups.push([g]);
      baseline = g.y;
      size = g.size;
    }
  }
  return mergeRaised(groups).map(lineOf);
}

/** A raised or lowered item is at most this share of its line's font size (superscripts: ~0.6). */
const SMALL_SIZE = 0.8;

/**
 * Superscripts and subscripts (a footnote mark, a unit's exponent) have their own baseline: a
 * group of small items whose baseline lies within the font size of the next or previous line,
 * inside its x range, is put into that line, so the mark stays where it is read.
 */
function mergeRaised(groups: Glyphs[][]): Glyphs[][] {
  const out: Glyphs[][] = [];
  const sizeOf = (g: Glyphs[]) => Math.max(...g.map((i) => i.size));
  const within = (small: Glyphs[], line: Glyphs[]): boolean => {
    const size = sizeOf(line);
    if (sizeOf(small) > SMALL_SIZE * size) return false;
    const y = small[0].y;
    const base = line[0].y;
    if (y < base - size / 2 || y > base + size) return false;
    const left = Math.min(...line.map((i) => i.x));
    const right = Math.max(...line.map((i) => i.x + i.width));
    return small.every((i) => i.x >= left - size && i.x <= right + size);
  };
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    const next = groups[i + 1];
    const previous = out[out.length - 1];
    if (next && within(group, next)) next.push(...group);
    else if (previous && within(group, previous)) previous.push(...group);
    else out.push(group);
  }
  return out;
}

function lineOf(items: Glyphs[]): PdfLine {
  items.sort((p, q) => p.x - q.x);
  // The line's font size: the size most of its characters have (a superscript does not count).
  const sizes = new Map<number, number>();
  for (const g of items) sizes.set(round(g.size), (sizes.get(round(g.size)) ?? 0) + g.text.length);
  const size = [...sizes.entries()].sort((p, q) => q[1] - p[1] || q[0] - p[0])[0][0];
  // A line of a table (a wide gap somewhere) parts at smaller gaps beside CJK too (see CJK_CELL_GAP).
  const cells = cellsOf(items, size, (space) => space >= CELL_GAP * size, 1);
  return { cells: cells.length >= 2 ? tableCells(items, size) : cells, items, x: cells[0].x, end: cells[cells.length - 1].end, y: items[0].y, size };
}

/** A line's items as the cells of a table's line: parted at CJK_CELL_GAP beside CJK, spaced at TABLE_CJK_SPACE. */
function tableCells(items: readonly Glyphs[], size: number): Cell[] {
  return cellsOf(items, size, (space, left, right) => space >= (CJK.test(left) && (CJK.test(right) || UNIT_START.test(right)) ? CJK_CELL_GAP : CELL_GAP) * size, TABLE_CJK_SPACE);
}

/**
 * A line's items joined into cells, parted before an item where `breaks(space, left, right, item)`
 * says so (`space`: the gap before it; `left`, `right`: the characters either side); within a
 * cell, a gap beside CJK wider than `cjkSpace` font sizes is a space.
 */
function cellsOf(items: readonly Glyphs[], size: number, breaks: (space: number, left: string, right: string, item: Glyphs) => boolean, cjkSpace: number): Cell[] {
  const cells: Cell[] = [];
  const first = items[0];
  let cell: Cell = { x: first.x, end: first.x + first.width, text: first.text, pieces: [{ x: first.x, gap: 0, text: first.text }] };
  for (const g of items.slice(1)) {
    const space = g.x - cell.end;
    const left = cell.text[cell.text.length - 1] ?? '';
    const right = g.text[0] ?? '';
    if (breaks(space, left, right, g)) {
      cells.push(cell);
      cell = { x: g.x, end: g.x + g.width, text: g.text, pieces: [{ x: g.x, gap: 0, text: g.text }] };
      continue;
    }
    const spaced = /\s/.test(left) || /\s/.test(right);
    const cjk = CJK.test(left) || CJK.test(right);
    // Latin words are told by a gap; CJK is written without spaces unless the gap is wide (a
    // character in prose, whose justified items spread; less in a table's line).
    const piece = (!spaced && space > (cjk ? cjkSpace * size : WORD_GAP * size) ? ' ' : '') + g.text;
    cell.text += piece;
    cell.pieces.push({ x: g.x, gap: space, text: piece });
    cell.end = Math.max(cell.end, g.x + g.width);
  }
  cells.push(cell);
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return cells;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A piece of a page's text: a table row (cells TAB-separated) or a line, with its geometry. */
interface Unit {
  text: string;
  line: PdfLine;
  row: boolean;
}

/**
 * The units of a page. A line split into cells (a table's row, its header) is printed at its
 * cells' places, as pdftotext -layout prints it, and so are the lines of a row's cells wrapped
 * under it: the layout stage reads a table from its columns (a header over several lines, cells
 * wrapped above and below their row's line), the same way for a PDF and for its text dump.
 */
function pageUnits(pageLines: readonly PdfLine[], left: number): Unit[] {
  const units: Unit[] = [];
  let row: PdfLine[] | null = null; // the last row and its wrapped lines so far
  for (const line of withRowPieces(pageLines)) {
    const split = isSplit(line);
    if (split) row = [line];
    else if (row && wrapsCells(row, line)) row.push(line);
    else row = null;
    if (row) units.push({ text: positionedLine(line, left), line, row: true });
    else units.push({ text: line.cells.map((c) => c.text).join(' '), line, row: false });
  }
  return units;
}

const isSplit = (line: PdfLine): boolean => line.cells.length >= 2 && !isHeadingLabel(line.cells[0].text);

/**
 * The lines of a page, a line beside a table's rows that starts at one of their cells parted
 * where its items start at their cells too, however near the item before: a header's labels in narrow columns (`2020年` `2025年`
 * under `指标值`), a narrow column's label set tight before the next cell, both wrapped above their
 * row's line (`心理健` / `配备专职心理健康教育教师的`).
 */
function withRowPieces(lines: readonly PdfLine[]): PdfLine[] {
  const rows = lines.filter(isSplit);
  if (rows.length === 0) return [...lines];
  const starts = rows.flatMap((r) => r.cells.map((c) => c.x));
  return lines.map((line) => {
    // In the rows' type: a caption or title above them is larger.
    if (isSplit(line) || !rows.some((r) => Math.abs(r.y - line.y) <= HEADER_REACH * line.size && Math.abs(r.size - line.size) < 0.5)) return line;
    const tolerance = ALIGN_TOLERANCE * line.size;
    const atColumn = (x: number) => starts.some((start) => Math.abs(start - x) <= tolerance);
    const cells = cellsOf(line.items, line.size, (space, _left, _right, item) => space >= WORD_GAP * line.size && atColumn(item.x), TABLE_CJK_SPACE);
    // A cell never ends inside brackets (a caption's `（2018—2025` and `年）` on the columns of tab stops).
    const closed = cells.every((c) => !OPEN_BRACKET.test(c.text));
    return cells.length >= 2 && closed && atColumn(cells[0].x) ? { ...line, cells } : line;
  });
}

/** Text that leaves a bracket or quote open. */
const OPEN_BRACKET = /[（(《“【〔][^）)》”】〕]*$/;
/** A header's lines, or a row's wrapped pieces, stand within this many font sizes of a row line. */
const HEADER_REACH = 4;

/**
 * A table line as pdftotext -layout prints it: each cell at the column its x gives, a column
 * half the font size wide (a CJK character is two, a digit one), two spaces at least between
 * cells; the layout stage reads its rows and columns from there.
 */
function positionedLine(line: PdfLine, left: number): string {
  let out = '';
  let length = 0;
  for (const cell of line.cells.flatMap((c) => valueParted(c, line.size))) {
    const column = Math.round((2 * (cell.x - left)) / line.size);
    const pad = out === '' ? Math.max(0, column - length) : Math.max(2, column - length);
    const text = cell.text.replace(/\s+/g, ' ').trim();
    out += ' '.repeat(pad) + text;
    length += pad + [...text].length;
  }
  return out;
}

/** A piece that is a value and nothing else (`65`, `≥90`, `28.4%`). */
const BARE_VALUE = /^\s*[≥≤<>＜＞]?\d+(?:\.\d+)?\s*[%％‰]?\s*$/;
/** Words a value in the same cell follows (`下降 10%`, `力争 50%`). */
const CHANGE_VERB = /(?:下降|降低|提高|提升|增加|增长|减少|达到|力争|控制在|保持在|不低于|不高于|不少于|不超过)$/;

/**
 * A cell parted where a value that ends it starts after a gap (`高血压患者规范` right before
 * `65`): a full cell runs up to the next column with less than a cell gap, and a number set
 * apart from the words before it is the next cell's.
 */
function valueParted(cell: Cell, size: number): { x: number; text: string }[] {
  for (let k = 1; k < cell.pieces.length; k++) {
    const piece = cell.pieces[k];
    if (piece.gap <= WORD_GAP * size) continue;
    const words = cell.pieces.slice(0, k).map((p) => p.text).join('').trimEnd();
    const value = cell.pieces.slice(k).map((p) => p.text).join('');
    const before = words.slice(-1);
    if (BARE_VALUE.test(value) && (CJK.test(before) || before === ')') && !CHANGE_VERB.test(words)) {
      return [{ x: cell.x, text: words }, { x: piece.x, text: value }];
    }
  }
  return [{ x: cell.x, text: cell.text }];
}

/** True when `line` is wrapped text of the cells of the row `group` (its last line right above). */
function wrapsCells(group: readonly PdfLine[], line: PdfLine): boolean {
  const row = group[0];
  const above = group[group.length - 1];
  if (Math.abs(line.size - row.size) >= 0.5 || above.y - line.y > WRAP_DISTANCE * row.size) return false;
  const tolerance = ALIGN_TOLERANCE * row.size;
  return line.cells.every((c) => row.cells.some((d) => Math.abs(c.x - d.x) <= tolerance));
}

/** A cell's wrapped lines follow at most this many font sizes apart (a new row has its padding too). */
const WRAP_DISTANCE = 1.45;

/** Share of the font size a Latin letter or digit is wide, about (proportional fonts: 0.5–0.6). */
const LATIN_WIDTH = 0.6;
/** Widest run (in font sizes) that line breaking moves to the next line whole after a number. */
const UNBREAKABLE_RUN = 4;

/**
 * True when a line runs to the right text edge: it ends near it, or the room left is too small
 * for the Latin word or number the next line starts with (a line wraps before `129.34`, not in it),
 * or the line ends in a number a few characters short of it (`…35` / `岁-64岁`: a number and
 * the character after it are not split by line breaking, and a paragraph never ends in a bare digit).
 */
function reachesRightEdge(line: PdfLine, text: string, nextText: string, right: number): boolean {
  const room = right - line.end;
  if (room <= RIGHT_EDGE_TOLERANCE * line.size) return true;
  // `…有效衔` / `接。确保…`: a mark that may not start a line takes the character before it along.
  if (HELD_BY_MARK.test(nextText) && room <= (RIGHT_EDGE_TOLERANCE + 1) * line.size) return true;
  if (/[0-9]$/.test(text) && room <= UNBREAKABLE_RUN * line.size) return true;
  const word = /^[A-Za-z0-9.,%‰\-/:()]+/.exec(nextText)?.[0] ?? '';
  return word !== '' && room <= (word.length * LATIN_WIDTH + 1) * line.size;
}

/** A line that starts with a character and a mark no line may start with (，。、；：！？ and closing brackets). */
const HELD_BY_MARK = /^[^\s][，。、；：！？）》」』”’]/;

/** Baselines farther apart than this many line pitches have an empty line between them. */
const BLANK_LINE_GAP = 1.7;

/** The page's usual distance between baselines: the median over neighbouring lines of one font size. */
function linePitch(units: readonly Unit[]): number {
  const distances: number[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const [a, b] = [units[i].line, units[i + 1].line];
    if (Math.abs(a.size - b.size) < 0.5 && a.y > b.y) distances.push(a.y - b.y);
  }
  if (distances.length === 0) return Infinity;
  distances.sort((a, b) => a - b);
  return distances[Math.floor(distances.length / 2)];
}

/** The text edges of a document's pages so far: the leftmost line start, the farthest line end. */
export interface TextEdges {
  left: number;
  right: number;
}

/**
 * A page's lines as text: table lines at their cells' places, paragraphs re-joined; every line
 * ends with \n. The text edges are the page's and those of the pages before it (`edges`, updated):
 * a page of table cells alone has neither the margin nor the full width of the text.
 */
export function pageText(lines: readonly PdfLine[], edges: TextEdges = { left: Infinity, right: -Infinity }): string {
  if (lines.length === 0) return '';
  edges.left = Math.min(edges.left, ...lines.map((l) => l.x));
  edges.right = Math.max(edges.right, ...lines.map((l) => l.end));
  const { left, right } = edges;
  const units = pageUnits(lines, left);
  const pitch = linePitch(units);
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const { text, line, row } = units[i];
    // A line's indentation, in display columns (a CJK character is two), as pdftotext prints it:
    // the layout stage reads paragraph starts and table cells printed one per line from it.
    if (!row && (out === '' || out.endsWith('\n'))) out += ' '.repeat(Math.max(0, Math.round((2 * (line.x - left)) / line.size)));
    out += text;
    const next = units[i + 1];
    const continues =
      next !== undefined &&
      !row &&
      !next.row &&
      reachesRightEdge(line, text, next.text, right) &&
      line.x <= left + MAX_FIRST_LINE_INDENT * line.size &&
      next.line.x <= left + INDENT * next.line.size &&
      Math.abs(next.line.size - line.size) < 0.5 &&
      line.y - next.line.y <= MAX_LINE_DISTANCE * line.size &&
      !startsBlock(next.text);
    if (!continues) {
      out += '\n';
      // A gap of more than a line (an empty paragraph, a block's spacing) is an empty line, as in the source.
      if (next !== undefined && line.y - next.line.y > BLANK_LINE_GAP * pitch) out += '\n';
    } else if (!CJK.test(text.slice(-1)) && !CJK.test(next.text[0] ?? '') && !/[-‐]$/.test(text)) out += ' ';
  }
  return out;
}
