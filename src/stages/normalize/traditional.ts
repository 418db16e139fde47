/**
 * Traditional → simplified, only where the text is traditional. A cheap scan for
 * traditional-only characters comes first; OpenCC is loaded only when it finds one.
 * Text that is mostly traditional is converted as a whole, exactly as OpenCC converts it;
 * in simplified text only the clauses that hold a traditional-only character are converted,
 * so simplified words that OpenCC's regional presets would change (显著 → 显着) stay.
 */
import type { ConverterFunction } from 'opencc-js';
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, isIdeographCode, type KindedEdit, type PassResult } from '../../text/edit-pass.js';
import { TRADITIONAL_ONLY_CHARACTERS } from './traditional-chars.js';
import { lazyModule } from '../../lazy-module.js';
import { codeUnitSet } from '../../text/scan.js';

/** OpenCC's source variants: standard traditional, Taiwan, Hong Kong. */
export type TraditionalVariant = 't' | 'tw' | 'hk';

/**
 * Share of traditional-only characters among ideographs from which a text counts as traditional
 * and is converted whole. Traditional prose has several in ten; a simplified text with a stray
 * traditional character far fewer than one in a hundred.
 */
export const TRADITIONAL_SHARE = 0.05;

/** The traditional-only characters of the BMP as a set of code units, and those beyond it by code point. */
const TRADITIONAL_BMP = codeUnitSet([...TRADITIONAL_ONLY_CHARACTERS].filter((ch) => ch.codePointAt(0)! <= 0xffff));
const TRADITIONAL_ASTRAL = new Set([...TRADITIONAL_ONLY_CHARACTERS].map((ch) => ch.codePointAt(0)!).filter((code) => code > 0xffff));

/** True when the code point at `index` is a traditional-only character: one table look-up, as every character of every text is tested. */
function isTraditionalAt(text: string, index: number): boolean {
  const code = text.codePointAt(index)!;
  return code > 0xffff ? TRADITIONAL_ASTRAL.has(code) : TRADITIONAL_BMP[code] === 1;
}

/** OpenCC's traditional → mainland tables, loaded when the first traditional text is found. */
const openCC = lazyModule<typeof import('opencc-js')>('opencc-js/t2cn');

const converters = new Map<TraditionalVariant, ConverterFunction>();

/** The OpenCC converter from `variant` to mainland simplified, loaded on first use. */
function converter(variant: TraditionalVariant): ConverterFunction {
  let convert = converters.get(variant);
  if (!convert) {
    convert = openCC().Converter({ from: variant, to: 'cn' });
    converters.set(variant, convert);
  }
  return convert;
}

// What ends a clause: punctuation, white space and line ends (a clause is the run between them).
const CLAUSE_BREAK = /[\s，。、；：！？,.;:!?（）()“”‘’《》【】「」『』]/;

/** One replacement of a traditional clause (or the whole text) in code-unit offsets. */
export interface TraditionalEdit {
  start: number;
  end: number;
  replacement: string;
}

/** Where the first traditional-only character of `text` stands, from `from` on; -1 when none does. */
function nextTraditional(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff ? isTraditionalAt(text, i) : TRADITIONAL_BMP[code] === 1) return i;
  }
  return -1;
}

/**
 * Where and how `text` must change to be simplified. Empty when the text holds no
 * traditional-only character (OpenCC is then not loaded at all).
 */
export function traditionalEdits(text: string, variant: TraditionalVariant = 't'): TraditionalEdit[] {
  // Most texts hold none: one table look-up per code unit, and nothing else is counted.
  let at = nextTraditional(text, 0);
  if (at < 0) return [];
  let traditional = 0;
  let ideographs = 0;
  for (let i = 0; i < text.length; i++) {
    if (isTraditionalAt(text, i)) traditional++;
    else if (isIdeographCode(text.charCodeAt(i))) ideographs++;
  }
  const convert = converter(variant);
  if (traditional / (traditional + ideographs) >= TRADITIONAL_SHARE) {
    return characterEdits(text, convert(text), 0);
  }
  // Only the clauses around the traditional characters are converted, each once.
  const edits: TraditionalEdit[] = [];
  for (; at >= 0; at = nextTraditional(text, at)) {
    if (CLAUSE_BREAK.test(text[at])) {
      at++;
      continue;
    }
    let start = at;
    while (start > 0 && !CLAUSE_BREAK.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && !CLAUSE_BREAK.test(text[end])) end++;
    const clause = text.slice(start, end);
    edits.push(...characterEdits(clause, convert(clause), start));
    at = end;
  }
  return edits;
}

/**
 * The differences between `before` and its conversion `after`: one edit per changed code point
 * when the conversion kept the number of code points (OpenCC nearly always does: it maps
 * character to character, though a BMP character may become one outside the BMP, 鮸 → 𩾃, and so
 * change the length in code units), else one edit for the whole.
 */
function characterEdits(before: string, after: string, base: number): TraditionalEdit[] {
  if (before === after) return [];
  if (codePointCount(before) !== codePointCount(after)) return [{ start: base, end: base + before.length, replacement: after }];
  const edits: TraditionalEdit[] = [];
  for (let i = 0, j = 0; i < before.length; ) {
    const from = String.fromCodePoint(before.codePointAt(i)!);
    const to = String.fromCodePoint(after.codePointAt(j)!);
    if (from !== to) edits.push({ start: base + i, end: base + i + from.length, replacement: to });
    i += from.length;
    j += to.length;
  }
  return edits;
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Converts `text` from traditional to simplified as the step does (see traditionalEdits). */
export function toSimplified(text: string, variant: TraditionalVariant = 't'): string {
  let out = '';
  let cursor = 0;
  for (const edit of traditionalEdits(text, variant)) {
    out += text.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** The normalize pass: traditional characters → simplified. Kind: `traditional-chinese`. */
export function simplifyTraditional(input: MappedText): PassResult {
  const edits: KindedEdit[] = traditionalEdits(input.text).map((edit) => ({ ...edit, kind: 'traditional-chinese' }));
  return applyPass(input, edits);
}
