/**
 * Greedy best-first assignment of scored (child, parent) candidates: the best-ranked candidate
 * whose two items are still free is taken, then the next, and so on. O(k log k) for k candidates.
 */

/** A possible pairing of child item `child` with parent item `parent` (indices into their lists). */
export interface Candidate {
  child: number;
  parent: number;
  /** The part of a compound child item this pairing uses, or -1 for the whole item. */
  childPart: number;
  /** The part of a compound parent item this pairing uses, or -1 for the whole item. */
  parentPart: number;
  /** Similarity reported to the user, 0–1. */
  score: number;
  /** Sort key, higher first (the score plus tie-breakers). */
  rank: number;
}

/**
 * What has been taken of one item: `whole` once it is paired as a whole, or the parts paired so far.
 * A whole pairing needs no part taken; a part pairing needs the whole free and that part free.
 */
interface Usage {
  whole: boolean;
  parts: Set<number>;
}

function free(usage: Usage, part: number): boolean {
  return part < 0 ? !usage.whole && usage.parts.size === 0 : !usage.whole && !usage.parts.has(part);
}

function take(usage: Usage, part: number): void {
  if (part < 0) usage.whole = true;
  else usage.parts.add(part);
}

/** The accepted candidates, best first. Ties keep the candidates' input order (stable sort). */
export function assignGreedy(candidates: readonly Candidate[], childCount: number, parentCount: number): Candidate[] {
  const childUse: Usage[] = Array.from({ length: childCount }, () => ({ whole: false, parts: new Set() }));
  const parentUse: Usage[] = Array.from({ length: parentCount }, () => ({ whole: false, parts: new Set() }));
  const accepted: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.rank - a.rank)) {
    if (!free(childUse[c.child], c.childPart) || !free(parentUse[c.parent], c.parentPart)) continue;
    take(childUse[c.child], c.childPart);
    take(parentUse[c.parent], c.parentPart);
    accepted.push(c);
  }
  return accepted;
}
