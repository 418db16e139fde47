/**
 * Target alignment: pairs the child's targets with the parent's by indicator (never by position)
 * and gives each pair a verdict.
 *
 * Several targets of one plan may share an indicator (the values of one `分别` sentence, or one
 * indicator due in several years). Their similarity is then equal, so the indicator cannot decide
 * between them: a target whose sentence is the same as the other side's is paired with the value
 * at the same place in that sentence, and the rest are paired by year and then in document order,
 * never crosswise (see {@link uncross}).
 *
 * Cost: one bigram Dice per (child, parent) pair — n·m cheap comparisons over precomputed bigram
 * maps — then a greedy best-first assignment over the pairs above {@link TARGET_THRESHOLD}.
 */
import type { Target } from '../model/schemas.js';
import type { TargetPair, TargetVerdict } from './model.js';
import { bigrams, dice, normaliseIndicator, type Bigrams } from './similarity.js';
import { assignGreedy, type Candidate } from './assign.js';

/** Minimum indicator similarity (bigram Dice, 0–1) for two targets to be aligned. */
export const TARGET_THRESHOLD = 0.6;

// Tolerance for comparing target values (they come from decimal text, e.g. 1.48).
const EPSILON = 1e-9;

/** `A、B…S` split into its heads and last part, each normalised; S is found against the other side. */
interface Compound {
  heads: string[];
  last: string;
}

interface Item {
  target: Target;
  norm: string;
  grams: Bigrams;
  compound: Compound | null;
  /** The sentence without spaces: two targets read from the same sentence share it. */
  sentence: string;
  /** Place among the targets of its document with the same sentence and indicator, in document order (0-based). */
  ordinal: number;
}

// A compound's heads are short names (`高血压`); a longer one means a list sentence, not a compound.
const MAX_HEAD_CHARS = 12;
const TRAILING_PAREN = /[（(][^（()）]{0,12}[)）]\s*$/;

/** Reads `高血压、糖尿病患者规范管理率` as heads [高血压] and last part 糖尿病患者规范管理率. */
export function parseCompound(indicator: string): Compound | null {
  const parts = indicator.replace(TRAILING_PAREN, '').split('、');
  if (parts.length < 2) return null;
  const normalised = parts.map((p) => normaliseIndicator(p));
  const heads = normalised.slice(0, -1);
  const last = normalised[normalised.length - 1];
  if (heads.some((h) => h.length === 0 || h.length > MAX_HEAD_CHARS) || last.length <= 1) return null;
  return { heads, last };
}

/** Document order of two targets: by the start of their spans. */
function bySpan(a: Target, b: Target): number {
  return a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;
}

/** The items of one document's targets, each knowing its place among the values of its sentence. */
function toItems(targets: readonly Target[]): Item[] {
  const items = targets.map((target): Item => {
    const norm = normaliseIndicator(target.indicator);
    return { target, norm, grams: bigrams(norm), compound: parseCompound(target.indicator), sentence: target.text.replace(/\s+/g, ''), ordinal: 0 };
  });
  const seen = new Map<string, number>();
  for (const item of [...items].sort((a, b) => bySpan(a.target, b.target))) {
    const key = `${item.norm}\u0000${item.sentence}`;
    item.ordinal = seen.get(key) ?? 0;
    seen.set(key, item.ordinal + 1);
  }
  return items;
}

/** The same value of the same sentence: identical sentence and indicator, at the same place among its values. */
const sameValueOfSentence = (a: Item, b: Item) => a.sentence === b.sentence && a.norm === b.norm && a.ordinal === b.ordinal;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * How well `other` matches one part of `compound`: the suffix `other` shares with the last part
 * is taken as the compound's shared suffix S, and `other` is compared with every `head + S` and
 * with the last part. Returns the best score and which part (heads first, the last part last).
 */
function matchComponent(compound: Compound, other: string): { score: number; part: number } {
  const shared = commonSuffixLength(compound.last, other);
  if (shared < 2) return { score: 0, part: -1 };
  const suffix = compound.last.slice(compound.last.length - shared);
  const candidates = [...compound.heads.map((h) => h + suffix), compound.last];
  const otherGrams = bigrams(other);
  let best = { score: 0, part: -1 };
  candidates.forEach((candidate, part) => {
    const score = dice(bigrams(candidate), otherGrams);
    if (score > best.score) best = { score, part };
  });
  return best;
}

const yearsCompatible = (a: number | null, b: number | null) => a === null || b === null || a === b;

/**
 * Aligns two documents' targets. Each target is used once, except a compound (`A、B…率`), whose
 * parts may each pair with one target of the other side. Rows come in the child's order, then the
 * dropped parent targets in the parent's order.
 */
export function alignTargets(child: readonly Target[], parent: readonly Target[]): TargetPair[] {
  const c = toItems(child);
  const p = toItems(parent);
  const candidates: Candidate[] = [];
  for (let i = 0; i < c.length; i++) {
    for (let j = 0; j < p.length; j++) {
      if (!yearsCompatible(c[i].target.year, p[j].target.year)) continue;
      let score = dice(c[i].grams, p[j].grams);
      let childPart = -1;
      let parentPart = -1;
      // Only one side may be a compound: two compounds are compared as written.
      if (c[i].compound && !p[j].compound) {
        const m = matchComponent(c[i].compound!, p[j].norm);
        if (m.score > score) [score, childPart] = [m.score, m.part];
      } else if (p[j].compound && !c[i].compound) {
        const m = matchComponent(p[j].compound!, c[i].norm);
        if (m.score > score) [score, parentPart] = [m.score, m.part];
      }
      if (score < TARGET_THRESHOLD) continue;
      // The same value of an identical sentence outranks everything (scores stay ≤ 1); then an exact
      // year beats a null year; then the nearer relative position decides ties.
      const identical = childPart < 0 && parentPart < 0 && sameValueOfSentence(c[i], p[j]);
      const sameYear = c[i].target.year !== null && c[i].target.year === p[j].target.year;
      const distance = Math.abs(i / Math.max(1, c.length) - j / Math.max(1, p.length));
      candidates.push({ child: i, parent: j, childPart, parentPart, score, rank: score + (identical ? 1 : 0) + (sameYear ? 1e-3 : 0) - distance * 1e-4 });
    }
  }
  const byChild = new Map<number, Candidate[]>();
  for (const m of uncross(assignGreedy(candidates, c.length, p.length), c, p)) byChild.set(m.child, [...(byChild.get(m.child) ?? []), m]);
  const rows: TargetPair[] = [];
  const parentUsed = new Set<number>();
  for (let i = 0; i < c.length; i++) {
    const mine = (byChild.get(i) ?? []).sort((a, b) => a.parent - b.parent);
    if (mine.length === 0) rows.push(unmatched(c[i].target, 'added'));
    for (const m of mine) {
      parentUsed.add(m.parent);
      rows.push(pairRow(c[i].target, p[m.parent].target, m.score, m.childPart >= 0 || m.parentPart >= 0));
    }
  }
  for (let j = 0; j < p.length; j++) if (!parentUsed.has(j)) rows.push(unmatched(p[j].target, 'dropped'));
  return rows;
}

/**
 * Re-pairs targets that share an indicator and year on both sides in document order. Equal
 * similarities leave the greedy assignment free to pair the child's first value of `…分别达到70%、
 * 90%` with the parent's second; here the k-th such child target gets the k-th parent target of the
 * same group. Pairs of identical sentences (already placed) and compound parts are left alone.
 */
function uncross(matches: Candidate[], c: readonly Item[], p: readonly Item[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const m of matches) {
    if (m.childPart >= 0 || m.parentPart >= 0 || sameValueOfSentence(c[m.child], p[m.parent])) continue;
    const key = [c[m.child].norm, c[m.child].target.year, p[m.parent].norm, p[m.parent].target.year].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const children = group.map((m) => m.child).sort((a, b) => bySpan(c[a].target, c[b].target));
    const parents = group.map((m) => m.parent).sort((a, b) => bySpan(p[a].target, p[b].target));
    // Same indicators on both sides, so every re-paired candidate keeps its score.
    group.forEach((m, k) => {
      m.child = children[k];
      m.parent = parents[k];
    });
  }
  return matches;
}

function unmatched(target: Target, verdict: 'added' | 'dropped'): TargetPair {
  return {
    indicator: target.indicator,
    year: target.year,
    child: verdict === 'added' ? target : null,
    parent: verdict === 'dropped' ? target : null,
    similarity: 0,
    match: null,
    verdict,
  };
}

function pairRow(child: Target, parent: Target, similarity: number, compound: boolean): TargetPair {
  return {
    indicator: child.indicator,
    year: child.year ?? parent.year,
    child,
    parent,
    similarity: Math.min(1, Math.round(similarity * 1000) / 1000),
    match: compound ? 'compound' : 'whole',
    verdict: compareTargets(child, parent),
  };
}

/** A unit for comparison: NFKC-folded (`％` → `%`), spaces removed; null stays null. */
function unitKey(unit: string | null): string | null {
  return unit === null ? null : unit.normalize('NFKC').replace(/\s+/g, '');
}

// Comparators that point the same way share a family; `gt` is a notch stricter than `gte` at one value.
const FAMILY: Record<Target['comparator'], string> = {
  gte: 'at-least',
  gt: 'at-least',
  lte: 'at-most',
  lt: 'at-most',
  eq: 'eq',
  range: 'range',
  decrease: 'decrease',
  increase: 'increase',
  qualitative: 'qualitative',
};

const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= EPSILON);
const sign = (x: number) => (Math.abs(x) <= EPSILON ? 0 : x > 0 ? 1 : -1);

/**
 * The verdict of an aligned pair, from the child's point of view. `stricter`: the child commits to
 * more (a higher at-least bound, a lower at-most bound, a larger decrease or increase). `changed`:
 * not comparable (comparators of different families, different units, a missing value, an `eq` or
 * `range` with other values). Two qualitative targets of one indicator are `same`.
 */
export function compareTargets(child: Target, parent: Target): TargetVerdict {
  const family = FAMILY[child.comparator];
  if (family !== FAMILY[parent.comparator]) return 'changed';
  if (family === 'qualitative') return 'same';
  if (unitKey(child.unit) !== unitKey(parent.unit) || child.value === null || parent.value === null) return 'changed';
  const delta = sign(child.value - parent.value);
  switch (family) {
    case 'at-least':
    case 'at-most': {
      // At one value, the strict comparator (gt/lt) commits to more.
      const strictness = Number(child.comparator === 'gt' || child.comparator === 'lt') - Number(parent.comparator === 'gt' || parent.comparator === 'lt');
      const more = family === 'at-least' ? delta : -delta;
      const order = more !== 0 ? more : strictness;
      return order > 0 ? 'stricter' : order < 0 ? 'looser' : 'same';
    }
    case 'decrease':
    case 'increase':
      return delta > 0 ? 'stricter' : delta < 0 ? 'looser' : 'same';
    case 'range':
      return delta === 0 && sameNumber(child.valueMax, parent.valueMax) ? 'same' : 'changed';
    default:
      return delta === 0 ? 'same' : 'changed';
  }
}

