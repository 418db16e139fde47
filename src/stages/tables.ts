/**
 * tables: every table of a document, as cells. Tables are found in the text (tables/blocks.ts:
 * TAB-separated rows, one cell per line, or linearised `key：value` lines) and read into a header
 * and data rows (tables/structure.ts). A table continued after a page break or a `续表` line, its
 * header repeated or not, is one table; the 注/说明 lines under a table belong to it (they are not
 * headings or sentences of the plan). The caption is the `表N`/`专栏` line or short title line just
 * above the table.
 *
 * The stage runs before segment so that no table line is read as a heading; each table is placed
 * in its section once the heading tree is built (placeTables).
 */
import type { DocumentPart, SectionTree, StageContext, TableNode } from '../model/stages.js';
import { deepestSection } from './responsibilities/locate.js';
import { findBlocks, isBlankLine, linesOf, type Line, type RawBlock } from './tables/blocks.js';
import { headerSignature, NOTE_CELL, shapeTable, type TableShape } from './tables/structure.js';

/** A caption line: `表1`, `附表2`, `续表`, `专栏3`, or a short title without sentence punctuation. */
const NUMBERED_CAPTION = /^(?:附?表|续表|专栏)\s*[\d一二三四五六七八九十]*/;
const TITLE_CAPTION = /^[^，。；！？\t]{2,50}$/;
/** Lines a page break leaves between the two parts of a table: page numbers, `续表`, `（续）`. */
const PAGE_FURNITURE = /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+|(?:续表|续上表|[（(]续[）)]|表\s*\d+\s*[（(]续[）)])[^\t]{0,40})\s*$/;
/** A numbered note line (`1.基线为2020年数据。`) under a `注：` line. */
const NUMBERED_NOTE = /^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])/;

interface Found {
  shape: TableShape;
  start: number;
  end: number;
  /** Index of the first line of the table, and of the first line after it. */
  firstLine: number;
  nextLine: number;
  /** The texts of its 注/说明 rows and lines. */
  notes: string[];
}

/** The texts of a shape's note rows, their cells joined. */
const noteTexts = (shape: TableShape): string[] =>
  shape.notes.map((r) => r.cells.map((c) => c.text.trim()).filter((t) => t !== '').join(' '));

/** Index of the line holding `offset`. */
function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether only blank lines and page furniture stand between lines `from` and `to`. */
function onlyFurnitureBetween(lines: readonly Line[], from: number, to: number): boolean {
  let furniture = 0;
  for (let i = from; i < to; i++) {
    if (isBlankLine(lines[i])) continue;
    if (!PAGE_FURNITURE.test(lines[i].text) || ++furniture > 3) return false;
  }
  return true;
}

/** The caption above line `first`: the nearest non-blank line when it reads as one. */
function captionAbove(lines: readonly Line[], first: number, floor: number): string | null {
  let i = first - 1;
  while (i >= floor && isBlankLine(lines[i])) i--;
  if (i < floor) return null;
  const text = lines[i].text.trim();
  if (NUMBERED_CAPTION.test(text) && text.length <= 60) return text;
  return TITLE_CAPTION.test(text) && !text.includes('\t') ? text : null;
}

/**
 * The end of the notes under a table ending before line `next`, and the line after them. The
 * table's last row may itself be the `注：` row (`endsWithNote`).
 */
function notesBelow(lines: readonly Line[], next: number, endsWithNote: boolean): { end: number; next: number; texts: string[] } | null {
  let i = next;
  if (endsWithNote) i--;
  else {
    if (i < lines.length && isBlankLine(lines[i])) i++;
    if (i >= lines.length || !NOTE_CELL.test(lines[i].text)) return null;
  }
  let last = i;
  // `注：` over numbered notes: the numbered lines are notes too, up to a blank line.
  while (last + 1 < lines.length && NUMBERED_NOTE.test(lines[last + 1].text)) last++;
  const texts = lines.slice(endsWithNote ? i + 1 : i, last + 1).map((l) => l.text.trim());
  return { end: lines[last].start + lines[last].text.length, next: last + 1, texts };
}

/**
 * A block too small to be a table on its own (one row) read as the last rows of the table above,
 * when they have its width; whether only page furniture stands between is checked by the caller.
 */
function lastRowsOf(block: RawBlock, previous: Found | undefined): TableShape | null {
  if (!previous || block.layout === 'key-value' || previous.shape.header.length === 0) return null;
  if (!block.rows.every((r) => r.cells.length === previous.shape.header.length)) return null;
  return { header: [], headerRows: [], rows: block.rows.map((r) => ({ cells: r.cells, range: [r.start, r.end] })), notes: [] };
}

/** Finds the tables of a text; offsets index `text`. Sections are not set. */
export function findTables(text: string): TableNode[] {
  const lines = linesOf(text);
  const found: Found[] = [];
  for (const block of findBlocks(lines)) {
    const previous = found[found.length - 1];
    const own = shapeTable(block);
    const shape = own ?? lastRowsOf(block, previous);
    if (!shape) continue;
    const start = block.rows[0].start;
    let end = block.rows[block.rows.length - 1].end;
    let nextLine = lineIndexAt(lines, end) + 1;
    const lastRaw = block.rows[block.rows.length - 1];
    const notes = notesBelow(lines, nextLine, shape.notes.some((n) => n.range[0] === lastRaw.start));
    if (notes) [end, nextLine] = [notes.end, notes.next];
    const table: Found = { shape, start, end, firstLine: lineIndexAt(lines, start), nextLine, notes: [...noteTexts(shape), ...(notes?.texts ?? [])] };
    // Continued over a page: the same header again, or rows of the same width without one.
    const sameHeader = previous && headerSignature(shape) !== null && headerSignature(shape) === headerSignature(previous.shape);
    const headless = previous && shape.headerRows.length === 0 && previous.shape.header.length > 0 &&
      shape.rows.every((r) => r.cells.length === previous.shape.header.length);
    if (previous && (sameHeader || headless) && onlyFurnitureBetween(lines, previous.nextLine, table.firstLine)) {
      previous.shape.rows.push(...shape.rows);
      previous.shape.notes.push(...shape.notes);
      previous.notes.push(...table.notes);
      previous.end = end;
      previous.nextLine = nextLine;
      continue;
    }
    if (own) found.push(table);
  }
  return found.map((t, k) => {
    // Without the blanks a row line may end with, as a section's range is without them.
    let end = t.end;
    while (end > t.start && /\s/.test(text[end - 1])) end--;
    return {
      caption: captionAbove(lines, t.firstLine, k > 0 ? found[k - 1].nextLine : 0),
      header: t.shape.header,
      headerRows: t.shape.headerRows,
      rows: t.shape.rows,
      notes: t.notes,
      range: [t.start, end],
      section: null,
    };
  });
}

/** tables stage: the tables of one document, in reading order. */
export function tables(doc: DocumentPart, _ctx: StageContext): TableNode[] {
  return findTables(doc.text.text);
}

/**
 * Places each table in the deepest section that holds it. In place: targets and responsibilities
 * read from a table keep pointing at the same node.
 */
export function placeTables(found: readonly TableNode[], tree: SectionTree): void {
  for (const t of found) t.section = deepestSection(tree.sections, t.range[0], t.range[1]);
}
