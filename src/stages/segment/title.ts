/** segment: where a heading's title ends and its body begins. */

/**
 * Longest title, in UTF-16 code units. Plan titles run to about 36 characters
 * (（五）全面落实救治救助政策，做好感染者和病人服务管理，提高患者生活质量。); a longer run
 * without a full stop is a numbered sentence, not a title.
 */
export const TITLE_MAX = 40;

/** How the text after a marker divides into title and body. Offsets into the document text. */
export interface TitleSplit {
  titleStart: number;
  titleEnd: number;
  /** Where the section's own body begins: after the title's full stop, or `titleStart` for a sentence. */
  bodyStart: number;
  /**
   * True when the line is a numbered sentence (`1．报告肺结核患者…达到95%以上。`) rather than a
   * title: the title is then a label (the sentence's first clause) and the body keeps the whole
   * sentence, so later stages lose nothing.
   */
  sentence: boolean;
}

const TITLE_STOPS = new Set(['。', '：', ':']);
const CLAUSE_STOPS = new Set(['。', '：', ':', '，', '；', ',', ';']);
const TRAILING = new Set(['，', '、', '；', ',', ';', ' ', '\u3000', '\t']);
/** A figure in a would-be title marks a numbered goal or fact, not a title. */
const PERCENT = /[%％‰]/;
const DIGIT = /\d/;

/**
 * Splits the text `[start, end)` after a marker (one line, indentation skipped) into title and
 * body. The title ends at the first `。` or `：` within TITLE_MAX code units (inline heading
 * `（一）指导思想。全面贯彻…`), or at the line end when the whole line is short (a heading on its
 * own line; a trailing `，` is dropped). A candidate holding a percentage, or ended by `。` and
 * holding a digit, is a numbered sentence; so is a long line with no stop.
 */
export function splitTitle(text: string, start: number, end: number): TitleSplit {
  const limit = Math.min(end, start + TITLE_MAX + 1);
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (!TITLE_STOPS.has(ch)) continue;
    const candidate = text.slice(start, i);
    const isSentence = i === start || PERCENT.test(candidate) || (ch === '。' && DIGIT.test(candidate));
    if (isSentence) return sentenceSplit(text, start, end);
    return { titleStart: start, titleEnd: i, bodyStart: i + 1, sentence: false };
  }
  if (end - start <= TITLE_MAX && !PERCENT.test(text.slice(start, end))) {
    let titleEnd = end;
    while (titleEnd > start && TRAILING.has(text[titleEnd - 1])) titleEnd--;
    return { titleStart: start, titleEnd, bodyStart: end, sentence: false };
  }
  return sentenceSplit(text, start, end);
}

/** A numbered sentence: its label is the first clause (at most TITLE_MAX code units). */
function sentenceSplit(text: string, start: number, end: number): TitleSplit {
  const limit = Math.min(end, start + TITLE_MAX);
  let titleEnd = start;
  while (titleEnd < limit && !CLAUSE_STOPS.has(text[titleEnd])) titleEnd++;
  return { titleStart: start, titleEnd, bodyStart: start, sentence: true };
}
