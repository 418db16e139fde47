/**
 * Sentence units and their comparison keys, shared by dedupe and split.
 *
 * A unit is a sentence: a run of characters on one line that ends after a sentence-final mark
 * (。！？) or at the end of the line. Keys fold what differs between two extractions of the same
 * sentence without being a difference of wording (Kangxi radicals, full-width ASCII, spaces), so
 * that the keys compare equal whether or not normalize already ran.
 */
import { nextOf } from '../../text/scan.js';

/** One sentence of a text: `[start, end)` are 0-based UTF-16 offsets into that text. */
export interface SentenceUnit {
  start: number;
  end: number;
  /** The folded comparison key (never empty: units without visible characters are skipped). */
  key: string;
  /** True when the unit ends with a sentence-final mark (a complete sentence). */
  complete: boolean;
}

/** Where a unit ends: a line break, or after a sentence-final mark (。！？!?). */
const UNIT_END = /[\n。！？!?]/g;

/** White space within a line, which keys leave out. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0 || code === 0x0b || code === 0x0c;
}

/** Whether foldChar turns the code unit into a unified ideograph: Kangxi radicals, the CJK radicals supplement, compatibility ideographs. */
export function foldsToIdeograph(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x2fdf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Folds one UTF-16 code unit to its comparison form ('' for white space). */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (isSpace(code) || code === 0x0a) return '';
  if (foldsToIdeograph(code)) return ch.normalize('NFKC');
  // Full-width ASCII variants to ASCII, so `（一）` and `(一)` compare equal.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch;
}

/** Whether foldChar changes the code unit (the ranges it folds, white space and line breaks). */
export function foldsCode(code: number): boolean {
  return isSpace(code) || code === 0x0a || foldsToIdeograph(code) || (code >= 0xff01 && code <= 0xff5e);
}

/**
 * The comparison key of `text[start, end)`. Unchanged stretches are copied as slices, not one
 * character at a time, so a long line costs one flat string rather than a chain of concatenations.
 */
export function foldKey(text: string, start: number, end: number): string {
  // Most sentences fold nothing: then the key is their slice, with no pieces to join.
  let pieces: string[] | null = null;
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (!foldsCode(text.charCodeAt(i))) continue;
    (pieces ??= []).push(text.slice(runStart, i), foldChar(text[i]));
    runStart = i + 1;
  }
  if (pieces === null) return text.slice(start, end);
  pieces.push(text.slice(runStart, end));
  return pieces.join('');
}

/** Splits a text into sentence units, in order; linear in the text length. */
export function sentenceUnits(text: string): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  let start = 0;
  const flush = (end: number, complete: boolean): void => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) units.push({ start: s, end: e, key: foldKey(text, s, e), complete });
  };
  for (let i = nextOf(text, 0, UNIT_END); i < text.length; i = nextOf(text, i + 1, UNIT_END)) {
    if (text.charCodeAt(i) === 0x0a) {
      flush(i, false);
      start = i + 1;
    } else {
      // Keep a closing quote or bracket that follows the mark inside the sentence.
      let end = i + 1;
      while (end < text.length && (text[end] === '”' || text[end] === '）' || text[end] === '」')) end++;
      flush(end, true);
      start = end;
      i = end - 1;
    }
  }
  flush(text.length, false);
  return units;
}
