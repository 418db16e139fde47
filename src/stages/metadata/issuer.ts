/** Issuing bodies: the signature (name, then date) and the department line under a plan's title. */
import { findChineseDates } from './dates.js';

/**
 * Endings of the names of Chinese government bodies (人民政府办公室, 卫生健康委员会, 卫计委,
 * 财政局, 办公厅, 疾病预防控制中心, 领导小组 …).
 */
const ORG_ENDING = /(?:政府|办公室|办公厅|委员会|委|局|厅|办|署|中心|部|院|会|所|站|处|小组)$/;

/**
 * Whether `text` reads as the name of one issuing body, or of several separated by spaces
 * (joint issuance: `市卫生健康委 市财政局`): 2–60 characters of CJK text (brackets and spaces
 * allowed), no sentence punctuation, ending with a body's name ending.
 */
export function isOrgName(text: string): boolean {
  if (text.length < 2 || text.length > 60) return false;
  if (!/^[\u3400-\u9fff（）() \u3000]+$/.test(text)) return false;
  return ORG_ENDING.test(text);
}

/** The signature of a document: the issuing body and the date under it. */
export interface Signature {
  issuer: string | null;
  /** ISO `YYYY-MM-DD`. */
  date: string;
}

/** Words that may follow a date on its own signature line: 2018年12月29日印发. */
const SIGNATURE_DATE_TAIL = /^(?:印发|发布|签发|制发)?$/;
/** After a signature date a new sentence or document starts; these show the date is inside a sentence. */
const IN_SENTENCE_AFTER = /^[前后起以至止到，,、]/;
/** How far a signature may stand before its date, in UTF-16 code units (names are short). */
const LOOK_BEHIND = 80;

/** Collapses white space runs to one space and trims. */
function collapse(text: string): string {
  return text.replace(/[ \t\u3000]+/g, ' ').trim();
}

/**
 * Finds the last signature in `text` (folded, see foldForMatching). A signature date is either
 * alone on its line (optionally followed by 印发 / 发布), with the issuer the nearest non-empty
 * line above when that line is a body's name; or written right after a body's name that starts a
 * sentence (`…请照此执行。天津市人民政府办公厅2017年10月12日`, text whose line breaks were lost).
 * Dates inside sentences (`2020年12月31日前完成`) are not signatures.
 */
export function findSignature(text: string): Signature | null {
  let last: Signature | null = null;
  for (const date of findChineseDates(text)) {
    const before = lineBefore(text, date.start);
    const after = lineAfter(text, date.end);
    if (before.trim() === '' && SIGNATURE_DATE_TAIL.test(after.replace(/[ \t\u3000]/g, ''))) {
      const above = previousNonEmptyLine(text, date.start - before.length);
      last = { issuer: above !== null && isOrgName(above) ? above : null, date: date.iso };
      continue;
    }
    if (IN_SENTENCE_AFTER.test(after.trimStart())) continue;
    // The name runs from the last sentence boundary (or line start) to the date.
    const boundary = Math.max(...['。', '；', '！', '？', '：', ';', ':'].map((p) => before.lastIndexOf(p)));
    const name = collapse(before.slice(boundary + 1));
    if (isOrgName(name)) last = { issuer: name, date: date.iso };
  }
  return last;
}

/** The text from the start of the line (at most LOOK_BEHIND units back) to `offset`. */
function lineBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && offset - i < LOOK_BEHIND && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return text.slice(i, offset);
}

/** The text from `offset` to the end of its line, at most 20 units (enough for a 印发 tail). */
function lineAfter(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && i - offset < 20 && text[i] !== '\n' && text[i] !== '\r') i++;
  return text.slice(offset, i);
}

/** The nearest non-empty line that ends before `lineStart`, trimmed and collapsed; at most 3 lines up. */
function previousNonEmptyLine(text: string, lineStart: number): string | null {
  let end = lineStart;
  for (let tries = 0; tries < 3 && end > 0; tries++) {
    const lineEnd = end - 1; // the line break before `end`
    let start = lineEnd;
    while (start > 0 && lineEnd - start < LOOK_BEHIND && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const line = collapse(text.slice(start, lineEnd));
    if (line !== '') return line;
    end = start;
  }
  return null;
}

/** A heading marker at the start of a line: 一、 （一） 1． （1） 第一章 专栏. */
const HEADING_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章节条]|专栏)/;

/**
 * The department named on the lines right under a title (`区卫计委` under each plan of a district
 * notice): the first of the next two non-empty lines that is a body's name and not a heading.
 * `titleEnd` is the 0-based offset in `text` just past the title.
 */
export function departmentUnderTitle(text: string, titleEnd: number): string | null {
  let cursor = titleEnd;
  let seen = 0;
  // Bounded scan: at most two non-empty lines of at most 200 units each.
  while (seen < 2 && cursor < text.length) {
    let end = cursor;
    while (end < text.length && end - cursor < 200 && text[end] !== '\n') end++;
    if (end - cursor >= 200) return null; // a long line is body text
    const line = collapse(text.slice(cursor, end).replace(/\r/g, ''));
    cursor = end + 1;
    if (line === '') continue;
    seen++;
    if (HEADING_START.test(line)) return null;
    if (isOrgName(line)) return line;
  }
  return null;
}

/** The body named before 关于 in a notice title (`天津市人民政府办公厅关于印发…的通知`), or null. */
export function issuerInTitle(title: string): string | null {
  const at = title.indexOf('关于');
  if (at <= 0) return null;
  const name = collapse(title.slice(0, at));
  return isOrgName(name) ? name : null;
}
