/** The period a plan covers: （2017—2025年）, 2018-2020年, “十三五” → 2016–2020. */
import type { Period } from '../../model/schemas.js';
import { parseChineseInteger } from '../../text/numerals.js';

/** Two years joined by a dash of any width, a tilde, 至 or 到: 2017—2025年, 2019－2022, 2021年至2025年. */
const YEAR_RANGE = /(?<!\d)(\d{4})[ \t]*(?:年[ \t]*)?(?:[—–\-－~～―]{1,2}|至|到)[ \t]*(\d{4})(?!\d)/g;

/**
 * A five-year-plan name: “十三五”, "九五", ‘十四五’ in quotes, or unquoted before 规划/时期/期间/计划.
 * The numeral is 1–9 or 十, 十一…十九.
 */
const FIVE_YEAR_QUOTED = /[“"‘「][ \t]*(十[一二三四五六七八九]?|[一二三四五六七八九])五[ \t]*[”"’」]/g;
const FIVE_YEAR_BARE = /(?<![一二三四五六七八九十])(十[一二三四五六七八九]?|[一二三四五六七八九])五(?=规划|时期|期间|计划)/g;

/**
 * The years of the n-th five-year plan (1-based). The first two ran 1953–1957 and 1958–1962;
 * after the 1963–1965 readjustment years the third started in 1966, and each one since has
 * followed the previous: the 13th is 2016–2020, the 14th 2021–2025.
 */
export function fiveYearPlanPeriod(n: number): Period {
  const start = n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
  return { start, end: start + 4 };
}

/**
 * The period named in `text` (a title, folded): the first explicit year range, else the first
 * five-year-plan name. Null when there is none, or when the range is not a plausible plan period
 * (end before start, longer than 50 years).
 */
export function periodIn(text: string): Period | null {
  for (const m of text.matchAll(YEAR_RANGE)) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end >= start && end - start <= 50 && start >= 1949 && end <= 2199) return { start, end };
  }
  const named = [...text.matchAll(FIVE_YEAR_QUOTED), ...text.matchAll(FIVE_YEAR_BARE)].sort((a, b) => a.index - b.index);
  for (const m of named) {
    const n = parseChineseInteger(m[1]);
    if (n !== null && n >= 1) return fiveYearPlanPeriod(n);
  }
  return null;
}
