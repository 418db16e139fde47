/**
 * Re-joins paragraphs that a PDF page break cut in two (`…主要慢` / blank line / `性病发病率…`).
 * Line structure is otherwise the later stages' to read, so a join needs clear signals on both
 * sides of the break.
 */
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, type KindedEdit, type PassResult } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';

/** Marks that may end a paragraph: sentence ends, clause-closing brackets and quotes. */
const PARAGRAPH_END = new Set('。；：！？…”’」』）)】〕》.;:!?');

/** Most blank lines a page break leaves between the two halves of a paragraph. */
const MAX_BLANK_LINES = 4;

/**
 * True when `line` is a paragraph left unfinished: prose (it holds 。 or ，, or 。 when it
 * starts with a heading marker, so bare headings and titles never qualify), not a table row,
 * and it does not end with a mark that can end a paragraph.
 */
export function isUnfinishedParagraph(line: string): boolean {
  if (line.length === 0 || line.includes('\t')) return false;
  if (PARAGRAPH_END.has(line[line.length - 1])) return false;
  if (startsBlock(line)) return line.includes('。');
  return line.includes('。') || line.includes('，');
}

/** True when `line` can continue a paragraph: not empty, not a table row, not a heading or list item. */
export function canContinueParagraph(line: string): boolean {
  return line.length > 0 && !line.includes('\t') && !startsBlock(line);
}

/**
 * Joins each unfinished paragraph to the next non-empty line (after at most MAX_BLANK_LINES
 * empty lines) when that line can continue it; the line break and empty lines are removed.
 * Runs after indentation and trailing spaces are gone. Kind: `page-break-join`.
 */
export function joinPageBreaks(input: MappedText): PassResult {
  const text = input.text;
  const edits: KindedEdit[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) break;
    let next = lineEnd + 1;
    let blank = 0;
    while (text[next] === '\n' && blank <= MAX_BLANK_LINES) {
      next++;
      blank++;
    }
    if (blank <= MAX_BLANK_LINES && next < text.length) {
      let nextEnd = text.indexOf('\n', next);
      if (nextEnd === -1) nextEnd = text.length;
      if (isUnfinishedParagraph(text.slice(lineStart, lineEnd)) && canContinueParagraph(text.slice(next, nextEnd))) {
        edits.push({ start: lineEnd, end: next, replacement: '', kind: 'page-break-join' });
      }
    }
    lineStart = lineEnd + 1;
  }
  return applyPass(input, edits);
}
