/**
 * Indicator tables printed from ruled cells (`pdftotext -layout` of a Word or browser table, and
 * the PDF reader's lines): a header printed over several lines, each header cell wrapped in its
 * own column (`2020 年（基` over `期）`, `2030` over `年`, a spanning `目标值` above), then one
 * printed line per row that carries the row's single-line cells, with the lines of its taller
 * cells printed above and below it — vertically centred (`1/10` above and `万` below a unit,
 * `持续下`/`降`, an indicator's `（%）`), and the label of a group cell (`健康水平`) on a line
 * of its own beside the rows it spans.
 *
 * Each such table becomes what every other table reader takes: one header line and one line per
 * row, cells TAB-separated in the table's columns, an empty cell where the row has none. The
 * columns come from the rows' value cells, which print aligned; a header or wrapped-cell piece
 * joins the column it stands in, a wrapped piece the row whose line is nearest (a blank line —
 * the padding between printed rows — is a boundary). Each header and each row is one logged
 * edit, so everything rebuilt stays traceable to its lines.
 */
import { isIdeograph, type KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { ALIGN_TOLERANCE, alignedStarts, cellsOf, isSetOnTabStops, type Cell } from './columns.js';
import { characterCount, partAtSpaces, type PrintedLine, type WidthProfile } from './lines.js';
import { MovedText } from './moved-text.js';
import { INDICATOR_LABEL, NATURE_CELL, valueCellLength, valueRun } from './values.js';

/** Other header cells' labels (a wrapped one shows its first part: `指标性`, `2020 年（基`). */
const HEADER_LABEL = /^(?:序号|编号|领域|类别|分类|单位|计量单位|基线|基期|现状|目标|预期|属性|指标性|指标属|性质|(?:19|20)\d\d)/;
/** A year heading a column, never a row's value. */
const YEAR_HEADING = /^(?:19|20)\d\d ?年?$/;
/** A unit cell set one space after the indicator (`…接种率 %`). */
const UNIT_CELL = /^(?:%|％|‰|岁|人|个|张|天|元|万元|亿元|万人|1\/10 ?万|\/10 ?万)$/;
const MAX_UNIT_LENGTH = 6;
/** A space between a label and the year label after it. */
const YEAR_LABEL_AFTER = /(?<=[^\d ]) (?=(?:19|20)\d\d ?年)/g;
/** A cell that says there is no value (a dash), standing where a value would. */
const NO_VALUE = /^(?:—+|－+|-+|\/|／|…+)$/;
/** A row without value cells has at least this many cells, the last its nature. */
const MIN_WORD_ROW_CELLS = 4;
/** A caption or note line: not part of a header or row. */
const CAPTION = /^(?:附?表 ?\d|注[：:]|说明[：:]|资料来源|数据来源)/;
/** A row line has at least this many value cells; a table at least this many rows. */
const MIN_ROW_VALUES = 2;
const MIN_ROWS = 2;
/** A wrapped header label's piece is at most this long (a caption is longer). */
const HEADER_PIECE_LENGTH = 4;
/** Header lines looked for above and below the indicator label's line. */
const MAX_HEADER_LINES = 4;
/** Lines of wrapped pieces a row may have between it and the next (taller cells, a group label). */
const MAX_PIECE_LINES = 4;
/** Blank lines a table may have between its rows (a Word table's print leaves up to four under its header). */
const MAX_BLANKS = 5;
/** A table's columns are its rows' when this share of rows have every cell at a column start. */
const ALIGNED_MIN_SHARE = 0.8;
/** A prose line spans at least this share of the page's width. */
const PROSE_MIN_SHARE = 0.6;
/** A blank line between a piece and a row weighs this many lines in telling which row it is. */
const BLANK_WEIGHT = 10;

/** A line of the table, read into cells with their display columns. */
interface TableLine {
  index: number;
  cells: TableCell[];
}

/** A cell; `tight` when it was printed one space after the cell before, so its column drifted. */
interface TableCell extends Cell {
  tight?: boolean;
}

/** A table part's edits and the columns it was read in. */
interface TableEdits {
  edits: KindedEdit[];
  columns: number[];
}

/** A table's part on one page: its header (on the first page) and rows, read in the columns of the part above. */
interface TablePart {
  header: TableLine[] | null;
  /** The line its rows are read from. */
  from: number;
  rows: Row[];
  above: number[] | null;
}

/** A row of the table: its row line and the lines of wrapped pieces above and below it. */
interface Row {
  line: TableLine;
  above: TableLine[];
  below: TableLine[];
}

/**
 * The cells of a line with value cells parted where one space separates them (`≤13.0 预期性`,
 * `以县为单位…接种率 >90`): pdftotext sets a value one space after the cell before it when the
 * column is tight. A cell's column here is its character's place on the printed line — pdftotext
 * gives every character one column, wide or not, so that is what aligns.
 */
function partedCells(text: string, line: PrintedLine): TableCell[] {
  const out: TableCell[] = [];
  const place = (at: number) => characterCount(text, line.start, at);
  for (const cell of cellsOf(text, line)) {
    const run = valueRun(text, cell.start, cell.end);
    let starts = run && run.length > 1 ? run.slice(1) : [];
    if (!run) {
      // From space to space (indexOf, not a one-character string per position).
      for (let p = text.indexOf(' ', cell.start + 1); p !== -1 && p < cell.end && starts.length === 0; p = text.indexOf(' ', p + 1)) {
        const tail = valueRun(text, p + 1, cell.end);
        if (tail) starts = tail;
        else if (cell.end - p - 1 <= MAX_UNIT_LENGTH && UNIT_CELL.test(text.slice(p + 1, cell.end))) starts = [p + 1];
      }
    }
    let start = cell.start;
    for (const next of starts) {
      out.push({ start, end: text[next - 1] === ' ' ? next - 1 : next, column: place(start), tight: start !== cell.start });
      start = next;
    }
    out.push({ start, end: cell.end, column: place(start), tight: start !== cell.start });
  }
  return out;
}

/** Where a cell ends on the printed line (see partedCells). */
const cellEnd = (text: string, cell: Cell): number => cell.column + characterCount(text, cell.start, cell.end);

const cellText = (text: string, cell: Cell): string => text.slice(cell.start, cell.end).trim();

/** True when the cell is a row's value: a number (with its sign, verb or unit), not a year heading. */
function isValue(text: string, cell: Cell): boolean {
  const value = cellText(text, cell);
  if (NO_VALUE.test(value)) return true;
  return /\d/.test(value) && !YEAR_HEADING.test(value) && valueCellLength(value, 0, value.length) >= value.length;
}

const valueCount = (text: string, cells: readonly Cell[]): number => cells.filter((c, k) => k > 0 && isValue(text, c)).length;

/**
 * Finds the ruled indicator tables and returns the edits that rebuild them as TAB-separated
 * lines. Kind: `table-cells`.
 */
export function ruledTableEdits(text: string, lines: readonly PrintedLine[], profile: WidthProfile | null): KindedEdit[] {
  const edits: KindedEdit[] = [];
  // Most page-made texts have no such table: the cells are read only when a line could head one.
  if (!lines.some((line) => line.content.includes('指标') && /\S {2,}\S/.test(line.content))) return edits;
  const cells: TableCell[][] = lines.map((line) => partedCells(text, line));
  // A row's line: value cells, or — a row whose values are words (`在2020年基础上提高30%`, wrapped) —
  // many cells ending in the indicator's nature.
  const isRowLine = (k: number) =>
    cells[k].length >= MIN_ROW_VALUES + 1 &&
    (valueCount(text, cells[k]) >= MIN_ROW_VALUES || (cells[k].length >= MIN_WORD_ROW_CELLS && NATURE_CELL.test(cellText(text, cells[k][cells[k].length - 1]))));
  const isPieceLine = (k: number) =>
    lines[k].content.length > 0 &&
    cells[k].length > 0 &&
    !isRowLine(k) &&
    !CAPTION.test(lines[k].content) &&
    !startsBlock(lines[k].content) &&
    !(profile !== null && cells[k].length === 1 && isProse(lines[k], profile));
  for (let i = 0; i < lines.length; i++) {
    if (!isHeaderLine(text, cells[i])) continue;
    // The header: the piece lines around the indicator label's, up to a blank line.
    const isHeaderPiece = (k: number) => isPieceLine(k) && lines[k].page === lines[i].page && cells[k].every((c) => isHeaderCell(text, c));
    let first = i;
    while (first > 0 && i - first < MAX_HEADER_LINES && isHeaderPiece(first - 1)) first--;
    let last = i;
    while (last + 1 < lines.length && last - i < MAX_HEADER_LINES && isHeaderPiece(last + 1)) last++;
    const rows = readRows(text, lines, cells, last + 1, isRowLine, isPieceLine, lines[i].page);
    if (rows.length < MIN_ROWS) continue;
    const header: TableLine[] = [];
    for (let k = first; k <= last; k++) header.push({ index: k, cells: headerCells(text, cells[k]) });
    let part: TablePart = { header, from: last + 1, rows, above: null };
    const read = tableEdits(text, lines, header, rows, null);
    if (!read) continue;
    let table: TableEdits = read;
    let end = lastLine(rows);
    // A table run onto the next page without its header repeated: rows right at the page's top,
    // read in the columns of the part above (pdftotext sets each page's columns anew).
    for (;;) {
      let next = end + 1;
      while (next < lines.length && lines[next].content.length === 0) next++;
      if (next >= lines.length || lines[next].page !== lines[end].page + 1 || !(isRowLine(next) || isPieceLine(next))) break;
      const more = readRows(text, lines, cells, next, isRowLine, isPieceLine, lines[next].page);
      let continued: TableEdits | null = more.length > 0 ? tableEdits(text, lines, null, more, table.columns) : null;
      if (!continued) break;
      end = lastLine(more);
      if (isCutRest(more[0].line.cells, continued.columns)) {
        // The rest of the row the break cut joins that row's cells, column by column.
        // The part above is read again from its lines (reading parts cells at its columns).
        const rest = more.shift() as Row;
        const [restColumns, aboveColumns] = [continued.columns, table.columns];
        const again = readRows(text, lines, cells, part.from, isRowLine, isPieceLine, lines[part.from].page);
        for (const piece of [rest.line, ...rest.below]) {
          again[again.length - 1].below.push({ index: piece.index, cells: piece.cells.map((c) => ({ ...c, column: aboveColumns[nearestColumn(restColumns, c.column)] })) });
        }
        table = tableEdits(text, lines, part.header, again, part.above) ?? table;
        continued = more.length > 0 ? tableEdits(text, lines, null, more, table.columns) : null;
      }
      edits.push(...table.edits);
      if (!continued) {
        table = { edits: [], columns: table.columns };
        break;
      }
      [part, table] = [{ header: null, from: more[0].above[0]?.index ?? more[0].line.index, rows: more, above: table.columns }, continued];
    }
    edits.push(...table.edits);
    i = end;
  }
  return edits;
}

/** True for a line whose cells all stand clear of a table's first two columns. */
const isCutRest = (cells: readonly Cell[], columns: readonly number[]): boolean =>
  cells.length > 0 && columns.length > 2 && cells[0].column > columns[1] + ALIGN_TOLERANCE;

/** The last line of the rows read: the last row's line or its last piece below. */
const lastLine = (rows: readonly Row[]): number => {
  const row = rows[rows.length - 1];
  return (row.below.at(-1) ?? row.line).index;
};

/**
 * The columns of a table's part on a later page: its own column starts matched in order to the
 * part above's, a column it has no cell in placed by the shift of the others.
 */
function continuedColumns(own: readonly number[], above: readonly number[]): number[] {
  if (own.length === 0) return [...above];
  const at = matchInOrder(own, above);
  const shifts = own.map((x, k) => x - above[at[k]]).sort((a, b) => a - b);
  const shift = shifts[Math.floor(shifts.length / 2)];
  const columns = above.map((x, c) => {
    const k = at.indexOf(c);
    return k >= 0 ? own[k] : x + shift;
  });
  // Never out of order: a column placed by the shift past its neighbour keeps the part above's place, shifted.
  return columns.every((x, c) => c === 0 || x > columns[c - 1]) ? columns : above.map((x) => x + shift);
}

/** A prose line: one run of text across most of the page, to its right edge. */
const isProse = (line: PrintedLine, profile: WidthProfile): boolean =>
  line.width >= profile.width - profile.tolerance && line.width - line.indent >= profile.width * PROSE_MIN_SHARE;

/** A header cell or a piece of one: a label, or a few characters of a wrapped label (`期）`, `质`). */
function isHeaderCell(text: string, cell: Cell): boolean {
  // A value (`26.4`, the first line of a centred cell under a repeated header) is a row's, never a label.
  if (isValue(text, cell)) return false;
  const label = cellText(text, cell).replace(/\s+/g, '');
  return HEADER_LABEL.test(label) || INDICATOR_LABEL.test(label) || label.length <= HEADER_PIECE_LENGTH;
}

/**
 * A header line's cells, a label parted where a year label follows it one space apart
 * (`基线（2020 年） 2025 年目标`): a tight header leaves one space between its cells.
 */
function headerCells(text: string, cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const cell of cells) {
    let start = cell.start;
    for (const match of text.slice(cell.start, cell.end).matchAll(YEAR_LABEL_AFTER)) {
      const at = cell.start + match.index + 1;
      out.push({ start, end: at - 1, column: cell.column + characterCount(text, cell.start, start) });
      start = at;
    }
    out.push({ start, end: cell.end, column: cell.column + characterCount(text, cell.start, start) });
  }
  return out;
}

/** True for a line whose cells hold the indicator column's label and another header label. */
function isHeaderLine(text: string, cells: readonly Cell[]): boolean {
  if (cells.length < 2) return false;
  const labels = cells.map((c) => cellText(text, c).replace(/\s+/g, ''));
  return labels.some((l) => INDICATOR_LABEL.test(l)) && labels.filter((l) => HEADER_LABEL.test(l)).length >= 1;
}

/**
 * Reads the rows that follow a header from line `from`: row lines, and the piece lines between
 * them given to their rows (see assignPieces). Stops at prose, a heading, a caption or note,
 * another page, a header, a run of blank lines or of pieces too long to be wrapped cells.
 */
function readRows(
  text: string,
  lines: readonly PrintedLine[],
  cells: readonly Cell[][],
  from: number,
  isRowLine: (k: number) => boolean,
  isPieceLine: (k: number) => boolean,
  page: number,
): Row[] {
  const rows: Row[] = [];
  // gaps[r]: the piece lines above row r; gaps[rows.length]: those after the last row.
  const gaps: number[][] = [[]];
  let blanks = 0;
  for (let k = from; k < lines.length && lines[k].page === page; k++) {
    if (lines[k].content.length === 0) {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    blanks = 0;
    if (isRowLine(k)) {
      rows.push({ line: { index: k, cells: cells[k] }, above: [], below: [] });
      gaps.push([]);
      continue;
    }
    const gap = gaps[gaps.length - 1];
    if (!isPieceLine(k) || gap.length >= MAX_PIECE_LINES || isHeaderLine(text, cells[k])) break;
    gap.push(k);
  }
  if (rows.length === 0) return rows;
  assignPieces(text, lines, cells, rows, gaps, isCentred(cells, rows, gaps) ? 'centred' : 'top');
  return rows;
}

/**
 * Gives each gap's piece lines to a row. Centred cells: the nearer row (see isNearerAbove), and
 * after the last row only as many as it has above (the lower halves of its cells). Top-aligned
 * cells: the row above.
 */
function assignPieces(text: string, lines: readonly PrintedLine[], cells: readonly Cell[][], rows: Row[], gaps: readonly number[][], mode: 'centred' | 'top'): void {
  for (const row of rows) [row.above, row.below] = [[], []];
  const piece = (p: number): TableLine => ({ index: p, cells: cells[p] });
  for (let r = 0; r < rows.length; r++) {
    const previous = r > 0 ? rows[r - 1] : undefined;
    for (const p of gaps[r]) {
      const toPrevious = previous !== undefined && (mode === 'top' || isNearerAbove(text, lines, cells, rows, previous, rows[r], p));
      (toPrevious ? previous.below : rows[r].above).push(piece(p));
    }
  }
  const last = rows[rows.length - 1];
  const trailing = mode === 'top' ? gaps[rows.length] : gaps[rows.length].slice(0, last.above.length);
  for (const p of trailing) if (distance(lines, last, p) < BLANK_WEIGHT) last.below.push(piece(p));
}

/**
 * True when the rows' cells are centred vertically. A cell printed from the top of its row
 * continues below the row's line, under the text it continues; a centred cell's lines stand
 * above the row's line too, and where the line has no text of its own (a two-line unit, a
 * group label): some piece lies above the first row, or in a column where the row above has no cell.
 */
function isCentred(cells: readonly Cell[][], rows: readonly Row[], gaps: readonly number[][]): boolean {
  if (gaps[0].length > 0) return true;
  return rows.some((row, r) =>
    gaps[r + 1].some((p) => cells[p].some((c) => !row.line.cells.some((d) => Math.abs(c.column - d.column) <= ALIGN_TOLERANCE))),
  );
}

/** How far piece line `p` is from a row's line: lines between, a blank line weighing more. */
function distance(lines: readonly PrintedLine[], row: Row, p: number): number {
  const [a, b] = p < row.line.index ? [p, row.line.index] : [row.line.index, p];
  let d = 0;
  for (let k = a + 1; k <= b; k++) d += lines[k].content.length === 0 ? BLANK_WEIGHT : 1;
  return d;
}

/**
 * True when piece `p`, between rows `above` and `below`, belongs to the row above: it is nearer,
 * or as near and the lower half of a centred cell whose upper half prints above that row's line;
 * never when it continues words of the row below under a value of the row above, or fills a hole
 * the row below's line has in its column.
 */
function isNearerAbove(text: string, lines: readonly PrintedLine[], cells: readonly Cell[][], rows: readonly Row[], above: Row, below: Row, p: number): boolean {
  const sameColumn = (a: Cell, b: Cell) => Math.abs(a.column - b.column) <= ALIGN_TOLERANCE;
  // A value prints on one line: words in its column under it continue the words of the row below
  // (`≤15.9` above, `低0.5个百` on the next row's line: `力争每年降` is that cell's first line).
  const cellIn = (row: Row) => row.line.cells.find((c) => cells[p].some((d) => sameColumn(c, d)));
  const [upper, lower] = [cellIn(above), cellIn(below)];
  if (!cells[p].some((c) => isValue(text, c)) && upper && lower && isValue(text, upper) && !isValue(text, lower)) return false;
  // A centred cell taller than its row prints above and below the row's line and leaves a hole in
  // it: the piece fills the hole of the row below, unless it is the lower half of a cell above
  // (that cell then has an upper half too). Only in a column the rows fill: a group label's column
  // is empty on most row lines.
  const halfAbove = above.above.some((piece) => piece.cells.some((c) => cells[p].some((d) => sameColumn(c, d))));
  const filled = rows.filter((row) => cellIn(row)).length * 2 >= rows.length;
  if (upper && !lower && !halfAbove && filled) return false;
  const up = distance(lines, above, p);
  const down = distance(lines, below, p);
  return up !== down ? up < down : halfAbove;
}

/**
 * Column starts: where the rows' cells start, in groups no wider than the alignment tolerance;
 * then where pieces start apart from those (a column whose cells all wrap, a group column whose
 * labels print on lines of their own).
 */
function columnStarts(rows: readonly Row[], pieces: readonly Cell[]): number[] {
  const columns = alignedStarts(rows.flatMap((row) => row.line.cells.filter((c) => !c.tight).map((c) => c.column)), 2);
  const apart = pieces.map((c) => c.column).filter((x) => columns.every((start) => Math.abs(start - x) > ALIGN_TOLERANCE));
  const all = [...columns, ...alignedStarts(apart, 2)].sort((a, b) => a - b);
  // A group column (领域) with one label, on a line of its own, left of the rows.
  const leftmost = Math.min(...apart);
  if (all.length > 0 && leftmost < all[0] - ALIGN_TOLERANCE) all.unshift(leftmost);
  return all;
}

/**
 * Parts a table line's cells where one space stands between two ideographs at a column start
 * (`患者管 严重精神障碍患者规范管理率`): a tight column leaves one space before the next cell,
 * and Chinese text has no spaces of its own between ideographs. `anywhere`: at such a space off
 * the columns too — for a row line short of cells, whose cells in words (`在 2020 年基础
 * 在 2020 年基础`) drift from their columns, CJK characters printing one column each.
 */
function partAtColumns(text: string, cells: readonly Cell[], columns: readonly number[], anywhere = false): Cell[] {
  return partAtSpaces(text, cells, (p, at) =>
    isIdeograph(text[p - 1]) && isIdeograph(text[p + 1]) && (anywhere || columns.some((c) => Math.abs(c - at) <= ALIGN_TOLERANCE)));
}

/** The column nearest to a cell's start. */
function nearestColumn(columns: readonly number[], column: number): number {
  let best = 0;
  for (let k = 1; k < columns.length; k++) if (Math.abs(columns[k] - column) < Math.abs(columns[best] - column)) best = k;
  return best;
}

/** The columns of a row line's cells: the nearest column, and each cell after the one before. */
function rowColumns(columns: readonly number[], cells: readonly Cell[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const left = out.length > 0 ? out[out.length - 1] + 1 : 0;
    const right = columns.length - (cells.length - k);
    out.push(Math.min(Math.max(nearestColumn(columns, cells[k].column), left), Math.max(left, right), columns.length - 1));
  }
  return out;
}

/**
 * The edits of one table (or of its part on a later page, read in the columns `above`): its
 * header lines become one line, each row's lines one line. Null when its rows do not line up.
 */
function tableEdits(
  text: string,
  lines: readonly PrintedLine[],
  header: readonly TableLine[] | null,
  rows: readonly Row[],
  above: readonly number[] | null,
): TableEdits | null {
  const bodyPieces = rows.flatMap((r) => [...r.above, ...r.below]).flatMap((l) => l.cells);
  const own = columnStarts(rows, bodyPieces);
  const columns = above ? continuedColumns(own, above) : own;
  const width = columns.length;
  for (const row of rows) {
    for (const line of [row.line, ...row.above, ...row.below]) line.cells = partAtColumns(text, line.cells, columns);
    // Short of cells even without a group label (a row may leave its group column empty).
    if (row.line.cells.length < width - 1) row.line.cells = partAtColumns(text, row.line.cells, columns, true);
  }
  // Centre of each column: where its row cells sit on average (header text is centred over them).
  const sums = new Array<number>(width).fill(0);
  const counts = new Array<number>(width).fill(0);
  const rowCells = rows.map((row) => {
    const at = rowColumns(columns, row.line.cells);
    row.line.cells.forEach((c, k) => {
      sums[at[k]] += (c.column + cellEnd(text, c)) / 2;
      counts[at[k]]++;
    });
    return at;
  });
  // Rows that do not line up (a table printed without rules, its cells run together) are the
  // column pass's to read, gap by gap: their cells start at more places than a row has cells
  // (one more: a group column), or their values off the columns.
  const widest = Math.max(...rows.map((row) => row.line.cells.length));
  // Value cells tell: a text cell's end, and what follows it one space apart, drift where a line
  // holds much CJK text.
  // On a later page, the rest of a row the break cut (its cells' last lines) may stand first,
  // clear of the first columns, where pdftotext sets it: a row of its own, not told by alignment.
  const told = above && isCutRest(rows[0].line.cells, columns) ? rows.slice(1) : rows;
  const aligned = told.filter((row) => {
    const at = rowCells[rows.indexOf(row)];
    return row.line.cells.every((c, k) => !isValue(text, c) || Math.abs(c.column - columns[at[k]]) <= ALIGN_TOLERANCE);
  });
  if (width < MIN_ROW_VALUES + 1 || (!above && (width > widest + 1 || isSetOnTabStops(rowCells))) || told.length === 0 || aligned.length < told.length * ALIGNED_MIN_SHARE) return null;
  const centres = columns.map((start, k) => (counts[k] > 0 ? sums[k] / counts[k] : start));
  const edits: KindedEdit[] = [];
  if (header) edits.push(headerEdit(text, lines, header, headerColumns(text, header, centres), rows[0].above[0]?.index ?? rows[0].line.index));
  rows.forEach((row, r) => {
    const next = rows[r + 1];
    const end = next ? lines[next.above[0]?.index ?? next.line.index].start : lines[row.below.at(-1)?.index ?? row.line.index].end;
    edits.push(...rowEdits(text, lines, row, rowCells[r], columns, end, next !== undefined));
  });
  return { edits, columns };
}

/**
 * The edits of one row, ending at `end` (the next row's first line, or its own last line's end).
 * The row line's cells stay where they are; the padding between them becomes tabs, and the text
 * of its pieces above and below joins each column's cell (before it, after it), keeping where
 * it came from, so every span stays exact.
 */
function rowEdits(
  text: string,
  lines: readonly PrintedLine[],
  row: Row,
  at: readonly number[],
  columns: readonly number[],
  end: number,
  lineBreak: boolean,
): KindedEdit[] {
  const above = columns.map(() => [] as Cell[]);
  const below = columns.map(() => [] as Cell[]);
  for (const piece of row.above) for (const c of piece.cells) above[nearestColumn(columns, c.column)].push(c);
  for (const piece of row.below) for (const c of piece.cells) below[nearestColumn(columns, c.column)].push(c);
  const edits: KindedEdit[] = [];
  // Each edit replaces [start, stop): `fill` writes what stands there now.
  const edit = (start: number, stop: number, fill: (out: MovedText) => void) => {
    const out = new MovedText();
    fill(out);
    if (start < stop || out.text !== '') edits.push({ start, end: stop, replacement: out.text, from: out.from, kind: 'table-cells' });
  };
  const pieces = (out: MovedText, cells: readonly Cell[]) => cells.forEach((c) => out.take(text, c.start, c.end));
  const emptyColumns = (out: MovedText, from: number, to: number, tabAt: number) => {
    for (let c = from; c < to; c++) pieces(out.put('\t', tabAt), [...above[c], ...below[c]]);
  };
  const cells = row.line.cells;
  const start = lines[row.above[0]?.index ?? row.line.index].start;
  edit(start, cells[0].start, (out) => {
    for (let c = 0; c < at[0]; c++) pieces(out, [...above[c], ...below[c]]), out.put('\t', start);
    pieces(out, above[at[0]]);
  });
  for (let k = 1; k < cells.length; k++) {
    const gap = cells[k - 1].end;
    edit(gap, cells[k].start, (out) => {
      pieces(out, below[at[k - 1]]);
      emptyColumns(out, at[k - 1] + 1, at[k], gap);
      pieces(out.put('\t', gap), above[at[k]]);
    });
  }
  const tail = cells[cells.length - 1].end;
  edit(tail, end, (out) => {
    pieces(out, below[at[cells.length - 1]]);
    emptyColumns(out, at[cells.length - 1] + 1, columns.length, tail);
    if (lineBreak) out.put('\n', Math.max(tail, end - 1));
  });
  return edits;
}

/**
 * The header's edit: its lines, and the blank lines up to the first row (line `next`), become one
 * line of its columns' cells, each cell's pieces keeping where they came from.
 */
function headerEdit(text: string, lines: readonly PrintedLine[], header: readonly TableLine[], columns: readonly Cell[][], next: number): KindedEdit {
  const start = lines[header[0].index].start;
  const out = new MovedText();
  columns.forEach((pieces, k) => {
    if (k > 0) out.put('\t', start);
    for (const piece of pieces) out.take(text, piece.start, piece.end);
  });
  out.put('\n', lines[next].start - 1);
  return { start, end: lines[next].start, replacement: out.text, from: out.from, kind: 'table-cells' };
}

/**
 * The header's cells, one per column: header pieces whose printed extents overlap are one
 * wrapped cell (read top to bottom), and the cells are matched to the columns in order by
 * their centres (a header may have fewer cells than the table has columns, never crossing).
 */
function headerColumns(text: string, header: readonly TableLine[], centres: readonly number[]): Cell[][] {
  interface Piece { from: number; to: number; line: number; cell: Cell }
  const pieces: Piece[] = header.flatMap((line) => line.cells.map((cell) => ({ from: cell.column, to: cellEnd(text, cell), line: line.index, cell })));
  // Union of overlapping extents, in order of their left edge.
  const groups: Piece[][] = [];
  for (const piece of [...pieces].sort((a, b) => a.from - b.from)) {
    const group = groups.find((g) => g.some((q) => q.from < piece.to && piece.from < q.to));
    if (group) group.push(piece);
    else groups.push([piece]);
  }
  let cells = groups
    .map((g) => ({
      centre: g.reduce((s, q) => s + (q.from + q.to) / 2, 0) / g.length,
      pieces: [...g].sort((a, b) => a.line - b.line || a.from - b.from).map((q) => q.cell),
      spanning: g.length === 1 && g[0].line === header[0].index && header.length > 1,
    }))
    .sort((a, b) => a.centre - b.centre);
  const out = centres.map(() => [] as Cell[]);
  // A cell over several columns (目标值 over 2023 年 and 2025 年) stands alone on the first line:
  // with more cells than columns, it heads the column nearest to it.
  let excess = cells.length - centres.length;
  const spanning = cells.filter((c) => c.spanning && excess-- > 0);
  cells = cells.filter((c) => !spanning.includes(c));
  const at = matchInOrder(cells.map((c) => c.centre), centres);
  cells.forEach((c, k) => out[at[k]].push(...c.pieces));
  for (const c of spanning) out[matchInOrder([c.centre], centres)[0]].unshift(...c.pieces);
  return out;
}

/**
 * Matches sorted positions to sorted columns without crossing, least total distance. When there
 * are more positions than columns, neighbours share a column at the cost of their own distance,
 * so the nearest neighbours share (a wrapped header cell read as two).
 */
function matchInOrder(positions: readonly number[], columns: readonly number[]): number[] {
  const m = positions.length;
  const n = columns.length;
  if (m === 0 || n === 0) return positions.map(() => 0);
  const sharing = m > n;
  // cost[i][j]: least cost of positions 0..i with position i in column j; from[i][j]: column of i-1.
  const cost = positions.map(() => new Array<number>(n).fill(Infinity));
  const from = positions.map(() => new Array<number>(n).fill(-1));
  for (let j = 0; j < n; j++) cost[0][j] = Math.abs(positions[0] - columns[j]);
  for (let i = 1; i < m; i++) {
    let before = Infinity; // least cost[i-1][j'] over j' < j
    let beforeAt = -1;
    for (let j = 0; j < n; j++) {
      const here = Math.abs(positions[i] - columns[j]);
      if (before + here < cost[i][j]) [cost[i][j], from[i][j]] = [before + here, beforeAt];
      const shared = cost[i - 1][j] + Math.abs(positions[i] - positions[i - 1]) + here;
      if (sharing && shared < cost[i][j]) [cost[i][j], from[i][j]] = [shared, j];
      if (cost[i - 1][j] < before) [before, beforeAt] = [cost[i - 1][j], j];
    }
  }
  const out = new Array<number>(m).fill(0);
  let j = cost[m - 1].indexOf(Math.min(...cost[m - 1]));
  for (let i = m - 1; i >= 0; i--) {
    out[i] = j;
    j = from[i][j];
  }
  return out;
}
