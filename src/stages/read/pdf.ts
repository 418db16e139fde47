/**
 * PDF reader with pdf.js (pdfjs-dist, legacy build for Node). Rebuilds the text from the
 * positions of the text items, page by page:
 *
 * 1. lines: items grouped by baseline, top to bottom, each line's items ordered by x; CJK joined
 *    without spaces, Latin words by the gap between them;
 * 2. table rows: a gap of several character widths inside a line splits it into cells; when a
 *    neighbouring line is split at an aligned x too, the cells are written TAB-separated (a row),
 *    else the gap is one space;
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
import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import { InputError } from '../../model/stages.js';
import type { ReaderText, ReadOptions } from './read.js';

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

/** One rebuilt line of a page. */
export interface PdfLine {
  /** The line's segments: more than one when gaps of several character widths split it. */
  cells: { x: number; end: number; text: string }[];
  x: number;
  end: number;
  y: number;
  size: number;
}

/** A gap between items of this many font sizes (character widths of CJK text) splits cells. */
const CELL_GAP = 2;
/** Cells of neighbouring lines start within this many font sizes of each other to be aligned. */
const ALIGN_TOLERANCE = 1;
/** A Latin word gap is at least this share of the font size. */
const WORD_GAP = 0.15;
/** A line ends at the right text edge when it ends within this many font sizes of it. */
const RIGHT_EDGE_TOLERANCE = 1.5;
/** A line is indented when it starts this many font sizes right of the page's left text edge. */
const INDENT = 0.5;
/** The next line of a paragraph follows within this many font sizes of baseline distance. */
const MAX_LINE_DISTANCE = 2.2;

// Heading, list and box markers that start a new block even after a full line.
const BLOCK_START =
  /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[．.、](?!\d)|第[一二三四五六七八九十百\d]+[章节条篇部]|专栏|附件|附表|[-—●·■◆□○•])/;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Reads a PDF to its text, pages separated by `\f`. Throws InputError for a PDF that cannot be
 * read (damaged, truncated, encrypted), that has more than `maxPages` pages, or no text layer.
 */
export async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReaderText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
    let printable = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      try {
        const content = await page.getTextContent();
        const glyphs: Glyphs[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const [a, b, c, d, x, y] = item.transform as number[];
          const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
          glyphs.push({ text: item.str, x, y, width: item.width, size: size > 0 ? size : 1 });
          printable += item.str.length;
        }
        pages.push(pageText(buildLines(glyphs)));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`damaged PDF: page ${n} cannot be read (${firstLine(error)})`, 'PLN009');
      } finally {
        page.cleanup();
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
  return groups.map(lineOf);
}

function lineOf(items: Glyphs[]): PdfLine {
  items.sort((p, q) => p.x - q.x);
  // The line's font size: the size most of its characters have (a superscript does not count).
  const sizes = new Map<number, number>();
  for (const g of items) sizes.set(round(g.size), (sizes.get(round(g.size)) ?? 0) + g.text.length);
  const size = [...sizes.entries()].sort((p, q) => q[1] - p[1] || q[0] - p[0])[0][0];
  const cells: PdfLine['cells'] = [];
  let cell = { x: items[0].x, end: items[0].x + items[0].width, text: items[0].text };
  for (const g of items.slice(1)) {
    const gap = g.x - cell.end;
    if (gap >= CELL_GAP * size) {
      cells.push(cell);
      cell = { x: g.x, end: g.x + g.width, text: g.text };
      continue;
    }
    const left = cell.text[cell.text.length - 1];
    const right = g.text[0];
    const spaced = /\s/.test(left) || /\s/.test(right);
    const cjk = CJK.test(left) || CJK.test(right);
    // Latin words are told by a gap; CJK is written without spaces unless the gap is a character wide.
    if (!spaced && gap > (cjk ? size : WORD_GAP * size)) cell.text += ' ';
    cell.text += g.text;
    cell.end = Math.max(cell.end, g.x + g.width);
  }
  cells.push(cell);
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return { cells, x: cells[0].x, end: cells[cells.length - 1].end, y: items[0].y, size };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** True when two lines split into cells share a cell edge (start or end) at the same x. */
function aligned(p: PdfLine, q: PdfLine): boolean {
  if (p.cells.length < 2 || q.cells.length < 2) return false;
  const tolerance = ALIGN_TOLERANCE * Math.max(p.size, q.size);
  // The first cell starts at the text edge in most lines; alignment is told by the others.
  return p.cells.slice(1).some((c) => q.cells.slice(1).some((d) => Math.abs(c.x - d.x) <= tolerance || Math.abs(c.end - d.end) <= tolerance));
}

/** A page's lines as text: table rows TAB-separated, paragraphs re-joined; every line ends with \n. */
export function pageText(lines: readonly PdfLine[]): string {
  if (lines.length === 0) return '';
  const isRow = lines.map((line, i) => (i > 0 && aligned(line, lines[i - 1])) || (i + 1 < lines.length && aligned(line, lines[i + 1])));
  const texts = lines.map((line, i) => line.cells.map((c) => c.text).join(isRow[i] ? '\t' : ' '));
  // The text edges of the page: where most of its lines start, and the farthest any line ends.
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.end));
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    out += texts[i];
    const line = lines[i];
    const next = lines[i + 1];
    const continues =
      next !== undefined &&
      !isRow[i] &&
      !isRow[i + 1] &&
      line.end >= right - RIGHT_EDGE_TOLERANCE * line.size &&
      next.x <= left + INDENT * next.size &&
      Math.abs(next.size - line.size) < 0.5 &&
      line.y - next.y <= MAX_LINE_DISTANCE * line.size &&
      !BLOCK_START.test(texts[i + 1]);
    if (!continues) out += '\n';
    else if (!CJK.test(texts[i].slice(-1)) && !CJK.test(texts[i + 1][0] ?? '') && !/[-‐]$/.test(texts[i])) out += ' ';
  }
  return out;
}
