/**
 * The HTML report of `plans series`: one self-contained page (the diff report's shell and
 * colours) with a matrix, one row per indicator and one column per plan. A cell is coloured by its
 * verdict against the previous plan of its row (`data-verdict`); hovering a value shows its source
 * line and sentence (`title`).
 */
import { htmlPage } from '../diff/report-html.js';
import { escapeHtml } from '../emit/html.js';
import type { SeriesResult, SeriesRow } from './model.js';
import { cellValues, formatCellValue, formatPeriod, planLabel } from './cell-lines.js';

const STYLE = `
.series th{font-weight:600;font-size:.85rem}
.series td.indicator{font-weight:600;min-width:12rem;max-width:18rem}
.series .value{display:block;white-space:nowrap;cursor:help}
.series .verdict{display:block;font-size:.8rem;color:#59636e}
.legend{display:flex;gap:.5rem;list-style:none;padding:0}
.legend li{padding:.2rem .6rem;border-radius:.4rem;border:1px solid #d1d9e0}
`;

const VERDICTS = ['same', 'stricter', 'looser', 'changed'] as const;

function cellHtml(row: SeriesRow, plan: number): string {
  const cell = row.cells.find((c) => c.plan === plan);
  if (!cell) return '<td></td>';
  const step = row.steps.find((s) => s.to === plan);
  const values = cellValues(cell)
    .map((v) => {
      const hover = v.targets.map((t) => `line ${t.span.start.line}: ${t.text.replace(/\s+/g, ' ').trim()}`).join('\n');
      return `<span class="value" title="${escapeHtml(hover)}">${escapeHtml(formatCellValue(v))}</span>`;
    })
    .join('');
  const verdict = step ? `<span class="verdict">← ${step.verdict} (vs ${planLabel(step.from)})</span>` : '';
  const attributes = step ? ` class="v-${step.verdict}" data-verdict="${step.verdict}"` : '';
  return `<td${attributes} data-plan="${plan}">${values}${verdict}</td>`;
}

/** Renders the series as one HTML page. */
export function renderSeriesHtml(result: SeriesResult): string {
  const header = result.plans
    .map((p, i) => `<th data-plan="${i}">${planLabel(i)} · ${escapeHtml(p.level ?? '?')} · ${escapeHtml(formatPeriod(p))}<br>${escapeHtml(p.title)}<br><span class="line">${escapeHtml(p.file)} ${escapeHtml(p.documentId)}</span></th>`)
    .join('');
  const rows = result.rows
    .map((row) => `<tr><td class="indicator">${escapeHtml(row.indicator)}</td>${result.plans.map((_, i) => cellHtml(row, i)).join('')}</tr>`)
    .join('\n');
  const legend = VERDICTS.map((v) => `<li class="v-${v}">${v}</li>`).join('');
  const body = `<p class="meta">${result.plans.length} plans, from the top level down, then by period; ${result.rows.length} indicators. Each cell: due year, value, :source line (hover for the sentence); its colour is its verdict against the previous plan of the row.</p>
<ul class="legend">${legend}</ul>
<table class="series">
<thead><tr><th>Indicator</th>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return htmlPage('plans series', body, STYLE);
}
