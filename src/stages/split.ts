/** split: one file's text → its documents (notice, plans, end matter). */
import type { DocumentPart, StageContext } from '../model/stages.js';
import type { MappedText } from '../text/mapped-text.js';

/** Splits a file's text into documents, each with its own text in reading order. */
export function split(text: MappedText, _ctx: StageContext): DocumentPart[] {
  // TEMPORARY skeleton: replaced by the split stage implementation.
  const firstLine = text.text.split('\n', 1)[0].trim();
  return [{ kind: 'plan', text, title: firstLine, titleRange: [0, firstLine.length], titleTruncated: false }];
}
