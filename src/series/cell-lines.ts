/** The short forms of a series cell shared by the text, CSV and HTML reports. */
import type { Target } from '../model/schemas.js';
import { formatTarget } from '../diff/format-target.js';
import type { SeriesCell, SeriesPlan } from './model.js';

/** One value of a cell as shown: due year, commitment as written (`≥95%`), and the source lines that state it. */
export interface CellValue {
  year: number | null;
  value: string;
  lines: number[];
  targets: Target[];
}

/**
 * The distinct values of a cell: targets with the same year and commitment (one indicator in the
 * table and again in the text) are shown once, with all their lines.
 */
export function cellValues(cell: SeriesCell): CellValue[] {
  const values: CellValue[] = [];
  for (const target of cell.targets) {
    const value = formatTarget(target);
    const same = values.find((v) => v.year === target.year && v.value === value);
    if (same) {
      same.lines.push(target.span.start.line);
      same.targets.push(target);
    } else values.push({ year: target.year, value, lines: [target.span.start.line], targets: [target] });
  }
  return values;
}

/** `2020 ≥95% :29` or `— ≥95% :29,31` (no due year). */
export function formatCellValue(v: CellValue): string {
  return `${v.year ?? '—'} ${v.value} :${v.lines.join(',')}`;
}

/** `P3` for the plan at index 2: how reports name a column. */
export const planLabel = (index: number) => `P${index + 1}`;

/** `2016–2020`, or `—` when the plan states no period. */
export const formatPeriod = (plan: SeriesPlan) => (plan.period ? `${plan.period.start}–${plan.period.end}` : '—');
