/**
 * segment: a document's heading tree. Headings are found line by line (segment/scan.ts, with
 * the marker styles in segment/markers.ts and the title rule in segment/title.ts) and nested
 * by numbering style, with inconsistent numbering repaired and reported (segment/tree.ts).
 */
import type { DocumentPart, SectionTree, StageContext, TableNode } from '../model/stages.js';
import { scanHeadings } from './segment/scan.js';
import { buildTree } from './segment/tree.js';

/**
 * Builds the heading tree of one document. Ranges are 0-based, end-exclusive offsets into
 * `doc.text.text`; diagnostics (PLN401–PLN405) point at the heading marker in the source file.
 * No line of one of `tables` (the tables stage) is a heading: a cell reading `1．…` is a cell.
 */
export function segment(doc: DocumentPart, ctx: StageContext, tables: readonly TableNode[] = []): SectionTree {
  const headings = scanHeadings(doc.text.text, MAX_HEADINGS + 1, tables.map((t) => t.range));
  if (headings.length > MAX_HEADINGS) {
    const first = headings.pop()!;
    ctx.report({
      code: 'PLN405',
      message: `Unexpected number of headings, expected at most ${MAX_HEADINGS} in one document; the rest are read as text`,
      offset: doc.text.origin[first.markerStart],
      actual: first.marker,
    });
  }
  return buildTree(doc, headings, ctx);
}

/**
 * Most headings one document may have. The largest plans (national five-year plans) have a few
 * hundred; past this a file is not a plan, and a section per marker would cost memory without
 * bound. Markers after it stay in the text of the last section, so nothing is lost.
 */
export const MAX_HEADINGS = 5000;
