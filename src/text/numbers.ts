/**
 * Reads numbers as they are written in Chinese plan texts: Arabic (`1.48`, `1,050`), Chinese
 * numerals (`三十五`, `一万三`, `四亿零六`, `二十六点三三`), mixed (`5万4千6百`, `4.78万亿`),
 * percentages (`95%`, `百分之五十`, `2.4个百分点`, `三成`), per-mille (`5‰`, `千分之五`),
 * per-ten-thousand (`万分之四`), per-100 000 (`十万分之八`) and fractions (`三分之一`).
 * Full-width digits are expected to be ASCII already (normalize does that); `％` is accepted.
 * The scan is a single left-to-right pass: linear in the length of the text.
 */

import { codeUnitSet, nextIn } from './scan.js';

/** The base a number is written against. `'1/10万'` is per 100 000 (as in `8.5/10万`). */
export type NumberBase = '%' | '‰' | '‱' | '1/10万' | null;

/** One number found in a text. */
export interface NumberMatch {
  /** 0-based offset of the first code unit of the number as written (its sign or 百分之 included). */
  start: number;
  /** 0-based offset just past the number as written (its `%`, `‰`, `成` or `个百分点` included). */
  end: number;
  /** The value in its own base: `95%` → 95 with base '%'; `千分之五` → 5 with base '‰'; `三成` → 30, '%'. */
  value: number;
  base: NumberBase;
}

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 倆: 2, 俩: 2, 三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT_VALUES: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT_VALUES: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };
const DECIMAL_POINTS = new Set(['点', '點']);
/** 多, 余, 几 between a number and 万/亿 (十多万): an approximate amount. */
const APPROXIMATORS = new Set(['多', '余', '几', '幾']);
/** Financial-form numerals that are also common characters (陆地, 收拾, 放肆): not read alone. */
const FINANCIAL_FORMS = new Set([...'壹贰貳叁參肆伍陆陸柒捌玖拾佰仟']);
const NEGATIVE_SIGNS = new Set(['负', '負', '-', '−']);

/** `百分之`, `千分之`, … : the prefix written before the number, and the base it gives. */
const PER_PREFIXES: ReadonlyArray<{ prefix: RegExp; base: NumberBase }> = [
  { prefix: /(?:十万|拾万|十萬|拾萬)分之/y, base: '1/10万' },
  { prefix: /[百佰]分之/y, base: '%' },
  { prefix: /[千仟]分之/y, base: '‰' },
  { prefix: /[万萬]分之/y, base: '‱' },
];

/**
 * The characters a number can start or hold: Arabic digits, the digits, units and big units of
 * Chinese numerals. A text without any holds no number readNumberAt can read (百分之百 has 百).
 */
const NUMBER_CHARACTERS = codeUnitSet(['0123456789', ...Object.keys(DIGIT_VALUES), ...Object.keys(SMALL_UNIT_VALUES), ...Object.keys(BIG_UNIT_VALUES)]);

/** Whether `text` holds a character a number is written with (see NUMBER_CHARACTERS). */
export function mayHoldNumber(text: string): boolean {
  return nextIn(text, 0, NUMBER_CHARACTERS) < text.length;
}

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const PERCENT_POINTS = /[个個]百分[点點]/y;

function isDigitChar(ch: string): boolean {
  return ch in DIGIT_VALUES;
}
function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** A number core (no sign, no base) read at a position. */
interface Core {
  value: number;
  end: number;
}

/**
 * Reads one number core at `pos`: a run of Arabic numbers, Chinese digits and unit characters
 * (十百千万亿兆), with an optional decimal part after 点. Returns null when no number starts there.
 */
export function readNumberCore(text: string, pos: number): Core | null {
  let total = 0; // finished groups (above the current 万/亿 group)
  let section = 0; // the current group below the last big unit
  let digit: number | null = null; // the pending digit (or Arabic number)
  let digitIsChinese = false;
  let zeroBefore = false; // a 零 was written before the pending digit (no elision then)
  let lastUnit = 0; // value of the unit character just before the pending digit
  let lastBig = 0;
  let prevWasBig = false;
  let sawDigit = false;
  let i = pos;
  while (i < text.length) {
    const ch = text[i];
    if (isAsciiDigit(ch)) {
      // Two Arabic numbers in a row are two numbers; after 零 (1千零1) the number goes on.
      if (digit !== null && !(digitIsChinese && digit === 0)) break;
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(text)!;
      digit = Number(m[0].replace(/,/g, ''));
      digitIsChinese = false;
      i += m[0].length;
      sawDigit = true;
      prevWasBig = false;
      continue;
    }
    if (isDigitChar(ch)) {
      const d = DIGIT_VALUES[ch];
      if (digit !== null && !digitIsChinese) break;
      if (d === 0) zeroBefore = true;
      // 二〇二〇, 零六: consecutive digits are read digit by digit.
      digit = digit === null ? d : digit * 10 + d;
      digitIsChinese = true;
      sawDigit = true;
      prevWasBig = false;
      i++;
      continue;
    }
    if (ch in SMALL_UNIT_VALUES) {
      // 十 may open a number (十五); 百/千 need a digit before them (百姓, 千万 are words).
      if (digit === null && !(SMALL_UNIT_VALUES[ch] === 10 && (sawDigit || i === pos || lastUnit > 0))) break;
      // 一万零十二: 十 right after 零 (or at the start) means 一十.
      const multiplier = digit === null || (digit === 0 && SMALL_UNIT_VALUES[ch] === 10) ? 1 : digit;
      section += multiplier * SMALL_UNIT_VALUES[ch];
      lastUnit = SMALL_UNIT_VALUES[ch];
      digit = null;
      zeroBefore = false;
      sawDigit = true;
      prevWasBig = false;
      i++;
      continue;
    }
    if (APPROXIMATORS.has(ch) && sawDigit && text[i + 1] !== undefined && text[i + 1] in BIG_UNIT_VALUES) {
      // 十多万, 500余万: the approximate part is dropped, the order of magnitude kept.
      if (digit !== null && digitIsChinese && digit === 0) digit = null;
      i++;
      continue;
    }
    if (ch in BIG_UNIT_VALUES) {
      if (!sawDigit) break;
      const unit = BIG_UNIT_VALUES[ch];
      section += digit ?? 0;
      digit = null;
      if (section === 0 && prevWasBig) {
        total *= unit; // 万万, 万亿
      } else if (lastBig === 0 || unit >= lastBig) {
        total = (total + section) * unit;
      } else {
        total += section * unit;
      }
      lastBig = Math.max(lastBig, unit);
      lastUnit = unit;
      section = 0;
      zeroBefore = false;
      prevWasBig = true;
      i++;
      continue;
    }
    break;
  }
  if (!sawDigit) return null;
  let value: number;
  if (digit !== null && digitIsChinese && !zeroBefore && lastUnit >= 100 && digit < 10) {
    // 一万三 = 13000, 四百五 = 450: a bare last digit counts in the next lower unit.
    value = total + section + (digit * lastUnit) / 10;
  } else {
    value = total + section + (digit ?? 0);
  }
  // Decimal part: 点 followed by digits, read one by one.
  if (DECIMAL_POINTS.has(text[i] ?? '') && Number.isInteger(value)) {
    let j = i + 1;
    let fraction = '';
    while (j < text.length && (isDigitChar(text[j]) || isAsciiDigit(text[j]))) {
      fraction += isAsciiDigit(text[j]) ? text[j] : String(DIGIT_VALUES[text[j]]);
      j++;
    }
    if (fraction.length > 0) {
      value = Number(`${value}.${fraction}`);
      i = j;
    }
  }
  // 2.2亿 should be 220000000, not 220000000.00000003.
  return { value: Number(value.toPrecision(15)), end: i };
}

/** Reads a signed core: an optional 负/- before the number. */
function readSigned(text: string, pos: number): Core | null {
  const negative = NEGATIVE_SIGNS.has(text[pos]);
  const core = readNumberCore(text, negative ? pos + 1 : pos);
  if (!core) return null;
  return negative ? { value: -core.value, end: core.end } : core;
}

/** Reads the number that starts exactly at `pos`, with its base, or null. */
export function readNumberAt(text: string, pos: number): NumberMatch | null {
  for (const { prefix, base } of PER_PREFIXES) {
    prefix.lastIndex = pos;
    if (prefix.test(text)) {
      const core = readSigned(text, prefix.lastIndex);
      if (core) return { start: pos, end: core.end, value: core.value, base };
      // 百分之百: 百 alone after the prefix is the whole (a bare 百 is no number elsewhere).
      if (base === '%' && /[百佰]/.test(text[prefix.lastIndex] ?? '')) return { start: pos, end: prefix.lastIndex + 1, value: 100, base };
    }
  }
  const core = readSigned(text, pos);
  if (!core) return null;
  if (core.end === pos + 1 && FINANCIAL_FORMS.has(text[pos])) return null;
  const after = text[core.end];
  if (after === '%' || after === '％') return { start: pos, end: core.end + 1, value: core.value, base: '%' };
  if (after === '‰') return { start: pos, end: core.end + 1, value: core.value, base: '‰' };
  if (after === '‱') return { start: pos, end: core.end + 1, value: core.value, base: '‱' };
  PERCENT_POINTS.lastIndex = core.end;
  if (PERCENT_POINTS.test(text)) return { start: pos, end: PERCENT_POINTS.lastIndex, value: core.value, base: '%' };
  if (after === '成' && core.value > 0 && core.value <= 10) {
    // 三成 = 30%, 三成半 = 35%.
    const half = text[core.end + 1] === '半';
    return { start: pos, end: core.end + (half ? 2 : 1), value: core.value * 10 + (half ? 5 : 0), base: '%' };
  }
  if (after === '分' && text[core.end + 1] === '之') {
    // 三分之一 = 1/3.
    const numerator = readNumberCore(text, core.end + 2);
    if (numerator && core.value !== 0) {
      return { start: pos, end: numerator.end, value: numerator.value / core.value, base: null };
    }
  }
  return { start: pos, end: core.end, value: core.value, base: null };
}

/**
 * Every number in `text[from, to)`, left to right, without overlaps. Offsets are 0-based into
 * `text`. A Chinese digit inside a word (一些, 统一) is read as a number too: callers decide by
 * context whether a number matters.
 */
export function findNumbers(text: string, from = 0, to = text.length): NumberMatch[] {
  const found: NumberMatch[] = [];
  const slice = to === text.length ? text : text.slice(0, to);
  let i = from;
  while (i < to) {
    const m = readNumberAt(slice, i);
    if (m && m.end > i) {
      found.push(m);
      i = m.end;
    } else {
      i++;
    }
  }
  return found;
}

/** A match's value as a percentage (95% → 95, 千分之五 → 0.5, 十万分之八 → 0.008), or the plain value. */
export function asPercent(match: NumberMatch): number {
  switch (match.base) {
    case '‰': return match.value / 10;
    case '‱': return match.value / 100;
    case '1/10万': return match.value / 1000;
    default: return match.value;
  }
}
