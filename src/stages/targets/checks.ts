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
 * The targets without restatements: of the targets equal by `goalKey`, one is kept — the first
 * table row among them (an indicator table is the plan's own summary, with nature and baseline),
 * else the first — and every other is passed to `restated`, so its place is reported. Order is
 * kept. Qualitative goals are never dropped (the same words can name another chapter's goal).
 */
export function withoutRestatements(targets: readonly TargetNode[], restated: (t: TargetNode) => void): TargetNode[] {
  const chosen = new Map<string, TargetNode>();
  for (const t of targets) {
    if (t.comparator === 'qualitative') continue;
    const key = goalKey(t);
    const first = chosen.get(key);
    if (!first || (first.source === 'sentence' && t.source === 'table')) chosen.set(key, t);
  }
  // Pushed into one array, not filtered: an empty result of .filter() has another elements kind
  // than a full one, and each new kind made V8 compile extractTargets again.
  const kept: TargetNode[] = [];
  for (const t of targets) {
    if (t.comparator === 'qualitative' || chosen.get(goalKey(t)) === t) kept.push(t);
    else restated(t);
  }
  return kept;
}

/** Why a due year cannot be the plan's (PLN504 message), or null when it can. */
export function dueYearProblem(year: number, meta: Pick<DocumentMetadata, 'period' | 'date'>): string | null {
  const { period, date } = meta;
  if (period && (year < period.start || year > period.end)) {
    return `Unexpected due year ${year} outside the plan period, expected ${period.start}–${period.end}`;
  }
  const issued = date ? Number(date.slice(0, 4)) : null;
  if (issued !== null && year < issued) return `Unexpected due year ${year} before the plan's date, expected ${issued} or later`;
  return null;
}
