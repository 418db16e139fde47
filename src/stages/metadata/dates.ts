/** Calendar dates as Chinese official documents write them: 2017年12月21日, 二〇二一年三月五日. */
import { parseChineseInteger } from '../../text/numerals.js';

/** A date found in a text; offsets are 0-based UTF-16 offsets into that text, end exclusive. */
export interface DateMatch {
  /** ISO `YYYY-MM-DD`. */
  iso: string;
  start: number;
  end: number;
}

// Year: four Arabic digits or four numeral characters (二〇二一; ○ and 零 are common stand-ins for 〇).
const YEAR = '(\\d{4}|[〇○零一二三四五六七八九]{4})';
const MONTH_OR_DAY = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** A 年月日 date at lastIndex; bounded pieces, so linear on any input. */
const CHINESE_DATE_AT = new RegExp(`${YEAR}[ \\t]*年[ \\t]*${MONTH_OR_DAY}[ \\t]*月[ \\t]*${MONTH_OR_DAY}[ \\t]*日`, 'y');

/** Reads one numeral field (Arabic or Chinese). */
function field(written: string): number | null {
  if (/^\d+$/.test(written)) return Number(written);
  return parseChineseInteger(written.replace(/○/g, '〇'));
}

/** Builds `YYYY-MM-DD` from parts, or null when they are not a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Every valid 年月日 date in `text` (folded first, see foldForMatching), in text order. Each date
 * holds one 年 and its year is the four characters before it (and the tabs or spaces after them),
 * so a date can start only there: the pattern is tried at those places, not at every character of
 * the text. Dates found so cannot overlap (a year has no 日), as a global search's do not.
 */
export function findChineseDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
    let yearEnd = at;
    while (yearEnd > 0 && (text.charCodeAt(yearEnd - 1) === 0x20 || text.charCodeAt(yearEnd - 1) === 0x09)) yearEnd--;
    if (yearEnd < 4) continue;
    CHINESE_DATE_AT.lastIndex = yearEnd - 4;
    const m = CHINESE_DATE_AT.exec(text);
    if (m === null) continue;
    const [y, mo, d] = [field(m[1]), field(m[2]), field(m[3])];
    if (y === null || mo === null || d === null) continue;
    const iso = isoDate(y, mo, d);
    if (iso) found.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** A labelled date in a page header, e.g. `成文日期：2017-10-12`, `发布日期:2017-10-26`. */
const LABELLED_DATE = /(成文日期|发文日期|印发日期|发布日期)[ \t]*[:：][ \t]*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/g;

/**
 * The labelled header date of a document: a 成文日期 (signing date) is preferred to a 发布日期
 * (publication date). Null when there is none.
 */
export function labelledDate(text: string): string | null {
  let published: string | null = null;
  for (const m of text.matchAll(LABELLED_DATE)) {
    const iso = isoDate(Number(m[2]), Number(m[3]), Number(m[4]));
    if (!iso) continue;
    if (m[1] === '发布日期') published ??= iso;
    else return iso;
  }
  return published;
}
