/**
 * Untangles the plans of a scrambled copy whose paragraphs are interleaved: after the title of
 * plan B, sentences of the plan A before it keep turning up. Each sentence of B's stretch goes to
 * the plan it belongs to, by
 * 1. a level-1 heading (`三、…`) continuing the numbering of exactly one of the two plans;
 * 2. its topic cue words (bigrams of its plan's title that the other title lacks: `艾滋` / `结核`);
 * 3. for a level-1 heading that fits both numberings (one after a heading lost from the copy): the
 *    kind of document its passage names (`规划` / `行动计划`, from the titles), else the unbroken one;
 * 4. for any other heading: its passage — the heading with the sentences after it that have no say
 *    of their own — by cue words, then content;
 * 5. its content: character bigrams learnt from A's own stretch (before B's title) and from the
 *    sentences of B's stretch that name B's topic, when the evidence is clear;
 * 6. otherwise its neighbour: a sentence without a cue stays with the sentence before it.
 * Each plan is then put in heading order (`orderByHeadings`) and marked `reconstructed`.
 * Plans that are not interleaved are left alone: B's stretch must hold several sentences naming A's
 * topic, and either many of them or a level-2 heading numbered twice under one level-1 heading.
 */
import type { DocumentPart } from '../../model/stages.js';
import { concatTexts, sliceText, type MappedText } from '../../text/mapped-text.js';
import { foldsToIdeograph, isSpace, sentenceUnits, type SentenceUnit } from '../dedupe/units.js';
import { parseChineseInteger } from '../../text/numerals.js';
import { orderByHeadings } from './heading-order.js';
import { bigramAt, isBasicIdeograph } from './bigrams.js';
import { codeUnitSet, type CodeUnitSet } from '../../text/scan.js';

/** B's stretch is interleaved when at least this many of its sentences name A's topic… */
const INTERLEAVED_MIN_SENTENCES = 5;
/** …and they are at least this share of its sentences. */
const INTERLEAVED_MIN_SHARE = 0.15;
/** Log-likelihood ratio (natural log) above which content decides. */
const CONTENT_MIN_LLR = 2;
/** Additive smoothing of bigram counts. */
const SMOOTHING = 0.5;
/** Bigrams of titles that say what a document is, not what it is about. */
const GENERIC_BIGRAMS = new Set(['规划', '计划', '行动', '动计', '治规', '方案', '纲要', '实施', '意见', '办法', '通知', '十三', '三五', '十四', '四五', '中长', '长期', '工作']);
const LEVEL1 = /^([一二三四五六七八九十]{1,3})、/;
const LEVEL2 = /^\(([一二三四五六七八九十]{1,3})\)/;
/** A heading marker at the start of a sentence key (keys fold `（一）` to `(一)` and `1．` to `1.`). */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}\.(?!\d))/;

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isBasicIdeograph(text.charCodeAt(i)) && isBasicIdeograph(text.charCodeAt(i + 1))) out.push(text.slice(i, i + 2));
  }
  return out;
}

/** How many distinct bigrams `model` has counted and the keys of `units` hold together. */
function vocabularySize(model: BigramModel, units: readonly SentenceUnit[]): number {
  const more = new Set<number>();
  for (const { key } of units) {
    for (let i = 0; i + 1 < key.length; i++) {
      const bigram = bigramAt(key, i);
      if (bigram >= 0 && !model.has(bigram)) more.add(bigram);
    }
  }
  return model.distinct + more.size;
}

/**
 * A set of cue bigrams (two ideographs each), looked up by the code units at a position: scanning
 * every sentence of a plan for them cuts no two-character strings.
 */
class Cues {
  /** The second code units that follow each first one in some cue. */
  private readonly after = new Map<number, Set<number>>();
  /** The code units that start some cue: most code units of a text start none, and are told by one look-up. */
  private readonly starts: CodeUnitSet;
  readonly size: number;

  constructor(cues: Iterable<string>) {
    let size = 0;
    for (const cue of cues) {
      const first = cue.charCodeAt(0);
      let seconds = this.after.get(first);
      if (!seconds) this.after.set(first, (seconds = new Set()));
      if (!seconds.has(cue.charCodeAt(1))) size++;
      seconds.add(cue.charCodeAt(1));
    }
    this.starts = codeUnitSet(this.after.keys());
    this.size = size;
  }

  /** Whether the code units `first`, `second` make a cue. */
  has(first: number, second: number): boolean {
    return this.starts[first] === 1 && this.after.get(first)!.has(second);
  }
}

/**
 * Bigrams of `title` that name a topic `other` lacks (`艾滋`, `结核`): not in `other`, with a
 * character `other` lacks — `病防` of `结核病防治` is no cue against `防治艾滋病` (`性病防治`).
 */
function topicCues(title: string, other: string): Cues {
  const otherText = other.normalize('NFKC');
  const otherBigrams = new Set(bigrams(otherText));
  return new Cues(
    bigrams(title.normalize('NFKC')).filter(
      (b) => !otherBigrams.has(b) && !GENERIC_BIGRAMS.has(b) && (!otherText.includes(b[0]) || !otherText.includes(b[1])),
    ),
  );
}

/** Bigrams of `title` that `other` lacks and that say what kind of document it is (`规划` against `行动计划`). */
function kindCues(title: string, other: string): Cues {
  const otherBigrams = new Set(bigrams(other.normalize('NFKC')));
  return new Cues(bigrams(title.normalize('NFKC')).filter((b) => !otherBigrams.has(b) && GENERIC_BIGRAMS.has(b)));
}

/**
 * How many times `key` names a cue word: a run of overlapping cue bigrams counts once, so
 * `艾滋病` (two bigrams) weighs no more than `结核` (one).
 */
function cueCount(key: string, cues: Cues): number {
  let count = 0;
  let inRun = false;
  for (let i = 0; i + 1 < key.length; i++) {
    const hit = cues.has(key.charCodeAt(i), key.charCodeAt(i + 1));
    if (hit && !inRun) count++;
    inRun = hit;
  }
  return count;
}

/**
 * At most how many sentences of `text` from `from` on can name a cue: the cue bigrams in it, read
 * as sentence keys read it (white space skipped, no bigram across a line break, see foldKey). A
 * code unit that foldKey would fold to another ideograph (a Kangxi radical, a compatibility
 * ideograph) may make a cue with either neighbour, so it is counted as one: the bound stays a bound.
 */
function cueBigramsAtMost(text: string, from: number, cues: Cues): number {
  let count = 0;
  let previous = -1;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      previous = -1;
      continue;
    }
    if (isSpace(code)) continue;
    if (previous !== -1 && (cues.has(previous, code) || foldsToIdeograph(previous) || foldsToIdeograph(code))) count++;
    previous = code;
  }
  return count;
}

/** Bigram counts for a naive Bayes comparison of two plans, by bigram number (bigramAt). */
class BigramModel {
  /** Where each bigram's count is kept in `counts`: a bigram met again costs one look-up. */
  private slots = new Map<number, number>();
  private counts: number[] = [];
  private total = 0;
  add(key: string): void {
    for (let i = 0; i + 1 < key.length; i++) {
      const b = bigramAt(key, i);
      if (b < 0) continue;
      let slot = this.slots.get(b);
      if (slot === undefined) {
        this.slots.set(b, (slot = this.counts.length));
        this.counts.push(0);
      }
      this.counts[slot]++;
      this.total++;
    }
  }
  has(bigram: number): boolean {
    return this.slots.has(bigram);
  }
  /** How many distinct bigrams were counted. */
  get distinct(): number {
    return this.counts.length;
  }
  logProbability(bigram: number, vocabulary: number): number {
    const slot = this.slots.get(bigram);
    return Math.log(((slot === undefined ? 0 : this.counts[slot]) + SMOOTHING) / (this.total + SMOOTHING * vocabulary));
  }
}

function level1Ordinal(key: string): number | null {
  const match = LEVEL1.exec(key);
  return match ? parseChineseInteger(match[1]) : null;
}

/** How often a level-2 heading (`（三）`) repeats an ordinal already used under the same level-1 heading. */
function repeatedLevel2(keys: readonly string[]): number {
  let seen = new Set<number>();
  let repeats = 0;
  for (const key of keys) {
    if (LEVEL1.test(key)) seen = new Set();
    const match = LEVEL2.exec(key.replace(LEVEL1, ''));
    const ordinal = match ? parseChineseInteger(match[1]) : null;
    if (ordinal === null) continue;
    if (seen.has(ordinal)) repeats++;
    seen.add(ordinal);
  }
  return repeats;
}

function level1Ordinals(units: readonly SentenceUnit[]): Set<number> {
  const used = new Set<number>();
  for (const unit of units) {
    const ordinal = level1Ordinal(unit.key);
    if (ordinal !== null) used.add(ordinal);
  }
  return used;
}

function nextFree(used: Set<number>): number {
  return used.size === 0 ? 1 : Math.max(...used) + 1;
}

/**
 * Which plan a level-1 heading numbered `ordinal` continues. Certain when it continues exactly one
 * plan's numbering and the other plan has passed that number; otherwise (a number past the next
 * free one may follow a heading lost from the copy) only a preference for the unbroken numbering.
 */
function numberingChoice(ordinal: number, usedA: Set<number>, usedB: Set<number>): { isA: boolean; certain: boolean } | null {
  const fitsA = !usedA.has(ordinal) && ordinal >= nextFree(usedA);
  const fitsB = !usedB.has(ordinal) && ordinal >= nextFree(usedB);
  if (fitsA !== fitsB) return { isA: fitsA, certain: true };
  if (!fitsA) return null;
  const exactA = ordinal === nextFree(usedA);
  const exactB = ordinal === nextFree(usedB);
  return exactA === exactB ? null : { isA: exactA, certain: false };
}

/** True when `key` names A's cue words more often than B's, false when less, null on a tie. */
function cueChoice(key: string, cuesA: Cues, cuesB: Cues): boolean | null {
  const a = cueCount(key, cuesA);
  const b = cueCount(key, cuesB);
  return a === b ? null : a > b;
}

/** Splits `text` from `from` into sentence pieces that carry the white space after them. */
function unitsFrom(text: MappedText, from: number): SentenceUnit[] {
  return sentenceUnits(text.text.slice(from)).map((u) => ({ ...u, start: u.start + from, end: u.end + from }));
}

/** Each unit with its piece of `text`: from its start to the next unit's (the last to the end). */
function pieces(text: MappedText, units: readonly SentenceUnit[]): { unit: SentenceUnit; piece: MappedText }[] {
  return units.map((unit, i) => ({ unit, piece: sliceText(text, unit.start, i + 1 < units.length ? units[i + 1].start : text.text.length) }));
}

/**
 * The passage of the heading at `stretch[at]`: its sentence and those after it, up to the next
 * heading or the first sentence that decides for itself (`ownChoice` not null), keys joined by '\n'.
 */
function passageText(stretch: readonly { unit: SentenceUnit }[], ownChoice: readonly (boolean | null)[], at: number): string {
  let keys = stretch[at].unit.key;
  for (let k = at + 1; k < stretch.length && !HEADING.test(stretch[k].unit.key) && ownChoice[k] === null; k++) {
    keys += '\n' + stretch[k].unit.key;
  }
  return keys;
}

/**
 * The plan of the heading at `stretch[at]` judged with the start of its passage: the heading's
 * sentence with the sentences after it (up to the next heading) until that text names a plan's cue
 * words or its content is clear, or a sentence that decides for itself (`ownChoice`) is reached —
 * in a scrambled copy a heading mostly still stands before its own first sentences. Null when
 * nothing decides.
 */
function passageChoice(
  stretch: readonly { unit: SentenceUnit }[],
  ownChoice: readonly (boolean | null)[],
  at: number,
  cuesA: Cues,
  cuesB: Cues,
  llrOf: (key: string) => number,
): boolean | null {
  let keys = '';
  let llr = 0;
  for (let k = at; k < stretch.length && (k === at || !HEADING.test(stretch[k].unit.key)); k++) {
    if (k > at && ownChoice[k] !== null) return ownChoice[k];
    keys += '\n' + stretch[k].unit.key;
    llr += llrOf(stretch[k].unit.key);
    const cue = cueChoice(keys, cuesA, cuesB);
    if (cue !== null) return cue;
    if (Math.abs(llr) >= CONTENT_MIN_LLR) return llr > 0;
  }
  return null;
}

/** Moves the sentences of A that turn up after B's title back to A. */
function untanglePair(a: DocumentPart, b: DocumentPart): [DocumentPart, DocumentPart] {
  const cuesA = topicCues(a.title, b.title);
  const cuesB = topicCues(b.title, a.title);
  // The test for interleaving looks at keys only: a sentence naming A needs a cue of A, and the
  // pieces of text (the costly part) are cut only for a stretch that is interleaved.
  // Before the sentences are cut: too few cue bigrams of A in B's stretch for it to be interleaved.
  if (cuesA.size === 0 || cueBigramsAtMost(b.text.text, b.titleRange[1], cuesA) < INTERLEAVED_MIN_SENTENCES) return [a, b];
  const units = unitsFrom(b.text, b.titleRange[1]);
  const namesA = units.filter((unit) => cueCount(unit.key, cuesA) > cueCount(unit.key, cuesB)).length;
  const interleaved =
    namesA >= INTERLEAVED_MIN_SENTENCES &&
    (namesA >= INTERLEAVED_MIN_SHARE * units.length || repeatedLevel2(units.map((unit) => unit.key)) > 0);
  if (!interleaved) return [a, b];
  const stretch = pieces(b.text, units);

  const unitsA = sentenceUnits(a.text.text);
  const modelA = new BigramModel();
  const modelB = new BigramModel();
  for (const unit of unitsA) modelA.add(unit.key);
  for (const { unit } of stretch) if (cueCount(unit.key, cuesB) > cueCount(unit.key, cuesA)) modelB.add(unit.key);
  const vocabulary = vocabularySize(modelA, units);

  const kindA = kindCues(a.title, b.title);
  const kindB = kindCues(b.title, a.title);
  // Which level-1 numbers each plan has used, to tell a continuation from a repeat.
  const usedA = level1Ordinals(unitsA);
  const usedB = level1Ordinals(sentenceUnits(b.text.text.slice(0, b.titleRange[1])));
  const llrOf = (key: string): number => {
    let llr = 0;
    // Bigrams neither plan has used say nothing (and would favour the smaller sample).
    for (let i = 0; i + 1 < key.length; i++) {
      const bigram = bigramAt(key, i);
      if (bigram < 0 || (!modelA.has(bigram) && !modelB.has(bigram))) continue;
      llr += modelA.logProbability(bigram, vocabulary) - modelB.logProbability(bigram, vocabulary);
    }
    return llr;
  };
  // What each sentence says on its own: its cue words, else its content when that is clear.
  const ownChoice = stretch.map(({ unit }) => {
    const cue = cueChoice(unit.key, cuesA, cuesB);
    if (cue !== null) return cue;
    const llr = llrOf(unit.key);
    return Math.abs(llr) >= CONTENT_MIN_LLR ? llr > 0 : null;
  });
  let previousIsA = false;
  const toA: MappedText[] = [];
  const toB: MappedText[] = [sliceText(b.text, 0, stretch.length > 0 ? stretch[0].unit.start : b.text.text.length)];
  stretch.forEach(({ unit, piece }, i) => {
    const ordinal = level1Ordinal(unit.key);
    const byNumber = ordinal === null ? null : numberingChoice(ordinal, usedA, usedB);
    let isA: boolean | null = byNumber?.certain ? byNumber.isA : null;
    if (isA === null) isA = cueChoice(unit.key, cuesA, cuesB);
    // A level-1 heading that fits both numberings (one of them after a lost heading) goes by the
    // kind of document its passage names (`本规划` in a 规划), then by the unbroken numbering.
    if (isA === null && byNumber) isA = cueChoice(passageText(stretch, ownChoice, i), kindA, kindB) ?? byNumber.isA;
    // A heading starts a passage: it is judged with the sentences that will follow it (those
    // without a say of their own, up to the next heading), not by the sentence before it.
    if (isA === null && HEADING.test(unit.key)) isA = passageChoice(stretch, ownChoice, i, cuesA, cuesB, llrOf);
    if (isA === null) isA = ownChoice[i] ?? previousIsA;
    if (ordinal !== null) (isA ? usedA : usedB).add(ordinal);
    (isA ? toA : toB).push(piece);
    previousIsA = isA;
  });
  if (toA.length === 0) return [a, b];
  return [
    { ...a, text: orderByHeadings(concatTexts([a.text, ...toA]), a.titleRange[1]), reconstructed: true },
    { ...b, text: orderByHeadings(concatTexts(toB), b.titleRange[1]), reconstructed: true },
  ];
}

/** Gives each plan of an interleaved copy back its own sentences, in reading order. */
export function untangle(parts: DocumentPart[]): DocumentPart[] {
  const out = parts.slice();
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].kind === 'plan' && out[i].kind === 'plan') [out[i - 1], out[i]] = untanglePair(out[i - 1], out[i]);
  }
  return out;
}
