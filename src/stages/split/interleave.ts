/**
 * Untangles the plans of a scrambled copy whose paragraphs are interleaved: after the title of
 * plan B, sentences of the plan A before it keep turning up. Each sentence of B's stretch goes to
 * the plan it belongs to, by
 * 1. a level-1 heading (`三、…`) continuing the numbering of exactly one of the two plans;
 * 2. its content: character bigrams learnt from A's own stretch (before B's title) and from the
 *    sentences of B's stretch that name B's topic (bigrams of B's title that A's title lacks);
 * 3. otherwise its neighbour: a sentence without a cue stays with the sentence before it.
 * Plans that are not interleaved are left alone: B's stretch must hold several sentences naming A's
 * topic, and either many of them or a level-2 heading numbered twice under one level-1 heading.
 */
import type { DocumentPart } from '../../model/stages.js';
import { concatTexts, sliceText, type MappedText } from '../../text/mapped-text.js';
import { sentenceUnits, type SentenceUnit } from '../dedupe/units.js';
import { parseChineseInteger } from '../../text/numerals.js';
import { orderByHeadings } from './heading-order.js';

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

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (/[\u4e00-\u9fff]/.test(text[i]) && /[\u4e00-\u9fff]/.test(text[i + 1])) out.push(text.slice(i, i + 2));
  }
  return out;
}

/** Bigrams of `title` that `other` lacks and that name a topic. */
function topicCues(title: string, other: string): Set<string> {
  const otherBigrams = new Set(bigrams(other.normalize('NFKC')));
  return new Set(bigrams(title.normalize('NFKC')).filter((b) => !otherBigrams.has(b) && !GENERIC_BIGRAMS.has(b)));
}

function cueCount(key: string, cues: Set<string>): number {
  return bigrams(key).filter((b) => cues.has(b)).length;
}

/** Bigram counts for a naive Bayes comparison of two plans. */
class BigramModel {
  private counts = new Map<string, number>();
  private total = 0;
  add(key: string): void {
    for (const b of bigrams(key)) {
      this.counts.set(b, (this.counts.get(b) ?? 0) + 1);
      this.total++;
    }
  }
  has(bigram: string): boolean {
    return this.counts.has(bigram);
  }
  logProbability(bigram: string, vocabulary: number): number {
    return Math.log(((this.counts.get(bigram) ?? 0) + SMOOTHING) / (this.total + SMOOTHING * vocabulary));
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

function lastLevel1(text: string): number {
  let last = 0;
  for (const unit of sentenceUnits(text)) last = level1Ordinal(unit.key) ?? last;
  return last;
}

/** Splits `text` from `from` into sentence pieces that carry the white space after them. */
function pieces(text: MappedText, from: number): { unit: SentenceUnit; piece: MappedText }[] {
  const units = sentenceUnits(text.text.slice(from)).map((u) => ({ ...u, start: u.start + from, end: u.end + from }));
  return units.map((unit, i) => ({ unit, piece: sliceText(text, unit.start, i + 1 < units.length ? units[i + 1].start : text.text.length) }));
}

/** Moves the sentences of A that turn up after B's title back to A. */
function untanglePair(a: DocumentPart, b: DocumentPart): [DocumentPart, DocumentPart] {
  const cuesA = topicCues(a.title, b.title);
  const cuesB = topicCues(b.title, a.title);
  const stretch = pieces(b.text, b.titleRange[1]);
  const namesA = stretch.filter(({ unit }) => cueCount(unit.key, cuesA) > cueCount(unit.key, cuesB)).length;
  const interleaved =
    namesA >= INTERLEAVED_MIN_SENTENCES &&
    (namesA >= INTERLEAVED_MIN_SHARE * stretch.length || repeatedLevel2(stretch.map((p) => p.unit.key)) > 0);
  if (!interleaved) return [a, b];

  const modelA = new BigramModel();
  const modelB = new BigramModel();
  for (const unit of sentenceUnits(a.text.text)) modelA.add(unit.key);
  for (const { unit } of stretch) if (cueCount(unit.key, cuesB) > cueCount(unit.key, cuesA)) modelB.add(unit.key);
  const vocabulary = new Set([...sentenceUnits(a.text.text), ...stretch.map((p) => p.unit)].flatMap((u) => bigrams(u.key))).size;

  let nextA = lastLevel1(a.text.text) + 1;
  let nextB = lastLevel1(b.text.text.slice(0, b.titleRange[1])) + 1;
  let previousIsA = false;
  const toA: MappedText[] = [];
  const toB: MappedText[] = [sliceText(b.text, 0, stretch.length > 0 ? stretch[0].unit.start : b.text.text.length)];
  for (const { unit, piece } of stretch) {
    let isA: boolean | null = null;
    const ordinal = level1Ordinal(unit.key);
    if (ordinal !== null && (ordinal === nextA) !== (ordinal === nextB)) isA = ordinal === nextA;
    if (isA === null) {
      const cueA = cueCount(unit.key, cuesA);
      const cueB = cueCount(unit.key, cuesB);
      if (cueA !== cueB) isA = cueA > cueB;
    }
    if (isA === null) {
      let llr = 0;
      // Bigrams neither plan has used say nothing (and would favour the smaller sample).
      for (const bigram of bigrams(unit.key)) {
        if (!modelA.has(bigram) && !modelB.has(bigram)) continue;
        llr += modelA.logProbability(bigram, vocabulary) - modelB.logProbability(bigram, vocabulary);
      }
      isA = Math.abs(llr) >= CONTENT_MIN_LLR ? llr > 0 : previousIsA;
    }
    if (ordinal !== null) {
      if (isA) nextA = Math.max(nextA, ordinal + 1);
      else nextB = Math.max(nextB, ordinal + 1);
    }
    (isA ? toA : toB).push(piece);
    previousIsA = isA;
  }
  if (toA.length === 0) return [a, b];
  return [
    { ...a, text: orderByHeadings(concatTexts([a.text, ...toA]), a.titleRange[1]) },
    { ...b, text: orderByHeadings(concatTexts(toB), b.titleRange[1]) },
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
