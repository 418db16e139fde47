/** Builders of synthetic ExtractResults for the diff tests (content written for the tests, not taken from the samples). */
import type { Department, ExtractResult, Measure, PlanDocument, Responsibility, Target } from '../../src/model/schemas.js';

const span = (line: number, column = 1) => ({ start: { line, column }, end: { line, column: column + 9 } });

let nextId = 0;

/** A target; `text` defaults to a sentence built from the indicator. */
export function target(
  indicator: string,
  comparator: Target['comparator'],
  value: number | null,
  options: { unit?: string | null; year?: number | null; valueMax?: number | null; text?: string; line?: number; column?: number; source?: Target['source'] } = {},
): Target {
  return {
    id: `t${++nextId}`,
    sectionId: 's1',
    text: options.text ?? `${indicator}达到${value ?? ''}${options.unit ?? ''}`,
    indicator,
    comparator,
    value,
    valueMax: options.valueMax ?? null,
    unit: options.unit === undefined ? '%' : options.unit,
    year: options.year === undefined ? 2025 : options.year,
    yearFrom: options.year === null ? null : 'text',
    baseline: null,
    nature: null,
    source: options.source ?? 'sentence',
    tableId: null,
    span: span(options.line ?? 1, options.column ?? 1),
  };
}

/** A measure with its own id (responsibilities refer to it). */
export function measure(id: string, title: string, text: string, options: { line?: number; responsibilityIds?: string[] } = {}): Measure {
  return { id, sectionId: 's2', title, text, responsibilityIds: options.responsibilityIds ?? [], span: span(options.line ?? 1) };
}

const dept = (name: string): Department => ({ name, raw: name, level: null });

/** A responsibility of a measure: lead and support departments by canonical name. */
export function responsibility(id: string, measureId: string, lead: string[], support: string[] = []): Responsibility {
  return { id, sectionId: 's2', measureId, lead: lead.map(dept), support: support.map(dept), form: 'clause', text: '', span: span(1) };
}

/** A document; kind `plan` unless given. */
export function doc(id: string, title: string, options: Partial<Omit<PlanDocument, 'id' | 'title'>> = {}): PlanDocument {
  return {
    id,
    kind: 'plan',
    title,
    titleTruncated: false,
    label: null,
    issuer: null,
    date: null,
    docNumber: null,
    region: null,
    topic: null,
    period: null,
    references: [],
    sections: [],
    targets: [],
    measures: [],
    responsibilities: [],
    tables: [],
    span: span(1),
    ...options,
  };
}

/** One file's result holding `documents`. */
export function result(path: string, documents: PlanDocument[]): ExtractResult {
  return {
    schemaVersion: '1',
    source: { path, sha256: '0'.repeat(64), bytes: 0, encoding: 'utf-8', format: 'text', pages: null },
    normalization: { fixes: [], duplicates: [] },
    documents,
    diagnostics: [],
  };
}
