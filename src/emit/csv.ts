/**
 * CSV: one flat table of targets, measures, responsibilities or sections, with file and line
 * columns; or the documents' tables in long form, one row per cell.
 */
import type { ExtractResult, PlanDocument, Section } from '../model/schemas.js';
import { lazyModule } from '../lazy-module.js';

/** csv-stringify, loaded when the first CSV is written: the other formats do not pay for it. */
const csvStringify = lazyModule<typeof import('csv-stringify/sync')>('csv-stringify/sync');

export type CsvTable = 'targets' | 'measures' | 'responsibilities' | 'sections' | 'tables';
export const CSV_TABLES: readonly CsvTable[] = ['targets', 'measures', 'responsibilities', 'sections', 'tables'];

type Cell = string | number | boolean | null;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) gets a leading
 * apostrophe, the OWASP recommendation for CSV injection. Numbers stay numbers.
 */
export function neutralise(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const names = (list: { name: string }[]) => list.map((d) => d.name).join('；');
/** One level per department, in the order of the names (an unknown level is an empty item). */
const levels = (list: { level: string | null }[]) => list.map((d) => d.level ?? '').join('；');

function flattenSections(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flattenSections(s.children, out);
  }
  return out;
}

/**
 * The columns of each table, its rows per document, and the names of the source-position columns
 * its rows end with (default `line`, `column`).
 */
const COLUMNS: Record<CsvTable, { header: string[]; rows: (doc: PlanDocument) => Cell[][]; position?: string[] }> = {
  targets: {
    header: ['id', 'section_id', 'indicator', 'comparator', 'value', 'value_max', 'unit', 'year', 'year_from', 'baseline_value', 'baseline_unit', 'baseline_year', 'nature', 'source', 'table_id', 'text'],
    rows: (doc) =>
      doc.targets.map((t) => [
        t.id, t.sectionId, t.indicator, t.comparator, t.value, t.valueMax, t.unit, t.year, t.yearFrom,
        t.baseline?.value ?? null, t.baseline?.unit ?? null, t.baseline?.year ?? null, t.nature, t.source, t.tableId, t.text,
        t.span.start.line, t.span.start.column,
      ]),
  },
  measures: {
    header: ['id', 'section_id', 'title', 'responsibility_ids', 'text'],
    rows: (doc) => doc.measures.map((m) => [m.id, m.sectionId, m.title, m.responsibilityIds.join(' '), m.text, m.span.start.line, m.span.start.column]),
  },
  responsibilities: {
    header: ['id', 'section_id', 'measure_id', 'lead', 'support', 'lead_raw', 'support_raw', 'lead_level', 'support_level', 'form', 'text'],
    rows: (doc) =>
      doc.responsibilities.map((r) => [
        r.id, r.sectionId, r.measureId, names(r.lead), names(r.support),
        r.lead.map((d) => d.raw).join('；'), r.support.map((d) => d.raw).join('；'), levels(r.lead), levels(r.support), r.form, r.text,
        r.span.start.line, r.span.start.column,
      ]),
  },
  sections: {
    header: ['id', 'level', 'marker', 'ordinal', 'title', 'text'],
    rows: (doc) => flattenSections(doc.sections).map((s) => [s.id, s.level, s.marker, s.ordinal, s.title, s.text, s.span.start.line, s.span.start.column]),
  },
  // Long form: one row per cell; `row` and `column` count data rows and columns from 1, and the
  // source line is the table's (cells carry no span of their own).
  tables: {
    header: ['table_id', 'caption', 'row', 'column', 'header', 'value'],
    rows: (doc) =>
      doc.tables.flatMap((t) =>
        t.rows.flatMap((row, r) => row.map((value, c) => [t.id, t.caption, r + 1, c + 1, t.header[c] ?? '', value, t.span.start.line])),
      ),
    position: ['line'],
  },
};

/**
 * One table over all results: file, document columns, the table's own columns, then line and
 * column. Cells holding a tab or line break are quoted, so that spreadsheets keep them in the cell;
 * `bom` starts the text with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8.
 */
export function csvTable(results: readonly ExtractResult[], table: CsvTable, bom = false): string {
  const spec = COLUMNS[table];
  const header = ['file', 'document_id', 'document_title', ...spec.header, ...(spec.position ?? ['line', 'column'])];
  const rows: Cell[][] = [];
  for (const result of results) {
    for (const doc of result.documents) {
      for (const row of spec.rows(doc)) rows.push([result.source.path, doc.id, doc.title, ...row].map(neutralise));
    }
  }
  const csv = csvStringify().stringify([header, ...rows], { quoted_match: /[\t\r\n]/, cast: { boolean: (b) => (b ? 'true' : 'false') } });
  return (bom ? '\ufeff' : '') + csv;
}
