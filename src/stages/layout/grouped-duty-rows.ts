/**
 * Duty tables of three or more columns printed from ruled cells, each row's lines set apart from
 * the next row's by blank lines (a Word or browser table through `pdftotext -layout` or the PDF
 * reader): a header of duty labels set apart (`重点任务    牵头单位    配合单位`), then for each row
 * the lines of its cells, each cell in its column, a tall cell's lines above and below the others
 * (centred) or under them (at the top). The columns are where the rows' cells start, counted in
 * characters as these prints place them. Each row's cells, gathered column by column in reading
 * order, become one TAB line, each code unit keeping where it came from; what lay between them
 * (padding, line breaks, the blank lines between rows) is logged with the row's edit.
 */
import { isDepartmentCell, isUnfinishedDepartmentCell, startsWithDepartment } from '../../text/department-cell.js';
import { DUTY_LABEL, LEAD_LABEL, SUPPORT_LABEL, TIME_LABEL } from '../../text/duty-labels.js';
import type { KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { ALIGN_TOLERANCE, alignedStarts, cellsOf } from './columns.js';
import { characterCount, partAtSpaces, type PlacedRun, type PrintedLine } from './lines.js';
import { MovedText } from './moved-text.js';

/** A table has at least this many columns (two are aligned-duty-rows.ts's) and rows. */
const MIN_COLUMNS = 3;
const MIN_ROWS = 2;
/** Longest header line looked at. */
const MAX_HEADER_LENGTH = 160;
/** Lines a table's rows may take; blank lines between two of its lines. */
const MAX_BODY_LINES = 400;
const MAX_BLANKS = 3;

/** A cell's text on one line: `[start, end)` and the character column it starts at. */
type Piece = PlacedRun;

/** A row: the indices of its lines, and its pieces column by column in reading order. */
interface Row {
  lines: number[];
  cells: Piece[][];
}

/** Returns the edits that make each row of a duty table of three or more columns one TAB line. Kind: `table-cells`. */
export function groupedDutyRowEdits(text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const out: KindedEdit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerPieces(text, lines[i]);
    if (!header) continue;
    const rows = readRows(text, lines, i, header);
    if (rows.length < MIN_ROWS) continue;
    out.push(headerEdit(text, lines, i, header, rows[0]), ...rows.map((row, r) => rowEdit(text, lines, row, rows[r + 1])));
    i = rows[rows.length - 1].lines.at(-1)!;
  }
  return out;
}

/** A line's cells (runs two spaces or more apart) with their character columns. */
const piecesOf = (text: string, line: PrintedLine): Piece[] =>
  cellsOf(text, line).map((c) => ({ start: c.start, end: c.end, column: characterCount(text, line.start, c.start) }));

/**
 * The header's cells — duty labels, three or more, one of them a column of leading or supporting
 * departments and one of duties — or null.
 */
function headerPieces(text: string, line: PrintedLine): Piece[] | null {
  if (line.content.length > MAX_HEADER_LENGTH || line.content.includes('\t') || !DUTY_LABEL.test(line.content)) return null;
  const pieces = piecesOf(text, line);
  if (pieces.length < MIN_COLUMNS) return null;
  const labels = pieces.map((p) => text.slice(p.start, p.end).replace(/\s+/g, ''));
  const known = labels.every((l) => /^(?:序号|编号)$/.test(l) || LEAD_LABEL.test(l) || SUPPORT_LABEL.test(l) || DUTY_LABEL.test(l) || TIME_LABEL.test(l));
  return known && labels.some((l) => LEAD_LABEL.test(l)) && labels.some((l) => DUTY_LABEL.test(l) && !LEAD_LABEL.test(l)) ? pieces : null;
}

/** A blank line between a line and a row's line weighs this many lines in telling which row it is. */
const BLANK_WEIGHT = 10;

/**
 * The rows under the header at line `at`, on its page: the lines up to a run of blank lines, a
 * heading or a line that does not fit the columns their pieces start at (as many as the header
 * has cells). A row starts where its department cell does (a part continuing an unfinished name
 * is the same cell); a line without one belongs to the row above when cells print at the top of
 * their rows, else (centred) to the row whose first line is nearest (a blank line weighs BLANK_WEIGHT). The
 * table ends before a row whose department cell names no department.
 */
function readRows(text: string, lines: readonly PrintedLine[], at: number, header: readonly Piece[]): Row[] {
  const body: number[] = [];
  let blanks = 0;
  for (let k = at + 1; k < lines.length && lines[k].page === lines[at].page; k++) {
    if (lines[k].content.length === 0) {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    if (startsBlock(lines[k].content) || lines[k].content.includes('\t') || body.length >= MAX_BODY_LINES) break;
    blanks = 0;
    body.push(k);
  }
  const pieces = new Map(body.map((k) => [k, piecesOf(text, lines[k])]));
  const starts = alignedStarts([...pieces.values()].flat().map((p) => p.column), 2);
  if (starts.length !== header.length) return [];
  const lead = header.findIndex((p) => LEAD_LABEL.test(text.slice(p.start, p.end).replace(/\s+/g, '')));
  // Each line's pieces by column; the body ends at a line with a piece in no column or running
  // past its column's end (prose under the table).
  const fits = (piece: Piece, column: number) =>
    column >= 0 && (column + 1 === starts.length || piece.column + characterCount(text, piece.start, piece.end) <= starts[column + 1] + ALIGN_TOLERANCE);
  const columnsOf: Piece[][][] = [];
  for (const k of body) {
    const cells = starts.map(() => [] as Piece[]);
    const parted = partAtStarts(text, pieces.get(k)!, starts);
    let previous = -1;
    const placed = parted.every((piece) => {
      let column = starts.findIndex((s) => Math.abs(s - piece.column) <= ALIGN_TOLERANCE);
      // A cell pushed left of its column by a full one before it (see partAtStarts) is in the next column.
      if (column < 0 && previous >= 0) column = starts.findIndex((s, c) => c > previous && s > piece.column);
      if (!fits(piece, column)) return false;
      cells[column].push(piece);
      previous = column;
      return true;
    });
    if (!placed) break;
    columnsOf.push(cells);
  }
  // Rows start where a department cell does; a part continuing an unfinished one is that cell's.
  const owner: number[] = columnsOf.map(() => -1);
  const anchors: number[] = [];
  let written = '';
  columnsOf.forEach((cells, k) => {
    const part = cells[lead].map((p) => text.slice(p.start, p.end)).join('');
    if (part === '') return;
    // A part that names no department of its own (`办公室` under `市委办公室、市政府`) continues the cell too.
    if (written !== '' && (isUnfinishedDepartmentCell(written) || !startsWithDepartment(part))) written += part;
    else {
      anchors.push(k);
      written = part;
    }
    owner[k] = anchors.length - 1;
  });
  if (anchors.length < MIN_ROWS) return [];
  // Cells print at the top of their rows when every line after a row's first continues a cell begun there.
  const centred = anchors[0] > 0 || columnsOf.some((cells, k) => {
    const anchor = anchors.filter((a) => a <= k).at(-1)!;
    return owner[k] < 0 && cells.some((c, column) => c.length > 0 && columnsOf[anchor][column].length === 0);
  });
  const distance = (from: number, to: number) => {
    let d = 0;
    for (let x = Math.min(body[from], body[to]) + 1; x <= Math.max(body[from], body[to]); x++) d += lines[x].content.length === 0 ? BLANK_WEIGHT : 1;
    return d;
  };
  columnsOf.forEach((_, k) => {
    if (owner[k] >= 0) return;
    const below = anchors.findIndex((a) => a > k);
    const above = below < 0 ? anchors.length - 1 : below - 1;
    if (above < 0) owner[k] = 0;
    else if (!centred || below < 0) owner[k] = above;
    else owner[k] = distance(anchors[above], k) <= distance(k, anchors[below]) ? above : below;
  });
  const rows: Row[] = anchors.map(() => ({ lines: [], cells: starts.map(() => []) }));
  columnsOf.forEach((cells, k) => {
    const row = rows[owner[k]];
    row.lines.push(body[k]);
    cells.forEach((c, column) => row.cells[column].push(...c));
  });
  // The table ends before a row naming no department, and before one whose lines start above the last of the row before (interleaved).
  const named = rows.findIndex((row, r) => !isDepartmentCell(row.cells[lead].map((p) => text.slice(p.start, p.end)).join('')) || (r > 0 && row.lines[0] < rows[r - 1].lines.at(-1)!));
  return named < 0 ? rows : rows.slice(0, named);
}

/**
 * Pieces parted where one space stands at a column start (`…开设健康教育专栏 市委宣传部`): a cell
 * that fills its column leaves one space before the next. A full cell of wide characters also
 * pushes the next one left of its column (pdftotext gives each character one column): one space
 * before a department's name parts there too (`…将艾滋病防治知识 县卫健局（牵头）、县教育局`).
 */
function partAtStarts(text: string, pieces: readonly Piece[], starts: readonly number[]): Piece[] {
  return partAtSpaces(text, pieces, (p, at, column) => {
    const later = starts.filter((s) => s > column + ALIGN_TOLERANCE);
    if (text[p - 1] === ' ' || text[p + 1] === ' ' || later.length === 0) return false;
    return later.some((s) => Math.abs(s - at) <= ALIGN_TOLERANCE) || startsWithDepartment(text.slice(p + 1, p + 1 + MAX_NAME_LOOK));
  });
}

/** How far after a space a department's name is looked for (a name is at most 30 characters). */
const MAX_NAME_LOOK = 40;

/** The header's edit: its padding becomes tabs, the lines up to the first row go. */
function headerEdit(text: string, lines: readonly PrintedLine[], at: number, header: readonly Piece[], first: Row): KindedEdit {
  const start = lines[at].start;
  const end = lines[first.lines[0]].start;
  const out = new MovedText();
  header.forEach((p, k) => (k > 0 ? out.put('\t', p.start - 1) : out).take(text, p.start, p.end));
  out.put('\n', end - 1);
  return { start, end, replacement: out.text, from: out.from, kind: 'table-cells' };
}

/** A row's edit: from its first line to the next row's, one line of its cells TAB-separated. */
function rowEdit(text: string, lines: readonly PrintedLine[], row: Row, next: Row | undefined): KindedEdit {
  const start = lines[row.lines[0]].start;
  const end = next ? lines[next.lines[0]].start : lines[row.lines[row.lines.length - 1]].contentEnd;
  const out = new MovedText();
  row.cells.forEach((pieces, k) => {
    if (k > 0) out.put('\t', pieces[0]?.start ?? start);
    for (const p of pieces) out.take(text, p.start, p.end);
  });
  if (next) out.put('\n', end - 1);
  return { start, end, replacement: out.text, from: out.from, kind: 'table-cells' };
}
