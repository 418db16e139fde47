/**
 * Indicator tables → targets. Two layouts are read, both as plain text with tabs:
 * - one row per line, cells separated by tabs (TSV);
 * - one cell per line, each cell line starting with a tab, rows separated by blank lines; a line
 *   without a leading tab continues the cell above (a multi-line cell), a lone tab is an empty
 *   (merged) cell.
 * A table starts at a header row that names an indicator column (指标) and year, baseline or
 * target-value columns (2020年, 基线, 基期, 现状, 目标值, 预期值). A target-value column without a
 * year takes the year of the text around the table. A row's unit comes from its value, from the
 * indicator (`吸烟率（%）`) or from a 单位 column. Offsets are 0-based into the text passed in.
 */
import type { Baseline, Comparator } from '../../model/schemas.js';
import type { TargetReading } from '../../model/stages.js';
import { readValues, verbAt } from './value.js';
import { baselineYearIn } from './year.js';

/** One cell: its text (lines of a multi-line cell joined) and the text offset of each character. */
interface Cell {
  text: string;
  offsets: number[];
}

/** One row as written: its cells and its `[start, end)` in the text. */
interface Row {
  cells: Cell[];
  start: number;
  end: number;
}

/** A target read from a table row. `range` is where its value stands in the text. */
export interface TableTarget extends TargetReading {
  /** The row as written. */
  text: string;
  range: [number, number];
  /** Start of the table's header row: where the text before the table ends. */
  tableStart: number;
  /** Start of the row. */
  rowStart: number;
}

/** What was read from the tables of a text. */
export interface TableReading {
  targets: TableTarget[];
  /** Rows whose cell count differs from their header's: `[start, end)` in the text. */
  badRows: Array<[number, number]>;
  /** `[start, end)` of every table (header through last row), so sentence scanning can skip them. */
  tables: Array<[number, number]>;
}

/** Options of the table reader. */
export interface TableOptions {
  /** First year of the plan period: a year column before it is the baseline (基期), not a target. */
  periodStart: number | null;
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
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

function cellOf(text: string, start: number): Cell {
  return { text, offsets: Array.from({ length: text.length }, (_, k) => start + k) };
}

function appendToCell(cell: Cell, text: string, start: number): void {
  cell.text += text;
  for (let k = 0; k < text.length; k++) cell.offsets.push(start + k);
}

/** Splits a tab-separated line into cells (leading indentation before the first tab ignored). */
function tsvCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= line.text.length; i++) {
    if (i === line.text.length || line.text[i] === '\t') {
      cells.push(cellOf(line.text.slice(start, i), line.start + start));
      start = i + 1;
    }
  }
  return cells;
}

const YEAR_HEADER = /(\d{4})\s?年/;
const BASELINE_HEADER = /基线|基期|现状|现值|基数/;
/** A column of target values whose year the header does not give (目标值, 预期值, 2020年目标 has one). */
const TARGET_HEADER = /目标值|预期值|目标$/;
const INDICATOR_HEADER = /指标|项目/;
/** A column giving each row's unit (单位, 计量单位). */
const UNIT_HEADER = /^(?:计量)?单位$/;
const NOT_INDICATOR_HEADER = /性质|属性|值|类别|领域/;

function isHeader(cells: Cell[]): boolean {
  const texts = cells.map((c) => c.text.trim());
  return texts.some((t) => INDICATOR_HEADER.test(t) && !NOT_INDICATOR_HEADER.test(t)) &&
    texts.some((t) => YEAR_HEADER.test(t) || BASELINE_HEADER.test(t) || TARGET_HEADER.test(t));
}

/** Reads the rows of a cell-per-line table starting at line `from`; returns the rows and the next line. */
function cellPerLineRows(lines: Line[], from: number): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let i = from;
  while (i < lines.length) {
    while (i < lines.length && lines[i].text.trim() === '' && !lines[i].text.startsWith('\t')) i++;
    if (i >= lines.length || !lines[i].text.startsWith('\t')) break;
    const cells: Cell[] = [];
    const start = lines[i].start;
    let end = start;
    // A lone tab is an empty (merged) cell, not a row break.
    while (i < lines.length && (lines[i].text.trim() !== '' || lines[i].text.startsWith('\t'))) {
      const line = lines[i];
      if (line.text.startsWith('\t')) cells.push(cellOf(line.text.slice(1), line.start + 1));
      else appendToCell(cells[cells.length - 1], line.text.trim(), line.start + line.text.indexOf(line.text.trim()));
      end = line.start + line.text.length;
      i++;
    }
    rows.push({ cells, start, end });
  }
  return { rows, next: i };
}

/** Reads the rows of a TSV table starting at line `from`. */
function tsvRows(lines: Line[], from: number): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let i = from;
  while (i < lines.length) {
    if (lines[i].text.trim() === '') {
      // A blank line inside a TSV table is tolerated when the next line is a row again.
      if (i + 1 < lines.length && lines[i + 1].text.includes('\t')) { i++; continue; }
      break;
    }
    if (!lines[i].text.includes('\t')) break;
    rows.push({ cells: tsvCells(lines[i]), start: lines[i].start, end: lines[i].start + lines[i].text.length });
    i++;
  }
  return { rows, next: i };
}

/** Words of a cell that sets a direction without a number (持续下降, 成功建设). */
const QUALITATIVE_CELL = /[\u4e00-\u9fff]{2,}/;
const CELL_LEAD = /^(?:力争|约|达到|达|保持)\s?/;
const UNIT_IN_HEADER = /[（(]([^（）()]{1,8})[）)]\s*$/;

function normaliseUnit(unit: string): string {
  const u = unit.replace(/\s/g, '').replace('％', '%');
  return u === '1/10万' || u === '/10万' ? '1/10万' : u;
}

/** One value cell as read; offsets index the text. */
export interface CellValue {
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  range: [number, number];
}

/** Reads one value cell (`≥95`, `<7.9`, `下降10%`, `95%以上`, `力争50%`, `1：1`, `成功建设`). */
function readCell(cell: Cell, headerUnit: string | null): CellValue | null {
  const raw = cell.text;
  const trimmed = raw.trim();
  if (trimmed === '' || /^[—–\-－]+$/.test(trimmed)) return null;
  let pos = raw.indexOf(trimmed);
  const lead = CELL_LEAD.exec(raw.slice(pos));
  if (lead) pos += lead[0].length;
  let verb = verbAt(raw, pos);
  let { readings } = readValues(raw, verb ? pos + verb.verb.length : pos, verb ? verb.kind : null);
  if (!verb && (readings.length === 0 || !/^[\d.]/.test(raw.slice(pos)))) {
    // 较2015年降低20%, 二级以上综合医院住院患者≤40: words before the comparator qualify the value.
    for (let k = pos + 1; k < raw.length; k++) {
      const later = verbAt(raw, k);
      if (!later) continue;
      const found = readValues(raw, k + later.verb.length, later.kind);
      if (found.readings.length === 0) continue;
      verb = later;
      readings = found.readings;
      break;
    }
  }
  const at = (k: number) => cell.offsets[Math.min(k, cell.offsets.length - 1)];
  if (readings.length === 0) {
    if (!QUALITATIVE_CELL.test(trimmed)) return null;
    const start = raw.indexOf(trimmed);
    return { comparator: 'qualitative', value: null, valueMax: null, unit: null, range: [at(start), at(start + trimmed.length - 1) + 1] };
  }
  const r = readings[0];
  // 力争50%: a level to reach is a floor.
  const comparator: Comparator = lead && r.comparator === 'eq' && /力争|达/.test(lead[0]) ? 'gte' : r.comparator;
  return { comparator, value: r.value, valueMax: r.valueMax, unit: r.unit ?? headerUnit, range: [at(r.range[0]), at(r.range[1] - 1) + 1] };
}

/**
 * The comparator of a plain number in a target-year column. A table row moves its indicator from
 * the baseline to the target, so the direction is read from the two: a target above the baseline
 * is a floor (`gte`), below it a ceiling (`lte`). Without a baseline, or with a target equal to it
 * (a level to keep), the plain number stays `eq`. Signs and words in the cell (`≥95`, `下降10%`,
 * `25%以内`) are kept as written.
 */
export function tableDirection(target: CellValue, baseline: Baseline | null): Comparator {
  if (target.comparator !== 'eq' || target.value === null || target.valueMax !== null) return target.comparator;
  if (baseline === null || baseline.value === null || baseline.unit !== target.unit) return 'eq';
  if (target.value > baseline.value) return 'gte';
  if (target.value < baseline.value) return 'lte';
  return 'eq';
}

/** Reads every indicator table in `text`. */
export function readTables(text: string, options: TableOptions): TableReading {
  const lines = linesOf(text);
  const reading: TableReading = { targets: [], badRows: [], tables: [] };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.text.includes('\t')) { i++; continue; }
    // Try both layouts at this line: a TSV header, or the first block of a cell-per-line table.
    const tsvHeader = tsvCells(line).filter((c, k) => k > 0 || c.text.trim() !== '');
    let header: Row | null = null;
    let body: { rows: Row[]; next: number } | null = null;
    if (tsvHeader.length >= 3 && isHeader(tsvHeader)) {
      header = { cells: tsvHeader, start: line.start, end: line.start + line.text.length };
      body = tsvRows(lines, i + 1);
    } else if (line.text.startsWith('\t')) {
      const block = cellPerLineRows(lines, i);
      if (block.rows.length > 1 && isHeader(block.rows[0].cells)) {
        header = block.rows[0];
        body = { rows: block.rows.slice(1), next: block.next };
      }
    }
    if (!header || !body) { i++; continue; }
    readTable(text, header, body.rows, options, reading);
    const last = body.rows[body.rows.length - 1] ?? header;
    reading.tables.push([header.start, last.end]);
    i = Math.max(body.next, i + 1);
  }
  return reading;
}

function readTable(text: string, header: Row, rows: Row[], options: TableOptions, out: TableReading): void {
  const heads = header.cells.map((c) => c.text.trim());
  const indicatorCol = heads.findIndex((t) => INDICATOR_HEADER.test(t) && !NOT_INDICATOR_HEADER.test(t));
  const years = heads.map((t) => {
    const m = YEAR_HEADER.exec(t);
    return m ? Number(m[1]) : null;
  });
  let baselineCol = heads.findIndex((t) => BASELINE_HEADER.test(t));
  const yearCols = years.flatMap((y, k) => (y !== null && k !== baselineCol ? [k] : []));
  if (baselineCol < 0 && options.periodStart !== null && yearCols.length > 1) {
    // A year column before the plan period holds the base values (基期), not targets.
    const early = yearCols.find((k) => (years[k] ?? 0) < (options.periodStart ?? 0));
    if (early !== undefined) baselineCol = early;
  }
  const valueCols = heads.flatMap((t, k) => (years[k] === null && k !== baselineCol && TARGET_HEADER.test(t) ? [k] : []));
  const unitCol = heads.findIndex((t) => UNIT_HEADER.test(t));
  const targetCols = [...yearCols.filter((k) => k !== baselineCol), ...valueCols].sort((a, b) => a - b);
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      out.badRows.push([row.start, row.end]);
      continue;
    }
    const rawIndicator = row.cells[indicatorCol].text.trim();
    const unitMatch = UNIT_IN_HEADER.exec(rawIndicator);
    const unitCell = unitCol >= 0 ? row.cells[unitCol].text.trim() : '';
    const headerUnit = unitMatch ? normaliseUnit(unitMatch[1]) : unitCell !== '' ? normaliseUnit(unitCell) : null;
    const indicator = (unitMatch ? rawIndicator.slice(0, unitMatch.index) : rawIndicator).replace(/\s/g, '');
    if (indicator === '') continue;
    let baseline: Baseline | null = null;
    if (baselineCol >= 0) {
      const cell = row.cells[baselineCol];
      const b = readCell(cell, headerUnit);
      // A change (较2015年下降10%) is not a level: the baseline then keeps only the year of its base.
      const change = b !== null && (b.comparator === 'decrease' || b.comparator === 'increase');
      if (b && b.value !== null && !change) baseline = { value: b.value, unit: b.unit, year: years[baselineCol] };
      else if (change) baseline = { value: null, unit: null, year: baselineYearIn(cell.text) ?? years[baselineCol] };
    }
    for (const col of targetCols) {
      const v = readCell(row.cells[col], headerUnit);
      if (!v) continue;
      // 较2015年降低20％: the change's own base year wins over the baseline column's.
      const baseYear = v.comparator === 'decrease' || v.comparator === 'increase' ? baselineYearIn(row.cells[col].text) : null;
      const rowBaseline = baseYear === null ? baseline : { value: null, unit: null, year: baseYear };
      out.targets.push({
        indicator, comparator: tableDirection(v, rowBaseline), value: v.value, valueMax: v.valueMax, unit: v.unit,
        year: years[col], baseline: rowBaseline, text: text.slice(row.start, row.end), range: v.range,
        tableStart: header.start, rowStart: row.start,
      });
    }
  }
}
