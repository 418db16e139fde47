/** Chinese numerals → numbers. Shared by segment (heading ordinals) and targets (values). */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can appear in a Chinese integer numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/**
 * Reads a Chinese integer numeral such as 三, 十七, 二十一, 一百零五, 三千二百万, 二〇二〇
 * (digit by digit when it has no unit character). Returns null when the string is not one.
 */
export function parseChineseInteger(numeral: string): number | null {
  if (numeral.length === 0) return null;
  let hasUnit = false;
  for (const ch of numeral) {
    if (!(ch in DIGITS) && !(ch in SMALL_UNITS) && !(ch in BIG_UNITS)) return null;
    if (ch in SMALL_UNITS || ch in BIG_UNITS) hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二〇 is read digit by digit.
    let value = 0;
    for (const ch of numeral) value = value * 10 + DIGITS[ch];
    return value;
  }
  let total = 0; // finished groups above 万/亿
  let section = 0; // the current group below 万
  let digit: number | null = null;
  for (const ch of numeral) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      // 十 at the start means 一十.
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = null;
    } else {
      const unit = BIG_UNITS[ch];
      section += digit ?? 0;
      digit = null;
      // 万 after 亿 multiplies only the group since 亿 (三亿五千万 = 3.5e8).
      if (unit > 1e4 || total === 0 || total % 1e8 !== 0 || section === 0) {
        total = (total + section) * unit;
      } else {
        total += section * unit;
      }
      section = 0;
    }
  }
  return total + section + (digit ?? 0);
}
