/**
 * targets: quantified goals from sentences and from indicator tables. Tables are read first and
 * their lines skipped by the sentence scan. Sentences are read in order, carrying the due year of
 * the last lead-in (`到2020年，实现以下工作指标：`) until a level-1 heading or another year; sentences
 * under background headings (现状, 背景, 成就, 基础, 形势, 进展) or reporting the past are skipped.
 */
import type { DocumentMetadata, DocumentPart, SectionNode, SectionTree, StageContext, TargetNode } from '../model/stages.js';
import { parseSentence } from './targets/sentence.js';
import { readTables } from './targets/table.js';

const BACKGROUND_TITLE = /现状|背景|成就|基础|形势|进展|回顾|成效/;
/** A level-1 heading line (一、…): resets the year context and the background state. */
const TOP_HEADING = /^\s*[一二三四五六七八九十]+、/;
/** Any numbered heading line whose title may mark background: 一、 （一） */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])([^。]{0,30})/;
const SENTENCE_END = /[。！？!?\n]/;

/** The deepest section whose range holds `offset`, with its ancestors (outermost first). */
function sectionPath(sections: SectionNode[], offset: number): SectionNode[] {
  const path: SectionNode[] = [];
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.range[0] <= offset && offset < s.range[1]);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/** Extracts the targets of one document; ranges index `doc.text.text`. */
export function extractTargets(doc: DocumentPart, tree: SectionTree, meta: DocumentMetadata, ctx: StageContext): TargetNode[] {
  const text = doc.text.text;
  const planEnd = meta.period?.end ?? null;
  const targets: TargetNode[] = [];
  const tables = readTables(text, { periodStart: meta.period?.start ?? null });
  const sectionAt = (offset: number): SectionNode | null => sectionPath(tree.sections, offset).at(-1) ?? null;
  for (const t of tables.targets) {
    const { text: rowText, ...rest } = t;
    targets.push({ ...rest, text: rowText, year: t.year ?? planEnd, section: sectionAt(t.range[0]), source: 'table' });
  }
  for (const [start] of tables.badRows) {
    const end = text.indexOf('\n', start);
    ctx.report({
      code: 'PLN502', offset: doc.text.origin[start],
      message: 'Unexpected number of cells in indicator-table row, expected as many as the header',
      actual: text.slice(start, end < 0 ? text.length : end),
    });
  }

  let year: number | null = null;
  let background = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i])) continue;
    const end = i < text.length && text[i] !== '\n' ? i + 1 : i;
    const sentenceStart = start;
    start = i + 1;
    const raw = text.slice(sentenceStart, end);
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (tables.tables.some(([a, b]) => sentenceStart >= a && sentenceStart < b)) continue;
    const from = sentenceStart + raw.indexOf(trimmed);
    const path = sectionPath(tree.sections, from);
    if (path.length > 0) {
      background = path.some((s) => BACKGROUND_TITLE.test(s.title));
    } else {
      const heading = HEADING.exec(trimmed);
      if (TOP_HEADING.test(trimmed)) year = null;
      if (heading) background = BACKGROUND_TITLE.test(heading[1]);
    }
    const parse = parseSentence(trimmed, year ?? planEnd);
    // A lead-in that ends in a colon (到2020年，实现以下工作指标：) sets the year for what follows.
    if (parse.years.length > 0 && /[：:]\s*$/.test(trimmed)) year = parse.years[parse.years.length - 1];
    if (background || parse.past) continue;
    for (const t of parse.targets) {
      targets.push({
        section: sectionAt(from), text: trimmed, indicator: t.indicator, comparator: t.comparator, value: t.value,
        valueMax: t.valueMax, unit: t.unit, year: t.year, baseline: t.baseline, source: 'sentence',
        range: [from + t.range[0], from + t.range[1]],
      });
    }
    if (parse.targets.length === 0 && parse.targetLike && /(?:达到|控制在|不低于|不超过|提高到|下降到)/.test(trimmed)) {
      ctx.report({
        code: 'PLN501', offset: doc.text.origin[from],
        message: 'Unexpected target-like sentence without a readable value, expected an indicator, a comparator and a number',
        actual: trimmed,
      });
    }
  }
  return targets;
}
