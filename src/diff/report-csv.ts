/** The CSV report of `plans diff`: one row per aligned pair (targets, then measures), formulas neutralised. */
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../emit/csv.js';
import type { DiffResult } from './model.js';
import { formatTarget } from './format-target.js';

/** Column names of the CSV report, in order. */
export const CSV_HEADER = [
  'kind',
  'child_file',
  'child_document',
  'parent_file',
  'parent_document',
  'item',
  'year',
  'child_value',
  'parent_value',
  'verdict',
  'similarity',
  'child_line',
  'parent_line',
] as const;

type Cell = string | number | null;

/** Renders every aligned target and measure of every pair as one table with a header row. */
export function renderCsv(result: DiffResult): string {
  const rows: Cell[][] = [];
  for (const pair of result.pairs) {
    const docs = [pair.child.file, pair.child.documentId, pair.parent.file, pair.parent.documentId];
    for (const t of pair.targets) {
      rows.push([
        'target', ...docs, t.indicator, t.year, formatTarget(t.child), formatTarget(t.parent), t.verdict, t.similarity,
        t.child?.span.start.line ?? null, t.parent?.span.start.line ?? null,
      ]);
    }
    for (const m of pair.measures) {
      rows.push([
        'measure', ...docs, m.title, null, m.child?.text ?? '', m.parent?.text ?? '', m.verdict, m.similarity,
        m.child?.span.start.line ?? null, m.parent?.span.start.line ?? null,
      ]);
    }
  }
  return stringify([[...CSV_HEADER], ...rows.map((row) => row.map(neutralise))]);
}
