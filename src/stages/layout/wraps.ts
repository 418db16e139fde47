/**
 * Hard wraps and page breaks: a line the printer broke is joined to the next, and what is left
 * of a page break (the form feed, runs of blank lines) is reduced to one paragraph break.
 *
 * A line is joined to the next when it ends at the page's usual width, inside a sentence (not
 * after 。！？；：), and the next line continues it: not a heading or list item, not a table row,
 * not a date line, not indented as a new paragraph is. A line that leaves a bracket open for the
 * next to close is joined whatever its width (a centred title broken inside its period). A page break between the two halves of a
 * sentence is joined the same way, once the furniture around it is gone. CJK joins without a
 * space; two Latin words or numbers keep one.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import { startsBlock } from '../../text/blocks.js';
import { isFull, isTableRow, type PrintedLine, type WidthProfile } from './lines.js';

/** Marks after which a line never continues: the sentence or clause list has ended. */
const SENTENCE_END = new Set('。！？；：!?;:');
// A date line of its own (a signature date): never joined to what stands around it.
const DATE_LINE = /^[\d〇○零一二三四五六七八九十]{4} *年 *[\d一二三四五六七八九十]{1,3} *月(?: *[\d一二三四五六七八九十]{1,3} *日)?$/;
/** Blank lines a page break leaves between the halves of a sentence once its furniture is gone. */
const MAX_PAGE_GAP_BLANKS = 12;
/** A text is double-spaced when at least this share of its full lines is followed by one blank line. */
const DOUBLE_SPACED_SHARE = 0.7;

/** True for a Latin letter or digit: two of them across a wrap are two words. */
function isAlphanumeric(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/** The indentation of most full lines of each page: a line indented further starts a paragraph. */
function bodyIndents(lines: readonly PrintedLine[], profile: WidthProfile): Map<number, number> {
  const counts = new Map<number, Map<number, number>>();
  for (const line of lines) {
    if (!isFull(line, profile) || line.content.includes('\t')) continue;
    let page = counts.get(line.page);
    if (!page) counts.set(line.page, (page = new Map()));
    page.set(line.indent, (page.get(line.indent) ?? 0) + 1);
  }
  const indents = new Map<number, number>();
  for (const [page, byIndent] of counts) {
    let best = -1;
    let indent = 0;
    for (const [i, n] of byIndent) if (n > best || (n === best && i < indent)) [indent, best] = [i, n];
    indents.set(page, indent);
  }
  return indents;
}

/**
 * True when most full lines of prose (the ones a printer broke) are followed by one blank line and
 * then text. A table's rows, single-spaced in a double-spaced text, are not counted.
 */
function isDoubleSpaced(lines: readonly PrintedLine[], profile: WidthProfile): boolean {
  let full = 0;
  let spaced = 0;
  for (let k = 0; k + 2 < lines.length; k++) {
    if (!isFull(lines[k], profile) || isTableRow(lines[k].content)) continue;
    full++;
    if (lines[k + 1].content.length === 0 && lines[k + 2].content.length > 0) spaced++;
  }
  return full > 0 && spaced / full >= DOUBLE_SPACED_SHARE;
}

/**
 * The edits that join hard-wrapped lines (kind `hard-wrap`) and reduce page breaks (`page-break`)
 * and runs of blank lines (`blank-lines`) to one paragraph break.
 */
export function wrapEdits(text: string, lines: readonly PrintedLine[], profile: WidthProfile | null): KindedEdit[] {
  const edits: KindedEdit[] = [];
  const indents = profile ? bodyIndents(lines, profile) : new Map<number, number>();
  const doubleSpaced = profile !== null && isDoubleSpaced(lines, profile);
  let a = lines.findIndex((line) => line.content.length > 0);
  if (a === -1) return edits;
  // Form feeds before the first line of text and after the last are page breaks too.
  if (text.lastIndexOf('\f', lines[a].start) !== -1) edits.push({ start: 0, end: lines[a].start, replacement: '', kind: 'page-break' });
  while (a < lines.length) {
    let b = a + 1;
    while (b < lines.length && lines[b].content.length === 0) b++;
    if (b >= lines.length) {
      if (text.indexOf('\f', lines[a].end) !== -1) edits.push({ start: lines[a].end, end: text.length, replacement: '\n', kind: 'page-break' });
      break;
    }
    const first = lines[a];
    const next = lines[b];
    const blanks = b - a - 1;
    const pageBreak = next.page > first.page;
    const gapOk = pageBreak ? blanks <= MAX_PAGE_GAP_BLANKS : blanks === 0 || (doubleSpaced && blanks === 1);
    if (profile && gapOk && continues(first, next, profile, indents)) {
      const joint = isAlphanumeric(first.content.at(-1)) && isAlphanumeric(next.content[0]) ? ' ' : '';
      edits.push({ start: first.contentEnd, end: next.contentStart, replacement: joint, kind: 'hard-wrap' });
    } else if (pageBreak || blanks >= 2) {
      // One paragraph break where the page ended or blank lines piled up; the lines' own padding stays.
      edits.push({ start: first.end, end: next.start, replacement: blanks > 0 ? '\n\n' : '\n', kind: pageBreak ? 'page-break' : 'blank-lines' });
    }
    a = b;
  }
  return edits.filter((edit) => text.slice(edit.start, edit.end) !== edit.replacement);
}

/**
 * True for a line that ends short of the width by what its digits and Latin letters take beyond
 * their one column each: pdftotext gives every character a column, and a `%` or a digit printed
 * in a proportional font is wider than half an ideograph (`…达到90%以上，耐多药` one line, broken).
 */
function isFullWithNarrowGlyphs(line: PrintedLine, profile: WidthProfile): boolean {
  let narrow = 0;
  for (const ch of line.content) if (ch >= '!' && ch <= '~') narrow++;
  return narrow > 0 && line.width < profile.width && line.width + Math.ceil(narrow / 2) >= profile.width - profile.tolerance;
}

/**
 * True for a line wider than the page's lines, with the next at its indentation: a box set in
 * smaller type (专栏) holds more characters a line, and its lines end at the box's edge.
 */
function isWiderBlockLine(line: PrintedLine, next: PrintedLine, profile: WidthProfile): boolean {
  return line.width > profile.width + profile.tolerance && Math.abs(next.indent - line.indent) <= 1;
}

/** Brackets and quotes a printed line may leave open for the next line to close. */
const PAIRS: ReadonlyArray<[string, string]> = [['（', '）'], ['(', ')'], ['《', '》'], ['“', '”'], ['〔', '〕'], ['【', '】']];

/**
 * True when `line` leaves a bracket open that `next` closes before it opens another: a title or
 * phrase the printer broke inside its brackets (`…实施方案（2024—2027` / `年）`), centred or not.
 */
function closesOpenBracket(line: string, next: string): boolean {
  return PAIRS.some(([open, close]) => {
    const lastOpen = line.lastIndexOf(open);
    if (lastOpen === -1 || line.indexOf(close, lastOpen) !== -1) return false;
    const closeAt = next.indexOf(close);
    const reopen = next.indexOf(open);
    return closeAt !== -1 && (reopen === -1 || reopen > closeAt);
  });
}

/** True when `next` continues the sentence that `first` was cut in. */
function continues(first: PrintedLine, next: PrintedLine, profile: WidthProfile, indents: Map<number, number>): boolean {
  if (isTableRow(first.content) || isTableRow(next.content)) return false;
  if (!startsBlock(next.content) && closesOpenBracket(first.content, next.content)) return true;
  if (!isFull(first, profile) && !isFullWithNarrowGlyphs(first, profile) && !isWiderBlockLine(first, next, profile)) return false;
  if (SENTENCE_END.has(first.content.at(-1)!)) return false;
  if (startsBlock(next.content) || DATE_LINE.test(next.content) || DATE_LINE.test(first.content)) return false;
  return next.indent <= (indents.get(next.page) ?? 0) + 1;
}
