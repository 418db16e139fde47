/**
 * The output model of `plans`: the single source of truth for every JSON field the tool emits.
 * Types are inferred from these schemas; JSON Schema under schemas/ is generated from them.
 * Field names are fixed by DESIGN.md.
 */
import * as z from 'zod';

/** A 1-based line and a 1-based column (UTF-16 code units) in the original input file. */
export const PointSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});

/**
 * A range in the original input file; `end` points just past the last character. For DOCX, DOC
 * and PDF the "file" is the text read produced (`plans normalize --raw`); `page` (1-based, PDF
 * only) is the page the range starts on.
 */
export const SpanSchema = z.object({ start: PointSchema, end: PointSchema, page: z.number().int().min(1).optional() });

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const DiagnosticSchema = z.object({
  code: z.string().regex(/^PLN\d{3}$/),
  severity: SeveritySchema,
  message: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** The offending text, as written in the source (so that `message` keeps a fixed wording). */
  actual: z.string().optional(),
});

export const FixExampleSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  before: z.string(),
  after: z.string(),
});

/** Examples listed per fix kind (the count still counts them all): a sample, not a log as long as the text. */
export const MAX_FIX_EXAMPLES = 20;

export const FixSchema = z.object({
  kind: z.string(),
  /** How many single fixes of this kind were made. */
  count: z.number().int().min(0),
  /** The first places this kind of fix was made (at most 20; `count` counts all), adjacent fixes on one line merged into one entry. */
  examples: z.array(FixExampleSchema).max(MAX_FIX_EXAMPLES),
});

export const DuplicateSchema = z.object({
  removed: SpanSchema,
  kept: SpanSchema,
  /** Length of the removed text in UTF-16 code units. */
  chars: z.number().int().min(1),
});

export const SourceSchema = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  encoding: z.string(),
  format: z.enum(['text', 'html', 'docx', 'doc', 'pdf']),
  /** Number of pages (PDF); null where the format has no pages or they are not known. */
  pages: z.number().int().min(1).nullable(),
});

export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int().min(0).max(7),
    marker: z.string(),
    ordinal: z.number().int().min(0),
    title: z.string(),
    text: z.string(),
    children: z.array(SectionSchema),
    span: SpanSchema,
  }),
);

/**
 * A section of the heading tree. `level` is the rank of its marker's kind among the kinds the
 * document uses, on the ladder 第X篇 > 第X章 > 第X节 > 一、 > （一） > 1． > （1） (1–7; a plan with
 * 一、（一）1．（1） has 1–4); 0 = 专栏 box.
 */
export interface Section {
  id: string;
  level: number;
  marker: string;
  ordinal: number;
  title: string;
  text: string;
  children: Section[];
  span: z.infer<typeof SpanSchema>;
}

export const ComparatorSchema = z.enum([
  'gte',
  'lte',
  'gt',
  'lt',
  'eq',
  'range',
  'decrease',
  'increase',
  'qualitative',
]);

export const BaselineSchema = z.object({
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
});

/** 约束性 (binding), 预期性 (expected), 倡导性 (advocated: a norm urged on people and society). */
export const NatureSchema = z.enum(['binding', 'expected', 'advocated']);

/**
 * Where a target's due year came from: the sentence (`text`), a lead-in or heading above
 * (`section`), a table column (`table`), or only the plan's period (`period`: a guess).
 */
export const YearFromSchema = z.enum(['text', 'section', 'table', 'period']);

export const TargetSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  text: z.string(),
  indicator: z.string(),
  comparator: ComparatorSchema,
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Null exactly when `year` is. */
  yearFrom: YearFromSchema.nullable(),
  baseline: BaselineSchema.nullable(),
  nature: NatureSchema.nullable(),
  source: z.enum(['sentence', 'table']),
  /** The table a table target was read from, else null. */
  tableId: z.string().nullable(),
  span: SpanSchema,
});

/** An administrative level: national (国务院, 国家…), province (省, 自治区, 直辖市), city (市, 州, 盟), county (区, 县, 旗). */
export const AdminLevelSchema = z.enum(['national', 'province', 'city', 'county']);

export const DepartmentSchema = z.object({
  /** Canonical name (level prefix kept, abbreviations expanded to the table's canonical form). */
  name: z.string(),
  /** As written in the source. */
  raw: z.string(),
  /** The administrative level of the body: from its prefix, else (a body of the table) the document's own level; null when neither says. */
  level: AdminLevelSchema.nullable(),
});

export const MeasureSchema = z.object({
  id: z.string(),
  sectionId: z.string(),
  title: z.string(),
  text: z.string(),
  responsibilityIds: z.array(z.string()),
  span: SpanSchema,
});

export const ResponsibilitySchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  measureId: z.string().nullable(),
  lead: z.array(DepartmentSchema),
  support: z.array(DepartmentSchema),
  /** What it was read from: a bracketed or labelled clause, a duty sentence, a duty list item, a duty-table row. */
  form: z.enum(['clause', 'sentence', 'list', 'table']),
  text: z.string(),
  span: SpanSchema,
});

/** A table of a document, its cells as written (a table continued over pages is one table). */
export const TableSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  /** The 表N/专栏 line or title line just above the table. */
  caption: z.string().nullable(),
  /** One label per column; two header rows are flattened into one (`目标值 2025年`). */
  header: z.array(z.string()),
  /** Data rows, cells as written (empty cells kept; repeated header rows and 注/说明 rows left out). */
  rows: z.array(z.array(z.string())),
  span: SpanSchema,
});

export const ReferenceSchema = z.object({
  title: z.string(),
  docNumber: z.string().nullable(),
});

export const PeriodSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  /** `other`: a policy interpretation (政策解读), an explanation of a draft (起草说明), an attachment that is no plan. */
  kind: z.enum(['notice', 'plan', 'endmatter', 'other']),
  title: z.string(),
  titleTruncated: z.boolean(),
  /** The attachment label written above the title (`附件3`), never the title itself; null without one. */
  label: z.string().nullable(),
  issuer: z.string().nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  docNumber: z.string().nullable(),
  region: z.string().nullable(),
  topic: z.string().nullable(),
  period: PeriodSchema.nullable(),
  references: z.array(ReferenceSchema),
  sections: z.array(SectionSchema),
  targets: z.array(TargetSchema),
  measures: z.array(MeasureSchema),
  responsibilities: z.array(ResponsibilitySchema),
  tables: z.array(TableSchema),
  span: SpanSchema,
});

export const ExtractResultSchema = z.object({
  schemaVersion: z.literal('1'),
  source: SourceSchema,
  normalization: z.object({
    fixes: z.array(FixSchema),
    duplicates: z.array(DuplicateSchema),
  }),
  documents: z.array(DocumentSchema),
  diagnostics: z.array(DiagnosticSchema),
});

export type Point = z.infer<typeof PointSchema>;
export type Span = z.infer<typeof SpanSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Fix = z.infer<typeof FixSchema>;
export type Duplicate = z.infer<typeof DuplicateSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Baseline = z.infer<typeof BaselineSchema>;
export type Nature = z.infer<typeof NatureSchema>;
export type YearFrom = z.infer<typeof YearFromSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type PlanDocument = z.infer<typeof DocumentSchema>;
export type ExtractResult = z.infer<typeof ExtractResultSchema>;

/** The report of `plans check --format json`. */
export const CheckReportSchema = z.object({
  schemaVersion: z.literal('1'),
  files: z.array(
    z.object({
      file: z.string(),
      /** False when the input could not be read or decoded (its reason is the one error diagnostic). */
      readable: z.boolean(),
      diagnostics: z.array(DiagnosticSchema),
    }),
  ),
  summary: z.object({
    files: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    infos: z.number().int().min(0),
  }),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;
