/**
 * tables: the runs of lines that hold table rows, in the three layouts tables reach the text in:
 * - TAB-separated rows, one row per line (text, HTML, DOCX, and page-made text after layout);
 * - one cell per line, each cell line starting with a TAB, rows separated by blank lines; a line
 *   without a leading TAB continues the cell above (a multi-line cell, or vertical text printed one
 *   character per line), a lone TAB is an empty (merged) cell — as Word tables are often extracted;
 * - linearised, one `key：value` line per cell (`领域：…`, `指标：…`, `2025年：…`), a record
 *   starting again where its first key comes back — as some PDF extractions give tables.
 * Offsets are 0-based into the text passed in.
 */
import type { TableCell } from '../../model/stages.js';

/** One line of the text, without its line break. */
export interface Line {
  text: string;
  start: number;
}

/** A row of cells as found, with the `[start, end)` of its lines. */
export interface RawRow {
  cells: TableCell[];
  start: number;
  end: number;
}

/** A run of rows in one layout; `keys` is the key cell of each column of a linearised table. */
export interface RawBlock {
  layout: 'tsv' | 'cell-per-line' | 'key-value';
  rows: RawRow[];
  keys?: TableCell[];
  /** Index of the first line after the block. */
  next: number;
}

/** The lines of `text`, a trailing CR dropped and a form feed (page break) read as a blank. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      lines.push({ text: text.slice(start, end), start });
      start = i + 1;
    }
  }
  return lines;
}

/** A cell of `text` standing at `start`. */
export function cellOf(text: string, start: number): TableCell {
  return { text, offsets: Array.from({ length: text.length }, (_, k) => start + k) };
}

function appendToCell(cell: TableCell, text: string, start: number): void {
  cell.text += text;
  for (let k = 0; k < text.length; k++) cell.offsets.push(start + k);
}

/** A line holding only blanks (form feeds included). */
export const isBlankLine = (line: Line): boolean => /^[\s\f\u3000]*$/.test(line.text) && !line.text.includes('\t');

/** A TAB-separated row: a TAB after the first character (a line holding only a leading TAB is one cell). */
export const isTsvLine = (line: Line): boolean => line.text.indexOf('\t', 1) > 0;

/** Splits a TAB-separated line into cells. */
export function tsvCells(line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let start = 0;
  for (let i = 0; i <= line.text.length; i++) {
    if (i === line.text.length || line.text[i] === '\t') {
      cells.push(cellOf(line.text.slice(start, i), line.start + start));
      start = i + 1;
    }
  }
  return cells;
}

/** A heading of a chapter or a 一、/（一） part: never the continuation of a cell. */
const CHAPTER_LINE = /^\s*(?:第[一二三四五六七八九十百\d]+[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/** The title line of a 专栏 box (`\t专栏2　慢性病筛查干预项目`). */
const BOX_TITLE = /^\t\s*专栏\s*[\d一二三四五六七八九十]/;

/** A line holding one character: vertical text of a narrow column, between the rows it spans. */
const VERTICAL_LINE = /^[ \u3000]*[\u4e00-\u9fff][ \u3000]*$/;

/**
 * Reads TAB-separated rows from line `from`; a blank line is tolerated when a row follows it, and
 * a line of one character between rows is a row of its own (one character of a vertical label).
 */
function tsvBlock(lines: Line[], from: number): RawBlock {
  const rows: RawRow[] = [];
  let i = from;
  while (i < lines.length) {
    if (isBlankLine(lines[i])) {
      if (i + 1 < lines.length && isTsvLine(lines[i + 1])) { i++; continue; }
      break;
    }
    // `\t推进…` under TAB rows is a row whose first cell is empty (a merged cell), not a cell per line.
    if (!isTsvLine(lines[i]) && !lines[i].text.startsWith('\t') && !VERTICAL_LINE.test(lines[i].text)) break;
    // A 专栏 box is laid out as a one-cell table: its title is a heading, not a row of this table.
    if (BOX_TITLE.test(lines[i].text)) break;
    rows.push({ cells: tsvCells(lines[i]), start: lines[i].start, end: lines[i].start + lines[i].text.length });
    i++;
  }
  return { layout: 'tsv', rows, next: i };
}

/** Reads one-cell-per-line rows from line `from`. */
function cellPerLineBlock(lines: Line[], from: number): RawBlock {
  const rows: RawRow[] = [];
  let i = from;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && isBlankLine(lines[j])) j++;
    if (j >= lines.length || !lines[j].text.startsWith('\t') || isTsvLine(lines[j]) || (rows.length > 0 && BOX_TITLE.test(lines[j].text))) break;
    i = j;
    const cells: TableCell[] = [];
    const start = lines[i].start;
    let end = start;
    while (i < lines.length && !isBlankLine(lines[i]) && !isTsvLine(lines[i])) {
      const line = lines[i];
      if (cells.length > 0 && BOX_TITLE.test(line.text)) break;
      if (line.text.startsWith('\t')) cells.push(cellOf(line.text.slice(1), line.start + 1));
      else if (CHAPTER_LINE.test(line.text)) break;
      else {
        const trimmed = line.text.trim();
        appendToCell(cells[cells.length - 1], trimmed, line.start + line.text.indexOf(trimmed));
      }
      end = line.start + line.text.length;
      i++;
    }
    rows.push({ cells, start, end });
    if (i < lines.length && !isBlankLine(lines[i])) break;
  }
  return { layout: 'cell-per-line', rows, next: i };
}

/** A `key：value` line of a linearised table: a short key without sentence punctuation. */
const KEY_VALUE = /^\s*([^：:\t，。；、\s]{1,12})[：:][ \u3000]*/;

/** Most columns a linearised table is read with (a run of distinct labels is no table). */
const MAX_KEYS = 40;
/** Longest line read as the continuation of a value. */
const MAX_CONTINUATION = 20;

/** A key that opens with a heading marker. */
const NUMBERED_KEY = /^(?:\d{1,2}[.．、]|[（(]|[一二三四五六七八九十]+[、.．]|第)/;

/**
 * Reads a linearised table from line `from`: consecutive `key：value` lines (blank lines between
 * records allowed), a new record where a key of the current one comes again. A block holds at
 * least two records of at least three keys, each starting with the same key; otherwise `block`
 * is null. `next` is the line after the labelled lines looked at.
 */
function keyValueBlock(lines: Line[], from: number): { block: RawBlock | null; next: number } {
  const keys: TableCell[] = [];
  const records: Array<Map<string, { cell: TableCell; line: Line }>> = [];
  let i = from;
  let last = from;
  let entry: { cell: TableCell; line: Line } | null = null;
  while (i < lines.length) {
    if (isBlankLine(lines[i])) { i++; entry = null; continue; }
    const m = KEY_VALUE.exec(lines[i].text);
    if (!m || lines[i].text.includes('\t')) {
      // A value continued on the next line (`指标：每千人口医疗卫生机构` over `床位数（张）`), a key after it.
      const text = lines[i].text.trim();
      const keyNext = i + 1 < lines.length && KEY_VALUE.test(lines[i + 1].text);
      if (!entry || !keyNext || text.length > MAX_CONTINUATION || lines[i].text.includes('\t')) break;
      appendToCell(entry.cell, text, lines[i].start + lines[i].text.indexOf(text));
      entry.line = lines[i];
      last = i;
      i++;
      continue;
    }
    const key = m[1];
    // `（一）组织领导：…`, `1.目标：…` are numbered paragraphs with a run-in title, not cells.
    if (NUMBERED_KEY.test(key)) break;
    let record = records[records.length - 1];
    if (!record || record.has(key)) {
      if (record && key !== keys[0].text) break;
      record = new Map();
      records.push(record);
    }
    if (!keys.some((k) => k.text === key)) {
      if (keys.length >= MAX_KEYS) break;
      keys.push(cellOf(key, lines[i].start + lines[i].text.indexOf(key)));
    }
    const value = lines[i].text.slice(m[0].length).trimEnd();
    entry = { cell: cellOf(value, lines[i].start + m[0].length), line: lines[i] };
    record.set(key, entry);
    last = i;
    i++;
  }
  // Lines already looked at are not looked at again, so a long run of labelled lines stays linear.
  if (records.length < 2 || keys.length < 3) return { block: null, next: last + 1 };
  const rows: RawRow[] = records.map((record) => {
    const entries = [...record.values()];
    const first = entries[0].line;
    const lastLine = entries[entries.length - 1].line;
    return {
      cells: keys.map((k) => record.get(k.text)?.cell ?? { text: '', offsets: [] }),
      start: first.start,
      end: lastLine.start + lastLine.text.length,
    };
  });
  return { block: { layout: 'key-value', rows, keys, next: last + 1 }, next: last + 1 };
}

/** Every block of rows in `lines`, in order. Blocks of one row are kept: a header may stand alone. */
export function findBlocks(lines: Line[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    let found: { block: RawBlock | null; next: number } | null = null;
    if (isTsvLine(line)) found = { block: tsvBlock(lines, i), next: 0 };
    else if (line.text.startsWith('\t')) found = { block: cellPerLineBlock(lines, i), next: 0 };
    else if (KEY_VALUE.test(line.text)) found = keyValueBlock(lines, i);
    const block = found?.block;
    if (block && block.rows.length > 0) blocks.push(block);
    i = Math.max(block?.next ?? found?.next ?? 0, i + 1);
  }
  return blocks;
}
