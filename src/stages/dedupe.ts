/** dedupe: removes garbled repeats (verbatim or truncated copies of earlier passages). */
import type { DedupedText, StageContext } from '../model/stages.js';
import type { MappedText } from '../text/mapped-text.js';

/** Removes garbled repeats, keeping the first complete occurrence of each passage. */
export function dedupe(text: MappedText, _ctx: StageContext): DedupedText {
  // TEMPORARY skeleton: replaced by the dedupe stage implementation.
  return { text, duplicates: [] };
}
