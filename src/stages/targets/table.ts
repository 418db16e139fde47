/**
 * Indicator tables → targets. The tables stage has read the table (its header labels, two header
 * rows flattened, and rows of cells); an indicator table is one whose header names an indicator
 * column (指标, 项目) and year, baseline or target-value columns (2020年, 基线, 基期, 现状, 目标值,
 * 预期值, `目标值 2025年`). Each target-year column gives one target per row; a target-value column
 * without a year takes the year of the text around the table. A row's unit comes from its value,
 * from the indicator (`吸烟率（%）`), from a 单位 column or from its column's label (`2025年（%）`);
 * its nature from a 指标性质/属性 column (约束性, 预期性, 约束, 预期, 倡导性); a comparator written in
 * the column's label (`目标值（≥）`, `2025年（以上）`) applies to the plain numbers under it. A
 * baseline column without a year takes the year a note under the table gives (`注：基线值为2022年数据。`),
 * a baseline cell with its own year (`26.4（2018年）`) that year.
 * Offsets are 0-based into the document text.
 */
import type { Baseline, Comparator, Nature } from '../../model/schemas.js';
import type { TableCell, TableNode, TargetReading } from '../../model/stages.js';
import { findTables } from '../tables.js';
import { readValues, verbAt } from './value.js';
import { baselineYearIn } from './year.js';

/** A target read from a table row. `range` is where its value stands in the text. */
export interface TableTarget extends TargetReading {
  /** The row as written. */
  text: string;
  range: [number, number];
  /** 约束性/预期性/倡导性 from the table's 指标性质 column, or null. */
  nature: Nature | null;
  /** The table the row belongs to. */
  table: TableNode;
  /** Start of the row. */
  rowStart: number;
}

/** What was read from the tables of a text. */
export interface TableReading {
  targets: TableTarget[];
  /** Rows of indicator tables whose cell count differs from their header's: `[start, end)` in the text. */
  badRows: Array<[number, number]>;
  /** The indicator tables (those with an indicator column and a target column). */
  tables: TableNode[];
}

/** Options of the table reader. */
export interface TableOptions {
  /** First year of the plan period: a year column before it is the baseline (基期), not a target. */
  periodStart: number | null;
}

const YEAR_HEADER = /(\d{4})\s?年/;
const BASELINE_HEADER = /基线|基期|现状|现值|基数/;
/** A column of target values whose year the header does not give (目标值, 预期值, 2020年目标 has one). */
const TARGET_HEADER = /目标值|预期值|目标$/;
const INDICATOR_HEADER = /指标|项目/;
/** A column giving each row's unit (单位, 计量单位). */
const UNIT_HEADER = /^(?:计量)?单位$/;
const NOT_INDICATOR_HEADER = /性质|属性|值|类别|领域/;

/** Words of a cell that sets a direction without a number (持续下降, 成功建设). */
const QUALITATIVE_CELL = /[\u4e00-\u9fff]{2,}/;
const CELL_LEAD = /^(?:力争|约|达到|达|保持)\s?/;
const UNIT_IN_HEADER = /[（(]([^（）()]{1,8})[）)]\s*$/;
/** What a unit is written with: signs, digits, Latin letters and the characters of measure words. */
const UNIT_TEXT = /^[%％‰‱\d./／a-zA-Z²³·十百千万亿人口张名个所岁天元克床台辆支项家次小时分钟公里米平方亩吨套件例户份类种座条处级倍]+$/;

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
function readCell(cell: TableCell, headerUnit: string | null): CellValue | null {
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

/** A column of each indicator's nature (指标性质, 属性). */
const NATURE_HEADER = /性质|属性/;

/** The nature a 指标性质 cell names, or null. */
export function natureOf(cell: string): Nature | null {
  if (/约束/.test(cell)) return 'binding';
  if (/预期/.test(cell)) return 'expected';
  if (/倡导/.test(cell)) return 'advocated';
  return null;
}

/** A comparator written in a column's label (`≥`, `以上`, `不低于`, `≤`, `以下`, `以内`, `不高于`). */
function labelComparator(label: string): Comparator | null {
  if (/≥|以上|不低于|不少于/.test(label)) return 'gte';
  if (/≤|以下|以内|不高于|不超过/.test(label)) return 'lte';
  if (/>/.test(label)) return 'gt';
  if (/</.test(label)) return 'lt';
  return null;
}

/** A unit in a column's label (`2025年（%）`), never a year (`目标值（2025年）`). */
function labelUnit(label: string): string | null {
  const m = UNIT_IN_HEADER.exec(label);
  return m && !/\d{4}|[≥≤><]|以[上下内]/.test(m[1]) ? normaliseUnit(m[1]) : null;
}

/** The columns of an indicator table, or null when the table is not one. */
interface IndicatorColumns {
  indicator: number;
  baseline: number;
  targets: number[];
  unit: number;
  nature: number;
  years: Array<number | null>;
}

function indicatorColumns(heads: readonly string[], options: TableOptions): IndicatorColumns | null {
  const indicator = heads.findIndex((t) => INDICATOR_HEADER.test(t) && !NOT_INDICATOR_HEADER.test(t));
  if (indicator < 0) return null;
  const years = heads.map((t) => {
    const m = YEAR_HEADER.exec(t);
    return m ? Number(m[1]) : null;
  });
  let baseline = heads.findIndex((t) => BASELINE_HEADER.test(t));
  const yearCols = years.flatMap((y, k) => (y !== null && k !== baseline && k !== indicator ? [k] : []));
  if (baseline < 0 && options.periodStart !== null && yearCols.length > 1) {
    // A year column before the plan period holds the base values (基期), not targets.
    const early = yearCols.find((k) => (years[k] ?? 0) < (options.periodStart ?? 0));
    if (early !== undefined) baseline = early;
  }
  if (baseline < 0 && yearCols.length > 1) {
    // `2015年 | 2020年 | 2030年` under 目标值: a year column left of the others and not a target
    // column itself (no 目标/预期 in its label) is where the indicator stands now.
    const first = yearCols[0];
    if (!/目标|预期|规划/.test(heads[first]) && yearCols.slice(1).some((k) => /目标|预期|规划/.test(heads[k]))) baseline = first;
  }
  const valueCols = heads.flatMap((t, k) => (years[k] === null && k !== baseline && TARGET_HEADER.test(t) ? [k] : []));
  const targets = [...yearCols.filter((k) => k !== baseline), ...valueCols].sort((a, b) => a - b);
  if (targets.length === 0) return null;
  return {
    indicator, baseline, targets, years,
    unit: heads.findIndex((t) => UNIT_HEADER.test(t)),
    nature: heads.findIndex((t) => NATURE_HEADER.test(t)),
  };
}

/** A note giving the year of the baseline column (`注：基线值为2022年数据。`, `基期为2020年`). */
const BASELINE_YEAR_NOTE = /(?:基线|基期|现状)(?:水平)?(?:值|数据|数值|年份?)?(?:均|统一)?(?:为|是|指|采用)\s*(\d{4})\s*年/;

/** A baseline cell's own year in parentheses after its value (`26.4（2018年）`, `14.4%（2017年数据）`). */
const CELL_YEAR = /[（(]\s*((?:19|20)\d\d)\s*年(?:底|末)?(?:数据|数值)?\s*[)）]\s*$/;

/** The baseline year a table's notes give, or null. */
function noteBaselineYear(notes: readonly string[]): number | null {
  for (const note of notes) {
    const m = BASELINE_YEAR_NOTE.exec(note);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Reads the targets of one table; returns null when it is no indicator table. */
export function tableTargets(text: string, table: TableNode, options: TableOptions): { targets: TableTarget[]; badRows: Array<[number, number]> } | null {
  const heads = table.header.map((h) => h.trim());
  const cols = indicatorColumns(heads, options);
  if (!cols) return null;
  const targets: TableTarget[] = [];
  const badRows: Array<[number, number]> = [];
  const baselineYear = cols.baseline >= 0 ? (cols.years[cols.baseline] ?? noteBaselineYear(table.notes)) : null;
  for (const row of table.rows) {
    if (row.cells.length !== heads.length) {
      badRows.push(row.range);
      continue;
    }
    const rawIndicator = row.cells[cols.indicator].text.trim();
    // 吸烟率（%）: a unit in the indicator's parentheses; 健康管理率（65岁以上老年人）: whom it measures.
    const trailing = UNIT_IN_HEADER.exec(rawIndicator);
    const unitMatch = trailing && UNIT_TEXT.test(trailing[1].replace(/\s/g, '')) ? trailing : null;
    const unitCell = cols.unit >= 0 ? row.cells[cols.unit].text.trim() : '';
    const rowUnit = unitMatch ? normaliseUnit(unitMatch[1]) : unitCell !== '' ? normaliseUnit(unitCell) : null;
    const indicator = (unitMatch ? rawIndicator.slice(0, unitMatch.index) : rawIndicator).replace(/\s/g, '');
    if (indicator === '') continue;
    const nature = cols.nature >= 0 ? natureOf(row.cells[cols.nature].text) : null;
    let baseline: Baseline | null = null;
    if (cols.baseline >= 0) {
      const cell = row.cells[cols.baseline];
      const b = readCell(cell, rowUnit ?? labelUnit(heads[cols.baseline]));
      // A change (较2015年下降10%) is not a level: the baseline then keeps only the year of its base.
      const change = b !== null && (b.comparator === 'decrease' || b.comparator === 'increase');
      const ownYear = CELL_YEAR.exec(cell.text);
      if (b && b.value !== null && !change) baseline = { value: b.value, unit: b.unit, year: ownYear ? Number(ownYear[1]) : baselineYear };
      else if (change) baseline = { value: null, unit: null, year: baselineYearIn(cell.text) ?? baselineYear };
    }
    for (const col of cols.targets) {
      const v = readCell(row.cells[col], rowUnit ?? labelUnit(heads[col]));
      if (!v) continue;
      // 较2015年降低20％: the change's own base year wins over the baseline column's.
      const baseYear = v.comparator === 'decrease' || v.comparator === 'increase' ? baselineYearIn(row.cells[col].text) : null;
      const rowBaseline = baseYear === null ? baseline : { value: null, unit: null, year: baseYear };
      const written = v.comparator === 'eq' && v.valueMax === null ? labelComparator(heads[col]) : null;
      targets.push({
        indicator, comparator: written ?? tableDirection(v, rowBaseline), value: v.value, valueMax: v.valueMax, unit: v.unit,
        year: cols.years[col], baseline: rowBaseline, nature, text: text.slice(row.range[0], row.range[1]), range: v.range,
        table, rowStart: row.range[0],
      });
    }
  }
  return { targets, badRows };
}

/** Reads every indicator table of `text` (the tables found by the tables stage when given). */
export function readTables(text: string, options: TableOptions, tables: readonly TableNode[] = findTables(text)): TableReading {
  const reading: TableReading = { targets: [], badRows: [], tables: [] };
  for (const table of tables) {
    const read = tableTargets(text, table, options);
    if (!read) continue;
    reading.targets.push(...read.targets);
    reading.badRows.push(...read.badRows);
    reading.tables.push(table);
  }
  return reading;
}
