/** targets: quantified goals from sentences and indicator tables. */
import type { DocumentMetadata, DocumentPart, SectionTree, StageContext, TargetNode } from '../model/stages.js';

/** Extracts the targets of one document. */
export function extractTargets(_doc: DocumentPart, _tree: SectionTree, _meta: DocumentMetadata, _ctx: StageContext): TargetNode[] {
  // TEMPORARY skeleton: replaced by the targets stage implementation.
  return [];
}
