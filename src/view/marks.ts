/**
 * Everything the review page marks in the source text, as ranges of 0-based offsets into the text
 * the spans refer to (`SourceFile.source`): the extracted items of every document, the anchors of
 * its headings, normalisation fixes, removed duplicates, diagnostics and — under --redact — the
 * personal data to hide.
 */
import type { ExtractResult, Section, Span } from '../model/schemas.js';
import type { DuplicateRecord, FixRecord } from '../model/stages.js';
import type { CleanText } from '../pipeline.js';
import { LineIndex } from '../text/line-index.js';
import { findPersonalData, PLACEHOLDERS } from '../stages/privacy.js';

/** What the page needs beyond the result: the text the spans point into and the log of what changed in it. */
export interface ViewSource {
  /** The text spans refer to (for DOCX, DOC and PDF the raw text `plans normalize --raw` prints). */
  text: string;
  pageStarts: readonly number[] | null;
  fixes: readonly FixRecord[];
  duplicates: readonly DuplicateRecord[];
}

/** The view source of a cleaned input: its decoded text and everything layout, normalize, dedupe and privacy logged. */
export function viewSourceOf(clean: CleanText): ViewSource {
  return { text: clean.source.source, pageStarts: clean.source.pageStarts, fixes: clean.normalized.fixes, duplicates: clean.deduped.duplicates };
}

export type MarkKind = 'measure' | 'responsibility' | 'target' | 'duplicate' | 'fix' | 'redact' | 'anchor' | 'diagnostic';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** `d1/t3`: the document and item id, for highlights and heading anchors. */
  ref?: string;
  /** Shown on hover (fixes, duplicates, diagnostics) or written instead of the text (redactions). */
  note?: string;
  /** A diagnostic's severity. */
  severity?: string;
}

/**
 * Outer kinds first: where two marks start at one place and cover the same text, the outer one
 * opens first, so a measure holds its responsibilities and they their targets.
 */
export const NESTING: readonly MarkKind[] = ['anchor', 'measure', 'responsibility', 'target', 'duplicate', 'redact', 'fix', 'diagnostic'];

/** Collects every mark of a result; `redact` adds the personal data of the whole text (removed duplicates too). */
export function collectMarks(result: ExtractResult, source: ViewSource, redact: boolean): Mark[] {
  const lines = new LineIndex(source.text, source.pageStarts);
  const at = (point: Span['start']): number => {
    const line = Math.max(1, Math.min(point.line, lines.lineCount));
    return Math.min(lines.offset({ line, column: Math.max(1, point.column) }), source.text.length);
  };
  const marks: Mark[] = [];
  const item = (kind: MarkKind, docId: string, id: string, span: Span) =>
    marks.push({ kind, start: at(span.start), end: at(span.end), ref: `${docId}/${id}` });
  for (const doc of result.documents) {
    item('anchor', doc.id, 'doc', { start: doc.span.start, end: doc.span.start });
    const heading = (s: Section): void => {
      item('anchor', doc.id, s.id, { start: s.span.start, end: s.span.start });
      s.children.forEach(heading);
    };
    doc.sections.forEach(heading);
    for (const m of doc.measures) item('measure', doc.id, m.id, m.span);
    for (const r of doc.responsibilities) item('responsibility', doc.id, r.id, r.span);
    for (const t of doc.targets) item('target', doc.id, t.id, t.span);
  }
  for (const fix of source.fixes) {
    if (fix.kind === 'redaction') continue;
    marks.push({ kind: 'fix', start: fix.range[0], end: fix.range[1], note: `${fix.kind}: ${JSON.stringify(fix.before)} → ${JSON.stringify(fix.after)}` });
  }
  for (const d of source.duplicates) {
    const kept = lines.position(d.kept[0]);
    marks.push({ kind: 'duplicate', start: d.removed[0], end: d.removed[1], note: `removed repeat of ${d.chars} characters (kept at line ${kept.line}, column ${kept.column})` });
  }
  for (const d of result.diagnostics) {
    const offset = at({ line: d.line, column: d.column });
    marks.push({ kind: 'diagnostic', start: offset, end: offset, note: `${d.code} ${d.message}`, severity: d.severity });
  }
  if (redact) marks.push(...redactions(source));
  return marks;
}

/** The ranges to hide under --redact: what privacy redacted in the clean text, and what it finds in the whole source. */
function redactions(source: ViewSource): Mark[] {
  const found: Mark[] = source.fixes
    .filter((fix) => fix.kind === 'redaction')
    .map((fix) => ({ kind: 'redact', start: fix.range[0], end: fix.range[1], note: fix.after }));
  for (const p of findPersonalData(source.text)) found.push({ kind: 'redact', start: p.range[0], end: p.range[1], note: PLACEHOLDERS[p.kind] });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping finds (the same number seen twice) become one hidden range.
  const merged: Mark[] = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}
