/**
 * PDF glyph confusions decided in context. Some PDF fonts map the glyph of 口 to the Kangxi
 * radical ⼜ (U+2F1C, the radical 又), so 人口 comes out as ⼈⼜. NFKC would give 又, which is
 * wrong there; the two are told apart by what stands next to the code point.
 */
import type { MappedText } from '../../text/mapped-text.js';
import { unifiedIdeograph } from './kangxi.js';
import { applyPass, isIdeograph, type KindedEdit, type PassResult } from '../../text/edit-pass.js';

const RADICAL_YOU = '\u2f1c';

/** Characters that form a common word with 口 when they stand before it (人口, 出口, 窗口 …). */
const BEFORE_KOU = new Set('人出入窗接户港路关端缺开胃借袖门海渡河隘山道闸伤刀井瓶罐杯灶裂创豁风枪炮虎领封张收');
/** Characters that form a common word with 口 when they follow it (口罩, 口岸, 口腔 …). */
const AFTER_KOU = new Set('罩岸腔服径头号语述试味碑吃才音袋令角气感粮子供红水琴香算诀播');
/** Characters that follow the adverb 又 far more often than they follow 口 (又是, 又有, 又要 …). */
const AFTER_YOU = new Set('是有要在被将可能不没会把对给一称名及好快增加');
/** Numerals and measure context: 三口之家, 一口井 take 口 as a measure word. */
const NUMERALS = new Set('一二两三四五六七八九十百千万几每');

/**
 * Decides what ⼜ stands for at `index` of `text`: '口' or '又'.
 * 口 when a 口-word forms with a neighbour or a numeral precedes it; 又 when the character
 * starts a clause (no ideograph before it) or is followed by what the adverb 又 takes, or 既
 * opens the clause; otherwise 口, because 口 forms words with the ideographs around it.
 */
export function readRadicalYou(text: string, index: number): '口' | '又' {
  const before = neighbour(text, index - 1);
  const after = neighbour(text, index + 1);
  if (BEFORE_KOU.has(before) || AFTER_KOU.has(after) || NUMERALS.has(before)) return '口';
  if (!isIdeograph(before) || AFTER_YOU.has(after) || clauseHasJi(text, index)) return '又';
  return '口';
}

/** The character at `index`, itself unified when it is a radical (⼈ → 人), or '' outside the text. */
function neighbour(text: string, index: number): string {
  const ch = text[index];
  if (ch === undefined) return '';
  return unifiedIdeograph(ch) ?? ch;
}

/** True when 既 stands earlier in the same clause (既…又…), looking back at most 20 code units. */
function clauseHasJi(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 20; i--) {
    const ch = text[i];
    if (ch === '既') return true;
    if (!isIdeograph(neighbour(text, i))) return false;
  }
  return false;
}

/** Replaces each ⼜ (U+2F1C) by 口 or 又 as its context says. Kind: `glyph-confusion` for 口, `kangxi-radical` for 又. */
export function repairGlyphConfusions(input: MappedText): PassResult {
  const edits: KindedEdit[] = [];
  let at = input.text.indexOf(RADICAL_YOU);
  while (at !== -1) {
    const reading = readRadicalYou(input.text, at);
    edits.push({ start: at, end: at + 1, replacement: reading, kind: reading === '口' ? 'glyph-confusion' : 'kangxi-radical' });
    at = input.text.indexOf(RADICAL_YOU, at + 1);
  }
  return applyPass(input, edits);
}
