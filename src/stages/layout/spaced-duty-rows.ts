/**
 * Duty tables printed with a single space between cells (a browser printing a page whose tabs
 * collapsed to spaces): a header of duty labels one space apart (`序号 责任单位 工作任务 完成时限`),
 * then numbered rows, each a number, the department (a name has no space), the task, and — when
 * the header has a time column — the deadline it ends with (`2023年9月底前`, `长期坚持`); a row
 * whose task is longer than the page wraps onto the next lines. Each row becomes one line of
 * TAB-separated cells: the spaces between cells become tabs, the line breaks of its wraps go.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { DUTY_LABEL, LEAD_LABEL, SUPPORT_LABEL } from '../../text/duty-labels.js';
import { isFull, type PrintedLine, type WidthProfile } from './lines.js';

/** A time column's label. */
const TIME_LABEL = /^(?:完成时限|完成时间|时间节点|时限要求|时限|进度安排)$/;
/** A row's first line: its number, one space, the rest. */
const ROW_START = /^(\d{1,3}) \S/;
/** The deadline a row ends with, one space after its task. */
const DEADLINE = / (?:(?:19|20)\d\d年(?:\d{1,2}月)?(?:底|末|中旬|上半年|下半年)?前?|长期坚持|持续推进|持续开展|长期|每年)$/;
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
      // A full line wraps on to the next, unless that starts a row or a block of its own.
      while (
        row.length < MAX_ROW_LINES &&
        profile !== null &&
        isFull(row[row.length - 1], profile) &&
        j + row.length < lines.length &&
        lines[j + row.length].content.length > 0 &&
        !ROW_START.test(lines[j + row.length].content) &&
        !startsBlock(lines[j + row.length].content)
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
    for (const row of rows) out.push(...rowEdits(text, row, timed));
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
  const labels = content.split(' ');
  if (labels.length < 3 || !/^(?:序号|编号)$/.test(labels[0])) return null;
  const rest = labels.slice(1);
  const known = rest.every((l) => LEAD_LABEL.test(l) || SUPPORT_LABEL.test(l) || DUTY_LABEL.test(l) || TIME_LABEL.test(l));
  return known && rest.some((l) => LEAD_LABEL.test(l)) && rest.some((l) => DUTY_LABEL.test(l)) ? labels : null;
}

/** The header's spaces become tabs. */
function spacesToTabs(text: string, line: PrintedLine): KindedEdit[] {
  const out: KindedEdit[] = [];
  for (let p = line.contentStart; p < line.contentEnd; p++) if (text[p] === ' ') out.push({ start: p, end: p + 1, replacement: '\t', kind: 'table-cells' });
  return out;
}

/** One row: tabs after its number and its department and before its deadline; its wraps joined. */
function rowEdits(text: string, row: readonly PrintedLine[], timed: boolean): KindedEdit[] {
  const first = row[0];
  const out: KindedEdit[] = [];
  if (first.contentStart > first.start) out.push({ start: first.start, end: first.contentStart, replacement: '', kind: 'table-cells' });
  const afterNumber = text.indexOf(' ', first.contentStart);
  out.push({ start: afterNumber, end: afterNumber + 1, replacement: '\t', kind: 'table-cells' });
  const afterDepartment = text.indexOf(' ', afterNumber + 1);
  if (afterDepartment > 0 && afterDepartment < first.contentEnd) out.push({ start: afterDepartment, end: afterDepartment + 1, replacement: '\t', kind: 'table-cells' });
  for (let k = 1; k < row.length; k++) out.push({ start: row[k - 1].contentEnd, end: row[k].contentStart, replacement: '', kind: 'hard-wrap' });
  // The deadline may wrap too (`2024年12月` / `底前`): it is looked for in the joined row.
  const offsets = row.flatMap((line) => Array.from({ length: line.contentEnd - line.contentStart }, (_, k) => line.contentStart + k));
  const deadline = timed ? DEADLINE.exec(offsets.map((at) => text[at]).join('')) : null;
  if (deadline) {
    const at = offsets[deadline.index];
    if (at > afterDepartment) out.push({ start: at, end: at + 1, replacement: '\t', kind: 'table-cells' });
  }
  return out.sort((a, b) => a.start - b.start);
}
