/** The CSV report of `plans series`: one row per indicator × plan that has it, formulas neutralised. */
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../emit/csv.js';
import type { SeriesResult } from './model.js';
import { cellValues, formatPeriod, planLabel } from './cell-lines.js';

/**
 * Column names, in order. A cell with several values (due years) lists them in `years`, `values`
 * and `lines` in the same order, separated by `; `. `verdict` compares the cell with the previous
 * plan of its row (`previous_plan`); both are empty for the row's first plan.
 */
export const SERIES_CSV_HEADER = [
  'row',
  'indicator',
  'plan',
  'file',
  'document',
  'title',
  'level',
  'period',
  'plan_indicator',
  'years',
  'values',
  'lines',
  'previous_plan',
  'verdict',
] as const;

/** Renders every cell of every row with a header row. */
export function renderSeriesCsv(result: SeriesResult): string {
  const rows: (string | number | null)[][] = [];
  result.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const plan = result.plans[cell.plan];
      const values = cellValues(cell);
      const step = row.steps.find((s) => s.to === cell.plan);
      rows.push([
        r + 1, row.indicator, planLabel(cell.plan), plan.file, plan.documentId, plan.title, plan.level, formatPeriod(plan), cell.indicator,
        values.map((v) => v.year ?? '').join('; '), values.map((v) => v.value).join('; '), values.map((v) => v.lines.join(',')).join('; '),
        step ? planLabel(step.from) : null, step?.verdict ?? null,
      ]);
    }
  });
  return stringify([[...SERIES_CSV_HEADER], ...rows.map((row) => row.map(neutralise))]);
}
