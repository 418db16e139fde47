/**
 * Checks on a document's targets once all are read: a goal restated in a later chapter is kept
 * once, and a due year the plan cannot mean (outside its period, before its date) is named.
 */
import type { DocumentMetadata, TargetNode } from '../../model/stages.js';

/** What makes two targets the same goal: indicator, comparator, value(s), unit and due year. */
function goalKey(t: TargetNode): string {
  return JSON.stringify([t.indicator, t.comparator, t.value, t.valueMax, t.unit, t.year]);
}

/**
 * The targets without restatements: a target equal (by `goalKey`) to an earlier one of the same
 * document is dropped and passed to `restated`, so its place is reported. Qualitative goals are
 * never dropped (the same words can name a goal of another chapter's subject).
 */
export function withoutRestatements(targets: readonly TargetNode[], restated: (t: TargetNode) => void): TargetNode[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    if (t.comparator === 'qualitative') return true;
    const key = goalKey(t);
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    restated(t);
    return false;
  });
}

/** Why a due year cannot be the plan's (PLN504 message), or null when it can. */
export function dueYearProblem(year: number | null, meta: Pick<DocumentMetadata, 'period' | 'date'>): string | null {
  if (year === null) return null;
  const { period, date } = meta;
  if (period && (year < period.start || year > period.end)) {
    return `Unexpected due year ${year} outside the plan period, expected ${period.start}–${period.end}`;
  }
  const issued = date ? Number(date.slice(0, 4)) : null;
  if (issued !== null && year < issued) return `Unexpected due year ${year} before the plan's date, expected ${issued} or later`;
  return null;
}
