/**
 * Finds where documents start: title lines (possibly wrapped over several lines, possibly followed
 * by a period line `（2016—2020年）`), a notice title run into its first line, titles a notice
 * forwards (`《…》`) found again in the text, and the end matter (`抄送：`, `…印发`).
 */
import type { TrimmedLine } from '../../text/trimmed-lines.js';
import { foldChar, foldKey, foldsCode } from '../dedupe/units.js';
import { findChineseDates } from '../metadata/dates.js';
import { parseDocNumber } from '../metadata/doc-number.js';
import { findTocs, inToc, type TocRange } from '../../text/toc.js';
import { isFurniture } from '../../text/furniture.js';

/** A line of the text: `[start, end)` is the line without surrounding white space (0-based offsets). */
export type Line = TrimmedLine;

/** A document start found in the text; offsets are 0-based into the text being split. */
export interface DocumentStart {
  kind: 'notice' | 'plan' | 'endmatter' | 'other';
  /** The attachment label written above the title (`附件3`, `附件：2`), or undefined. */
  label?: string;
  /** True for a policy interpretation or an explanation of a draft (see DocumentPart.commentary). */
  commentary?: boolean;
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
/** The issuer's mark over an official document (某某省卫生健康委员会文件): never part of its title. */
const ISSUER_MARK = /^[\u4e00-\u9fff]{2,25}(?:委|局|办|厅|室|府|会|部|院|中心|小组)文件$/;
/** The opening sentence of a plan: `为…，制定本规划。`, `根据…`. */
const OPENING = /^(?:为|根据|按照|依据|遵照|贯彻)/;
/** The line a web page puts under an article's title (发布时间：…, 来源：…, 索引号：…). */
const PAGE_INFO_LINE = /^(?:发布(?:时间|日期)|成文日期|发文日期|信息来源|来源|索引号|文章来源)[：:]/;
/** An attachment label on its own line: 附件3, 附件：2, 附件 1, 附件1：, 附件二. */
const LABEL_LINE = /^附[ \u3000]*件[ \u3000]*[：:]?[ \u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[ \u3000]*[：:]?$/;
/**
 * The title of a policy interpretation or an explanation of a draft: `《…规划》政策解读`,
 * `关于《…》的解读`, `关于《…》的起草说明`, `关于…编制说明`. The document named is quoted (《》) or
 * introduced by 关于, which tells the title from a sentence that mentions 解读.
 */
const INTERPRETATION_TITLE = /^(?:关于.{2,60}|.{0,40}《.{2,60}》.{0,20})(?:政策解读|的解读|解读|起草说明|编制说明|的说明)$/;
/** A label line over an interpretation's title (a web page's column name). */
const INTERPRETATION_LABEL = /^(?:政策解读|解读|图文解读|文字解读)$/;
/** A line repeated this many times is a running header or footer, never a title. */
const RUNNING_REPEATS = 3;
const HEADING_LINE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
/** A notice title run into the first line: `…关于印发…的通知`. */
const INLINE_NOTICE = /^(\S{2,60}?关于(?:印发|转发)\S{2,160}?的通知)/;
const END_MATTER_COPY = /^抄送[：:]/;
const END_MATTER_PRINTED = /\d{4}年\d{1,2}月\d{1,2}日印发$/;
/** Longest line (UTF-16 code units) that can be (part of) a title. */
const TITLE_LINE_MAX = 60;
/** At most this many lines before a title's last line are joined into it. */
const WRAPPED_LINES_MAX = 3;


function nextNonBlank(lines: readonly Line[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j].text === '') j++;
  return j;
}

function titleLike(line: Line): boolean {
  return line.text.length > 0 && line.text.length <= TITLE_LINE_MAX && !SENTENCE_PUNCTUATION.test(line.text) && !isFurniture(line.text);
}

/** A 文号 on its own line (`X卫发〔2021〕12号`, `X办发[2020] 3 号`): never part of a title. */
function isDocNumberLine(text: string): boolean {
  return text.length <= 40 && parseDocNumber(text) !== null;
}

/**
 * A line that runs on into the next: it ends inside a phrase (`…》的`, `…和`, `…关于`) or holds the
 * 关于 that opens a notice title. Such a line may be as long as any title line.
 */
const UNFINISHED_LINE = /(?:的|和|及|与|《|关于|印发|转发)$|关于/;
/** Longest line joined into a title below it, unless it is unfinished (UNFINISHED_LINE). */
const CONTINUATION_MAX = 30;

/** A line that may be the first lines of a wrapped title. */
function titleContinuation(line: Line): boolean {
  return (
    titleLike(line) && (line.text.length <= CONTINUATION_MAX || UNFINISHED_LINE.test(line.text)) && !HEADING_LINE.test(line.text) && !/^[（(].*[）)]$/.test(line.text) &&
    !ISSUER_LINE.test(line.text) && !ISSUER_MARK.test(line.text) && !isDateLine(line.text) && !LABEL_LINE.test(line.text) && !isDocNumberLine(line.text) &&
    !INTERPRETATION_LABEL.test(line.text)
  );
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

/** What the title finder knows of the whole text: lines that are no title wherever they stand. */
interface TitleContext {
  lines: readonly Line[];
  /** Lines repeated RUNNING_REPEATS times or more (running headers and footers), by text. */
  repeated: ReadonlySet<string>;
  tocs: readonly TocRange[];
}

/** Texts of the short lines that stand RUNNING_REPEATS times or more in the text. */
function repeatedLines(lines: readonly Line[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.text === '' || line.text.length > TITLE_LINE_MAX) continue;
    counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= RUNNING_REPEATS).map(([text]) => text));
}

/** Whether a line can be (part of) a title where it stands: not a running header, not in a table of contents. */
function canBeTitle(ctx: TitleContext, line: Line): boolean {
  return titleLike(line) && !ctx.repeated.has(line.text) && !(ctx.tocs.length > 0 && inToc(ctx.tocs, line.start));
}

/** The next line after i that is neither blank nor web furniture other than the page-info line. */
function nextContent(lines: readonly Line[], i: number): number {
  let j = nextNonBlank(lines, i);
  while (j < lines.length && isFurniture(lines[j].text) && !PAGE_INFO_LINE.test(lines[j].text)) j = nextNonBlank(lines, j);
  return j;
}

/** The previous non-blank line before i, not before `floor`; -1 when there is none. */
function previousNonBlank(lines: readonly Line[], i: number, floor: number): number {
  let j = i - 1;
  while (j > floor && lines[j].text === '') j--;
  return j > floor ? j : -1;
}

/**
 * The kind of a document by its title's last line (its period line left out): an interpretation is
 * `other`, a notice ends with 通知. `otherUnlessTitleWord`: an attachment whose title names no
 * document (a table, a list: `重点任务分工表`) is `other` too.
 */
function kindOfTitle(lastLine: string, otherUnlessTitleWord: boolean): DocumentStart['kind'] {
  if (INTERPRETATION_TITLE.test(lastLine)) return 'other';
  if (/通知$/.test(lastLine)) return 'notice';
  return otherUnlessTitleWord && !TITLE_END.test(lastLine) ? 'other' : 'plan';
}

/**
 * The title lines after a label line at `labelAt` (附件3, 政策解读): up to WRAPPED_LINES_MAX + 1
 * title-like lines, ending at the first that ends with a document word or is followed by the
 * document's period; without such a line, the first line alone. Null when no title follows.
 */
function titleAfterLabel(ctx: TitleContext, labelAt: number): { first: number; last: number } | null {
  const { lines } = ctx;
  const first = nextContent(lines, labelAt);
  if (first >= lines.length || !canBeTitle(ctx, lines[first]) || HEADING_LINE.test(lines[first].text)) return null;
  let j = first;
  for (let k = 0; k <= WRAPPED_LINES_MAX; k++) {
    const next = nextNonBlank(lines, j);
    if (next < lines.length && PERIOD_LINE.test(lines[next].text)) return { first, last: next };
    if (TITLE_END.test(lines[j].text) || INTERPRETATION_TITLE.test(lines[j].text)) return { first, last: j };
    if (k === WRAPPED_LINES_MAX || next >= lines.length || !titleContinuation(lines[next]) || !canBeTitle(ctx, lines[next])) break;
    j = next;
  }
  return { first, last: first };
}

/**
 * Title blocks made of whole lines. A title (wrapped over up to WRAPPED_LINES_MAX + 1 lines, with
 * its period) is confirmed by what surrounds it: the issuer, 文号, opening sentence, web page
 * info line or table of contents under it, nothing but furniture over it and a paragraph
 * under it (the file's first line), a 文号 line over it, or a label line (附件3,
 * 政策解读) over it — the label then is the document's, never part of its title, and the
 * attachment is a document of its own. Web furniture, running headers and table-of-contents
 * lines are never titles.
 */
export function lineTitles(lines: readonly Line[], text = ''): DocumentStart[] {
  const ctx: TitleContext = { lines, repeated: repeatedLines(lines), tocs: text === '' ? [] : findTocs(text) };
  const starts: DocumentStart[] = [];
  let consumedUpTo = -1;
  const push = (first: number, last: number, blockStart: number, label?: string) => {
    const block = lines.slice(first, last + 1).filter((l) => l.text !== '');
    const lastText = block[block.length - 1].text;
    const start: DocumentStart = {
      kind: kindOfTitle(PERIOD_LINE.test(lastText) && block.length > 1 ? block[block.length - 2].text : lastText, label !== undefined),
      start: lines[blockStart].start,
      titleStart: lines[first].start,
      titleEnd: lines[last].end,
      title: joinLines(block),
    };
    if (label !== undefined) start.label = label;
    if (INTERPRETATION_TITLE.test(lastText)) start.commentary = true;
    starts.push(start);
    consumedUpTo = last;
  };
  // The first line of the file (furniture and the issuer's mark aside) that reads as a title is one: nothing above it.
  const firstContent = lines.findIndex((l) => l.text !== '' && !isFurniture(l.text) && !ISSUER_MARK.test(l.text));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isLabel = LABEL_LINE.test(line.text);
    if (isLabel || INTERPRETATION_LABEL.test(line.text)) {
      const title = titleAfterLabel(ctx, i);
      if (title) {
        push(title.first, title.last, i, isLabel ? line.text : undefined);
        if (!isLabel) Object.assign(starts[starts.length - 1], { kind: 'other', commentary: true });
        i = title.last;
      }
      continue;
    }
    if (!canBeTitle(ctx, line) || HEADING_LINE.test(line.text) || isDocNumberLine(line.text) || ISSUER_MARK.test(line.text)) continue;
    let last = i;
    let next = nextContent(lines, i);
    if (next < lines.length && PERIOD_LINE.test(lines[next].text)) {
      last = next;
      next = nextContent(lines, next);
    } else if (!TITLE_END.test(line.text) && !INTERPRETATION_TITLE.test(line.text)) continue;
    if (next >= lines.length) continue;
    // Earlier lines of a wrapped title.
    let first = i;
    for (let k = 0, j = i - 1; j > consumedUpTo && k < WRAPPED_LINES_MAX; j--) {
      if (lines[j].text === '') continue;
      // The issuing office printed over 关于… is the title's first line (某某市人民政府办公室 / 关于印发…的通知).
      const issuerOverAbout = ISSUER_LINE.test(lines[j].text) && lines[first].text.startsWith('关于');
      if (!(titleContinuation(lines[j]) || issuerOverAbout) || !canBeTitle(ctx, lines[j])) break;
      first = j;
      k++;
      if (issuerOverAbout) break;
    }
    // A 文号 line and a label line over the title belong to the document, not to its title.
    let blockStart = first;
    let label: string | undefined;
    const above = previousNonBlank(lines, first, consumedUpTo);
    const numberAbove = above >= 0 && isDocNumberLine(lines[above].text);
    if (numberAbove) blockStart = above;
    const follower = lines[next].text;
    const isNotice = /通知$/.test(line.text);
    const confirmed =
      numberAbove ||
      (first === firstContent && !titleLike(lines[next])) ||
      ISSUER_LINE.test(follower) ||
      isDocNumberLine(follower) ||
      (OPENING.test(follower) && follower.length > 8) ||
      PAGE_INFO_LINE.test(follower) ||
      TOC_TITLE_LINE.test(follower) ||
      INTERPRETATION_TITLE.test(line.text) ||
      (isNotice && /[：:]$/.test(follower) && follower.length <= 80);
    if (!confirmed) continue;
    const labelAt = previousNonBlank(lines, blockStart, consumedUpTo);
    if (labelAt >= 0 && LABEL_LINE.test(lines[labelAt].text)) {
      blockStart = labelAt;
      label = lines[labelAt].text;
    }
    push(first, last, blockStart, label);
    i = last;
  }
  return withoutListedAttachments(starts);
}

/** The 目录 line that opens a table of contents (see src/text/toc.ts). */
const TOC_TITLE_LINE = /^目[ \u3000]*[录次]$/;

/**
 * Drops a labelled title that is only the notice's list of its attachments (`附件：` over the
 * title, at the end of the notice): the same title stands again later as the attachment itself.
 */
function withoutListedAttachments(starts: DocumentStart[]): DocumentStart[] {
  const key = (s: DocumentStart) => s.title.replace(/\s/g, '');
  const lastWithTitle = new Map<string, number>();
  starts.forEach((s, i) => lastWithTitle.set(key(s), i));
  return starts.filter((s, i) => s.label === undefined || lastWithTitle.get(key(s)) === i);
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
  // Runs of characters that stay as they are go in as slices; only the folded ones one by one.
  const pieces: string[] = [];
  let length = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!foldsCode(text.charCodeAt(i))) {
      offsets[length++] = i;
      continue;
    }
    pieces.push(text.slice(runStart, i));
    runStart = i + 1;
    const folded = foldChar(text[i]);
    if (folded.length === 1) {
      offsets[length++] = i;
      pieces.push(folded);
    }
  }
  pieces.push(text.slice(runStart));
  offsets[length] = text.length;
  return { text: pieces.join(''), offsets };
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
    if (start >= from && before !== '《' && standsAlone && !onFurnitureLine(text, start)) {
      return { kind: 'plan', start, titleStart: start, titleEnd: end, title };
    }
    at = compact.text.indexOf(key, at + 1);
  }
  return null;
}

/** Whether the line holding offset `at` is web or browser furniture (a print header with the page title). */
function onFurnitureLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return isFurniture(text.slice(lineStart, newline < 0 ? text.length : newline).trim());
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
