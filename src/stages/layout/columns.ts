/**
 * Tables printed as aligned columns (`pdftotext -layout` of a PDF table): lines whose text falls
 * into runs separated by two or more spaces, with the runs starting at the same columns from one
 * line to the next. Such a block becomes TAB-separated rows, the form every other table reader
 * of the pipeline takes: each gap becomes as many tabs as it crosses columns, and a row that
 * starts in a later column (a cell continued from the line above, or an empty group cell) gets
 * leading tabs. Only the padding between cells is replaced; the cells' text stays where it was.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import { isHeadingLabel } from '../../text/blocks.js';
import { displayWidth, mostCommon, type PrintedLine, type WidthProfile } from './lines.js';
import { labelRun, startsValueCell, valueRun } from './values.js';

/** Spaces between two cells of a row: a word gap is one space. */
const CELL_GAP = /  +/g;
/** Column starts this close (display columns) are one column: cells are centred or ragged. */
export const ALIGN_TOLERANCE = 3;
/** Blank lines a table may have between its rows (tall rows print with space between). */
const MAX_BLANK_IN_TABLE = 2;
/** A block is a table from this many rows of several cells (or two, with three columns or more). */
const MIN_ROWS = 3;
/** Columns are trusted (a wide gap is several empty cells) when this share of rows align to them. */
const ALIGNED_MIN_SHARE = 0.6;
/** Longest line looked at: a table row is at most a page wide (keeps the scan linear). */
const MAX_ROW_LENGTH = 400;

/** A run of text in a line: its offsets in the text and its display column. */
export interface Cell {
  start: number;
  end: number;
  column: number;
}

/** The cells of a line: runs of text separated by two or more spaces. None for a heading line (`第一章   总体要求`). */
export function cellsOf(text: string, line: PrintedLine): Cell[] {
  const cells: Cell[] = [];
  if (line.content.length === 0 || line.content.length > MAX_ROW_LENGTH || line.content.includes('\t')) return cells;
  let at = line.contentStart;
  let column = line.indent;
  // Most lines have no gap: no match is looked for in them.
  for (const gap of line.content.includes('  ') ? line.content.matchAll(CELL_GAP) : []) {
    const gapStart = line.contentStart + gap.index;
    cells.push({ start: at, end: gapStart, column });
    column += displayWidth(text, at, gapStart) + gap[0].length;
    at = gapStart + gap[0].length;
  }
  cells.push({ start: at, end: line.contentEnd, column });
  if (cells.length >= 2 && isHeadingLabel(text.slice(cells[0].start, cells[0].end))) return [];
  return cells;
}

/** A column must start cells in at least this share of the rows (a stray misaligned cell does not make one). */
const COLUMN_MIN_SHARE = 0.3;

/** Column starts: cells' starts grouped within ALIGN_TOLERANCE of their group's first, in at least two rows and COLUMN_MIN_SHARE of them. */
function columnStarts(rows: Cell[][]): number[] {
  return alignedStarts(rows.flatMap((cells) => cells.map((c) => c.column)), Math.max(2, Math.ceil(rows.length * COLUMN_MIN_SHARE)));
}

/** The starts of the groups of positions within ALIGN_TOLERANCE of their group's first that hold at least `min` positions. */
export function alignedStarts(positions: readonly number[], min: number): number[] {
  const starts = [...positions].sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  while (i < starts.length) {
    let j = i;
    while (j < starts.length && starts[j] - starts[i] <= ALIGN_TOLERANCE) j++;
    if (j - i >= min) out.push(starts[i]);
    i = j;
  }
  return out;
}

/**
 * True when the rows with most cells start in one column but put different cells in one column
 * (the third cell of one row where another has its fourth): cells set on tab stops, where a cell
 * that overruns its stop moves the next to a later one, so a column holds no one kind of cell and
 * a gap is one cell break however wide. In a table of columns, a column holds the same cell of
 * every such row (a row starting a column later holds a group label, 领域, the others leave empty).
 */
export function isSetOnTabStops(rowColumns: readonly (readonly number[])[]): boolean {
  const widest = Math.max(0, ...rowColumns.map((row) => row.length));
  const full = rowColumns.filter((row) => row.length === widest && widest >= 2);
  if (full.some((row) => row[0] !== full[0][0])) return false;
  const cellIn = new Map<number, number>();
  for (const row of full) {
    for (let k = 0; k < row.length; k++) {
      if ((cellIn.get(row[k]) ?? k) !== k) return true;
      cellIn.set(row[k], k);
    }
  }
  return false;
}

/** The index of the column a cell starting at `column` belongs to (the last one starting at or before it). */
function columnIndex(columns: readonly number[], column: number): number {
  let index = 0;
  for (let k = 0; k < columns.length; k++) if (columns[k] <= column + ALIGN_TOLERANCE) index = k;
  return index;
}

/**
 * Finds the column-aligned blocks and returns the edits that turn their padding into tabs.
 * Kind: `table-cells`. Prose lines (one run of text that fills the line) end a block.
 */
export function columnEdits(text: string, lines: readonly PrintedLine[], profile: WidthProfile | null): KindedEdit[] {
  const edits: KindedEdit[] = [];
  const cells = lines.map((line) => cellsOf(text, line));
  const isProse = (k: number) => cells[k].length === 1 && profile !== null && lines[k].width >= profile.width - profile.tolerance;
  let i = 0;
  while (i < lines.length) {
    if (cells[i].length < 2) {
      i++;
      continue;
    }
    // The block: rows of several cells, with single-cell rows and a few blank lines between them.
    let last = i;
    let blanks = 0;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j].content.length === 0) {
        if (++blanks > MAX_BLANK_IN_TABLE) break;
        continue;
      }
      // Each page's part of a table is read alone: pdftotext places columns page by page.
      if (cells[j].length === 0 || isProse(j) || lines[j].page !== lines[i].page) break;
      if (cells[j].length === 1 && !nextHasCells(cells, lines, j)) break;
      blanks = 0;
      last = j;
    }
    const rows: number[] = [];
    for (let k = i; k <= last; k++) if (cells[k].length > 0) rows.push(k);
    for (const k of rows) cells[k] = partRuns(text, cells[k]);
    const multi = rows.filter((k) => cells[k].length >= 2);
    // Aligned columns tell empty cells (a gap spanning two columns is two tabs); a table printed
    // too tightly for its columns to align still has its gaps, one tab each.
    const starts = columnStarts(multi.map((k) => cells[k]));
    const aligned = multi.filter((k) => cells[k].every((c) => starts.some((s) => Math.abs(s - c.column) <= ALIGN_TOLERANCE)));
    const columns = aligned.length >= multi.length * ALIGNED_MIN_SHARE ? starts : [];
    if (multi.length >= MIN_ROWS || (multi.length >= 2 && columns.length >= 3)) {
      // The last row's cells may wrap onto lines of their own, in a column after the first.
      while (last + 1 < lines.length && cells[last + 1].length === 1 && !isProse(last + 1) && lines[last + 1].page === lines[i].page) {
        const column = columnIndex(columns, cells[last + 1][0].column);
        if (column === 0 || Math.abs(columns[column] - cells[last + 1][0].column) > ALIGN_TOLERANCE) break;
        rows.push(++last);
      }
      const wanted = mostCommon(multi.map((k) => cells[k].length));
      const parted = rows.map((k) => (cells[k].length >= 2 && cells[k].length < wanted ? splitShortRow(text, cells[k], wanted) : cells[k]));
      const tabStops = columns.length > wanted && isSetOnTabStops(parted.map((row) => cellColumns(row, columns)));
      // On tab stops, an indentation is one stop and each gap one more.
      const at = (line: PrintedLine, row: readonly Cell[]) => (tabStops ? row.map((_, k) => k + (line.contentStart > line.start ? 1 : 0)) : cellColumns(row, columns));
      rows.forEach((k, r) => edits.push(...rowEdits(lines[k], parted[r], at(lines[k], parted[r]))));
    }
    i = last + 1;
  }
  return edits;
}

/**
 * Parts the cells that are runs of value cells or of value-column labels one space apart
 * (`23.1 <20`, `≥28.6 预期性`, `基线值 2025 年目标值 指标性质`): set on tab stops, a table's
 * cells may stand one space apart, and no value cell or label holds another.
 */
function partRuns(text: string, cells: readonly Cell[]): Cell[] {
  return cells.flatMap((cell) => {
    const starts = valueRun(text, cell.start, cell.end) ?? labelRun(text, cell.start, cell.end);
    if (!starts || starts.length < 2) return [cell];
    return starts.map((start, k) => {
      const end = k + 1 < starts.length ? starts[k + 1] : cell.end;
      return { start, end: text[end - 1] === ' ' && k + 1 < starts.length ? end - 1 : end, column: cell.column + displayWidth(text, cell.start, start) };
    });
  });
}

/**
 * Splits the cells of a row that has fewer cells than the table's other rows at single spaces
 * before a value: in a table set tightly, pdftotext leaves one space between a cell and the
 * number in the next one (`2 型糖尿病患者基 56`, `基线（2020 年） 2025 年目标`), or none after the
 * indicator's unit (`居民健康素养水平（%）20.8`). A space before a
 * unit or a word (`2020 年`, `5 年生存率`) is the cell's own.
 */
function splitShortRow(text: string, cells: readonly Cell[], wanted: number): Cell[] {
  const out = [...cells];
  for (let k = 0; k < out.length && out.length < wanted; k++) {
    const cell = out[k];
    for (let p = cell.start + 1; p < cell.end; p++) {
      // The value starts after a space, or right after the closing bracket of an indicator's unit.
      const gap = text[p] === ' ' ? 1 : text[p - 1] === '）' || text[p - 1] === ')' ? 0 : -1;
      if (gap < 0 || !startsValueCell(text, p + gap, cell.end)) continue;
      const column = cell.column + displayWidth(text, cell.start, p + gap);
      out.splice(k, 1, { start: cell.start, end: p, column: cell.column }, { start: p + gap, end: cell.end, column });
      break;
    }
  }
  return out;
}


/** True when a row of several cells follows line `j` within a few lines (a cell may wrap). */
function nextHasCells(cells: readonly Cell[][], lines: readonly PrintedLine[], j: number): boolean {
  for (let k = j + 1; k < lines.length && k <= j + MAX_BLANK_IN_TABLE + 2; k++) {
    if (cells[k].length >= 2) return true;
  }
  return false;
}

/** The edits of one row whose cells stand in columns `at`: leading padding to tabs up to its first cell's column, each gap to tabs. */
function rowEdits(line: PrintedLine, cells: readonly Cell[], at: readonly number[]): KindedEdit[] {
  const edits: KindedEdit[] = [];
  if (line.contentStart > line.start || at[0] > 0) {
    edits.push({ start: line.start, end: line.contentStart, replacement: '\t'.repeat(at[0]), kind: 'table-cells' });
  }
  for (let k = 1; k < cells.length; k++) {
    edits.push({ start: cells[k - 1].end, end: cells[k].start, replacement: '\t'.repeat(at[k] - at[k - 1]), kind: 'table-cells' });
  }
  return edits;
}

/** The column of each cell of a row: the one it starts in, and each cell after the one before. */
function cellColumns(cells: readonly Cell[], columns: readonly number[]): number[] {
  const at: number[] = [];
  for (const cell of cells) at.push(Math.max(at.length > 0 ? at[at.length - 1] + 1 : 0, columnIndex(columns, cell.column)));
  return at;
}
