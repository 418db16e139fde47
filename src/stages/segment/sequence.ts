/**
 * segment: checking heading numbering, and how sure a gap or a repeat is.
 *
 * Numbering that runs on across parents (`（一）…（五）` under 一、, `（六）…（九）` under 二、;
 * chapters counted through the parts of a plan) is a style: a first child continuing the numbering
 * of the last heading of its rank in the document is in sequence.
 *
 * A gap or a repeat is an error only when the tool can rule out its own misreading, since then the
 * source itself lost or duplicated a passage and the extraction of that document is incomplete or
 * doubled. Otherwise it is a warning:
 * - a gap where the missing heading could hide in what lies between the two siblings: a table row
 *   (headings are never read from a tab-separated line), a page break, a 专栏 box (it owns the
 *   numbered lines in it), or the missing number written where the scan does not read headings
 *   (inside a line: `…。3．加强监测`, `附件：1．…`);
 * - a repeat whose title differs from the sibling it repeats: a numbered list inside the text
 *   (`1．2．` restarting under a heading) reads like a repeat, and the tool cannot tell one from
 *   the other. A repeat with the sibling's title is a duplicated passage: an error.
 * Page-made text and documents reconstructed from a scrambled copy are capped at warning by the
 * pipeline, whatever is found here.
 */
import type { Severity } from '../../model/schemas.js';
import { matchMarker } from './markers.js';
import type { HeadingLine } from './scan.js';

/** The last heading of a numbering run, as the next one is checked against it. */
export interface RunEntry {
  ordinal: number;
  /** Where its marker starts (0-based, document text). */
  at: number;
  /** Its title, to tell a duplicated passage from a renumbering. */
  title: string;
}

/** The outcome of checking one heading against its run. */
export type SequenceFinding =
  | { code: 'PLN401'; expected: number; severity: Severity; reason: string }
  | { code: 'PLN402'; expected: number; severity: Severity; reason: string };

/**
 * Checks heading `h` (title `title`) against the siblings before it: `previous` is the last
 * sibling of its run (undefined for a first child), `earlier` every sibling of the run by ordinal,
 * `lastOfRank` the last heading of the same rank anywhere before it (for run-on numbering), and
 * `from` where the stretch that could hide a missing heading begins (the previous sibling, else
 * the parent heading), `boxStarts` where the 专栏 boxes start, in text order. Null when `h` is in
 * sequence.
 */
export function checkHeading(
  text: string,
  h: HeadingLine,
  title: string,
  previous: RunEntry | undefined,
  earlier: ReadonlyMap<number, RunEntry>,
  lastOfRank: RunEntry | undefined,
  from: number,
  boxStarts: readonly number[],
): SequenceFinding | null {
  const expected = previous === undefined ? 1 : previous.ordinal + 1;
  if (h.ordinal === expected) return null;
  // Run-on numbering: the first child continues the last heading of its rank.
  if (previous === undefined && lastOfRank !== undefined && h.ordinal === lastOfRank.ordinal + 1) return null;
  if (previous !== undefined && h.ordinal <= previous.ordinal) {
    const repeated = earlier.get(h.ordinal);
    const duplicated = repeated !== undefined && repeated.title !== '' && repeated.title === title;
    return duplicated
      ? { code: 'PLN402', expected, severity: 'error', reason: 'with the title of the earlier one: a duplicated passage' }
      : { code: 'PLN402', expected, severity: 'warning', reason: 'with another title than the earlier one' };
  }
  const hiding = hidingPlace(text, from, h, expected, boxStarts);
  return hiding === null
    ? { code: 'PLN401', expected, severity: 'error', reason: 'no table, page break, box or marker inside a line before it' }
    : { code: 'PLN401', expected, severity: 'warning', reason: `the heading may be hidden in ${hiding}` };
}

/** How far past its first character a marker is looked for (第一百二十三部分 and a title character). */
const MARKER_LOOKAHEAD = 16;
/** Characters a marker can start with. */
const MARKER_START = /[（(第0-9一二三四五六七八九十百零〇两专]/;
/** Characters a marker cannot follow: a numeral (the marker would be the tail of a number). */
const NUMERAL = /[0-9零〇一二三四五六七八九十百两]/;

/**
 * Where, in `[from, h.markerStart)`, a heading numbered `expected`…`h.ordinal − 1` could stand
 * unread: the name of the place, or null when there is none.
 */
function hidingPlace(text: string, from: number, h: HeadingLine, expected: number, boxStarts: readonly number[]): string | null {
  const to = h.markerStart;
  if (hasBoxBetween(boxStarts, from, to)) return 'a 专栏 box';
  let lineStart = from;
  let lineEnd = Math.min(to, lineEndFrom(text, from));
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\f') return 'a page break';
    if (ch === '\t') return 'a table';
    if (ch === '\n') {
      lineStart = i + 1;
      lineEnd = Math.min(to, lineEndFrom(text, lineStart));
      continue;
    }
    if (i === lineStart || !MARKER_START.test(ch) || NUMERAL.test(text[i - 1])) continue;
    // A marker is short: looking MARKER_LOOKAHEAD units ahead keeps this linear on a long line.
    const match = matchMarker(text, i, Math.min(lineEnd, i + MARKER_LOOKAHEAD));
    if (match && match.markerStart === i && match.style === h.style && match.ordinal >= expected && match.ordinal < h.ordinal) {
      return `the text (${match.marker} inside a line)`;
    }
  }
  return null;
}

/** Whether a box starts in `(from, to)`; `boxStarts` is sorted (binary search: a gap costs O(log boxes)). */
function hasBoxBetween(boxStarts: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = boxStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxStarts[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < boxStarts.length && boxStarts[lo] < to;
}

function lineEndFrom(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}
