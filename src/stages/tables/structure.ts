/**
 * tables: a block of rows read as a table — which rows are its header (none, one or two), one label
 * per column with two header rows flattened (`目标值` over `2025年` → `目标值 2025年`), the header
 * repeated inside the block (a page break) dropped, 注/说明 rows left out of the data, vertical text
 * of a narrow group column folded back (`健`/`康`/`水`/`平` on four rows → `健康水平`), and a row that
 * only continues the cells of the row above (`（1/10万）` under its indicator) joined to it.
 */
import type { TableCell, TableRow } from '../../model/stages.js';
import { isDepartmentCell } from '../../text/department-cell.js';
import type { RawBlock, RawRow } from './blocks.js';

/** A block read as a table, before its caption and section are known. */
export interface TableShape {
  header: string[];
  headerRows: TableRow[];
  rows: TableRow[];
  /** 注/说明 rows: in the table's range, not among its data. */
  notes: TableRow[];
}

/** Words a header cell is made of: what the columns hold. */
const HEADER_WORD = /指标|项目|名称|内容|单位|部门|职责|任务|分工|基线|基期|基数|现状|现值|目标|预期|属性|性质|序号|领域|类别|类型|分类|备注|措施|时限|时间|进度|年度|\d{4}\s?年/;
/** A 注/说明 row: a note under the table, not a data row. */
export const NOTE_CELL = /^\s*(?:注|说明|备注|资料来源|数据来源)\s*\d?\s*[:：]/;
/** A year, and a unit in brackets, which a header label may hold besides words. */
const YEAR_OR_UNIT = /\d{4}\s?年|[（(][^（）()]{0,10}[）)]/g;

const trimmed = (cell: TableCell | undefined): string => (cell ? cell.text.trim() : '');
const isEmpty = (cell: TableCell | undefined): boolean => trimmed(cell) === '';

/** A cell that can be a column label: short, no sentence punctuation, no figure but a year. */
function isLabel(text: string): boolean {
  if (text.length > 16 || /[。；，]/.test(text)) return false;
  return !/\d/.test(text.replace(YEAR_OR_UNIT, ''));
}

/** Whether a row reads as a header row: labels only, mostly header words, not opening with a department. */
function isHeaderRow(row: RawRow): boolean {
  const texts = row.cells.map(trimmed).filter((t) => t !== '');
  if (texts.length === 0 || !texts.every(isLabel)) return false;
  if (isDepartmentCell(texts[0])) return false;
  const words = texts.filter((t) => HEADER_WORD.test(t)).length;
  return words > 0 && words * 2 >= texts.length;
}

/** The row's cell texts without blanks, to tell a repeated header from data. */
const signature = (row: RawRow | TableRow): string => row.cells.map((c) => c.text.replace(/\s/g, '')).join('\t');

/** The most common cell count of `rows`. */
function modalWidth(rows: readonly RawRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [width, count] of counts) if (count > bestCount || (count === bestCount && width > best)) [best, bestCount] = [width, count];
  return best;
}

/**
 * One label per column of a first header row over a second. In TAB rows both have every column
 * and a label spanning several columns leaves empty cells after it (where the second row has
 * labels); in one-cell-per-line rows a spanning label is written once, so the first row has fewer
 * cells and each of its labels is laid over the columns whose second-row labels stand under it.
 */
function flattenHeader(top: RawRow, sub: RawRow | null, width: number): string[] {
  const labels = (row: RawRow) => row.cells.map(trimmed);
  if (!sub) return Array.from({ length: width }, (_, k) => labels(top)[k] ?? '');
  const upper = labels(top);
  const lower = labels(sub);
  const spread: string[] = [];
  if (upper.length >= width) {
    // An empty upper cell over a lower label continues the spanning label to its left.
    let spanning = '';
    for (let k = 0; k < width; k++) {
      if (upper[k] !== '') spanning = lower[k] !== '' ? upper[k] : '';
      spread.push(upper[k] !== '' ? upper[k] : lower[k] !== '' ? spanning : '');
    }
  } else {
    // Fewer upper cells: lower labels fill the columns a spanning upper label covers.
    const below = lower.length === width ? lower : alignShortRow(upper, lower.filter((t) => t !== ''), width);
    let col = 0;
    for (let i = 0; i < upper.length && col < width; i++) {
      const left = upper.length - i - 1;
      let span = 1;
      if (below[col] !== '') {
        const seen = new Set([below[col]]);
        while (col + span < width - left && below[col + span] !== '' && !seen.has(below[col + span])) seen.add(below[col + span++]);
      }
      for (let k = 0; k < span; k++) spread.push(upper[i]);
      col += span;
    }
    while (spread.length < width) spread.push('');
    return spread.map((u, k) => [u, below[k]].filter((t) => t !== '').join(' '));
  }
  return spread.map((u, k) => [u, lower[k] ?? ''].filter((t) => t !== '').filter((t, n, all) => all.indexOf(t) === n).join(' '));
}

/** An upper label that spans the labels of columns below it (目标值 over 2025年 | 2030年). */
const SPANNING_LABEL = /目标|预期|指标值|数值|年度|年份|规划|^值$/;

/**
 * A second header row written without the empty cells of the labels above that span two rows
 * (`2025年 | 2030年` under `指标 | 目标值 | 属性`): its labels go under the spanning labels.
 */
function alignShortRow(upper: readonly string[], sub: readonly string[], width: number): string[] {
  const spanning = upper.map((u) => SPANNING_LABEL.test(u));
  const count = spanning.filter(Boolean).length;
  if (count === 0 || sub.length !== width - upper.length + count) return [...Array(Math.max(0, width - sub.length)).fill(''), ...sub];
  const perSpan = Math.floor(sub.length / count);
  const out: string[] = [];
  let next = 0;
  upper.forEach((_, i) => {
    if (!spanning[i]) { out.push(''); return; }
    const take = i === spanning.lastIndexOf(true) ? sub.length - next : perSpan;
    for (let k = 0; k < take; k++) out.push(sub[next++]);
  });
  return out;
}

/**
 * Header rows at the start of the block: none, one, or two (a second row of labels under labels
 * that span columns: the first row leaves empty cells over it, or has fewer cells than the data
 * rows below, `width`, because a spanning label is written once).
 */
function headerRowsOf(rows: readonly RawRow[]): number {
  if (rows.length === 0 || !isHeaderRow(rows[0])) return 0;
  const [top, sub] = rows;
  if (!sub || sub.cells.map(trimmed).every((t) => t === '') || !sub.cells.map(trimmed).filter((t) => t !== '').every(isLabel)) return 1;
  if (isDepartmentCell(trimmed(sub.cells.find((c) => !isEmpty(c))))) return 1;
  const subLabels = sub.cells.map(trimmed).filter((t) => t !== '');
  // A row of words (`国家卫生城市 | 创建 | 巩固`) is data unless it names what columns hold.
  if (!subLabels.some((t) => HEADER_WORD.test(t) || SUB_LABEL.test(t))) return 1;
  const width = rows.length > 2 ? modalWidth(rows.slice(2)) : sub.cells.length;
  const spans = top.cells.length < Math.max(width, sub.cells.length) || top.cells.some((c, k) => isEmpty(c) && !isEmpty(sub.cells[k]));
  // `目标值` over `2025年 | 2030年` written without the empty cells of the labels beside it.
  const under = top.cells.some((c) => SPANNING_LABEL.test(trimmed(c))) && subLabels.every((t) => SUB_LABEL.test(t));
  return spans || under ? 2 : 1;
}

/** A label that stands under a spanning one: a year, a target or a base value. */
const SUB_LABEL = /^(?:\d{4}\s?年|目标值?|预期值?|基[期线]值?|现状值?|指标值)/;

/** The width two header rows give: a short second row's labels replace the spanning labels over them. */
function headerWidth(top: RawRow, sub: RawRow | null): number {
  if (!sub) return top.cells.length;
  const spanning = top.cells.filter((c) => SPANNING_LABEL.test(trimmed(c))).length;
  const subCount = sub.cells.filter((c) => !isEmpty(c)).length;
  if (sub.cells.length < top.cells.length && spanning > 0) return top.cells.length - spanning + subCount;
  return Math.max(top.cells.length, sub.cells.length);
}

/** A label of a column grouping rows (领域, 类别): its cell spans the rows of a group. */
const GROUP_LABEL = /^(?:领域|类别|分类|类型|序号|维度|方面|板块|层级|指标类别|指标类型|一级指标)$/;

/**
 * Pads on the left a row written without the cells of a group column that spans it from above
 * (an HTML `rowspan` leaves them out): a row `k` cells short when the first `k` columns group rows.
 */
function padSpannedRows(rows: RawRow[], header: readonly string[], width: number): RawRow[] {
  return rows.map((row) => {
    const k = width - row.cells.length;
    if (k <= 0 || k >= width - 1 || !header.slice(0, k).every((h) => GROUP_LABEL.test(h))) return row;
    return { ...row, cells: [...Array.from({ length: k }, () => ({ text: '', offsets: [] })), ...row.cells] };
  });
}

/** A single CJK character: one character of vertical text. */
const isVerticalChar = (text: string): boolean => /^[\u4e00-\u9fff]$/.test(text) && !/[一二三四五六七八九十]/.test(text);

/**
 * Folds a narrow column printed one character per line back into its labels. The column is the
 * first, every non-empty cell in it is one character, and some run of consecutive rows spells a
 * word. The characters of consecutive rows make one label, in the cell of the run's first row
 * with data (or of the data row right after characters standing alone); rows that held nothing
 * but their character are dropped. A row whose first cell is empty ends the run.
 */
function foldVertical(rows: RawRow[]): RawRow[] {
  const firsts = rows.map((r) => trimmed(r.cells[0]));
  const filled = firsts.filter((t) => t !== '');
  if (filled.length < 2 || !filled.every(isVerticalChar)) return rows;
  if (!firsts.some((t, k) => t !== '' && firsts[k + 1] !== undefined && firsts[k + 1] !== '')) return rows;
  const out: RawRow[] = [];
  const blank = (): TableCell => ({ text: '', offsets: [] });
  let label: TableCell | null = null;
  let placed: RawRow | null = null;
  for (const row of rows) {
    const ch = row.cells[0];
    const rest = row.cells.slice(1);
    const dataless = rest.every(isEmpty);
    if (!isEmpty(ch)) {
      if (!label) [label, placed] = [blank(), null];
      const at = ch.text.indexOf(ch.text.trim());
      label.text += ch.text.trim();
      label.offsets.push(ch.offsets[at]);
      if (dataless) {
        if (placed) placed.end = Math.max(placed.end, row.end);
        continue;
      }
      if (placed) out.push({ ...row, cells: [blank(), ...rest] });
      else out.push((placed = { ...row, cells: [label, ...rest] }));
      continue;
    }
    if (label && !placed) {
      // Characters standing alone above a row: their label is that row's.
      out.push((placed = { ...row, cells: [label, ...rest] }));
      label = null;
      continue;
    }
    label = null;
    out.push(row);
  }
  return out;
}

/**
 * Columns of figures: those where most non-empty data cells hold a digit, or whose header names
 * a year, a baseline, a target or the nature of the indicator.
 */
function valueColumns(rows: readonly RawRow[], header: readonly string[], width: number): Set<number> {
  const cols = new Set<number>();
  for (let k = 0; k < width; k++) {
    if (/\d{4}\s?年|基线|基期|现状|目标|预期值|性质|属性/.test(header[k] ?? '')) { cols.add(k); continue; }
    const cells = rows.map((r) => trimmed(r.cells[k])).filter((t) => t !== '');
    if (cells.length > 0 && cells.filter((t) => /\d/.test(t)).length * 2 > cells.length) cols.add(k);
  }
  return cols;
}

/**
 * Joins to the row above a row that only continues its text cells: every non-empty cell stands in
 * a text column under a non-empty cell, and some figure column of the row above is left empty
 * (`\t（1/10万）\t\t` under `\t心脑血管疾病死亡率\t223.6\t下降10%`).
 */
function joinContinuations(rows: RawRow[], header: readonly string[], width: number): RawRow[] {
  const values = valueColumns(rows, header, width);
  if (values.size === 0) return rows;
  const out: RawRow[] = [];
  for (const row of rows) {
    const above = out[out.length - 1];
    // A row printed from a page layout stops at its last non-empty cell: fewer cells is the same.
    const continues = above !== undefined && row.cells.length <= above.cells.length &&
      row.cells.some((c) => !isEmpty(c)) &&
      row.cells.every((c, k) => isEmpty(c) || (!values.has(k) && !isEmpty(above.cells[k]))) &&
      [...values].some((k) => !isEmpty(above.cells[k]) && (row.cells[k] === undefined || isEmpty(row.cells[k])));
    if (!continues) {
      out.push({ ...row, cells: row.cells.map((c) => ({ text: c.text, offsets: [...c.offsets] })) });
      continue;
    }
    row.cells.forEach((c, k) => {
      if (isEmpty(c)) return;
      const text = c.text.trim();
      const at = c.text.indexOf(text);
      above.cells[k].text = above.cells[k].text.trimEnd() + text;
      above.cells[k].offsets = [...above.cells[k].offsets.slice(0, above.cells[k].text.length - text.length), ...c.offsets.slice(at, at + text.length)];
    });
    above.end = row.end;
  }
  return out;
}

const toRow = (row: RawRow): TableRow => ({ cells: row.cells, range: [row.start, row.end] });

/**
 * Reads a block as a table, or returns null when it is none: a table has at least two rows (a
 * header and a row, or two rows) and most of its rows have two cells or more.
 */
export function shapeTable(block: RawBlock): TableShape | null {
  let rows = block.rows;
  if (block.layout === 'key-value') {
    const keys = block.keys ?? [];
    return { header: keys.map((k) => k.text), headerRows: [{ cells: keys, range: [keys[0].offsets[0], keys[0].offsets[0] + keys[0].text.length] }], rows: rows.map(toRow), notes: [] };
  }
  const wide = rows.filter((r) => r.cells.filter((c) => !isEmpty(c)).length >= 2).length;
  // A line holding one cell after an empty first one continues a cell above: not a row to count.
  const continuing = rows.filter((r) => r.cells.length >= 2 && isEmpty(r.cells[0]) && r.cells.filter((c) => !isEmpty(c)).length === 1).length;
  if (rows.length < 2 || wide * 2 < rows.length - continuing) return null;
  const headerCount = headerRowsOf(rows);
  const headerRaw = rows.slice(0, headerCount);
  let body = rows.slice(headerCount);
  const width = Math.max(body.length > 0 ? modalWidth(body) : 0, headerCount > 0 ? headerWidth(headerRaw[0], headerRaw[1] ?? null) : 0);
  const header = headerCount > 0 ? flattenHeader(headerRaw[0], headerRaw[1] ?? null, width) : [];
  if (block.layout === 'tsv' && headerCount > 0) body = padSpannedRows(body, header, width);
  // A header repeated after a page break, and notes, are not data.
  const notes: RawRow[] = [];
  const repeated = new Set(headerRaw.map(signature));
  body = body.filter((r) => {
    if (repeated.has(signature(r))) return false;
    if (NOTE_CELL.test(trimmed(r.cells.find((c) => !isEmpty(c))))) { notes.push(r); return false; }
    return true;
  });
  if (block.layout === 'tsv') body = joinContinuations(foldVertical(body), header, width);
  if (body.length === 0 && headerCount === 0) return null;
  return { header, headerRows: headerRaw.map(toRow), rows: body.map(toRow), notes: notes.map(toRow) };
}

/** The signature of a table's first header row, to tell a table continued with its header repeated. */
export const headerSignature = (shape: TableShape): string | null => (shape.headerRows[0] ? signature(shape.headerRows[0]) : null);
