/**
 * Chains the stages for one input file:
 * decode → normalize → dedupe → privacy → split → (metadata, segment, targets, measures, responsibilities)
 * per document → assemble → validate.
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
import { decode, type DecodeOptions } from './stages/decode.js';
import { normalize } from './stages/normalize.js';
import { dedupe } from './stages/dedupe.js';
import { split } from './stages/split.js';
import { protectPrivacy } from './stages/privacy.js';
import { metadata } from './stages/metadata.js';
import { segment } from './stages/segment.js';
import { extractTargets } from './stages/targets.js';
import { extractMeasures } from './stages/measures.js';
import { extractResponsibilities } from './stages/responsibilities.js';
import { assemble, type AssembledDocument } from './stages/assemble.js';
import { validate } from './stages/validate.js';
import { LineIndex } from './text/line-index.js';
import { toDiagnostic } from './diagnostics/diagnostic.js';

export interface PipelineOptions extends DecodeOptions {
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

/** decode → normalize → dedupe → privacy (report, or redact when asked). Throws InputError for input that is not text. */
export function cleanText(bytes: Uint8Array, path: string, options: PipelineOptions = {}): CleanText {
  const diagnostics: StageDiagnostic[] = [];
  const ctx = collectingContext(path, diagnostics);
  const source = decode(bytes, path, options, ctx);
  const normalized = normalize(source.content, ctx);
  const deduped = dedupe(normalized.text, ctx);
  const privacy = protectPrivacy(deduped.text, options.redact === true, ctx);
  return {
    source,
    normalized: { text: normalized.text, fixes: [...normalized.fixes, ...privacy.fixes] },
    deduped: { text: privacy.text, duplicates: deduped.duplicates },
    lines: new LineIndex(source.source),
    diagnostics,
  };
}

/** Runs the whole pipeline on one file. Throws InputError for input that is not text. */
export function extract(bytes: Uint8Array, path: string, options: PipelineOptions = {}): ExtractResult {
  const clean = cleanText(bytes, path, options);
  const ctx = collectingContext(path, clean.diagnostics);
  const parts = split(clean.deduped.text, ctx);
  const pageMade = isPageMade(clean);
  const documents: AssembledDocument[] = parts.map((part) => {
    const meta = metadata(part, parts, ctx);
    const segmentCtx = part.reconstructed
      ? warningOnlyContext(ctx, 'order reconstructed from a scrambled copy')
      : pageMade ? warningOnlyContext(ctx, 'page-made text') : ctx;
    // A policy interpretation restates its plan: read from it, the plan's targets would count twice.
    if (part.commentary) return { part, meta, tree: { sections: [], preambleRange: [0, part.text.text.length] }, targets: [], measures: [], responsibilities: [] };
    const tree = segment(part, segmentCtx);
    const targets = extractTargets(part, tree, meta, ctx);
    const measures = extractMeasures(part, tree, ctx);
    const responsibilities = extractResponsibilities(part, tree, measures, ctx);
    return { part, meta, tree, targets, measures, responsibilities };
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

/** Converts a stage's diagnostics to output diagnostics, sorted by line then column. */
export function finishDiagnostics(list: readonly StageDiagnostic[], lines: LineIndex, file: string): Diagnostic[] {
  return list
    .map((d) => toDiagnostic(d, lines, file))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

export { InputError };
