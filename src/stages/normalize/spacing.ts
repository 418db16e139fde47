/** Spaces that PDF extraction puts between Chinese characters and numbers (`2020 年`, `到 2030`). */
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, isDigit, isIdeograph, isWidePunctuation, type KindedEdit, type PassResult } from '../../text/edit-pass.js';

function isChinese(ch: string | undefined): boolean {
  return isIdeograph(ch) || isWidePunctuation(ch);
}

/**
 * True when spaces between `left` and `right` are extraction noise: Chinese text on both sides,
 * or Chinese text against a number (a digit, or % and ‰ ending one). Spaces next to Latin
 * letters (手机 APP) and between two numbers stay.
 */
export function isNoiseSpace(left: string | undefined, right: string | undefined): boolean {
  if (isChinese(left)) return isChinese(right) || isDigit(right);
  if (isDigit(left) || left === '%' || left === '‰') return isChinese(right);
  return false;
}

/** Removes runs of spaces inside a line where isNoiseSpace says so. Kind: `cjk-space`. */
export function removeCjkSpaces(input: MappedText): PassResult {
  const text = input.text;
  const edits: KindedEdit[] = [];
  for (const match of text.matchAll(/ +/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start === 0 || text[start - 1] === '\n') continue;
    if (isNoiseSpace(text[start - 1], text[end])) edits.push({ start, end, replacement: '', kind: 'cjk-space' });
  }
  return applyPass(input, edits);
}
