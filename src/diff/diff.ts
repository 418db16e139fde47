/** diff: two files' ExtractResults → the comparison of their paired documents (validated DiffResult). */
import type { ExtractResult, PlanDocument } from '../model/schemas.js';
import { DiffResultSchema, type DiffResult, type DiffSummary, type DocumentDiff, type DocumentRef, type MeasurePair, type TargetPair } from './model.js';
import { pairDocuments, type PairingOptions } from './pairing.js';
import { alignTargets } from './align-targets.js';
import { alignMeasures } from './align-measures.js';

const emptySummary = (): DiffSummary => ({ same: 0, stricter: 0, looser: 0, changed: 0, added: 0, dropped: 0 });

/** Verdict counts of target rows. */
function countTargets(rows: readonly TargetPair[]): DiffSummary {
  const summary = emptySummary();
  for (const row of rows) summary[row.verdict]++;
  return summary;
}

/** Verdict counts of measure rows: `edited` counts as `changed` (matched, but not the same). */
function countMeasures(rows: readonly MeasurePair[]): DiffSummary {
  const summary = emptySummary();
  for (const row of rows) summary[row.verdict === 'edited' ? 'changed' : row.verdict]++;
  return summary;
}

function addSummaries(a: DiffSummary, b: DiffSummary): DiffSummary {
  const sum = emptySummary();
  for (const key of Object.keys(sum) as (keyof DiffSummary)[]) sum[key] = a[key] + b[key];
  return sum;
}

const ref = (file: string, doc: PlanDocument): DocumentRef => ({ file, documentId: doc.id, title: doc.title });

/** Compares one child document with one parent document. */
export function diffDocuments(
  child: PlanDocument,
  parent: PlanDocument,
  files: { child: string; parent: string },
  pairedBy: DocumentDiff['pairedBy'],
): DocumentDiff {
  const targets = alignTargets(child.targets, parent.targets);
  const measures = alignMeasures(child, parent);
  const counts = { targets: countTargets(targets), measures: countMeasures(measures) };
  return {
    child: ref(files.child, child),
    parent: ref(files.parent, parent),
    pairedBy,
    targets,
    measures,
    summary: addSummaries(counts.targets, counts.measures),
    counts,
  };
}

/**
 * Pairs the documents of a child file with those of its parent (or sibling) file and compares each
 * pair. The result is validated against {@link DiffResultSchema}. Throws UnknownDocumentError for
 * an id not in its file; `pairs` is empty when nothing paired.
 */
export function diffResults(child: ExtractResult, parent: ExtractResult, options: PairingOptions = {}): DiffResult {
  const pairing = pairDocuments(child, parent, options);
  const files = { child: child.source.path, parent: parent.source.path };
  return DiffResultSchema.parse({
    pairs: pairing.pairs.map((p) => diffDocuments(p.child, p.parent, files, p.pairedBy)),
    unpaired: pairing.unpaired,
  });
}
