/** What every text pass shares (normalize's and layout's): the edit-and-log helper and the character classes. */
import type { FixRecord } from '../model/stages.js';
import { applyEdits, sourceRange, type Edit, type MappedText } from './mapped-text.js';

/** An edit together with the fix kind it is logged under. */
export interface KindedEdit extends Edit {
  kind: string;
}

/** The output of one pass: the new text and one FixRecord per edit. */
export interface PassResult {
  text: MappedText;
  fixes: FixRecord[];
}

/**
 * Applies edits (non-overlapping, sorted by start; offsets into `input.text`) and logs each one
 * with its source range and the text it replaced as it stood in `input`.
 */
export function applyPass(input: MappedText, edits: readonly KindedEdit[]): PassResult {
  const fixes = edits.map((edit) => ({
    kind: edit.kind,
    range: sourceRange(input, edit.start, edit.end),
    before: input.text.slice(edit.start, edit.end),
    after: edit.replacement,
  }));
  return { text: applyEdits(input, edits), fixes };
}

/** True for a CJK unified ideograph (BMP blocks: Extension A, the main block, compatibility). */
export function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && isIdeographCode(ch.charCodeAt(0));
}

/** isIdeograph for a code unit: a loop over a text need not cut a one-character string per position. */
export function isIdeographCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** True for CJK and full-width punctuation (U+3000–U+303F, U+FF01–U+FF0F and its kin, “”‘’…—). */
export function isWidePunctuation(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d)
  );
}

/** True for an ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** True for an ASCII letter. */
export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}
