/**
 * Bigrams of CJK ideographs (two characters of the basic block, U+4E00–U+9FFF), the unit split
 * compares plans and headings by. As numbers (both code units in one), a text's every bigram can
 * be counted without cutting a two-character string for each.
 */

/** Whether a UTF-16 code unit is a CJK unified ideograph of the basic block. */
export const isIdeograph = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

/** The bigram at `text[i]` as a number, or -1 when `text[i]` and `text[i + 1]` are not both ideographs. */
export function bigramAt(text: string, i: number): number {
  const first = text.charCodeAt(i);
  const second = text.charCodeAt(i + 1);
  return isIdeograph(first) && isIdeograph(second) ? first * 0x10000 + second : -1;
}
