/**
 * responsibilities: who leads and who supports, from
 * - bracketed clauses anywhere in the text (`（责任主体：…）`, `（X牵头负责，Y参与）`, `（X负责）`);
 * - labelled lines without brackets (`牵头单位：X；配合单位：Y。`);
 * - `由X牵头，Y配合` in running text;
 * - duty lists: in a duties chapter (`落实部门职责`, `明确职责`, `职责分工` …) a numbered item whose
 *   title is a department (`3.区卫健委。…`) gives one responsibility for the whole item;
 * - duty sentences: in a duties chapter, each sentence that opens with department(s) (`区教育局负责…`);
 *   elsewhere only when every department is in the table and `负责`/`牵头`/`会同` follows.
 * - duty tables (responsibilities/table.ts): one responsibility per row, the department cell as lead.
 * Clauses are found by scanning the text, so the stage works even without a section tree. No
 * table row is read as a duty sentence, and the rows of a duty table give no clause either.
 * A department not in the table is reported (PLN601, info; once per name in a document) and kept
 * with its raw name. Each department gets a level: its prefix's, else the document's own level
 * (a national plan's `药监局` is `国家药监局`).
 */
import { levelOfPrefix, type DocumentLevel } from '../model/admin-level.js';
import { canonicalizeDepartment, NATIONAL_PREFIX } from '../model/departments.js';
import type { Department } from '../model/schemas.js';
import type { DocumentPart, MeasureNode, Range, ResponsibilityNode, SectionNode, SectionTree, StageContext, TableNode } from '../model/stages.js';
import { findClauses, findLabelledLines, findLeadByClauses, findSentenceClauses } from './responsibilities/clause.js';
import type { DepartmentMention } from './responsibilities/department-list.js';
import { mayBeStrongDuty, parseDutyHeading, parseDutySentence, STRONG_DUTY_VERBS } from './responsibilities/duty.js';
import { deepestSection, measureAt, RangeSet } from './responsibilities/locate.js';
import { readDutyTable } from './responsibilities/table.js';
import { findTables } from './tables.js';
import { nextOf } from '../text/scan.js';

/** Words in a heading title that name a chapter of department duties. */
const DUTY_TITLE = /职责|分工|责任/;

/** A responsibility found, before it is placed in its section and measure. */
interface Found {
  range: Range;
  lead: DepartmentMention[];
  support: DepartmentMention[];
  form: ResponsibilityNode['form'];
}

function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** The duties chapters (outermost only) and every heading range of the tree. */
function surveyTree(tree: SectionTree): { dutyChapters: SectionNode[]; headings: Range[] } {
  const dutyChapters: SectionNode[] = [];
  const headings: Range[] = [];
  const stack: { node: SectionNode; inDuty: boolean }[] = tree.sections.map((node) => ({ node, inDuty: false }));
  while (stack.length > 0) {
    const { node, inDuty } = stack.pop()!;
    headings.push(node.headingRange);
    const starts = !inDuty && node.level > 0 && DUTY_TITLE.test(node.title);
    if (starts) dutyChapters.push(node);
    for (const child of node.children) stack.push({ node: child, inDuty: inDuty || starts });
  }
  return { dutyChapters, headings };
}

/** Duty-list items under the duties chapters: numbered items whose title is a department. */
function dutyListItems(doc: DocumentPart, chapters: readonly SectionNode[]): Found[] {
  const text = doc.text.text;
  const found: Found[] = [];
  const stack: SectionNode[] = chapters.flatMap((chapter) => chapter.children);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const departments = node.level > 0 ? parseDutyHeading(node.title) : null;
    if (!departments) {
      stack.push(...node.children);
      continue;
    }
    const titleAt = text.indexOf(node.title, node.headingRange[0]);
    const base = titleAt >= 0 && titleAt < node.headingRange[1] ? titleAt : node.headingRange[0];
    const range = trimRange(text, node.range[0], node.range[1]);
    found.push({ range, lead: departments.map((d) => ({ ...d, start: d.start + base })), support: [], form: 'list' });
  }
  return found;
}

/** Where a sentence ends: after `。！？`, or before a line break. */
const SENTENCE_END = /[。！？\n]/g;

/** Sentences of `text` as ranges (ending after `。！？` or before a line break), trimmed. */
function sentences(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (let i = -1; i < text.length;) {
    i = nextOf(text, i + 1, SENTENCE_END);
    const endsAfter = i < text.length && text[i] !== '\n';
    const [s, e] = trimRange(text, from, endsAfter ? i + 1 : i);
    if (e > s) out.push([s, e]);
    from = i + 1;
  }
  return out;
}

/** Duty sentences outside the ranges of `skip` (duty-list items, tables) and headings. */
function dutySentences(doc: DocumentPart, dutyChapters: RangeSet, skip: readonly RangeSet[], headings: RangeSet): Found[] {
  const text = doc.text.text;
  const found: Found[] = [];
  for (const [start, end] of sentences(text)) {
    if (skip.some((set) => set.overlaps(start, end)) || headings.contains(start, Math.min(end, start + 1))) continue;
    const sentence = text.slice(start, end);
    const inDutyChapter = dutyChapters.contains(start, end);
    // Outside a duties chapter only a strong verb makes a duty: most sentences have none to read.
    if (!inDutyChapter && !mayBeStrongDuty(sentence)) continue;
    const parties = parseDutySentence(sentence);
    if (!parties) continue;
    if (!inDutyChapter && !(STRONG_DUTY_VERBS.has(parties.verb) && parties.lead.every((d) => d.known && !d.collective))) continue;
    const shift = (list: DepartmentMention[]) => list.map((d) => ({ ...d, start: d.start + start }));
    found.push({ range: [start, end], lead: shift(parties.lead), support: shift(parties.support), form: 'sentence' });
  }
  return found;
}

/**
 * A mention as a department of a document of level `doc`: a body of the table written without a
 * prefix is the document's own (in a national plan, the central body of that name).
 */
function placeMention(mention: DepartmentMention, doc: DocumentLevel): Department {
  if (mention.prefix !== '' || !mention.known || mention.collective) {
    return { name: mention.name, raw: mention.raw, level: levelOfPrefix(mention.prefix, doc) };
  }
  const name = doc.level === 'national' ? canonicalizeDepartment(mention.name, NATIONAL_PREFIX).name : mention.name;
  return { name, raw: mention.raw, level: doc.level };
}

/**
 * Extracts the responsibilities of one document, in reading order. `tables` are the document's
 * tables (the tables stage): duty tables give one responsibility per row. `level` is the level
 * the document's metadata says (see documentLevel).
 */
export function extractResponsibilities(
  doc: DocumentPart,
  tree: SectionTree,
  measures: readonly MeasureNode[],
  ctx: StageContext,
  tables: readonly TableNode[] = findTables(doc.text.text),
  level: DocumentLevel = { level: null, municipal: false },
): ResponsibilityNode[] {
  const text = doc.text.text;
  const dutyTables = tables.flatMap((t) => {
    const rows = readDutyTable(t);
    return rows ? [{ table: t, rows }] : [];
  });
  const dutyTableRanges = new RangeSet(dutyTables.map((d) => d.table.range));
  const tableRows: Found[] = dutyTables.flatMap((d) => d.rows.map((r) => ({ ...r, form: 'table' as const })));
  // A clause inside a duty table's row is read with its row, not a second time.
  const outsideDutyTables = (c: { range: Range }) => !dutyTableRanges.overlaps(c.range[0], c.range[1]);
  const clauses: Found[] = [...findClauses(text), ...findLabelledLines(text)].filter(outsideDutyTables).map((c) => ({ ...c, form: 'clause' }));
  const clauseRanges = new RangeSet(clauses.map((c) => c.range));
  const leadBy: Found[] = findLeadByClauses(text)
    .filter((c) => !clauseRanges.overlaps(c.range[0], c.range[1]) && outsideDutyTables(c))
    .map((c) => ({ ...c, form: 'clause' }));
  const { dutyChapters, headings } = surveyTree(tree);
  const items = dutyListItems(doc, dutyChapters);
  const sentencesFound = dutySentences(
    doc,
    new RangeSet(dutyChapters.map((c) => c.range)),
    [new RangeSet(items.map((i) => i.range)), new RangeSet(tables.map((t) => t.range))],
    new RangeSet(headings),
  );
  // A sentence that is only a clause (`A、B按职责分工负责。`), where nothing above read it.
  const readAlready = [clauseRanges, ...[leadBy, items, sentencesFound].map((found) => new RangeSet(found.map((f) => f.range)))];
  const written: Found[] = findSentenceClauses(text)
    .filter((c) => outsideDutyTables(c) && !readAlready.some((ranges) => ranges.overlaps(c.range[0], c.range[1])))
    .map((c) => ({ ...c, form: 'clause' }));
  const all = [...clauses, ...leadBy, ...written, ...items, ...sentencesFound, ...tableRows].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);

  const reported = new Set<string>();
  const toDepartment = (mention: DepartmentMention): Department => {
    if (!mention.known && !reported.has(mention.raw)) {
      reported.add(mention.raw);
      ctx.report({
        code: 'PLN601',
        message: 'Unexpected department name, expected one in the department table',
        offset: doc.text.origin[mention.start] ?? 0,
        actual: mention.raw,
      });
    }
    return placeMention(mention, level);
  };
  return all.map((f) => ({
    section: deepestSection(tree.sections, f.range[0], f.range[1]),
    measure: measureAt(measures, f.range[0], f.range[1]),
    lead: f.lead.map(toDepartment),
    support: f.support.map(toDepartment),
    form: f.form,
    text: text.slice(f.range[0], f.range[1]),
    range: f.range,
  }));
}
