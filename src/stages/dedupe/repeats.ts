/**
 * Finds garbled repeats among sentence units, in time linear in the text (hash maps keyed by the
 * units' folded keys, never a comparison of all pairs).
 *
 * What counts as garbled (a scrambled copy), and what is legitimate repetition:
 * - a run of two or more consecutive repeated sentences, whose first occurrences follow each other
 *   in the same order, of together at least RUN_MIN_CHARS characters is a repeated passage:
 *   garbled. A heading and its first clause repeated in two
 *   plans of one notice (`四、保障措施` / `（一）加强组织领导。`) stay below that length;
 * - a text with at least SCRAMBLED_MIN_RUNS such passages is scrambled; there, any repeated
 *   sentence of at least SINGLE_MIN_CHARS characters is garbled too. In a clean text a single
 *   sentence repeated alone (a responsibility clause under several measures, a closing sentence
 *   that two plans share) stays;
 * - a sentence cut at a line end whose key is a proper prefix of a longer sentence elsewhere is a
 *   truncated copy: garbled in a scrambled text or next to a garbled passage.
 */
import type { SentenceUnit } from './units.js';

/** Minimum length (folded characters) of a repeated run of sentences to count as a repeated passage. */
export const RUN_MIN_CHARS = 40;
/** Number of repeated passages from which a text counts as scrambled. */
export const SCRAMBLED_MIN_RUNS = 2;
/** Minimum length (folded characters) of a single repeated sentence removed in a scrambled text. */
export const SINGLE_MIN_CHARS = 20;
/** Head length (folded characters) used to look up longer sentences a truncated copy may be cut from. */
const TRUNCATED_MIN_CHARS = 20;
/** At most this many candidates are checked per head, so that many equal heads stay linear. */
const MAX_CANDIDATES = 8;

/** A unit to remove and the unit whose complete occurrence is kept. */
export interface UnitRemoval {
  unit: number;
  kept: number;
}

/** The garbled units of a text, in unit order, and whether the text looks scrambled. */
export interface RepeatAnalysis {
  removals: UnitRemoval[];
  scrambled: boolean;
}

/** Index of the earlier unit with the same key, or -1, for every unit. */
function earlierOccurrences(units: readonly SentenceUnit[]): Int32Array {
  const first = new Map<string, number>();
  const earlier = new Int32Array(units.length).fill(-1);
  units.forEach((unit, i) => {
    const seen = first.get(unit.key);
    if (seen === undefined) first.set(unit.key, i);
    else earlier[i] = seen;
  });
  return earlier;
}

/** For each unit cut at a line end, a longer unit whose key it is a proper prefix of, or -1. */
function truncatedOf(units: readonly SentenceUnit[]): Int32Array {
  const byHead = new Map<string, number[]>();
  units.forEach((unit, i) => {
    if (unit.key.length <= TRUNCATED_MIN_CHARS) return;
    const head = unit.key.slice(0, TRUNCATED_MIN_CHARS);
    const list = byHead.get(head);
    if (!list) byHead.set(head, [i]);
    else if (list.length < MAX_CANDIDATES) list.push(i);
  });
  const longer = new Int32Array(units.length).fill(-1);
  units.forEach((unit, i) => {
    if (unit.complete || unit.key.length < TRUNCATED_MIN_CHARS) return;
    for (const j of byHead.get(unit.key.slice(0, TRUNCATED_MIN_CHARS)) ?? []) {
      if (j !== i && units[j].key.length > unit.key.length && units[j].key.startsWith(unit.key)) {
        longer[i] = j;
        return;
      }
    }
  });
  return longer;
}

/** Decides which units are garbled repeats; see the module comment for the rules. */
export function findGarbledUnits(units: readonly SentenceUnit[]): RepeatAnalysis {
  const earlier = earlierOccurrences(units);
  const longer = truncatedOf(units);
  // Inside a run, a truncated copy counts as a repeat of the sentence it was cut from.
  const repeatOf = (j: number) => (earlier[j] >= 0 ? earlier[j] : longer[j]);
  const garbled = new Int32Array(units.length).fill(-1);

  let passages = 0;
  for (let i = 0; i < units.length; ) {
    if (earlier[i] < 0) {
      i++;
      continue;
    }
    let j = i;
    let chars = 0;
    // A repeated passage repeats sentences that also follow each other where they first occur.
    do chars += units[j++].key.length;
    while (j < units.length && repeatOf(j) >= 0 && repeatOf(j) === repeatOf(j - 1) + 1);
    if (j - i >= 2 && chars >= RUN_MIN_CHARS) {
      passages++;
      for (let k = i; k < j; k++) garbled[k] = repeatOf(k);
    }
    i = j;
  }
  const scrambled = passages >= SCRAMBLED_MIN_RUNS;

  units.forEach((unit, i) => {
    if (garbled[i] >= 0) return;
    if (scrambled && earlier[i] >= 0 && unit.key.length >= SINGLE_MIN_CHARS) garbled[i] = earlier[i];
  });
  units.forEach((_, i) => {
    if (garbled[i] >= 0 || longer[i] < 0) return;
    const nextToGarbled = (i > 0 && garbled[i - 1] >= 0) || (i + 1 < units.length && garbled[i + 1] >= 0);
    if (scrambled || nextToGarbled) garbled[i] = longer[i];
  });

  const removals: UnitRemoval[] = [];
  garbled.forEach((kept, unit) => {
    if (kept >= 0) removals.push({ unit, kept });
  });
  return { removals, scrambled };
}
