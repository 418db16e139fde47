/**
 * The values handed from one pipeline stage to the next. Ranges inside a stage's own text are
 * 0-based, end-exclusive offsets into that text (`[start, end)`); they reach the source file only
 * through the text's `origin` map, converted once when the result is assembled.
 */
import type { MappedText } from '../text/mapped-text.js';
import type { Comparator, Baseline, Department, Nature, Reference, Period, Severity, YearFrom } from './schemas.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

/** A text range `[start, end)` in 0-based UTF-16 offsets. */
export type Range = [number, number];

/** A diagnostic as a stage reports it: positions are offsets in the decoded source string. */
export interface StageDiagnostic {
  code: DiagnosticCode;
  message: string;
  /** 0-based offset into `SourceFile.source`. */
  offset: number;
  /** Overrides the catalogue's default severity (rarely needed). */
  severity?: Severity;
  /** The offending text as written. */
  actual?: string;
}

/** What every stage may use besides its input. Stages never touch fs, argv or process. */
export interface StageContext {
  /** The input's path, for messages. */
  file: string;
  report(diagnostic: StageDiagnostic): void;
}

/** The formats read reads (DESIGN.md "read"). */
export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

/** read: bytes → text. Every reader (src/stages/read/) returns this. */
export interface SourceFile {
  path: string;
  bytes: number;
  sha256: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', … as detected or forced. */
  encoding: string;
  format: SourceFormat;
  /** Number of pages, where the format has them (PDF); null otherwise. */
  pages: number | null;
  /**
   * 0-based offsets into `source` at which each page starts (pageStarts[0] = 0), where the
   * format has pages; null otherwise. Pages are separated by a form feed, which starts a page.
   */
  pageStarts: number[] | null;
  /**
   * The whole input file decoded to a string (for DOCX, DOC and PDF: the text the reader
   * produced, as `plans normalize --raw` prints it); every reported position is an offset into it.
   */
  source: string;
  /** The text the pipeline works on: `source` itself for text and binary formats, the main text of an HTML page. */
  content: MappedText;
}

/**
 * Thrown for input that cannot be read as text at all (by a reader of src/stages/read/, or by the CLI for a file
 * that is missing or too large). `code` is the diagnostic `check` reports for it.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly code: DiagnosticCode = 'PLN004',
  ) {
    super(message);
  }
}

/** One single fix made by normalize, in source offsets. */
export interface FixRecord {
  /** Stable kebab-case kind, e.g. 'kangxi-radical', 'glyph-confusion', 'fullwidth-ascii'. */
  kind: string;
  /** Source range `[start, end)` that the fix replaced or removed (empty for a pure insertion). */
  range: Range;
  /** The text as it stood before this fix (for a fix of an earlier fix: that earlier output). */
  before: string;
  after: string;
}

/** normalize: clean text and the log of every fix. */
export interface NormalizedText {
  text: MappedText;
  fixes: FixRecord[];
}

/** One garbled repeat removed by dedupe, in source offsets. */
export interface DuplicateRecord {
  removed: Range;
  kept: Range;
  /** Length of the removed text in UTF-16 code units. */
  chars: number;
}

/** dedupe: text without garbled repeats. */
export interface DedupedText {
  text: MappedText;
  duplicates: DuplicateRecord[];
}

/** split: one document of a file, with its own text (pieces of the deduped text, in reading order). */
export interface DocumentPart {
  /** `other`: a policy interpretation, an explanation of a draft, an attachment that is no plan (a table). */
  kind: 'notice' | 'plan' | 'endmatter' | 'other';
  /** The document's text; ranges of later stages index into it. */
  text: MappedText;
  title: string;
  /** Where the title stands in `text` (the recovered full title where the title line was cut). */
  titleRange: Range;
  titleTruncated: boolean;
  /** The attachment label written above the title (`附件3`, `附件：2`), never part of the title; absent without one. */
  label?: string;
  /**
   * True for a policy interpretation (政策解读) or an explanation of a draft (起草说明): it restates
   * the plan it explains, so no headings, targets, measures or responsibilities are read from it.
   */
  commentary?: boolean;
  /**
   * True when the document's order was inferred: its pieces were untangled from an interleaved
   * (scrambled) copy and put in heading order by split, not read in the order they stand.
   */
  reconstructed?: boolean;
}

/** metadata: what the document says about itself. */
export interface DocumentMetadata {
  issuer: string | null;
  date: string | null;
  docNumber: string | null;
  region: string | null;
  topic: string | null;
  period: Period | null;
  references: Reference[];
}

/** segment: one heading and its body, ranges in the document text. */
export interface SectionNode {
  /** 0 = 专栏 box; else the rank of the marker's kind among the kinds the document uses (1 = outermost, at most 7). */
  level: number;
  /** The marker as written, e.g. '一、', '（二）', '3．', '（1）', '专栏1'. */
  marker: string;
  ordinal: number;
  title: string;
  /** The whole section: heading line through the end of its last descendant. */
  range: Range;
  /** The heading (marker and title). */
  headingRange: Range;
  /** The body text directly under the heading (up to the first child heading), trimmed. */
  text: string;
  textRange: Range;
  children: SectionNode[];
}

/** segment: the heading tree of one document. `preamble` is the text before the first heading. */
export interface SectionTree {
  sections: SectionNode[];
  preambleRange: Range;
}

/** What a target commits to, wherever it was read from (a sentence or a table row). */
export interface TargetReading {
  indicator: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  year: number | null;
  baseline: Baseline | null;
}

/** extract: a quantified (or qualitative) goal. Ranges are in the document text. */
export interface TargetNode extends TargetReading {
  /** The section the target sits in (the deepest enclosing one), or null for the preamble. */
  section: SectionNode | null;
  /** The sentence or table row the target was read from. */
  text: string;
  source: 'sentence' | 'table';
  /** Where `year` came from (the sentence, a lead-in above, a table column, the plan period), null with it. */
  yearFrom: YearFrom | null;
  /** 约束性/预期性/倡导性, where the table or the text says it; else null. */
  nature: Nature | null;
  /** The table a table target was read from, else null. */
  table: TableNode | null;
  /** Where the value (or, for a qualitative target, the sentence) stands. */
  range: Range;
}

/** extract: a numbered item under a measures/tasks chapter. */
export interface MeasureNode {
  section: SectionNode;
  title: string;
  text: string;
  range: Range;
}

/** extract: who is responsible, from a clause, a duty sentence or a duty list. */
export interface ResponsibilityNode {
  section: SectionNode | null;
  /** The measure the clause is attached to, or null. */
  measure: MeasureNode | null;
  lead: Department[];
  support: Department[];
  /** What it was read from: a clause, a duty sentence, a duty-list item or a duty-table row. */
  form: 'clause' | 'sentence' | 'list' | 'table';
  text: string;
  range: Range;
}

/** tables: one cell as written; multi-line cells joined. `offsets[k]` is where character k stands in the document text. */
export interface TableCell {
  text: string;
  offsets: number[];
}

/** tables: one row as written, and the `[start, end)` of its lines in the document text. */
export interface TableRow {
  cells: TableCell[];
  range: Range;
}

/**
 * tables: a table of a document. `header` holds one label per column, two header rows flattened
 * (`目标值 2025年`); `rows` are the data rows as written (empty cells kept, repeated header rows and
 * 注/说明 rows left out). `range` covers the header through the last row (and notes below it).
 */
export interface TableNode {
  caption: string | null;
  header: string[];
  /** The header rows as written (zero, one or two). */
  headerRows: TableRow[];
  rows: TableRow[];
  /** The 注/说明 notes under or in the table, as written (`注：基线值为2022年数据。`). */
  notes: string[];
  range: Range;
  /** The section the table stands in; set once the heading tree is known. */
  section: SectionNode | null;
}
