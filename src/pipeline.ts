/**
 * Chains the stages for one input file:
 * read → layout → normalize → privacy → dedupe → split → (metadata, tables, segment, targets, measures, responsibilities)
 * per document → assemble → validate.
 *
 * Two entries: `extract`/`cleanText` read text and HTML synchronously (as tests and the library
 * always could); `extractAsync`/`cleanTextAsync` read every format (PDF and Word too, whose readers
 * are asynchronous) and are what the CLI uses, so that all formats go through the same code.
 */
import type { ExtractResult, Diagnostic } from './model/schemas.js';
import type {
  DedupedText,
  NormalizedText,
  SourceFile,
  StageContext,
  StageDiagnostic,
} from './model/stages.js';
import { InputError } from './model/stages.js';
import { decode } from './stages/read/text.js';
import { binaryFormat, read, type ReadOptions } from './stages/read/read.js';
import { layout } from './stages/layout.js';
import { normalize } from './stages/normalize.js';
import { dedupe } from './stages/dedupe.js';
import { split } from './stages/split.js';
import { protectPrivacy, redactDiagnostics, redactFixes } from './stages/privacy.js';
import { metadata } from './stages/metadata.js';
import { segment } from './stages/segment.js';
import { placeTables, tables as findDocumentTables } from './stages/tables.js';
import { extractTargets } from './stages/targets.js';
import { extractMeasures } from './stages/measures.js';
import { extractResponsibilities } from './stages/responsibilities.js';
import { documentLevel } from './model/admin-level.js';
import { assemble, type AssembledDocument } from './stages/assemble.js';
import { validate } from './stages/validate.js';
import { LineIndex } from './text/line-index.js';
import { toDiagnostic } from './diagnostics/diagnostic.js';
import { compareCodeUnits } from './text/compare.js';

export interface PipelineOptions extends ReadOptions {
  /** Replace personal contact data with placeholders in every output. */
  redact?: boolean;
}

/** Everything the text stages produce for one file, before documents are built. */
export interface CleanText {
  source: SourceFile;
  normalized: NormalizedText;
  deduped: DedupedText;
  lines: LineIndex;
  diagnostics: StageDiagnostic[];
}

function collectingContext(file: string, into: StageDiagnostic[]): StageContext {
  return { file, report: (d) => void into.push(d) };
}

/**
 * Text and HTML only: decode → layout → normalize → privacy → dedupe (report, or redact when
 * asked). Throws InputError for input that is not text (a PDF or Word file too: use cleanTextAsync).
 */
export function cleanText(bytes: Uint8Array, path: string, options: PipelineOptions = {}): CleanText {
  const format = binaryFormat(bytes, path);
  if (format !== null) throw new InputError(`a ${format.toUpperCase()} file: read it with extractAsync or cleanTextAsync`, 'PLN002');
  const diagnostics: StageDiagnostic[] = [];
  const source = decode(bytes, path, options, collectingContext(path, diagnostics));
  return cleanSource(source, diagnostics, options);
}

/** Any format: read → layout → normalize → privacy → dedupe. Throws InputError for input that cannot be read. */
export async function cleanTextAsync(bytes: Uint8Array, path: string, options: PipelineOptions = {}): Promise<CleanText> {
  const diagnostics: StageDiagnostic[] = [];
  const source = await read(bytes, path, options, collectingContext(path, diagnostics));
  return cleanSource(source, diagnostics, options);
}

/**
 * The text stages on a file already read (`diagnostics`: what reading it reported, appended to).
 * Synchronous whatever the format.
 */
export function cleanSource(source: SourceFile, diagnostics: StageDiagnostic[], options: PipelineOptions = {}): CleanText {
  const ctx = collectingContext(source.path, diagnostics);
  // A PDF's text is printed pages whatever its profile (one short page has no usual line width).
  const running = layout(source.content, { printed: source.format === 'pdf' });
  const normalized = normalize(running.text, ctx);
  // Privacy before dedupe, so that no repeat dedupe reports quotes what --redact removes.
  const privacy = protectPrivacy(normalized.text, options.redact === true, ctx);
  const deduped = dedupe(privacy.text, ctx);
  const earlierFixes = [...running.fixes, ...normalized.fixes];
  if (options.redact === true) redactDiagnostics(diagnostics);
  return {
    source,
    normalized: {
      text: privacy.text,
      fixes: [...(options.redact === true ? redactFixes(earlierFixes, privacy.fixes) : earlierFixes), ...privacy.fixes],
    },
    deduped: { text: deduped.text, duplicates: deduped.duplicates },
    lines: new LineIndex(source.source, source.pageStarts),
    diagnostics,
  };
}

/** Runs the whole pipeline on one text or HTML file. Throws InputError for input that is not text (use extractAsync for PDF and Word). */
export function extract(bytes: Uint8Array, path: string, options: PipelineOptions = {}): ExtractResult {
  return extractClean(cleanText(bytes, path, options));
}

/** Runs the whole pipeline on one file of any format. Rejects with InputError for input that cannot be read. */
export async function extractAsync(bytes: Uint8Array, path: string, options: PipelineOptions = {}): Promise<ExtractResult> {
  return extractClean(await cleanTextAsync(bytes, path, options));
}

/** The document stages on a cleaned text: split → per document → assemble → validate. */
export function extractClean(clean: CleanText): ExtractResult {
  const path = clean.source.path;
  const ctx = collectingContext(path, clean.diagnostics);
  const tableCtx = clean.normalized.fixes.some((fix) => fix.kind === 'table-cells') ? layoutTableContext(ctx) : ctx;
  const parts = split(clean.deduped.text, ctx);
  const pageMade = isPageMade(clean);
  const documents: AssembledDocument[] = parts.map((part) => {
    const meta = metadata(part, parts, ctx);
    // Tables are found before the heading tree, so that no table line is read as a heading.
    const tables = findDocumentTables(part, ctx);
    // A policy interpretation restates its plan: read from it, the plan's targets would count twice.
    if (part.commentary) {
      return { part, meta, tree: { sections: [], preambleRange: [0, part.text.text.length] }, targets: [], measures: [], responsibilities: [], tables };
    }
    const segmentCtx = part.reconstructed
      ? warningOnlyContext(ctx, 'order reconstructed from a scrambled copy')
      : pageMade ? warningOnlyContext(ctx, 'page-made text') : ctx;
    const tree = segment(part, segmentCtx, tables);
    placeTables(tables, tree);
    const targets = extractTargets(part, tree, meta, tableCtx, tables);
    const measures = extractMeasures(part, tree, ctx);
    const responsibilities = extractResponsibilities(part, tree, measures, ctx, tables, documentLevel(meta.region, part.title, meta.issuer));
    return { part, meta, tree, targets, measures, responsibilities, tables };
  });
  return validate(assemble(clean, documents), path);
}

/** Heading-sequence codes whose severity depends on whether the order was read or inferred. */
const SEQUENCE_CODES = new Set(['PLN401', 'PLN402']);

/** Fix kinds the layout stage logs when it turns page-made text into running text. */
const PAGE_FIX_KINDS = new Set(['page-header', 'page-footer', 'page-number', 'page-break', 'hard-wrap', 'toc']);

/**
 * Whether the input was made of pages (a PDF's text: form feeds, or layout had to undo pages). In
 * such text a heading can be lost to a page break or a cut line where segment cannot see it.
 */
function isPageMade(clean: CleanText): boolean {
  return clean.source.source.includes('\f') || clean.normalized.fixes.some((f) => PAGE_FIX_KINDS.has(f.kind));
}

/**
 * For a document whose order split reconstructed from a scrambled copy, or whose text was made of
 * pages, a numbering gap or repeat may come from the tool's own reading as much as from the
 * source: it is reported as a warning, with that said in the message, rather than failing the
 * corpus as an error would.
 */
function warningOnlyContext(ctx: StageContext, why: string): StageContext {
  return {
    file: ctx.file,
    report: (d) =>
      ctx.report(
        SEQUENCE_CODES.has(d.code)
          ? { ...d, severity: d.severity === 'info' ? 'info' : 'warning', message: `${d.message} (${why})` }
          : d,
      ),
  };
}

/**
 * A table whose cells layout rebuilt from a printed page (aligned columns, one cell per line)
 * may have a row read with a cell too many or too few where the print joined or split cells:
 * that is the reading's uncertainty, not a broken source row, so PLN502 is a warning there.
 */
function layoutTableContext(ctx: StageContext): StageContext {
  return {
    file: ctx.file,
    report: (d) =>
      ctx.report(d.code === 'PLN502' ? { ...d, severity: 'warning', message: `${d.message} (table rebuilt from the page layout)` } : d),
  };
}

/**
 * Diagnostics listed per code and file, at most: beyond it, one more diagnostic of that code says
 * how many were left out, so that output stays proportional to the input (a file of broken bytes
 * would otherwise list a diagnostic per byte run).
 */
export const MAX_DIAGNOSTICS_PER_CODE = 100;

/** Converts a stage's diagnostics to output diagnostics, sorted by line then column, at most MAX_DIAGNOSTICS_PER_CODE per code. */
export function finishDiagnostics(list: readonly StageDiagnostic[], lines: LineIndex, file: string): Diagnostic[] {
  const sorted = list
    .map((d) => toDiagnostic(d, lines, file))
    .sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.code, b.code));
  const seen = new Map<string, number>();
  const kept: Diagnostic[] = [];
  for (const d of sorted) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_DIAGNOSTICS_PER_CODE) kept.push(d);
  }
  for (const [code, n] of seen) {
    if (n <= MAX_DIAGNOSTICS_PER_CODE) continue;
    const last = sorted.findLast((d) => d.code === code)!;
    const { actual: _actual, ...where } = last;
    kept.push({ ...where, message: `${n - MAX_DIAGNOSTICS_PER_CODE} more ${code} diagnostics in this file not listed; the last is here` });
  }
  return kept.sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.code, b.code));
}

export { InputError };
