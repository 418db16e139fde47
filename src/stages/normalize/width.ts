/**
 * Character width: full-width Latin letters, digits and ％ become ASCII; ASCII punctuation that
 * stands in Chinese text becomes full-width. CJK punctuation is never narrowed.
 */
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, isDigit, isIdeograph, isIdeographCode, isWidePunctuation, type KindedEdit, type PassResult } from '../../text/edit-pass.js';

// Full-width digits, Latin letters and the percent sign.
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g;

/** Ａ→A, ０→0, ％→% (one code unit for one, so columns stay exact). Kind: `fullwidth-ascii`. */
export function narrowFullwidthAscii(input: MappedText): PassResult {
  const edits: KindedEdit[] = [];
  for (const match of input.text.matchAll(FULLWIDTH_ALNUM)) {
    const narrow = String.fromCharCode(match[0].charCodeAt(0) - 0xfee0);
    edits.push({ start: match.index, end: match.index + 1, replacement: narrow, kind: 'fullwidth-ascii' });
  }
  return applyPass(input, edits);
}

/** Longest bracket content (code units) inspected for ideographs; keeps nested brackets linear. */
const MAX_BRACKET_CONTENT = 200;

const WIDE: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

// URLs: a scheme or www. and the ASCII run after it (one greedy run, so linear).
const URL = /(?:https?:\/\/|www\.)[\x21-\x7e]+/g;
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /[\w.-]/;

/**
 * Spans `[start, end)` of URLs and e-mail addresses, sorted, where ASCII punctuation belongs.
 * E-mail addresses are found from each @ outwards, so runs of letters without @ cost nothing.
 */
function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(URL)) spans.push([match.index, match.index + match[0].length]);
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end])) end++;
    if (start < at && end > at + 1) spans.push([start, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

// The marks this pass may widen, and line ends (brackets pair only within a line).
const CANDIDATE = /[,:;()?!\n]/g;

/** The next character that is not a space (within the line), looking in direction `step`. */
function nextNonSpace(text: string, from: number, step: 1 | -1): string | undefined {
  let i = from;
  for (let n = 0; n < 8 && text[i] === ' '; n++) i += step;
  return text[i];
}

function isChinese(ch: string | undefined): boolean {
  return isIdeograph(ch) || isWidePunctuation(ch);
}

/**
 * ASCII , : ; ( ) ? ! in Chinese text → ，：；（）？！. A mark is Chinese text's when a CJK
 * character or CJK punctuation stands next to it (spaces skipped); a bracket also when its
 * partner on the same line is converted. Marks between two digits (1:1, 1,000), and inside URLs
 * and e-mail addresses stay ASCII. Kind: `ascii-punctuation`.
 */
export function widenAsciiPunctuation(input: MappedText): PassResult {
  const text = input.text;
  const skip = protectedSpans(text);
  let skipAt = 0;

  const convert = new Set<number>();
  const openBrackets: number[] = [];
  const pairs = new Map<number, number>();
  for (const match of text.matchAll(CANDIDATE)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '\n') {
      openBrackets.length = 0;
      continue;
    }
    while (skipAt < skip.length && skip[skipAt][1] <= i) skipAt++;
    if (skipAt < skip.length && skip[skipAt][0] <= i) continue;
    if (ch === '(') openBrackets.push(i);
    if (ch === ')' && openBrackets.length > 0) {
      const open = openBrackets.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
    const before = nextNonSpace(text, i - 1, -1);
    const after = nextNonSpace(text, i + 1, 1);
    if (isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
    if (isChinese(before) || isChinese(after)) convert.add(i);
  }
  // A bracket pair is converted as a whole: （N95） after 口罩 keeps matching brackets.
  for (const [at, partner] of pairs) if (convert.has(at)) convert.add(partner);
  // Bracket content counts as Chinese too: (二) has 二 inside.
  for (const [open, close] of pairs) {
    if (open < close && close - open <= MAX_BRACKET_CONTENT && !convert.has(open) && hasIdeograph(text, open + 1, close)) {
      convert.add(open);
      convert.add(close);
    }
  }
  const edits: KindedEdit[] = [...convert]
    .sort((a, b) => a - b)
    .map((i) => ({ start: i, end: i + 1, replacement: WIDE[text[i]], kind: 'ascii-punctuation' }));
  return applyPass(input, edits);
}

function hasIdeograph(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isIdeographCode(text.charCodeAt(i))) return true;
  return false;
}
