/**
 * assemble: stage values → the output model. Gives every node its id and converts every range,
 * through the text's origin map, to a line/column span in the original input file.
 */
import type {
  ExtractResult,
  Fix,
  Duplicate,
  PlanDocument,
  Section,
  Span,
} from '../model/schemas.js';
import { MAX_FIX_EXAMPLES } from '../model/schemas.js';
import type {
  DocumentMetadata,
  DocumentPart,
  FixRecord,
  MeasureNode,
  Range,
  ResponsibilityNode,
  SectionNode,
  SectionTree,
  TableNode,
  TargetNode,
} from '../model/stages.js';
import type { CleanText } from '../pipeline.js';
import { finishDiagnostics } from '../pipeline.js';
import type { LineIndex } from '../text/line-index.js';
import { sourceRange, type MappedText } from '../text/mapped-text.js';
import { compareCodeUnits } from '../text/compare.js';

/** All the stage values of one document. */
export interface AssembledDocument {
  part: DocumentPart;
  meta: DocumentMetadata;
  tree: SectionTree;
  targets: TargetNode[];
  measures: MeasureNode[];
  responsibilities: ResponsibilityNode[];
  tables: TableNode[];
}

/** A span in the original file for a source range `[start, end)`; with the page it starts on where the source has pages. */
export function sourceSpan(range: Range, lines: LineIndex): Span {
  const span: Span = { start: lines.position(range[0]), end: lines.position(range[1]) };
  const page = lines.page(range[0]);
  if (page !== null) span.page = page;
  return span;
}

/** A span in the original file for a range of a stage's text. */
export function textSpan(text: MappedText, range: Range, lines: LineIndex): Span {
  return sourceSpan(sourceRange(text, range[0], range[1]), lines);
}

/**
 * Groups fixes by kind. Fixes of one kind that touch each other on one line are merged into one
 * example, so a run such as ⼗⼆五 is one entry; `count` still counts single fixes.
 */
export function groupFixes(fixes: readonly FixRecord[], lines: LineIndex): Fix[] {
  const byKind = new Map<string, FixRecord[]>();
  for (const fix of fixes) {
    const list = byKind.get(fix.kind) ?? [];
    list.push(fix);
    byKind.set(fix.kind, list);
  }
  const out: Fix[] = [];
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a.range[0] - b.range[0]);
    const examples: Fix['examples'] = [];
    let lastEnd = -1;
    let lastLine = -1;
    for (const fix of list) {
      const at = lines.position(fix.range[0]);
      const previous = examples[examples.length - 1];
      if (previous && fix.range[0] === lastEnd && at.line === lastLine) {
        previous.before += fix.before;
        previous.after += fix.after;
      } else {
        examples.push({ line: at.line, column: at.column, before: fix.before, after: fix.after });
      }
      lastEnd = fix.range[1];
      lastLine = at.line;
    }
    out.push({ kind, count: list.length, examples: examples.slice(0, MAX_FIX_EXAMPLES) });
  }
  return out.sort((a, b) => compareCodeUnits(a.kind, b.kind));
}

function assembleDocument(doc: AssembledDocument, index: number, lines: LineIndex): PlanDocument {
  const id = `d${index + 1}`;
  const text = doc.part.text;
  const span = (range: Range) => textSpan(text, range, lines);
  const sectionIds = new Map<SectionNode, string>();

  const toSection = (node: SectionNode, path: string): Section => {
    sectionIds.set(node, path);
    return {
      id: path,
      level: node.level,
      marker: node.marker,
      ordinal: node.ordinal,
      title: node.title,
      text: node.text,
      children: node.children.map((child, i) => toSection(child, `${path}.${i + 1}`)),
      span: span(node.range),
    };
  };
  const sections = doc.tree.sections.map((node, i) => toSection(node, `${id}-s${i + 1}`));
  const sectionId = (node: SectionNode | null) => (node ? (sectionIds.get(node) ?? null) : null);

  const tableIds = new Map<TableNode, string>();
  doc.tables.forEach((t, i) => tableIds.set(t, `${id}-tab${i + 1}`));
  const measureIds = new Map<MeasureNode, string>();
  doc.measures.forEach((m, i) => measureIds.set(m, `${id}-m${i + 1}`));
  const responsibilities = doc.responsibilities.map((r, i) => ({
    id: `${id}-r${i + 1}`,
    sectionId: sectionId(r.section),
    measureId: r.measure ? (measureIds.get(r.measure) ?? null) : null,
    lead: r.lead,
    support: r.support,
    form: r.form,
    text: r.text,
    span: span(r.range),
  }));
  // Grouped once, so linking measures to their responsibilities stays linear.
  const responsibilityIdsByMeasure = new Map<string, string[]>();
  for (const r of responsibilities) {
    if (r.measureId === null) continue;
    const ids = responsibilityIdsByMeasure.get(r.measureId) ?? [];
    ids.push(r.id);
    responsibilityIdsByMeasure.set(r.measureId, ids);
  }

  return {
    id,
    kind: doc.part.kind,
    title: doc.part.title,
    titleTruncated: doc.part.titleTruncated,
    label: doc.part.label ?? null,
    ...doc.meta,
    sections,
    targets: doc.targets.map((t, i) => ({
      id: `${id}-t${i + 1}`,
      sectionId: sectionId(t.section),
      text: t.text,
      indicator: t.indicator,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      year: t.year,
      yearFrom: t.yearFrom,
      baseline: t.baseline,
      nature: t.nature,
      source: t.source,
      tableId: t.table ? (tableIds.get(t.table) ?? null) : null,
      span: span(t.range),
    })),
    measures: doc.measures.map((m) => {
      const mid = measureIds.get(m)!;
      return {
        id: mid,
        sectionId: sectionId(m.section) ?? '',
        title: m.title,
        text: m.text,
        responsibilityIds: responsibilityIdsByMeasure.get(mid) ?? [],
        span: span(m.range),
      };
    }),
    responsibilities,
    tables: doc.tables.map((t) => ({
      id: tableIds.get(t)!,
      sectionId: sectionId(t.section),
      caption: t.caption,
      header: t.header,
      rows: t.rows.map((r) => r.cells.map((c) => c.text.trim())),
      span: span(t.range),
    })),
    span: documentSpan(text, lines),
  };
}

/** The extent of a document in the file: from its earliest to its latest source character. */
function documentSpan(text: MappedText, lines: LineIndex): Span {
  if (text.text.length === 0) return sourceSpan([text.origin[0], text.origin[0]], lines);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < text.text.length; i++) {
    const o = text.origin[i];
    if (o < min) min = o;
    if (o > max) max = o;
  }
  return sourceSpan([min, max + 1], lines);
}

/** Builds the ExtractResult of one file (not yet validated). */
export function assemble(clean: CleanText, documents: readonly AssembledDocument[]): ExtractResult {
  const { source, lines } = clean;
  const duplicates: Duplicate[] = clean.deduped.duplicates.map((d) => ({
    removed: sourceSpan(d.removed, lines),
    kept: sourceSpan(d.kept, lines),
    chars: d.chars,
  }));
  return {
    schemaVersion: '1',
    source: {
      path: source.path,
      sha256: source.sha256,
      bytes: source.bytes,
      encoding: source.encoding,
      format: source.format,
      pages: source.pages,
    },
    normalization: {
      fixes: groupFixes(clean.normalized.fixes, lines),
      duplicates,
    },
    documents: documents.map((doc, i) => assembleDocument(doc, i, lines)),
    diagnostics: finishDiagnostics(clean.diagnostics, lines, source.path),
  };
}
