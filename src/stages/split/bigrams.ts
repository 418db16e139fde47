/**
 * Bigrams of CJK ideographs (two characters of the basic block, U+4E00–U+9FFF), the unit split
 * compares plans and headings by. As numbers (both code units in one), a text's every bigram can
 * be counted without cutting a two-character string for each.
 */

/** The basic block of CJK unified ideographs. */
const BLOCK_START = 0x4e00;
const BLOCK_END = 0x9fff;
const BLOCK_SIZE = BLOCK_END - BLOCK_START + 1;

/** Whether a UTF-16 code unit is a CJK unified ideograph of the basic block (not of Extension A or the compatibility block). */
export const isBasicIdeograph = (code: number): boolean => code >= BLOCK_START && code <= BLOCK_END;

/**
 * The bigram at `text[i]` as a number, or -1 when `text[i]` and `text[i + 1]` are not both
 * ideographs. The numbers stay below 2^30, so the engine keeps them as small integers.
 */
export function bigramAt(text: string, i: number): number {
  const first = text.charCodeAt(i);
  const second = text.charCodeAt(i + 1);
  return isBasicIdeograph(first) && isBasicIdeograph(second) ? (first - BLOCK_START) * BLOCK_SIZE + (second - BLOCK_START) : -1;
}

/** The first code unit of a bigram given by its number (bigramAt). */
export function firstCodeUnit(bigram: number): number {
  return BLOCK_START + Math.floor(bigram / BLOCK_SIZE);
}

/** The second code unit of a bigram given by its number (bigramAt). */
export function secondCodeUnit(bigram: number): number {
  return BLOCK_START + (bigram % BLOCK_SIZE);
}
