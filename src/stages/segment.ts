/** segment: a document's heading tree. */
import type { DocumentPart, SectionTree, StageContext } from '../model/stages.js';

/** Builds the heading tree of one document. */
export function segment(doc: DocumentPart, _ctx: StageContext): SectionTree {
  // TEMPORARY skeleton: replaced by the segment stage implementation.
  return { sections: [], preambleRange: [0, doc.text.text.length] };
}
