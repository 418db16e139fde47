/**
 * Year cues in a clause: the year a target is due (`到2020年`, `2025年底前`, `到2020年和2025年`)
 * and the year of its base (`较2015年`, `比2015年`, `与2015年相比`).
 */

const YEAR = /(\d{4})\s?年/g;
const DUE_BEFORE = /(?:到|至|于|在)\s?$/;
const DUE_AFTER = /^(?:底|末)?(?:前|以前|之前)?/;
const JOINED = /^\s?(?:和|、|及|与)\s?$/;
const BASE_BEFORE = /(?:较|比|与|同)\s?$/;

/** Plausible plan years: a 4-digit number outside this span is not a year. */
function plausible(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

/** The due years a clause states, in order (到2020年和2025年 → [2020, 2025]). */
export function dueYearsIn(clause: string): number[] {
  const years: number[] = [];
  let lastDueEnd = -1;
  for (const m of clause.matchAll(YEAR)) {
    const year = Number(m[1]);
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!plausible(year)) continue;
    const before = clause.slice(Math.max(0, start - 2), start);
    const after = DUE_AFTER.exec(clause.slice(end, end + 3))?.[0] ?? '';
    const joined = lastDueEnd >= 0 && JOINED.test(clause.slice(lastDueEnd, start));
    if (BASE_BEFORE.test(before)) continue;
    if (DUE_BEFORE.test(before) || after.length > 0 || joined) {
      years.push(year);
      lastDueEnd = end + after.length;
    }
  }
  return years;
}

/** The base year of a change (较2015年降低20% → 2015), or null. */
export function baselineYearIn(clause: string): number | null {
  for (const m of clause.matchAll(YEAR)) {
    const start = m.index ?? 0;
    if (BASE_BEFORE.test(clause.slice(Math.max(0, start - 2), start)) && plausible(Number(m[1]))) return Number(m[1]);
  }
  return null;
}
