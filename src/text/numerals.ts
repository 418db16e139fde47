/** Chinese numerals → numbers. Shared by segment (heading ordinals) and targets (values). */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** Contracted tens written as one character (廿二 = 22). */
const TENS: Record<string, number> = { 廿: 20, 卅: 30 };

/** Characters that can appear in a Chinese integer numeral. */
export const CHINESE_NUMERAL_CHARS =
  '零〇一壹二贰两兩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億廿卅';

/**
 * Reads a Chinese integer numeral and returns its value, or null when the string is not a
 * well-formed one. Accepted forms:
 * - with units: 三, 十七, 二十一, 一百零五, 一百十一, 三千二百万, 壹佰壹拾壹, 廿二;
 * - digit by digit when there is no unit character: 二〇二〇 → 2020, 一一 → 11;
 * - a trailing digit that stands for the next lower unit: 三万五 → 35000, 一百二 → 120.
 * Rejected: unit order that does not descend (十七十八), a unit other than 十 with no digit
 * before it (百十一), two digits in a row inside a numeral with units (一二百), anything else.
 * Values above Number.MAX_SAFE_INTEGER are returned inexactly.
 */
export function parseChineseInteger(numeral: string): number | null {
  if (numeral.length === 0) return null;
  let hasUnit = false;
  for (const ch of numeral) {
    if (ch in SMALL_UNITS || ch in BIG_UNITS || ch in TENS) hasUnit = true;
    else if (!(ch in DIGITS)) return null;
  }
  if (!hasUnit) {
    // 二〇二〇 is read digit by digit.
    let value = 0;
    for (const ch of numeral) value = value * 10 + DIGITS[ch];
    return value;
  }
  return parseWithUnits(numeral);
}

/** The positional reading of a numeral that has at least one unit character. */
function parseWithUnits(numeral: string): number | null {
  let total = 0; // finished groups closed by 万/亿
  let section = 0; // the current group below 万
  let digit: number | null = null; // a digit waiting for its unit
  let afterZero = false; // a 零 since the last unit: a trailing digit is then a plain unit digit
  let lastSmallUnit = Infinity; // small units must descend within a group
  let lastUnit = 0; // the last unit seen (small or big), for a contracted trailing digit
  let sawYi = false;
  for (const ch of numeral) {
    if (ch in DIGITS) {
      // Two digits in a row (一二百, 五零) are not a positional numeral; 零 is a placeholder.
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch];
      if (digit === 0) afterZero = true;
    } else if (ch in TENS) {
      if (digit !== null && digit !== 0) return null;
      if (TENS[ch] >= lastSmallUnit) return null;
      section += TENS[ch];
      lastSmallUnit = 10;
      lastUnit = 10;
      digit = null;
      afterZero = false;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmallUnit) return null;
      // Only 十 may stand without its digit (十一, 一百十一); after 零 the digit 一 is implied
      // as well (一万零百一十一 = 10111, as cn2an reads it).
      if (digit === null && unit !== 10) return null;
      section += (digit || 1) * unit;
      lastSmallUnit = unit;
      lastUnit = unit;
      digit = null;
      afterZero = false;
    } else {
      const unit = BIG_UNITS[ch];
      section += digit ?? 0;
      digit = null;
      if (section === 0 && total === 0) return null;
      if (unit > 1e4) {
        total = (total + section) * unit;
        sawYi = true;
      } else if (sawYi) {
        // 万 after 亿 multiplies only the group since 亿 (三亿五千万 = 3.5e8).
        total += section * unit;
      } else {
        total = (total + section) * unit;
      }
      section = 0;
      lastSmallUnit = Infinity;
      lastUnit = unit;
      afterZero = false;
    }
  }
  if (digit !== null && digit !== 0 && !afterZero && lastUnit >= 100) {
    // 三万五 = 35000, 一百二 = 120: the digit counts in the unit below the last one.
    return total + section + digit * (lastUnit / 10);
  }
  return total + section + (digit ?? 0);
}
