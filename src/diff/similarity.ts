/**
 * Cheap string similarity for aligning plans: character-bigram Dice coefficient on normalised
 * text. Chinese has no spaces, and two wordings of one indicator share most adjacent character
 * pairs (`肺结核患者成功治疗率` / `肺结核患者治疗成功率` share 6 of 9), so bigrams work where
 * word-based measures cannot.
 */

/** A string's bigram multiset, computed once per item so that n·m comparisons stay cheap. */
export interface Bigrams {
  /** Bigram → how often it occurs. */
  counts: Map<string, number>;
  /** Number of bigrams (with repeats); a one-character string counts as one "bigram". */
  size: number;
}

/** Counts the character bigrams of `text` (a string of one character is its own single bigram). */
export function bigrams(text: string): Bigrams {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  if (chars.length === 1) counts.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return { counts, size: chars.length === 1 ? 1 : Math.max(0, chars.length - 1) };
}

/** Dice coefficient of two bigram multisets: 2·|A∩B| / (|A|+|B|), in [0, 1]; 1 for two empty strings. */
export function dice(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, count] of small.counts) {
    const other = large.counts.get(pair);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.size + b.size);
}

/** Dice coefficient of two strings (convenience for one-off comparisons). */
export function diceOf(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

// Quotes, brackets, spaces and punctuation carry no meaning for matching.
const NOISE = /[\s"'“”‘’「」『』《》〈〉【】()（）\[\]{}<>、，,。.；;：:！!？?·—–\-_~…]/g;

/** Text for similarity: NFKC-folded (full-width → ASCII), with quotes, brackets, spaces and punctuation removed. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').replace(NOISE, '');
}

// A parenthesised unit or note at the end of an indicator: `（%）`, `（1/10 万）`, `(万人)`, `（‰）`.
const TRAILING_PAREN = /[（(][^（()）]{0,12}[)）]\s*$/;
// A region word in front of an indicator or title: 全区, 全市, 我县, 本省, 全国 …
const REGION_WORD = /^(?:全|我|本)(?:国|省|市|区|县|州|旗|盟)/;

/**
 * Normalised indicator: trailing unit in brackets dropped (the unit is compared separately),
 * a leading region word (`全区`, `我市`) dropped, then {@link normaliseForMatch}.
 */
export function normaliseIndicator(indicator: string): string {
  let text = indicator.trim();
  for (let i = 0; i < 2 && TRAILING_PAREN.test(text); i++) text = text.replace(TRAILING_PAREN, '').trim();
  return normaliseForMatch(text).replace(REGION_WORD, '');
}

// One administrative unit of a region name: 天津市, 蓟州区, 内蒙古自治区, 鄂尔多斯市. A level character
// followed by another is part of the name (广州市, 杭州市), as in the pairing's titles.
const REGION_UNIT = /[\u4e00-\u9fff]{1,7}?(?:自治区|自治州|自治县|省|市|区|县|州|旗|盟)(?![市区县州旗盟])/gy;

/**
 * An indicator without its plan's own region in front (`天津市肺结核发病率` in a plan of 天津市, or
 * `蓟州区…` in one of 天津市蓟州区): the region is the plan's, not part of what is measured, and a
 * plan of another level writes the indicator without it.
 */
export function withoutRegion(indicator: string, region: string | null): string {
  if (!region) return indicator;
  const name = region.replace(/\s+/g, '');
  const units = name.match(REGION_UNIT) ?? [];
  for (const prefix of [name, ...units]) {
    // Keep an indicator that would be left with almost nothing (`天津市` alone).
    if (indicator.startsWith(prefix) && indicator.length - prefix.length >= 2) return indicator.slice(prefix.length);
  }
  return indicator;
}
