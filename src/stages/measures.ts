/** measures: the numbered items under a plan's measures/tasks chapters. */
import type { DocumentPart, MeasureNode, SectionTree, StageContext } from '../model/stages.js';

/** Extracts the measures of one document. */
export function extractMeasures(_doc: DocumentPart, _tree: SectionTree, _ctx: StageContext): MeasureNode[] {
  // TEMPORARY skeleton: replaced by the measures stage implementation.
  return [];
}
