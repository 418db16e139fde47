/**
 * Reads a target value as plans write it after the indicator: a comparator (a verb such as
 * 达到/控制在/不低于 or a sign ≥ <), one or more numbers (a range 3至5, a list 70%、90%), a unit
 * (%, ‰, 1/10万, 张/万人, 人, ratio) and a qualifier (以上, 以下, 以内, 左右). Shared by the sentence
 * parser and the table reader. Offsets are 0-based into the string passed in.
 */
import type { Comparator } from '../../model/schemas.js';
import { readNumberAt, type NumberMatch } from '../../text/numbers.js';
import { codeUnitSet, nextIn } from '../../text/scan.js';

/** One value read from a value phrase. */
export interface ValueReading {
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string | null;
  /** `[start, end)` of the number(s) as written, unit and qualifier excluded. */
  range: [number, number];
}

/** How a verb (or sign) before the number sets the comparator when no qualifier follows. */
type VerbKind = 'floor' | 'ceiling' | 'exact' | 'gt' | 'lt' | 'decrease' | 'increase';

/**
 * Verbs and signs that introduce a target value, longest first so that 下降到 wins over 下降.
 * `达到X` without 以上 is read as a floor (gte): in plans a level to reach is a minimum.
 */
const VERBS: ReadonlyArray<[string, VerbKind]> = [
  ['不低于', 'floor'], ['不少于', 'floor'], ['不小于', 'floor'], ['至少', 'floor'], ['不高于', 'ceiling'],
  ['不超过', 'ceiling'], ['不大于', 'ceiling'], ['不多于', 'ceiling'], ['最多', 'ceiling'],
  ['提高到', 'floor'], ['提高至', 'floor'], ['提升到', 'floor'], ['提升至', 'floor'], ['增加到', 'floor'],
  ['增加至', 'floor'], ['增长到', 'floor'], ['增长至', 'floor'], ['上升到', 'floor'], ['上升至', 'floor'],
  ['扩大到', 'floor'], ['扩大至', 'floor'], ['达到', 'floor'], ['达', 'floor'],
  ['下降到', 'ceiling'], ['下降至', 'ceiling'], ['降低到', 'ceiling'], ['降低至', 'ceiling'], ['降到', 'ceiling'],
  ['降至', 'ceiling'], ['减少到', 'ceiling'], ['减少至', 'ceiling'], ['控制在', 'ceiling'], ['缩短到', 'ceiling'], ['缩短至', 'ceiling'], ['控制到', 'ceiling'],
  ['保持在', 'exact'], ['维持在', 'exact'], ['稳定在', 'exact'],
  ['高于', 'gt'], ['超过', 'gt'], ['大于', 'gt'], ['低于', 'lt'], ['小于', 'lt'],
  ['减少', 'decrease'], ['下降', 'decrease'], ['降低', 'decrease'], ['缩小', 'decrease'],
  ['提高', 'increase'], ['提升', 'increase'], ['增加', 'increase'], ['增长', 'increase'], ['上升', 'increase'],
  ['≥', 'floor'], ['>=', 'floor'], ['≤', 'ceiling'], ['<=', 'ceiling'], ['＞', 'gt'], ['>', 'gt'],
  ['＜', 'lt'], ['<', 'lt'], ['＝', 'exact'], ['=', 'exact'],
];

/**
 * The verbs by the code unit they start with, longest first: a lookup costs one map access per
 * position, and no one-character string.
 */
const VERBS_BY_FIRST = new Map<number, Array<[string, VerbKind]>>();
for (const entry of VERBS) {
  const list = VERBS_BY_FIRST.get(entry[0].charCodeAt(0)) ?? [];
  list.push(entry);
  VERBS_BY_FIRST.set(entry[0].charCodeAt(0), list);
}
for (const list of VERBS_BY_FIRST.values()) list.sort((a, b) => b[0].length - a[0].length);
/** The code units a verb starts with: many common characters (上, 下, 不, 大), each of them tried. */
const VERB_START = codeUnitSet(VERBS_BY_FIRST.keys());

/** The first position at or after `from` where a verb may start (verbAt may still find none there), or `text.length`. */
export function nextVerbStart(text: string, from: number): number {
  return nextIn(text, from, VERB_START);
}

/** Verbs of two or more characters by their last character, longest first: a text is compared only with those it could end with. */
const WORD_VERBS_BY_LAST = new Map<string, string[]>();
for (const verb of VERBS.map(([v]) => v).filter((v) => v.length >= 2).sort((a, b) => b.length - a.length)) {
  const list = WORD_VERBS_BY_LAST.get(verb.at(-1)!) ?? [];
  list.push(verb);
  WORD_VERBS_BY_LAST.set(verb.at(-1)!, list);
}

/** The length of a verb of two or more characters that `text` ends with (…水平分别提高到), or 0. */
export function verbEndingLength(text: string): number {
  return WORD_VERBS_BY_LAST.get(text.at(-1) ?? '')?.find((verb) => text.endsWith(verb))?.length ?? 0;
}

/** A verb's text and kind at a position, or null. */
export function verbAt(text: string, pos: number): { verb: string; kind: VerbKind } | null {
  const candidates = VERBS_BY_FIRST.get(text.charCodeAt(pos));
  if (!candidates) return null;
  for (const [verb, kind] of candidates) {
    if (text.startsWith(verb, pos)) return { verb, kind };
  }
  return null;
}

/** Measure words after a bare number, longest first; `/万人` forms are per-population densities. */
const UNIT_WORDS = ['万人次', '万人', '万元', '亿元', '平方米', '平米', 'm²', '㎡', '人次', '小时', '分钟', '公里', '千米', '公顷', '人', '名', '张', '岁', '项', '家', '所', '个', '类', '种', '份', '次', '克', '元', '天', '床', '台', '辆', '支', '吨', '亩', '年'];
/** `8600万人`, `1.2亿元`: the 万/亿 a number is written in, kept as the unit's prefix rather than multiplied out. */
const MAGNITUDE_VALUES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** The run of 万/亿 a written number ends in (`1.5万亿` → `万亿`), read from the end: linear. */
function writtenMagnitude(written: string): string {
  let start = written.length;
  while (start > 0 && written[start - 1] in MAGNITUDE_VALUES) start--;
  return written.slice(start);
}
const PER_POPULATION = /^\/(?:每)?(?:10万|十万|万|千)人?口?|^\/(?:每)?(?:10万|十万|万|千)/;
/** `每万人`, `每千人口`, `每10万人口` written before the number of a density. */
const PER_POPULATION_BEFORE = /^每\s?(10万|十万|万|千)\s?人口?\s?/;
/** Counted things a density counts per population (6.0张/万人, 3.2名/千人). */
const DENSITY_COUNTS: ReadonlySet<string> = new Set(['张', '名', '人', '个', '床', '所', '家']);
/** A population base as units write it: 万人, 千人, 10万人. */
const populationBase = (base: string): string => `${base === '十万' ? '10万' : base}人`;

/** Reads the unit written after a number that has no base of its own. */
function unitAfter(text: string, pos: number): { unit: string | null; end: number } {
  const rest = text.slice(pos, pos + 12);
  // 8.5/10万: a rate per 100 000.
  const perHundredThousand = /^\/(?:10|十)\s?万/.exec(rest);
  if (perHundredThousand) return { unit: '1/10万', end: pos + perHundredThousand[0].length };
  for (const word of UNIT_WORDS) {
    if (!rest.startsWith(word)) continue;
    let end = pos + word.length;
    // 1.48张/万人, 0.38名/万人口: the density keeps its population base.
    const per = PER_POPULATION.exec(text.slice(end, end + 8));
    if (per) {
      end += per[0].length;
      return { unit: `${word}/${populationBase(per[0].replace(/^\/每?/, '').replace(/人?口?$/, ''))}`, end };
    }
    return { unit: word, end };
  }
  return { unit: null, end: pos };
}

function unitOfBase(m: NumberMatch): string | null {
  return m.base;
}

type Qualifier = 'above' | 'below' | 'about';
const QUALIFIERS: ReadonlyArray<[RegExp, Qualifier]> = [
  [/^\s?(?:及|或)?以上/, 'above'],
  [/^\s?(?:及|或)?以下/, 'below'],
  [/^\s?(?:以|之)内/, 'below'],
  [/^\s?左右/, 'about'],
];

/** Most values one list may hold (`分别达到60%、70%、80%`…): bounds the work on a run of numbers. */
const MAX_LIST = 12;
const RANGE_JOINERS = /^(?:至|到|-|—|–|~|～)/;
const LIST_JOINERS = /^(?:、|和|与|及)/;
const RATIO = /^\s?[:：]\s?/;
const GRADE = /^\s?[级甲乙类星]/;
/** `6类以上`, `十类及以上`: 类 after an Arabic number or before 以上/以下 counts kinds, not a class (二类疫苗). */
const KINDS_COUNTED = /^\s?类(?:及|或)?以[上下]/;

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\u3000') pos++;
  return pos;
}

/** One number with its unit: `95%`, `1.48张/万人`, `8.5/10万`, `3至5人`, `1：1`. */
interface Quantity {
  value: number;
  valueMax: number | null;
  unit: string | null;
  start: number;
  /** End of the number(s) as written (before the unit when the unit is a word). */
  numberEnd: number;
  /** End of the whole quantity, unit included. */
  end: number;
}

function readQuantity(text: string, pos: number): Quantity | null {
  const first = readNumberAt(text, pos);
  if (!first || first.value < 0) return null;
  // A year (2020年) is a time, not a value.
  if (first.base === null && /^\s?年/.test(text.slice(first.end, first.end + 2)) && first.value >= 1900) return null;
  // A grade (二级甲等, 三级医院, 二甲) is a rank, not a value.
  const after = text.slice(first.end, first.end + 5);
  const kinds = /^\s?类/.test(after) && (/\d$/.test(text.slice(first.start, first.end)) || KINDS_COUNTED.test(after));
  if (first.base === null && !kinds && GRADE.test(after)) return null;
  let numberEnd = first.end;
  let valueMax: number | null = null;
  // 提高1个百分点: a difference of percentages, never a percentage itself.
  let unit = first.base === '%' && /百分点$/.test(text.slice(first.start, first.end)) ? '百分点' : unitOfBase(first);
  const magnitude = first.base === null ? writtenMagnitude(text.slice(first.start, first.end)) : '';
  if (magnitude !== '') {
    const scale = [...magnitude].reduce((product, c) => product * MAGNITUDE_VALUES[c], 1);
    const after = unitAfter(text, first.end);
    const value = Number((first.value / scale).toPrecision(12));
    return { value, valueMax: null, unit: `${magnitude}${after.unit ?? ''}`, start: pos, numberEnd: first.end, end: after.end };
  }
  const ratio = RATIO.exec(text.slice(first.end, first.end + 3));
  if (first.base === null && ratio) {
    const second = readNumberAt(text, first.end + ratio[0].length);
    if (second && second.base === null && second.value > 0) {
      return { value: Number((first.value / second.value).toPrecision(12)), valueMax: null, unit: 'ratio', start: pos, numberEnd: second.end, end: second.end };
    }
  }
  const joiner = RANGE_JOINERS.exec(text.slice(first.end, first.end + 1));
  if (joiner) {
    const second = readNumberAt(text, first.end + joiner[0].length);
    if (second && second.value > first.value && (second.base === first.base || first.base === null)) {
      valueMax = second.value;
      numberEnd = second.end;
      unit = second.base;
    }
  }
  let end = numberEnd;
  if (unit === null) {
    const after = unitAfter(text, skipSpaces(text, numberEnd));
    if (after.unit) {
      unit = after.unit;
      end = after.end;
    }
  }
  return { value: first.value, valueMax, unit, start: pos, numberEnd, end };
}

function comparatorFor(kind: VerbKind | null, qualifier: Qualifier | null, isRange: boolean): Comparator {
  if (isRange) return 'range';
  if (kind === 'decrease' || kind === 'increase') return kind;
  if (qualifier === 'above') return kind === 'gt' ? 'gt' : 'gte';
  if (qualifier === 'below') return kind === 'lt' ? 'lt' : 'lte';
  if (qualifier === 'about') return 'eq';
  switch (kind) {
    case 'floor': return 'gte';
    case 'ceiling': return 'lte';
    case 'gt': return 'gt';
    case 'lt': return 'lt';
    default: return 'eq';
  }
}

/**
 * Reads the value(s) written at `pos` (just after a verb of kind `kind`, or with no verb for a
 * table cell). A list `70%、90%` gives one reading per number. Returns [] when no number is there.
 * `end` in the result is where the value phrase ends (qualifier included).
 */
export function readValues(text: string, pos: number, kind: VerbKind | null): { readings: ValueReading[]; end: number } {
  const quantities: Array<Quantity & { qualifier: Qualifier | null }> = [];
  let cursor = skipSpaces(text, pos);
  // 达到每万人6.0张, 每千人口3.2名: the population base written before the number.
  const per = PER_POPULATION_BEFORE.exec(text.slice(cursor, cursor + 8));
  let q = readQuantity(text, per ? cursor + per[0].length : cursor);
  if (per && q) {
    // Only a count of things per population (张, 名, 人) is a density; 每万人 before 5% is no base.
    if (q.unit === null || !DENSITY_COUNTS.has(q.unit)) q = null;
    else q = { ...q, unit: `${q.unit}/${populationBase(per[1])}` };
  }
  // A list of values is short (70%、90%); a longer run of numbers is not a value phrase.
  while (q && quantities.length < MAX_LIST) {
    // 37%及以上和40%及以上: each member may carry its own qualifier.
    const qualifier = qualifierAt(text, q.end);
    quantities.push({ ...q, qualifier: qualifier?.which ?? null });
    cursor = qualifier?.end ?? q.end;
    q = LIST_JOINERS.test(text.slice(cursor, cursor + 1)) ? readQuantity(text, skipSpaces(text, cursor + 1)) : null;
  }
  // One array, empty or not, made here: V8 then gives every array of readings one elements kind,
  // where an empty literal beside a .map() result made the code that reads them compile again.
  const readings: ValueReading[] = [];
  if (quantities.length === 0) return { readings, end: pos };
  // 达到3至5人, 分别达到70%、90%以上: a list shares the unit and the qualifier of its last member.
  const last = quantities[quantities.length - 1];
  for (const q of quantities) {
    readings.push({
      comparator: comparatorFor(kind, q.qualifier ?? last.qualifier, q.valueMax !== null),
      value: q.value,
      valueMax: q.valueMax,
      unit: q.unit ?? last.unit,
      range: [q.start, q.numberEnd],
    });
  }
  return { readings, end: cursor };
}

/** The qualifier (以上, 以下, 以内, 左右) written at `pos`, or null. */
function qualifierAt(text: string, pos: number): { which: Qualifier; end: number } | null {
  for (const [pattern, which] of QUALIFIERS) {
    const m = pattern.exec(text.slice(pos, pos + 4));
    if (m) return { which, end: pos + m[0].length };
  }
  return null;
}
