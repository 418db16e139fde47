/** responsibilities: who leads and who supports, from clauses, duty sentences and duty lists. */
import type { DocumentPart, MeasureNode, ResponsibilityNode, SectionTree, StageContext } from '../model/stages.js';

/** Extracts the responsibilities of one document. */
export function extractResponsibilities(
  _doc: DocumentPart,
  _tree: SectionTree,
  _measures: readonly MeasureNode[],
  _ctx: StageContext,
): ResponsibilityNode[] {
  // TEMPORARY skeleton: replaced by the responsibilities stage implementation.
  return [];
}
