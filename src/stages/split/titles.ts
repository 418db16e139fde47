/**
 * Finds where documents start: title lines (possibly wrapped over several lines, possibly followed
 * by a period line `（2016—2020年）`), a notice title run into its first line, titles a notice
 * forwards (`《…》`) found again in the text, and the end matter (`抄送：`, `…印发`).
 */
import { foldKey } from '../dedupe/units.js';
import { findChineseDates } from '../metadata/dates.js';

/** A line of the text: `[start, end)` is the line without surrounding white space (0-based offsets). */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/** A document start found in the text; offsets are 0-based into the text being split. */
export interface DocumentStart {
  kind: 'notice' | 'plan' | 'endmatter';
  /** Where the document starts (its title block's first character). */
  start: number;
  titleStart: number;
  titleEnd: number;
  title: string;
}

const TITLE_WORDS = '(?:规划|计划|方案|纲要|意见|通知|办法)';
const PERIOD = '[（(]\\s*\\d{4}\\s*[—–－-]{1,2}\\s*\\d{4}\\s*年?\\s*[）)]';
/** A title line ends with a document word, optionally followed by its period. */
const TITLE_END = new RegExp(`${TITLE_WORDS}\\s*(?:${PERIOD})?$`);
const PERIOD_LINE = new RegExp(`^${PERIOD}$`);
const SENTENCE_PUNCTUATION = /[。，；：！？,;:、]/;
/** An issuer line under a title: an office name, no punctuation. */
const ISSUER_LINE = /^[\u4e00-\u9fff]{2,25}(?:委|局|办|厅|室|府|会|部|院|中心|小组)$/;
/** The opening sentence of a plan: `为…，制定本规划。`, `根据…`. */
const OPENING = /^(?:为|根据|按照|依据|遵照|贯彻)/;
/** The line a web page puts under an article's title (发布时间：…, 来源：…, 索引号：…). */
const PAGE_INFO_LINE = /^(?:发布(?:时间|日期)|成文日期|发文日期|信息来源|来源|索引号|文章来源)[：:]/;
const DOC_NUMBER_LINE = /^\S{1,12}〔\d{4}〕\d{1,4}号$/;
const HEADING_LINE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
/** A notice title run into the first line: `…关于印发…的通知`. */
const INLINE_NOTICE = /^(\S{2,60}?关于(?:印发|转发)\S{2,160}?的通知)/;
const END_MATTER_COPY = /^抄送[：:]/;
const END_MATTER_PRINTED = /\d{4}年\d{1,2}月\d{1,2}日印发$/;
/** Longest line (UTF-16 code units) that can be (part of) a title. */
const TITLE_LINE_MAX = 60;
/** At most this many lines before a title's last line are joined into it. */
const WRAPPED_LINES_MAX = 3;

/** The lines of a text, trimmed. Linear. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    start = i + 1;
  }
  return lines;
}

function nextNonBlank(lines: readonly Line[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j].text === '') j++;
  return j;
}

function titleLike(line: Line): boolean {
  return line.text.length > 0 && line.text.length <= TITLE_LINE_MAX && !SENTENCE_PUNCTUATION.test(line.text);
}

/** A line that may be the first lines of a wrapped title. */
function titleContinuation(line: Line): boolean {
  return titleLike(line) && line.text.length <= 30 && !HEADING_LINE.test(line.text) && !/^[（(].*[）)]$/.test(line.text) && !ISSUER_LINE.test(line.text) && !isDateLine(line.text);
}

/** A signing date on its own line (2021年12月30日, 二〇二一年十二月三十日): never part of a title. */
function isDateLine(text: string): boolean {
  const dates = findChineseDates(text);
  return dates.length === 1 && dates[0].start === 0 && dates[0].end === text.length;
}

/** Joins title lines the way they read: without the line breaks and indentation. */
function joinLines(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('');
}

/** Title blocks made of whole lines. */
export function lineTitles(lines: readonly Line[]): DocumentStart[] {
  const starts: DocumentStart[] = [];
  let consumedUpTo = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!titleLike(line) || HEADING_LINE.test(line.text)) continue;
    let last = i;
    let next = nextNonBlank(lines, i);
    if (next < lines.length && PERIOD_LINE.test(lines[next].text)) {
      last = next;
      next = nextNonBlank(lines, next);
    } else if (!TITLE_END.test(line.text)) continue;
    if (next >= lines.length) continue;
    const follower = lines[next].text;
    const isNotice = /通知$/.test(line.text);
    const confirmed =
      ISSUER_LINE.test(follower) ||
      DOC_NUMBER_LINE.test(follower) ||
      (OPENING.test(follower) && follower.length > 8) ||
      PAGE_INFO_LINE.test(follower) ||
      (isNotice && /[：:]$/.test(follower) && follower.length <= 80);
    if (!confirmed) continue;
    // Earlier lines of a wrapped title.
    let first = i;
    for (let k = 0, j = i - 1; j > consumedUpTo && k < WRAPPED_LINES_MAX; j--) {
      if (lines[j].text === '') continue;
      if (!titleContinuation(lines[j])) break;
      first = j;
      k++;
    }
    const block = lines.slice(first, last + 1).filter((l) => l.text !== '');
    starts.push({
      kind: isNotice ? 'notice' : 'plan',
      start: lines[first].start,
      titleStart: lines[first].start,
      titleEnd: lines[last].end,
      title: joinLines(block),
    });
    consumedUpTo = last;
    i = last;
  }
  return starts;
}

/** A notice title that runs on into the text of the first line (no line break after it). */
export function inlineNotice(lines: readonly Line[]): DocumentStart | null {
  const first = lines.find((l) => l.text !== '');
  if (!first || first.text.length <= TITLE_LINE_MAX) return null;
  const match = INLINE_NOTICE.exec(first.text.slice(0, 400));
  if (!match) return null;
  return { kind: 'notice', start: first.start, titleStart: first.start, titleEnd: first.start + match[1].length, title: match[1] };
}

/** The titles a notice forwards: `《…》` in its text that end with a document word. */
export function forwardedTitles(noticeText: string): string[] {
  const titles: string[] = [];
  for (const match of noticeText.matchAll(/《([^《》\n]{4,80})》/g)) {
    if (TITLE_END.test(match[1]) && !titles.includes(match[1])) titles.push(match[1]);
  }
  return titles;
}

/** The text without white space, folded, with the offset of each of its characters. */
export interface CompactText {
  text: string;
  offsets: Int32Array;
}

/** Builds the compact (white space removed, folded) form of `text`. */
export function compactText(text: string): CompactText {
  const offsets = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = foldKey(text, i, i + 1);
    if (folded.length === 1) {
      offsets[out.length] = i;
      out += folded;
    }
  }
  offsets[out.length] = text.length;
  return { text: out, offsets };
}

/**
 * Where a forwarded title stands as a document title: its first occurrence after `from` that is
 * not a citation (`《…》`) nor part of a list of titles (`…和…的通知`), i.e. one followed by the end
 * of the line, the plan's period or its opening sentence.
 */
export function findForwardedTitle(text: string, compact: CompactText, title: string, from: number): DocumentStart | null {
  const key = foldKey(title, 0, title.length);
  if (key.length === 0) return null;
  let at = compact.text.indexOf(key);
  while (at >= 0) {
    const start = compact.offsets[at];
    const end = compact.offsets[at + key.length - 1] + 1;
    const before = compact.text[at - 1] ?? '';
    const after = text.slice(end, end + 4);
    const standsAlone = /^\s*\n/.test(after) || end === text.length || /^\s*(?:为|根据|按照|依据|[（(]\d{4})/.test(after);
    if (start >= from && before !== '《' && standsAlone) {
      return { kind: 'plan', start, titleStart: start, titleEnd: end, title };
    }
    at = compact.text.indexOf(key, at + 1);
  }
  return null;
}

/** The end matter after `from`: from the `抄送：` line, or the issuer and `…印发` lines. */
export function endMatter(lines: readonly Line[], from: number): DocumentStart | null {
  let copy = -1;
  let printed = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].start < from) continue;
    if (copy < 0 && END_MATTER_COPY.test(lines[i].text)) copy = i;
    if (END_MATTER_PRINTED.test(lines[i].text) && lines[i].text.length <= TITLE_LINE_MAX) printed = i;
  }
  if (copy < 0 && printed < 0) return null;
  let titleFirst = printed;
  if (printed >= 0) {
    const previous = [...lines.slice(0, printed)].reverse().find((l) => l.text !== '');
    if (previous && ISSUER_LINE.test(previous.text)) titleFirst = lines.indexOf(previous);
  }
  const startLine = copy >= 0 ? copy : titleFirst;
  const titleLines = printed >= 0 ? lines.slice(titleFirst, printed + 1).filter((l) => l.text !== '') : [lines[copy]];
  return {
    kind: 'endmatter',
    start: lines[startLine].start,
    titleStart: titleLines[0].start,
    titleEnd: titleLines[titleLines.length - 1].end,
    title: joinLines(titleLines),
  };
}
