/**
 * Extraction artefacts: CR line ends, Word bookmarks, indentation and trailing spaces, and stray
 * runs of clause punctuation. Line structure is kept: later stages read the text line by line.
 */
import type { MappedText } from '../../text/mapped-text.js';
import { applyPass, isDigit, isIdeograph, type KindedEdit, type PassResult } from '../../text/edit-pass.js';

/** CRLF and lone CR → LF. Kind: `line-ending`. */
export function normalizeLineEndings(input: MappedText): PassResult {
  const edits: KindedEdit[] = [];
  for (const match of input.text.matchAll(/\r\n?/g)) {
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: '\n', kind: 'line-ending' });
  }
  return applyPass(input, edits);
}

// Word bookmarks as text extractors print them: [bookmark: _GoBack], [bookmark: _Toc123].
const BOOKMARK = /\[bookmark: ?[^\]\n]{0,200}\]/g;

/** Removes `[bookmark: …]` markers. Kind: `bookmark-artefact`. */
export function removeBookmarks(input: MappedText): PassResult {
  const edits: KindedEdit[] = [];
  for (const match of input.text.matchAll(BOOKMARK)) {
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: '', kind: 'bookmark-artefact' });
  }
  return applyPass(input, edits);
}

/** Spaces that indent or trail a line: ASCII space, ideographic space, no-break space. Tabs are cell separators and stay. */
function isPadding(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * Removes the spaces that start a line (kind `indentation`) and those that end it (kind
 * `trailing-space`); a line of spaces only becomes empty (one `indentation` fix). Tabs stay:
 * a leading tab is an empty first table cell or a cell separator.
 */
export function removeLinePadding(input: MappedText): PassResult {
  const text = input.text;
  const edits: KindedEdit[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let first = lineStart;
    while (first < lineEnd && isPadding(text[first])) first++;
    if (first > lineStart) edits.push({ start: lineStart, end: first, replacement: '', kind: 'indentation' });
    let last = lineEnd;
    while (last > first && isPadding(text[last - 1])) last--;
    if (last < lineEnd) edits.push({ start: last, end: lineEnd, replacement: '', kind: 'trailing-space' });
    lineStart = lineEnd + 1;
  }
  return applyPass(input, edits);
}

// A run of clause punctuation right after a sentence end (。，), or of two marks or more (，，，  /，).
// A lone mark is never stray: not matching it spares a match per comma of the text.
const PUNCTUATION_RUN = /[。！？][，、；：/]+|[，、；：/]{2,}/g;

/**
 * Removes stray punctuation: clause marks right after a sentence end (`。，` keeps 。), and runs
 * of two or more clause marks between two ideographs or digits (`传，，，播`, `有/，针对`), which no
 * writer produces. Kind: `stray-punctuation`.
 */
export function removeStrayPunctuation(input: MappedText): PassResult {
  const text = input.text;
  const edits: KindedEdit[] = [];
  for (const match of text.matchAll(PUNCTUATION_RUN)) {
    const run = match[0];
    const endsSentence = run[0] === '。' || run[0] === '！' || run[0] === '？';
    const start = match.index + (endsSentence ? 1 : 0);
    const end = match.index + run.length;
    if (end === start) continue;
    const inText = (ch: string | undefined) => isIdeograph(ch) || isDigit(ch);
    const strayRun = end - start >= 2 && inText(text[start - 1]) && inText(text[end]);
    // A single '/' between ideographs is a real separator (张/万人); so is a lone mark.
    if (endsSentence || strayRun) edits.push({ start, end, replacement: '', kind: 'stray-punctuation' });
  }
  return applyPass(input, edits);
}
