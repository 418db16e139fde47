/**
 * Duty tables printed as two aligned columns (`pdftotext -layout` of a Word or browser table, and
 * the PDF reader's lines): a header of a department label and a duty label set apart
 * (`部门    工作职责`, `责任单位    主要任务`), then each row's department cell in the left column and
 * its duty cell, wrapped over several lines, in the right one. A browser prints the department at
 * the top of its row; a word processor centres it beside the duty's lines, so the duty starts
 * above it and ends below it. A long name wraps in its column (`县人社局、县医保` over `局`), and
 * a name that fills its column runs into the duty with one space or none before the duty text.
 * A page break inside the table repeats the header. Each row becomes one line `department⇥duty`,
 * the pieces of each cell gathered in reading order, each code unit keeping where it came from;
 * what lay between them (padding, line breaks, a repeated header) is logged with the row's edit.
 */
import { isDepartmentCell, isUnfinishedDepartmentCell } from '../../text/department-cell.js';
import { DUTY_LABEL, LEAD_LABEL } from '../../text/duty-labels.js';
import { isDepartmentName } from '../../model/departments.js';
import type { KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { ALIGN_TOLERANCE, cellsOf } from './columns.js';
import { displayWidth, mostCommon, type PrintedLine } from './lines.js';
import { MovedText } from './moved-text.js';

/** Longest header line looked at (two labels and the padding between them). */
const MAX_HEADER_LENGTH = 100;
/** Blank lines a table may have between two of its lines (padding between rows, a page break). */
const MAX_BLANKS = 3;
/** Lines looked at after the header to place the duty column. */
const SAMPLE_LINES = 12;
/** A duty column starts at least this many display columns right of the department column. */
const MIN_DEPARTMENT_WIDTH = 4;
/** Longest department cell on one line without a space or comma before its duty (in code units). */
const MAX_NAME_RUN = 20;
/** A table has at least this many rows. */
const MIN_ROWS = 2;
/** Where a duty cell's sentence ends. */
const DUTY_END = /[。；;]$/;

/** A `[start, end)` of the text. */
type Part = [number, number];

/** One line of the table's body: its department part and its duty part, either may be missing. */
interface BodyLine {
  index: number;
  department: Part | null;
  duty: Part | null;
}

/** A row: its lines in reading order, `anchor` the line its department starts on. */
interface Row {
  lines: BodyLine[];
  anchor: number;
}

/** Returns the edits that make each row of a two-column duty table one TAB line. Kind: `table-cells`. */
export function alignedDutyRowEdits(text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const out: KindedEdit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerLabels(text, lines[i]);
    if (!header) continue;
    const table = readTable(text, lines, i, header);
    if (!table) continue;
    out.push(headerEdit(text, lines, i, header, table.rows[0]), ...table.rows.map((row, r) => rowEdit(text, lines, row, table.rows[r + 1])));
    i = table.last;
  }
  return out;
}

/** The header's two cells — a department label, then a duty label — or null. */
function headerLabels(text: string, line: PrintedLine): Part[] | null {
  if (line.content.length > MAX_HEADER_LENGTH || line.content.includes('\t') || !DUTY_LABEL.test(line.content)) return null;
  const cells = cellsOf(text, line);
  if (cells.length !== 2) return null;
  const [lead, duty] = cells.map((c) => text.slice(c.start, c.end));
  return LEAD_LABEL.test(lead) && DUTY_LABEL.test(duty) ? cells.map((c) => [c.start, c.end]) : null;
}

/** True when `line` repeats the header (a page break inside the table). */
const repeatsHeader = (text: string, line: PrintedLine, header: readonly Part[]): boolean =>
  line.content.replace(/\s+/g, '') === header.map(([s, e]) => text.slice(s, e)).join('');

/** The columns of a table's lines on one page: where department cells start, where duty text alone starts. */
interface Columns {
  left: number;
  duty: number;
}

/**
 * The columns of the lines from `from` on (pdftotext sets each page's columns anew): the
 * department column is where they start, the duty column the indentation most lines of duty
 * text alone share. Null when no line stands right of the department column.
 */
function columnsFrom(text: string, lines: readonly PrintedLine[], from: number, header: readonly Part[]): Columns | null {
  const sample: PrintedLine[] = [];
  for (let k = from; k < lines.length && sample.length < SAMPLE_LINES && lines[k].page === lines[from].page; k++) {
    if (lines[k].content.length > 0 && !repeatsHeader(text, lines[k], header)) sample.push(lines[k]);
  }
  if (sample.length === 0) return null;
  const left = Math.min(...sample.map((l) => l.indent));
  const duty = mostCommon(sample.map((l) => l.indent).filter((x) => x >= left + MIN_DEPARTMENT_WIDTH));
  return duty === 0 ? null : { left, duty };
}

/**
 * Reads the rows under the header at line `at`. Null when fewer than MIN_ROWS rows are read; the
 * table ends before a line in neither column and before a row whose cell names no department.
 */
function readTable(text: string, lines: readonly PrintedLine[], at: number, header: readonly Part[]): { rows: Row[]; last: number } | null {
  const body: BodyLine[] = [];
  let columns: Columns | null = null;
  let blanks = 0;
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.content.length === 0) {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    blanks = 0;
    if (repeatsHeader(text, line, header) && line.page > lines[at].page) continue;
    // Another header starts a table of its own (so each line is read for one table only).
    if (headerLabels(text, line)) break;
    if (columns === null || line.page !== lines[body[body.length - 1]?.index ?? at].page) columns = columnsFrom(text, lines, k, header);
    const read = columns === null || startsBlock(line.content) ? null : bodyLine(text, line, k, columns);
    if (!read || (read.department && !departmentLike(text, read.department))) break;
    body.push(read);
  }
  const all = rowsOf(text, body);
  const named = all.findIndex((row) => !isDepartmentCell(departmentText(text, row)));
  const rows = named < 0 ? all : all.slice(0, named);
  if (rows.length < MIN_ROWS) return null;
  const lastRow = rows[rows.length - 1];
  return { rows, last: lastRow.lines[lastRow.lines.length - 1].index };
}

/**
 * A body line read into its parts, or null when it stands in neither column. A run starting in
 * the department column and reaching past it holds the department, then the duty: parted at a
 * space after the department's names, or — printed without one — where the duty column starts.
 */
function bodyLine(text: string, line: PrintedLine, index: number, columns: Columns): BodyLine | null {
  const inColumn = (column: number, start: number) => Math.abs(column - start) <= ALIGN_TOLERANCE;
  if (inColumn(line.indent, columns.duty)) return { index, department: null, duty: [line.contentStart, line.contentEnd] };
  if (!inColumn(line.indent, columns.left)) return null;
  const cells = cellsOf(text, line);
  if (cells.length === 2) return { index, department: [cells[0].start, cells[0].end], duty: [cells[1].start, cells[1].end] };
  if (cells.length !== 1) return null;
  const { start, end } = cells[0];
  const run = text.slice(start, end);
  if (line.width <= columns.duty + ALIGN_TOLERANCE || (run.length <= MAX_NAME_RUN && !/[，。；：]/.test(run))) return { index, department: [start, end], duty: null };
  const space = departmentEnd(text, start, end);
  if (space > start) return { index, department: [start, space], duty: [space + 1, end] };
  // The duty starts at the first character printed at the duty column (a cell's padding is less than a character).
  for (let p = start + 1; p < end; p++) {
    if (line.indent + displayWidth(text, start, p) >= columns.duty - 1) return { index, department: [start, p], duty: [p, end] };
  }
  return null;
}

/**
 * The space that ends the department part of a run (`区民政局 区残联 推进…`: the second, the names
 * of the cell set one space apart), or -1 when the run has no space.
 */
function departmentEnd(text: string, start: number, end: number): number {
  let space = text.indexOf(' ', start);
  if (space < 0 || space >= end) return -1;
  for (;;) {
    const after = text.indexOf(' ', space + 1);
    if (after < 0 || after >= end || !isDepartmentName(text.slice(space + 1, after))) return space;
    space = after;
  }
}

/** A department part: names and list marks, no sentence punctuation (`抄送：…，` is none). */
const departmentLike = (text: string, part: Part): boolean => !/[，。；：:;]/.test(text.slice(part[0], part[1]));

/**
 * The rows of the body lines. A department part starts a row unless it continues the cell
 * above, unfinished (a name wrapped in its column, maybe with duty lines between). A line of duty alone belongs to the row above when departments print at the
 * top of their rows. When they are centred (some department stands on a line without duty text),
 * the lines above a department are its row's, and those below it too until its duty ends a
 * sentence — or, where none does, as many as stand above it.
 */
function rowsOf(text: string, body: readonly BodyLine[]): Row[] {
  // A department part continues the cell written so far while that is unfinished, duty lines between.
  const anchors: number[] = [];
  const lastPart: number[] = [];
  let written = '';
  body.forEach((line, k) => {
    if (!line.department) return;
    const part = text.slice(line.department[0], line.department[1]);
    if (written !== '' && isUnfinishedDepartmentCell(written)) written += part;
    else {
      anchors.push(k);
      written = part;
    }
    lastPart[anchors.length - 1] = k;
  });
  const centred = anchors.some((k) => body[k].duty === null);
  const endsSentence = (k: number) => {
    const duty = body[k].duty;
    return duty !== null && DUTY_END.test(text.slice(duty[0], duty[1]));
  };
  const rows: Row[] = [];
  let from = 0;
  anchors.forEach((anchor, r) => {
    const next = anchors[r + 1] ?? body.length;
    let end = next;
    if (centred) {
      // The lines up to the last that continues its department.
      const own = lastPart[r] + 1;
      let lastDuty = own - 1;
      while (lastDuty >= from && body[lastDuty].duty === null) lastDuty--;
      if (lastDuty >= from && endsSentence(lastDuty)) end = own;
      else {
        let k = own;
        while (k < next && !endsSentence(k)) k++;
        end = k < next ? k + 1 : Math.min(next, Math.max(own, anchor + 1 + (anchor - from)));
      }
    }
    rows.push({ lines: body.slice(from, end), anchor: anchor - from });
    from = end;
  });
  return rows;
}

/** A row's department cell as written, its pieces joined. */
const departmentText = (text: string, row: Row): string =>
  row.lines.map((l) => (l.department ? text.slice(l.department[0], l.department[1]) : '')).join('');

/** The header's edit: its padding becomes one tab, the lines up to the first row go. */
function headerEdit(text: string, lines: readonly PrintedLine[], at: number, header: readonly Part[], first: Row): KindedEdit {
  const start = lines[at].start;
  const end = lines[first.lines[0].index].start;
  const out = new MovedText().take(text, header[0][0], header[0][1]).put('\t', header[0][1]).take(text, header[1][0], header[1][1]).put('\n', end - 1);
  return { start, end, replacement: out.text, from: out.from, kind: 'table-cells' };
}

/** A row's edit: from its first line to the next row's, one line `department⇥duty`. */
function rowEdit(text: string, lines: readonly PrintedLine[], row: Row, next: Row | undefined): KindedEdit {
  const start = lines[row.lines[0].index].start;
  const lastLine = lines[row.lines[row.lines.length - 1].index];
  const end = next ? lines[next.lines[0].index].start : lastLine.contentEnd;
  const out = new MovedText();
  for (const line of row.lines) if (line.department) out.take(text, line.department[0], line.department[1]);
  out.put('\t', lines[row.lines[row.anchor].index].contentStart);
  for (const line of row.lines) if (line.duty) out.take(text, line.duty[0], line.duty[1]);
  if (next) out.put('\n', end - 1);
  return { start, end, replacement: out.text, from: out.from, kind: 'table-cells' };
}
