/**
 * segment: a document's heading tree. Headings are found line by line (segment/scan.ts, with
 * the marker styles in segment/markers.ts and the title rule in segment/title.ts) and nested
 * by numbering style, with inconsistent numbering repaired and reported (segment/tree.ts).
 */
import type { DocumentPart, SectionTree, StageContext } from '../model/stages.js';
import { scanHeadings } from './segment/scan.js';
import { buildTree } from './segment/tree.js';

/**
 * Builds the heading tree of one document. Ranges are 0-based, end-exclusive offsets into
 * `doc.text.text`; diagnostics (PLN401–PLN404) point at the heading marker in the source file.
 */
export function segment(doc: DocumentPart, ctx: StageContext): SectionTree {
  return buildTree(doc, scanHeadings(doc.text.text), ctx);
}
