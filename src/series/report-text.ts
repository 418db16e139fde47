/**
 * The terminal report of `plans series`: the plans (columns) with their level and period, then a
 * table with one row per indicator, one column per plan; each cell lists the plan's values (year,
 * commitment, source line) and, under them, its verdict against the previous cell of the row.
 */
import { displayWidth } from '../stages/layout/lines.js';
import type { SeriesResult, SeriesRow } from './model.js';
import { cellValues, formatCellValue, formatPeriod, planLabel } from './cell-lines.js';

/** Display columns of the indicator column; longer indicators wrap. */
const INDICATOR_WIDTH = 24;

/** Display columns of a plan's column; a longer value (a qualitative target's words) wraps. */
const CELL_WIDTH = 20;

// Control characters from the source must not reach the terminal as escapes.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\s+/g, ' ');

/** `text` cut into pieces of at most `width` display columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && displayWidth(line + ch) > width) (lines.push(line), (line = ''));
    line += ch;
  }
  return [...lines, line];
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The lines of each column of one row: indicator first, then one entry per shown plan. */
function rowColumns(row: SeriesRow, shown: readonly number[]): string[][] {
  const columns = [wrap(printable(row.indicator), INDICATOR_WIDTH)];
  for (const plan of shown) {
    const cell = row.cells.find((c) => c.plan === plan);
    const step = row.steps.find((s) => s.to === plan);
    const lines = cell ? cellValues(cell).flatMap((v) => wrap(printable(formatCellValue(v)), CELL_WIDTH)) : [];
    if (step) lines.push(`← ${step.verdict}`);
    columns.push(lines);
  }
  return columns;
}

/** Renders the series as text (ends with a newline). Columns of plans with no value in any row are left out. */
export function renderSeriesText(result: SeriesResult): string {
  const shown = result.plans.map((_, i) => i).filter((i) => result.rows.some((r) => r.cells.some((c) => c.plan === i)));
  const out = [`plans series: ${result.plans.length} plans, ${result.rows.length} indicators`, '', 'Plans, from the top level down, then by period:'];
  result.plans.forEach((plan, i) => {
    out.push(`  ${planLabel(i).padEnd(4)}${(plan.level ?? '?').padEnd(9)}${formatPeriod(plan).padEnd(11)}${printable(plan.title)}  (${plan.file} ${plan.documentId})`);
  });
  out.push('', 'Each cell: due year, value, :source line; ← the verdict against the previous plan of the row.', '');
  const rows = [['Indicator', ...shown.map(planLabel)].map((h) => [h]), ...result.rows.map((r) => rowColumns(r, shown))];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => Math.max(0, ...r[c].map((l) => displayWidth(l))))));
  for (const [k, columns] of rows.entries()) {
    const height = Math.max(...columns.map((c) => c.length));
    for (let l = 0; l < height; l++) out.push(columns.map((c, i) => pad(c[l] ?? '', widths[i])).join(' │ ').trimEnd());
    out.push(k === 0 ? widths.map((w) => '─'.repeat(w)).join('─┼─') : '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
