/**
 * Year cues in a clause: the year a target is due (`到2020年`, `2025年底前`, `到2020年和2025年`,
 * `2022年、2025年分别…`) and the year of its base (`较2015年`, `比2015年`, `与2015年相比`,
 * `在2020年基础上`, `由2015年的X提高到Y`). A base year is never a due year.
 */

const YEAR = /(\d{4})\s?年/g;
// 展望2035年: a five-year plan's look ahead names the year of its longer goals.
const DUE_BEFORE = /(?:到|至|于|在|展望)\s?$/;
const DUE_AFTER = /^(?:底|末)?(?:前|以前|之前)?/;
const JOINED = /^\s?(?:和|、|及|与)\s?$/;
const BASE_BEFORE = /(?:较|比|与|同)\s?$/;
/** `在2020年(的)基础上`, `由2015年的`, `从2015年的`: the year of the base, read from what follows it. */
const BASE_AFTER = /^(?:的|末|底)?(?:水平|基础)上|^(?:的|末|底)?基础/;
const STATUS_BEFORE = /截[至止]\s?$/;
const FROM_BEFORE = /(?:由|从)\s?$/;
/** A list of years that the values after it are distributed to (`2022年、2025年分别`). */
const EACH_AFTER = /^\s?(?:底|末)?(?:前)?(?:，|,)?\s?(?:分别|各)/;

/** Whether the year at [start, end) of `clause` is the base of a change rather than a due year. */
function isBaseYear(clause: string, start: number, end: number): boolean {
  const before = clause.slice(Math.max(0, start - 2), start);
  return BASE_BEFORE.test(before) || FROM_BEFORE.test(before) || BASE_AFTER.test(clause.slice(end, end + 5));
}

/** Plausible plan years: a 4-digit number outside this span is not a year. */
function plausible(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

/** The due years a clause states, in order (到2020年和2025年 → [2020, 2025]). */
export function dueYearsIn(clause: string): number[] {
  // Most clauses name no year: one search says so, before the year pattern is run.
  if (!clause.includes('年')) return [];
  const years: number[] = [];
  /** Years joined to the one before (2022年、2025年) that are not yet known to be due. */
  let pending: number[] = [];
  let lastEnd = -1;
  let lastDue = false;
  for (const m of clause.matchAll(YEAR)) {
    const year = Number(m[1]);
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!plausible(year) || isBaseYear(clause, start, end)) continue;
    const before = clause.slice(Math.max(0, start - 2), start);
    // 截至2016年底: the date of a status, not a due year.
    if (STATUS_BEFORE.test(before)) continue;
    const after = DUE_AFTER.exec(clause.slice(end, end + 3))?.[0] ?? '';
    const joined = lastEnd >= 0 && JOINED.test(clause.slice(lastEnd, start));
    if (!joined) pending = [];
    if (DUE_BEFORE.test(before) || after.length > 0 || (joined && lastDue)) {
      years.push(...pending, year);
      pending = [];
      lastDue = true;
    } else if (EACH_AFTER.test(clause.slice(end, end + 6)) && (joined || pending.length > 0)) {
      years.push(...pending, year);
      pending = [];
      lastDue = true;
    } else {
      pending.push(year);
      lastDue = false;
    }
    lastEnd = end + after.length;
  }
  // 2022年、2025年全市…分别达到90%、92%: a list of years that the clause's values go to.
  if (pending.length >= 2 && clause.includes('分别', lastEnd)) years.push(...pending);
  return years;
}

/** The base year of a change (较2015年降低20%, 在2020年基础上提高1个百分点 → 2015, 2020), or null. */
export function baselineYearIn(clause: string): number | null {
  if (!clause.includes('年')) return null;
  for (const m of clause.matchAll(YEAR)) {
    const start = m.index ?? 0;
    if (isBaseYear(clause, start, start + m[0].length) && plausible(Number(m[1]))) return Number(m[1]);
  }
  return null;
}
