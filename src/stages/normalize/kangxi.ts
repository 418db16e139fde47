/**
 * Radical and compatibility code points → unified ideographs. PDF extraction often yields the
 * Kangxi radical ⼈ (U+2F08) where the page shows 人; NFKC knows the unified ideograph for every
 * Kangxi radical and compatibility ideograph, so it is applied to those code points only (NFKC on
 * the whole text would also turn full-width punctuation into ASCII).
 */
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, type KindedEdit, type PassResult } from '../../text/edit-pass.js';

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) forms that stand for a character of their own, with
 * that character (Unicode's EquivalentUnifiedIdeograph data). NFKC maps only ⺟ and ⻳ here;
 * forms that are only parts of characters (⺅, ⺮ …) are left alone.
 */
const RADICAL_SUPPLEMENT =
  '⺁厂⺌小⺎兀⺐尢⺒巳⺓幺⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺹耂⺾艹⻂衤⻃覀⻄西' +
  '⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻏阝⻐钅⻑長⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼' +
  '⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const SUPPLEMENT_MAP = new Map<string, string>();
for (let i = 0; i < RADICAL_SUPPLEMENT.length; i += 2) {
  SUPPLEMENT_MAP.set(RADICAL_SUPPLEMENT[i], RADICAL_SUPPLEMENT[i + 1]);
}

/** The unified ideograph for a radical or compatibility code point, or null when it has none. */
export function unifiedIdeograph(ch: string): string | null {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 && c <= 0x2eff) return SUPPLEMENT_MAP.get(ch) ?? null;
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f)) {
    const unified = ch.normalize('NFKC');
    return unified !== ch ? unified : null;
  }
  return null;
}

// Radicals (both blocks), BMP compatibility ideographs, and the supplement's surrogate pairs (U+2F800–U+2FA1F).
const CANDIDATE = /[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;

/**
 * Replaces every radical and compatibility ideograph that has a unified equivalent.
 * Kinds: `kangxi-radical` (U+2E80–U+2FDF), `compatibility-ideograph` (the two compatibility blocks).
 */
export function unifyIdeographs(input: MappedText): PassResult {
  const edits: KindedEdit[] = [];
  for (const match of input.text.matchAll(CANDIDATE)) {
    const unified = unifiedIdeograph(match[0]);
    if (unified === null) continue;
    const code = match[0].codePointAt(0) ?? 0;
    const kind = code <= 0x2fdf ? 'kangxi-radical' : 'compatibility-ideograph';
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: unified, kind });
  }
  return applyPass(input, edits);
}
