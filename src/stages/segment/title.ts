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
/**
 * Head nouns that end the title of a chapter (一、 or 第一章) in Chinese plans: 发展现状,
 * 总体要求, 基本原则, 主要目标, 重点任务, 保障措施, 监督与评估, 实施步骤, 职责分工 … A PDF or web copy
 * that lost the heading's line break runs the title into its body (`一、防治现状“十二五”期间，…`);
 * the title then ends after the first run of these nouns (目标任务 is one run).
 */
const HEAD_NOUNS = '现状|形势|背景|基础|情况|要求|思想|思路|原则|目标|任务|措施|保障|评估|考核|督导|步骤|安排|分工|职责|机制|意义|范围|依据';
const HEAD_NOUN = new RegExp(`(?:${HEAD_NOUNS})`, 'g');
/** What a run-in title may be made of, and how far into the line it is looked for. */
const TITLE_WORDS = /^[\u4e00-\u9fff“”、]*/;
const RUN_IN_WINDOW = 16;
const CONJUNCTIONS = new Set(['与', '和', '及', '、']);
/** Longest chapter title kept whole without looking for a run-in title (二、组织保障与监督评估 has 8). */
const CHAPTER_TITLE_MAX = 24;
/** A head noun right after another one (目标任务, 保障措施) belongs to the same title. */
const NEXT_HEAD = new RegExp(`^(?:${HEAD_NOUNS})`);

/** A figure in a would-be title marks a numbered goal or fact, not a title. */
const PERCENT = /[%％‰]/;
const DIGIT = /\d/;

/**
 * Splits the text `[start, end)` after a marker (one line, indentation skipped) into title and
 * body. The title ends at the first `。` or `：` within TITLE_MAX code units (inline heading
 * `（一）指导思想。全面贯彻…`), or at the line end when the whole line is short (a heading on its
 * own line; a trailing `，` is dropped). A candidate holding a percentage, or ended by `。` and
 * holding a digit, is a numbered sentence; so is a long line with no stop. At `chapterLevel`
 * (一、, 第一章) a title that reads as a sentence is first tried as a title run into its body.
 */
export function splitTitle(text: string, start: number, end: number, chapterLevel = false): TitleSplit {
  const split = plainSplit(text, start, end);
  // A chapter title is short and has no comma: one that reads as a sentence may be a title run
  // into its body.
  const title = text.slice(split.titleStart, split.titleEnd);
  const readsAsSentence = split.sentence || title.includes('，') || title.length > CHAPTER_TITLE_MAX;
  return (chapterLevel && readsAsSentence && runInTitle(text, start, end)) || split;
}

function plainSplit(text: string, start: number, end: number): TitleSplit {
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

/**
 * The title of a chapter heading run into its body: the text up to the first head noun (or run
 * of head nouns) that is followed neither by a conjunction (保障与监督评估 goes on) nor by a clause
 * stop (一、落实目标任务，… is a numbered sentence). Null when there is none.
 */
function runInTitle(text: string, start: number, end: number): TitleSplit | null {
  const words = TITLE_WORDS.exec(text.slice(start, Math.min(end, start + RUN_IN_WINDOW)))![0];
  for (const head of words.matchAll(HEAD_NOUN)) {
    let titleEnd = head.index + head[0].length;
    let next: RegExpExecArray | null;
    while ((next = NEXT_HEAD.exec(words.slice(titleEnd, titleEnd + 2)))) titleEnd += next[0].length;
    const after = text[start + titleEnd];
    if (start + titleEnd >= end || CLAUSE_STOPS.has(after)) return null;
    if (titleEnd >= 2 && !CONJUNCTIONS.has(after)) {
      return { titleStart: start, titleEnd: start + titleEnd, bodyStart: start + titleEnd, sentence: false };
    }
  }
  return null;
}

/** A numbered sentence: its label is the first clause (at most TITLE_MAX code units). */
function sentenceSplit(text: string, start: number, end: number): TitleSplit {
  const limit = Math.min(end, start + TITLE_MAX);
  let titleEnd = start;
  while (titleEnd < limit && !CLAUSE_STOPS.has(text[titleEnd])) titleEnd++;
  return { titleStart: start, titleEnd, bodyStart: start, sentence: true };
}
