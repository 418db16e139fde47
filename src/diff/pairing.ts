/**
 * Pairing: which document of the child file is compared with which document of the parent file.
 * A child that cites a parent document by title (`根据《天津市“十三五”结核病防治规划》`) is paired
 * with it; otherwise titles are compared without their region (`天津市蓟州区` / `天津市`) and
 * period (`（2017—2025年）`), with the topic as a strong signal. Ids given by the user win.
 */
import type { ExtractResult, PlanDocument } from '../model/schemas.js';
import { diceOf, normaliseForMatch } from './similarity.js';

/** Minimum title score (Dice of region-free titles, ± the topic signal) for an automatic pair. */
export const TITLE_THRESHOLD = 0.6;

/** Added to the title score when both documents have the same topic, subtracted when their topics differ. */
const TOPIC_WEIGHT = 0.3;

/** One pair of documents to compare, and how it was found. */
export interface DocumentPairing {
  child: PlanDocument;
  parent: PlanDocument;
  pairedBy: 'reference' | 'title' | 'explicit';
}

/** The pairs found, and the candidate documents (kind `plan`) of each file left over, by id. */
export interface Pairing {
  pairs: DocumentPairing[];
  unpaired: { child: string[]; parent: string[] };
}

/** Documents chosen explicitly (`--child-doc`, `--parent-doc`), by id. */
export interface PairingOptions {
  childDoc?: string;
  parentDoc?: string;
}

/** A document id the user gave that the file does not hold. */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
  constructor(
    /** The input path whose documents were searched. */
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

// A period in brackets: （2017—2025年）, (2018-2020 年), （2016～2030年）.
const PERIOD = /[（(]\s*\d{4}\s*[—–\-－~～至]{1,2}\s*\d{4}\s*年?\s*[)）]/g;
// A leading administrative name: 天津市, 蓟州区, 连云港市, 内蒙古自治区 (at most 7 characters before the
// level word). A level character followed by another is part of the name (赣州市, 杭州市).
const ADMIN_NAME = /^[\u4e00-\u9fff]{1,7}?(?:自治区|自治州|自治县|省|市|区|县|州|旗|盟)(?![市区县州旗盟])/;
// National or whole-area words that a parent's title has where the child's has its own region.
const AREA_WORD = /^(?:中国|全国|国家)/;
// `关于印发X的通知`, `关于转发市卫生计生委拟定的X的通知`: the document X that the notice carried.
const CARRIED = /关于(?:印发|转发|批转)(?:[^《》]{0,40}?拟定的)?(.+)的通知$/;

/** A title reduced for comparison across levels of government: quotes, spaces, period and region removed. */
export function titleKey(title: string, region: string | null): string {
  let key = normaliseForMatch(title.replace(PERIOD, ''));
  const regionKey = region ? normaliseForMatch(region) : '';
  if (regionKey && key.startsWith(regionKey)) key = key.slice(regionKey.length);
  // At most three nested names (省, 市, 区/县).
  for (let i = 0; i < 3; i++) {
    const stripped = key.replace(ADMIN_NAME, '');
    // Keep a title that would be left with almost nothing (`…市` alone is not a region prefix).
    if (stripped.length < 4) break;
    key = stripped;
  }
  return key.replace(AREA_WORD, '');
}

/** Longest reference title read for a carried document (real titles are under 100 characters). */
const MAX_REFERENCE_CHARS = 300;

/** The titles a reference may stand for: itself, and the document a `关于印发X的通知` carried. */
function referenceKeys(title: string): string[] {
  const keys = [normaliseForMatch(title)];
  // A citation is a title; a longer "reference" is extraction debris, not worth the backtracking.
  const carried = title.length <= MAX_REFERENCE_CHARS ? CARRIED.exec(title.trim()) : null;
  if (carried) keys.push(normaliseForMatch(carried[1]));
  return keys;
}

/** True when `child` cites `parent` by its title. */
function cites(child: PlanDocument, parent: PlanDocument): boolean {
  const target = normaliseForMatch(parent.title);
  return target.length > 0 && child.references.some((r) => referenceKeys(r.title).includes(target));
}

/** How alike two documents are by title (without region and period) and topic; may exceed 1 or be negative. */
export function titleScore(child: PlanDocument, parent: PlanDocument): number {
  const base = diceOf(titleKey(child.title, child.region), titleKey(parent.title, parent.region));
  if (child.topic === null || parent.topic === null) return base;
  return base + (child.topic === parent.topic ? TOPIC_WEIGHT : -TOPIC_WEIGHT);
}

function findDocument(result: ExtractResult, id: string): PlanDocument {
  const doc = result.documents.find((d) => d.id === id);
  if (doc) return doc;
  const known = result.documents.map((d) => d.id).join(', ') || 'none';
  throw new UnknownDocumentError(result.source.path, `no document ${id} (documents: ${known})`);
}

const plans = (result: ExtractResult) => result.documents.filter((d) => d.kind === 'plan');

/**
 * Pairs the documents of two files. With both ids given, exactly that pair; with one, that
 * document and the best-scoring plan of the other file; otherwise every plan of the child with at
 * most one plan of the parent — citations first, then title/topic score above
 * {@link TITLE_THRESHOLD}, best first. Throws {@link UnknownDocumentError} for an id not in its file.
 */
export function pairDocuments(child: ExtractResult, parent: ExtractResult, options: PairingOptions = {}): Pairing {
  const explicitChild = options.childDoc === undefined ? undefined : findDocument(child, options.childDoc);
  const explicitParent = options.parentDoc === undefined ? undefined : findDocument(parent, options.parentDoc);
  if (explicitChild || explicitParent) {
    const c = explicitChild ?? best(plans(child), (d) => titleScore(d, explicitParent!));
    const p = explicitParent ?? best(plans(parent), (d) => titleScore(explicitChild!, d));
    return { pairs: c && p ? [{ child: c, parent: p, pairedBy: 'explicit' }] : [], unpaired: { child: [], parent: [] } };
  }
  const childPlans = plans(child);
  const parentPlans = plans(parent);
  const candidates: { c: number; p: number; rank: number; by: 'reference' | 'title' }[] = [];
  childPlans.forEach((c, i) =>
    parentPlans.forEach((p, j) => {
      // A citation outranks any title score (scores stay below 2).
      if (cites(c, p)) candidates.push({ c: i, p: j, rank: 10 + titleScore(c, p), by: 'reference' });
      else {
        const score = titleScore(c, p);
        if (score >= TITLE_THRESHOLD) candidates.push({ c: i, p: j, rank: score, by: 'title' });
      }
    }),
  );
  candidates.sort((a, b) => b.rank - a.rank);
  const usedChild = new Set<number>();
  const usedParent = new Set<number>();
  const pairs: DocumentPairing[] = [];
  for (const cand of candidates) {
    if (usedChild.has(cand.c) || usedParent.has(cand.p)) continue;
    usedChild.add(cand.c);
    usedParent.add(cand.p);
    pairs.push({ child: childPlans[cand.c], parent: parentPlans[cand.p], pairedBy: cand.by });
  }
  pairs.sort((a, b) => childPlans.indexOf(a.child) - childPlans.indexOf(b.child));
  return {
    pairs,
    unpaired: {
      child: childPlans.filter((_, i) => !usedChild.has(i)).map((d) => d.id),
      parent: parentPlans.filter((_, j) => !usedParent.has(j)).map((d) => d.id),
    },
  };
}

function best(docs: PlanDocument[], score: (d: PlanDocument) => number): PlanDocument | undefined {
  let top: PlanDocument | undefined;
  let topScore = -Infinity;
  for (const d of docs) {
    const s = score(d);
    if (s > topScore) [top, topScore] = [d, s];
  }
  return top;
}
