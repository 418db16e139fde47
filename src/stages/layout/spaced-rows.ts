/**
 * Indicator tables printed with a single space between cells (a browser printing a page whose
 * tabs collapsed to spaces, a table pasted as text): a header line — the indicator's label, then
 * value-column labels one space apart (`主要指标 基线 2020 年 2025 年`) — and the rows under it,
 * each ending in as many value cells (`心脑血管疾病死亡率（1/10 万） 222.2 下降 10% 下降 15%`).
 * The spaces between the cells become tabs; a row that does not end so ends the table.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import type { PrintedLine } from './lines.js';
import { INDICATOR_LABEL, labelRun, valueRun } from './values.js';

/** A table has at least this many value columns and this many rows. */
const MIN_VALUE_COLUMNS = 2;
const MIN_ROWS = 2;
/** Longest line looked at (keeps the scan linear). */
const MAX_LINE = 200;

/** The starts of the `count` value cells that end a line (split at its leftmost fitting space), or null. */
function valueTail(text: string, line: PrintedLine, count: number): number[] | null {
  for (let p = line.contentStart + 1; p < line.contentEnd; p++) {
    if (text[p] !== ' ') continue;
    const starts = valueRun(text, p + 1, line.contentEnd);
    if (starts && starts.length === count) return starts;
  }
  return null;
}

/** Tabs for the spaces before each cell start; a leading `序号` cell (a number) is parted too. */
function edits(text: string, line: PrintedLine, starts: readonly number[], numbered: boolean): KindedEdit[] {
  const out: KindedEdit[] = [];
  const lead = numbered ? /^(?:序号|编号|\d{1,3}) /.exec(line.content) : null;
  if (lead) out.push({ start: line.contentStart + lead[0].length - 1, end: line.contentStart + lead[0].length, replacement: '\t', kind: 'table-cells' });
  for (const start of starts) if (text[start - 1] === ' ') out.push({ start: start - 1, end: start, replacement: '\t', kind: 'table-cells' });
  return out;
}

/** Returns the edits that part the cells of single-spaced indicator tables. Kind: `table-cells`. */
export function spacedRowEdits(text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const out: KindedEdit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    if (header.content.length === 0 || header.content.length > MAX_LINE || header.content.includes('\t')) continue;
    const labels = headerLabels(text, header);
    if (!labels) continue;
    const numbered = /^(?:序号|编号) /.test(header.content);
    const rows: Array<{ line: PrintedLine; starts: number[] }> = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.content.length === 0) {
        if (rows.length > 0 && lines[j + 1]?.content.length === 0) break;
        continue;
      }
      if (line.content.length > MAX_LINE || line.content.includes('\t')) break;
      const starts = valueTail(text, line, labels.length);
      if (!starts) break;
      rows.push({ line, starts });
    }
    if (rows.length < MIN_ROWS) continue;
    out.push(...edits(text, header, labels, numbered));
    for (const row of rows) out.push(...edits(text, row.line, row.starts, numbered));
    i = j - 1;
  }
  return out;
}

/** The starts of a header line's value-column labels, when it reads as an indicator table's header. */
function headerLabels(text: string, line: PrintedLine): number[] | null {
  for (let p = line.contentStart + 1; p < line.contentEnd; p++) {
    if (text[p] !== ' ') continue;
    if (!INDICATOR_LABEL.test(text.slice(line.contentStart, p))) continue;
    const starts = labelRun(text, p + 1, line.contentEnd);
    if (starts && starts.length >= MIN_VALUE_COLUMNS) return starts;
  }
  return null;
}
