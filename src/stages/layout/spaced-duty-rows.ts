/**
 * Numbered duty tables printed without rules: a header of duty labels one space or more apart
 * (`序号 责任单位 工作任务 完成时限`), then numbered rows, each a number, the department (a name
 * has no space), the task — or the task first and the department cells after it, as the header
 * orders them (`序号 重点任务 牵头单位 配合单位`) — and, when the header has a time column, the
 * deadline it ends with (`2023年9月底前`, `长期坚持`). A browser printing a page whose tabs collapsed sets the cells one
 * space apart; a word processor printing a text's TAB rows sets them on tab stops, a run of
 * spaces apart. A row whose cells are longer than the page wraps onto the next lines, the
 * deadline maybe on a line of its own (at its tab stop) or cut in two (`2023 年 12` / `月底前`).
 * Each row becomes one line of TAB-separated cells: the spaces between cells become tabs, the
 * line breaks of its wraps go.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { isDepartmentCell } from '../../text/department-cell.js';
import { DUTY_LABEL, LEAD_LABEL, SUPPORT_LABEL, TIME_LABEL } from '../../text/duty-labels.js';
import { isFull, type PrintedLine, type WidthProfile } from './lines.js';

/** A row's first line: its number, spaces, the rest. */
const ROW_START = /^(\d{1,3}) +\S/;
/** A row's number and the spaces after it, the department run and the spaces after it (none where it runs into the task). */
const ROW_CELLS = /^(\d{1,3})( +)(\S+)( *)/;
/** The deadline a row ends with; a tab-stop print sets spaces inside it (`2023 年 12 月底前`). */
const DEADLINE = /(?:(?:19|20)\d\d *年(?: *\d{1,2} *月)?(?:底|末|中旬|上半年|下半年)?前?|长期坚持|持续推进|持续开展|长期|每年)$/;
/** A note under the table (`注：排在首位的为牵头单位`): never a row's wrapped part. */
const NOTE_LINE = /^(?:注|说明|备注)[：:]/;
/** Lines a row may wrap over; lines looked at. */
const MAX_ROW_LINES = 4;
const MAX_LINE = 400;
const MIN_ROWS = 2;
/** Blank lines a page break may leave between two rows. */
const MAX_BLANKS = 4;

/** Returns the edits that part the cells of single-spaced duty tables. Kind: `table-cells`. */
export function spacedDutyRowEdits(text: string, lines: readonly PrintedLine[], profile: WidthProfile | null): KindedEdit[] {
  const out: KindedEdit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    const labels = header.content.length <= MAX_LINE ? dutyHeader(header.content) : null;
    if (!labels) continue;
    const timed = TIME_LABEL.test(labels[labels.length - 1]);
    const rows: PrintedLine[][] = [];
    const breaks: KindedEdit[] = [];
    let j = i + 1;
    while (j < lines.length) {
      // A page break between two rows leaves blank lines: they go.
      let next = j;
      while (rows.length > 0 && next < lines.length && next - j < MAX_BLANKS && lines[next].content.length === 0) next++;
      if (next > j && next < lines.length && ROW_START.exec(lines[next].content)?.[1] === String(rows.length + 1)) {
        breaks.push({ start: lines[j - 1].end, end: lines[next].start, replacement: '\n', kind: 'page-break' });
        j = next;
      }
      const start = ROW_START.exec(lines[j].content);
      if (!start || Number(start[1]) !== rows.length + 1 || lines[j].content.includes('\t')) break;
      const row = [lines[j]];
      // A full line wraps on to the next, and so does a row still short of its deadline (set on a
      // line of its own at its tab stop) — unless the next line starts a row, a block or a note.
      while (
        row.length < MAX_ROW_LINES &&
        ((profile !== null && isFull(row[row.length - 1], profile)) || (timed && !DEADLINE.test(row.map((line) => line.content).join('')))) &&
        j + row.length < lines.length &&
        lines[j + row.length].content.length > 0 &&
        !ROW_START.test(lines[j + row.length].content) &&
        !startsBlock(lines[j + row.length].content) &&
        !NOTE_LINE.test(lines[j + row.length].content)
      ) {
        row.push(lines[j + row.length]);
      }
      rows.push(row);
      j += row.length;
    }
    if (rows.length < MIN_ROWS) continue;
    // Blank lines after the last row are not the table's.
    const kept = breaks.filter((b) => b.end <= rows[rows.length - 1][0].start);
    out.push(...spacesToTabs(text, header));
    // A task column first (`序号 重点任务 牵头单位 配合单位`): the departments are read from the row's end.
    const taskFirst = !LEAD_LABEL.test(labels[1]);
    const departmentColumns = labels.filter((l) => LEAD_LABEL.test(l) || SUPPORT_LABEL.test(l)).length;
    for (const row of rows) out.push(...(taskFirst ? taskFirstRowEdits(text, row, departmentColumns, timed) : rowEdits(text, row, timed)));
    out.push(...kept);
    i = j - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The labels of a duty table's header one space apart — 序号, then columns of the leading
 * departments, the duties, and optionally the supporting departments and the time — or null.
 */
function dutyHeader(content: string): string[] | null {
  const labels = content.split(/ +/);
  if (labels.length < 3 || !/^(?:序号|编号)$/.test(labels[0])) return null;
  const rest = labels.slice(1);
  const known = rest.every((l) => LEAD_LABEL.test(l) || SUPPORT_LABEL.test(l) || DUTY_LABEL.test(l) || TIME_LABEL.test(l));
  return known && rest.some((l) => LEAD_LABEL.test(l)) && rest.some((l) => DUTY_LABEL.test(l)) ? labels : null;
}

/** The header's runs of spaces become tabs, its indentation goes. */
function spacesToTabs(text: string, line: PrintedLine): KindedEdit[] {
  const out: KindedEdit[] = [];
  if (line.contentStart > line.start) out.push({ start: line.start, end: line.contentStart, replacement: '', kind: 'table-cells' });
  for (let p = line.contentStart; p < line.contentEnd; p++) {
    if (text[p] !== ' ') continue;
    let q = p;
    while (text[q] === ' ') q++;
    out.push({ start: p, end: q, replacement: '\t', kind: 'table-cells' });
    p = q;
  }
  return out;
}

/** Longest department cell looked for at the start of a row's department run (in code units). */
const MAX_DEPARTMENT = 40;

/**
 * The length of the department at the start of `run`: the whole run when it names departments,
 * else its longest start that does (`各乡镇人民政府落实属地责任，…`: a name that fills its tab stop
 * has no space before the task), else the whole run.
 */
function departmentLength(run: string): number {
  if (isDepartmentCell(run)) return run.length;
  for (let n = Math.min(run.length - 1, MAX_DEPARTMENT); n >= 2; n--) if (isDepartmentCell(run.slice(0, n))) return n;
  return run.length;
}

/**
 * One row: tabs after its number and its department and before its deadline (the spaces there,
 * the line break of a wrap just before it, or none); its other wraps joined.
 */
function rowEdits(text: string, row: readonly PrintedLine[], timed: boolean): KindedEdit[] {
  const first = row[0];
  const out: KindedEdit[] = [];
  if (first.contentStart > first.start) out.push({ start: first.start, end: first.contentStart, replacement: '', kind: 'table-cells' });
  const cells = ROW_CELLS.exec(first.content);
  if (!cells) return out;
  const afterNumber = first.contentStart + cells[1].length;
  const departmentStart = afterNumber + cells[2].length;
  out.push({ start: afterNumber, end: departmentStart, replacement: '\t', kind: 'table-cells' });
  // A name that fills its tab stop runs into the task: the tab goes where the names end.
  const named = departmentLength(cells[3]);
  const glued = named < cells[3].length;
  const afterDepartment = departmentStart + named;
  const taskStart = glued ? afterDepartment : afterDepartment + cells[4].length;
  out.push({ start: afterDepartment, end: taskStart, replacement: '\t', kind: 'table-cells' });
  // The deadline may wrap too (`2024年12月` / `底前`): it is looked for in the joined row.
  const offsets = row.flatMap((line) => Array.from({ length: line.contentEnd - line.contentStart }, (_, k) => line.contentStart + k));
  const joined = offsets.map((at) => text[at]).join('');
  const deadline = timed ? DEADLINE.exec(joined) : null;
  const deadlineAt = deadline ? offsets[deadline.index] : -1;
  // The spaces before it (none where a wrap put it at a line's start) part it from the task.
  let spaces = deadline ? deadline.index : 0;
  while (spaces > 0 && joined[spaces - 1] === ' ') spaces--;
  const spaced = deadline !== null && spaces < deadline.index && offsets[spaces] >= taskStart;
  let tabbed = !(deadlineAt > taskStart);
  for (let k = 1; k < row.length; k++) {
    // A wrap right before the deadline is the cell gap.
    const beforeDeadline = !tabbed && !spaced && row[k].contentStart === deadlineAt;
    out.push({ start: row[k - 1].contentEnd, end: row[k].contentStart, replacement: beforeDeadline ? '\t' : '', kind: beforeDeadline ? 'table-cells' : 'hard-wrap' });
    if (beforeDeadline) tabbed = true;
  }
  if (!tabbed) {
    const from = spaced ? offsets[spaces] : deadlineAt;
    out.push({ start: from, end: deadlineAt, replacement: '\t', kind: 'table-cells' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * One row of a table whose task comes first: a tab after its number, before each of the
 * department cells its end holds (names, one to a cell, as many as the header has department
 * columns, the first the lead's), and before its deadline; a department column the row leaves
 * empty gets its tab before the deadline; its other wraps joined.
 */
function taskFirstRowEdits(text: string, row: readonly PrintedLine[], departmentColumns: number, timed: boolean): KindedEdit[] {
  const first = row[0];
  const out: KindedEdit[] = [];
  if (first.contentStart > first.start) out.push({ start: first.start, end: first.contentStart, replacement: '', kind: 'table-cells' });
  const offsets = row.flatMap((line) => Array.from({ length: line.contentEnd - line.contentStart }, (_, k) => line.contentStart + k));
  const joined = offsets.map((at) => text[at]).join('');
  const number = /^\d{1,3}( +)/.exec(joined);
  if (!number) return out;
  // Cell boundaries, as [first space before the cell, the cell's first character] in `joined`.
  const boundaries: Array<[number, number]> = [[number[0].length - number[1].length, number[0].length]];
  const deadline = timed ? DEADLINE.exec(joined) : null;
  let end = deadline ? deadline.index : joined.length;
  while (end > 0 && joined[end - 1] === ' ') end--;
  const tail: Array<[number, number]> = [];
  // Cells a run of spaces apart (tab stops, the PDF reader's columns) are told by the runs, when
  // there is one before each department cell; cells one space apart, by the names they hold.
  const runs = [...joined.slice(number[0].length, end).matchAll(/ {2,}/g)];
  if (runs.length === departmentColumns) {
    for (const run of runs) tail.push([number[0].length + run.index, number[0].length + run.index + run[0].length]);
    end = tail[0][0];
  }
  while (runs.length !== departmentColumns && tail.length < departmentColumns) {
    const space = joined.lastIndexOf(' ', end - 1);
    if (space < number[0].length || !isDepartmentCell(joined.slice(space + 1, end))) break;
    let from = space;
    while (from > 0 && joined[from - 1] === ' ') from--;
    tail.unshift([from, space + 1]);
    end = from;
  }
  if (tail.length === 0) return out;
  boundaries.push(...tail);
  const dated = deadline !== null && deadline.index > end;
  if (dated) {
    let from = deadline.index;
    while (from > 0 && joined[from - 1] === ' ') from--;
    boundaries.push([from, deadline.index]);
  }
  // Empty department columns: their tabs go with the deadline's, or after the last cell.
  const missing = '\t'.repeat(departmentColumns - tail.length);
  const gapAt = new Map<number, string>();
  boundaries.forEach(([from, at], k) => {
    const tabs = '\t' + (dated && k === boundaries.length - 1 ? missing : '');
    if (from < at) out.push({ start: offsets[from], end: offsets[at - 1] + 1, replacement: tabs, kind: 'table-cells' });
    else if (row.some((line, n) => n > 0 && line.contentStart === offsets[at])) gapAt.set(offsets[at], tabs);
    else out.push({ start: offsets[at], end: offsets[at], replacement: tabs, kind: 'table-cells' });
  });
  for (let k = 1; k < row.length; k++) {
    const tabs = gapAt.get(row[k].contentStart);
    out.push({ start: row[k - 1].contentEnd, end: row[k].contentStart, replacement: tabs ?? '', kind: tabs ? 'table-cells' : 'hard-wrap' });
  }
  const last = row[row.length - 1].contentEnd;
  if (!dated && missing !== '') out.push({ start: last, end: last, replacement: missing, kind: 'table-cells' });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
