/** normalize: MappedText → clean MappedText + fix log. */
import type { NormalizedText, StageContext } from '../model/stages.js';
import type { MappedText } from '../text/mapped-text.js';

/** Normalizes the decoded content; every change is logged as a FixRecord in source offsets. */
export function normalize(content: MappedText, _ctx: StageContext): NormalizedText {
  // TEMPORARY skeleton: replaced by the normalize stage implementation.
  return { text: content, fixes: [] };
}
