/**
 * layout: page-made text → running text. A PDF's text (read directly, or as `pdftotext -layout`
 * printed it: form feeds, indentation, a line break at every printed line end) carries what the
 * printer added: running headers and footers, page numbers, a table of contents, tables laid
 * out with spaces or one cell per line, and line breaks wherever a line was full. The passes take
 * them out in this order because each needs the one before: furniture (so page breaks can be
 * seen through), contents (whose entries would otherwise be headings), ruled tables (a header and
 * cells printed over several lines), cell lines, columns, single-spaced indicator and duty rows
 * (so table rows are never joined as prose), wraps. Every removal and join is a logged fix; text that is not
 * page-made passes through unchanged.
 */
import type { MappedText } from '../text/mapped-text.js';
import { applyPass, type KindedEdit, type PassResult } from '../text/edit-pass.js';
import { isPageMade, readLines, widthProfile, type PrintedLine, type WidthProfile } from './layout/lines.js';
import { furnitureEdits } from './layout/furniture.js';
import { tocEdits } from './layout/toc.js';
import { alignedDutyRowEdits } from './layout/aligned-duty-rows.js';
import { groupedDutyRowEdits } from './layout/grouped-duty-rows.js';
import { ruledTableEdits } from './layout/ruled-tables.js';
import { cellLineEdits } from './layout/cell-lines.js';
import { columnEdits } from './layout/columns.js';
import { spacedRowEdits } from './layout/spaced-rows.js';
import { spacedDutyRowEdits } from './layout/spaced-duty-rows.js';
import { wrapEdits } from './layout/wraps.js';

type LayoutPass = (text: string, lines: readonly PrintedLine[], profile: WidthProfile | null) => KindedEdit[];

/** The passes in order (see the module comment for why this order). */
const LAYOUT_PASSES: readonly LayoutPass[] = [furnitureEdits, tocEdits, alignedDutyRowEdits, spacedDutyRowEdits, groupedDutyRowEdits, ruledTableEdits, cellLineEdits, columnEdits, spacedRowEdits, wrapEdits];

/**
 * Turns page-made text into running text; returns the input unchanged (and no fixes) when the
 * text is not page-made (`printed`: the reader knows it is, a PDF's). Fix kinds: `page-header`, `page-footer`, `page-number`, `toc`,
 * `table-cells`, `hard-wrap`, `page-break`, `blank-lines`.
 */
export function layout(content: MappedText, options: { printed?: boolean } = {}): PassResult {
  const firstLines = readLines(content.text);
  const profile = widthProfile(firstLines);
  if (options.printed !== true && !isPageMade(firstLines, profile)) return { text: content, fixes: [] };
  let text = content;
  let lines = firstLines;
  const fixes: PassResult['fixes'] = [];
  for (const pass of LAYOUT_PASSES) {
    const edits = pass(text.text, lines, profile);
    if (edits.length === 0) continue;
    const result = applyPass(text, edits);
    text = result.text;
    for (const fix of result.fixes) fixes.push(fix);
    lines = readLines(text.text);
  }
  return { text, fixes };
}
