/** Length-preserving folding of look-alike code points, so that matchers see one spelling. */

/**
 * Folds Kangxi radicals (U+2F00–U+2FDF, e.g. ⽉ → 月), CJK compatibility ideographs
 * (U+F900–U+FAFF) and full-width digits (０–９) to their NFKC form, one code unit for one, so
 * offsets in the result are offsets in the input. Everything else (including full-width
 * punctuation such as （）and 〔〕, which the output keeps) is left as it is. Metadata must work on
 * text that normalize has not cleaned (tests, library callers), hence this local fold.
 */
export function foldForMatching(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const foldable = (c >= 0x2f00 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff10 && c <= 0xff19);
    if (!foldable) continue;
    const folded = text[i].normalize('NFKC');
    if (folded.length !== 1) continue;
    out += text.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const CJK_OR_FULLWIDTH = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Removes white space next to a CJK or full-width character (PDF extraction leaves `2020 年`,
 * `规 划`), collapses other runs of white space to one space, and trims.
 */
export function squeezeCjkSpaces(text: string): string {
  return text
    .replace(/[ \t\r\n\u3000]+/g, (run: string, at: number, all: string) =>
      CJK_OR_FULLWIDTH.test(all[at - 1] ?? '') || CJK_OR_FULLWIDTH.test(all[at + run.length] ?? '') ? '' : ' ',
    )
    .trim();
}
