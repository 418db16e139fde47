/**
 * normalize: MappedText → clean MappedText + fix log. A chain of passes, each a function
 * MappedText → {text, fixes}; every single change is logged in source offsets, so the kept text
 * and the fix log together account for every character of the input.
 */
import type { FixRecord, NormalizedText, StageContext } from '../model/stages.js';
import type { MappedText } from '../text/mapped-text.js';
import type { PassResult } from '../text/edit-pass.js';
import {
  normalizeLineEndings,
  removeBookmarks,
  removeLinePadding,
  removeStrayPunctuation,
} from './normalize/artefacts.js';
import { repairGlyphConfusions } from './normalize/glyphs.js';
import { unifyIdeographs } from './normalize/kangxi.js';
import { narrowFullwidthAscii, widenAsciiPunctuation } from './normalize/width.js';
import { simplifyTraditional } from './normalize/traditional.js';
import { removeCjkSpaces } from './normalize/spacing.js';
import { joinPageBreaks } from './normalize/page-breaks.js';

/**
 * The passes in order. Glyph confusions are read before radicals are unified (they need the
 * original code point); width is fixed before spaces and stray marks are judged; page breaks
 * are joined last, on lines without padding.
 */
export const NORMALIZE_PASSES: ReadonlyArray<(input: MappedText) => PassResult> = [
  normalizeLineEndings,
  removeBookmarks,
  repairGlyphConfusions,
  unifyIdeographs,
  narrowFullwidthAscii,
  simplifyTraditional,
  widenAsciiPunctuation,
  removeCjkSpaces,
  removeStrayPunctuation,
  removeLinePadding,
  joinPageBreaks,
];

/** Normalizes the decoded content; every change is logged as a FixRecord in source offsets. */
export function normalize(content: MappedText, ctx: StageContext): NormalizedText {
  let text = content;
  const fixes: FixRecord[] = [];
  for (const pass of NORMALIZE_PASSES) {
    const result = pass(text);
    text = result.text;
    for (const fix of result.fixes) fixes.push(fix);
  }
  const traditional = fixes.filter((fix) => fix.kind === 'traditional-chinese');
  if (traditional.length > 0) {
    ctx.report({
      code: 'PLN101',
      message: `Unexpected traditional characters (${traditional.length}), expected simplified Chinese`,
      offset: traditional[0].range[0],
      actual: traditional.slice(0, 10).map((fix) => fix.before).join(''),
    });
  }
  return { text, fixes };
}
