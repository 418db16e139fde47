/**
 * Measure alignment: pairs the child's measures with the parent's by title and text similarity
 * wherever they stand (a measure moved to another chapter is still one row), diffs the texts of
 * matched measures word by word, and compares the departments responsible for them.
 */
import { diffArrays } from 'diff';
import type { Measure, PlanDocument } from '../model/schemas.js';
import type { DepartmentChange, MeasurePair, TextChange } from './model.js';
import { bigrams, dice, normaliseForMatch, type Bigrams } from './similarity.js';
import { assignGreedy, type Candidate } from './assign.js';

/** Minimum combined similarity (0–1) for two measures to be aligned. */
export const MEASURE_THRESHOLD = 0.5;

/** Weight of the title in the combined similarity when both measures have a title (the text has the rest). */
const TITLE_WEIGHT = 0.4;

/**
 * Title similarity (bigram Dice) at which two measures left over by the combined score are still
 * one measure: a measure keeps its name when its text is rewritten (or, in a scrambled copy, lost),
 * and listing it as both added and dropped would count one measure twice.
 */
export const TITLE_ONLY_THRESHOLD = 0.7;

/** Shortest title (characters) trusted on its own: `其他`, `总则` name nothing in particular. */
const MIN_TITLE_CHARS = 4;

/**
 * Edit distance (words) beyond which no character diff is computed: the texts then differ
 * so much that a diff would be noise, and Myers' algorithm is O(N·D).
 */
const MAX_EDIT_LENGTH = 4000;

/** Longest pair of texts (characters, together) that is diffed; Myers' cost grows with length × edits. */
const MAX_DIFF_CHARS = 50_000;

interface Item {
  measure: Measure;
  title: Bigrams;
  text: Bigrams;
  hasTitle: boolean;
  /** The title is long enough to identify the measure alone ({@link MIN_TITLE_CHARS}). */
  namesIt: boolean;
}

function toItem(measure: Measure): Item {
  const title = normaliseForMatch(measure.title);
  return { measure, title: bigrams(title), text: bigrams(normaliseForMatch(measure.text)), hasTitle: title.length > 0, namesIt: title.length >= MIN_TITLE_CHARS };
}

/** Combined similarity of two measures: weighted title and text Dice, or the text alone when a title is missing. */
function similarity(a: Item, b: Item): number {
  const text = dice(a.text, b.text);
  return a.hasTitle && b.hasTitle ? TITLE_WEIGHT * dice(a.title, b.title) + (1 - TITLE_WEIGHT) * text : text;
}

const collapse = (text: string) => text.replace(/\s+/g, '');

/**
 * Aligns two documents' measures (each used once, greedy best-first). Rows come in the child's
 * order, then the dropped parent measures in the parent's order.
 */
export function alignMeasures(childDoc: PlanDocument, parentDoc: PlanDocument): MeasurePair[] {
  const c = childDoc.measures.map(toItem);
  const p = parentDoc.measures.map(toItem);
  const candidates: Candidate[] = [];
  const byTitle: Candidate[] = [];
  for (let i = 0; i < c.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const score = similarity(c[i], p[j]);
      const distance = Math.abs(i / Math.max(1, c.length) - j / Math.max(1, p.length));
      const candidate = { child: i, parent: j, childPart: -1, parentPart: -1, score, rank: score - distance * 1e-4 };
      if (score >= MEASURE_THRESHOLD) candidates.push(candidate);
      else if (c[i].namesIt && p[j].namesIt) {
        const title = dice(c[i].title, p[j].title);
        if (title >= TITLE_ONLY_THRESHOLD) byTitle.push({ ...candidate, rank: title - distance * 1e-4 });
      }
    }
  }
  const partner = new Map<number, Candidate>();
  const first = assignGreedy(candidates, c.length, p.length);
  for (const m of first) partner.set(m.child, m);
  // Second pass, over the measures the first left unpaired: the same name is the same measure.
  const takenParents = new Set(first.map((m) => m.parent));
  const leftOver = byTitle.filter((m) => !partner.has(m.child) && !takenParents.has(m.parent));
  for (const m of assignGreedy(leftOver, c.length, p.length)) partner.set(m.child, m);
  const parentUsed = new Set([...partner.values()].map((m) => m.parent));
  const rows: MeasurePair[] = [];
  for (let i = 0; i < c.length; i++) {
    const m = partner.get(i);
    const child = c[i].measure;
    if (!m) {
      rows.push({ title: child.title, child, parent: null, similarity: 0, verdict: 'added', textDiff: null, responsibilities: null });
      continue;
    }
    const parent = p[m.parent].measure;
    const same = collapse(child.text) === collapse(parent.text) && collapse(child.title) === collapse(parent.title);
    rows.push({
      title: child.title,
      child,
      parent,
      similarity: Math.min(1, Math.round(m.score * 1000) / 1000),
      verdict: same ? 'same' : 'edited',
      textDiff: same ? null : textDiff(parent.text, child.text),
      responsibilities: compareDepartments(departmentsOf(childDoc, child), departmentsOf(parentDoc, parent)),
    });
  }
  for (let j = 0; j < p.length; j++) {
    if (parentUsed.has(j)) continue;
    const parent = p[j].measure;
    rows.push({ title: parent.title, child: null, parent, similarity: 0, verdict: 'dropped', textDiff: null, responsibilities: null });
  }
  return rows;
}

// Chinese has no spaces: ICU's dictionary segmenter finds the words (卫生|计|生|委|要|加强|结核|病).
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words (and punctuation) of a text, in order; joined they give the text back. */
export function words(text: string): string[] {
  return Array.from(WORDS.segment(text), (s) => s.segment);
}

/**
 * Parent text → child text as runs of equal, inserted (child only) and deleted (parent only)
 * words, so that a reader sees `<del>卫生计生委</del><ins>卫健委</ins>` rather than scattered
 * characters; null when too long or too different.
 */
export function textDiff(parentText: string, childText: string): TextChange[] | null {
  if (parentText.length + childText.length > MAX_DIFF_CHARS) return null;
  const changes = diffArrays(words(parentText), words(childText), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  return changes.map((ch) => ({ op: ch.added ? 'insert' : ch.removed ? 'delete' : 'equal', text: ch.value.join('') }));
}

/** Canonical department names (lead and support) of the responsibilities attached to a measure, in order, without repeats. */
function departmentsOf(doc: PlanDocument, measure: Measure): string[] {
  const ids = new Set(measure.responsibilityIds);
  const names: string[] = [];
  for (const r of doc.responsibilities) {
    if (!ids.has(r.id) && r.measureId !== measure.id) continue;
    for (const d of [...r.lead, ...r.support]) if (!names.includes(d.name)) names.push(d.name);
  }
  return names;
}

// Level prefixes of a department name (区卫健委, 市财政局, 省民政厅, 县教育局, 自治区…, 旗…).
const LEVEL_PREFIX = /^(?:自治区|自治州|自治县|省|市|区|县|州|旗|盟)/;
// Names that begin with a level character that is part of the word (市场监管局, 市容园林委, 市政工程局; 市政府 is 市 + 政府).
const NOT_A_PREFIX = /^(?:市场|市容|市政(?!府))/;

/** A department name without its level prefix, so that `区财政局` and `市财政局` compare equal. */
export function departmentKey(name: string): string {
  const folded = name.normalize('NFKC').replace(/\s+/g, '');
  if (NOT_A_PREFIX.test(folded)) return folded;
  const stripped = folded.replace(LEVEL_PREFIX, '');
  return stripped.length >= 2 ? stripped : folded;
}

/** Departments named for the child only, for the parent only, and for both (compared by {@link departmentKey}). */
export function compareDepartments(child: readonly string[], parent: readonly string[]): DepartmentChange {
  const parentKeys = new Set(parent.map(departmentKey));
  const childKeys = new Set(child.map(departmentKey));
  return {
    added: child.filter((n) => !parentKeys.has(departmentKey(n))),
    removed: parent.filter((n) => !childKeys.has(departmentKey(n))),
    kept: child.filter((n) => parentKeys.has(departmentKey(n))),
  };
}
