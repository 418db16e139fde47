/**
 * responsibilities: who leads and who supports, from
 * - bracketed clauses anywhere in the text (`（责任主体：…）`, `（X牵头负责，Y参与）`, `（X负责）`);
 * - labelled lines without brackets (`牵头单位：X；配合单位：Y。`);
 * - `由X牵头，Y配合` in running text;
 * - duty lists: in a duties chapter (`落实部门职责`, `明确职责`, `职责分工` …) a numbered item whose
 *   title is a department (`3.区卫健委。…`) gives one responsibility for the whole item;
 * - duty sentences: in a duties chapter, each sentence that opens with department(s) (`区教育局负责…`);
 *   elsewhere only when every department is in the table and `负责`/`牵头`/`会同` follows.
 * Clauses are found by scanning the text, so the stage works even without a section tree.
 * A department not in the table is reported (PLN601, info) and kept with its raw name.
 */
import type { Department } from '../model/schemas.js';
import type { DocumentPart, MeasureNode, Range, ResponsibilityNode, SectionNode, SectionTree, StageContext } from '../model/stages.js';
import { findClauses, findLabelledLines, findLeadByClauses } from './responsibilities/clause.js';
import type { DepartmentMention } from './responsibilities/department-list.js';
import { parseDutyHeading, parseDutySentence, STRONG_DUTY_VERBS } from './responsibilities/duty.js';
import { deepestSection, measureAt, RangeSet } from './responsibilities/locate.js';

/** Words in a heading title that name a chapter of department duties. */
const DUTY_TITLE = /职责|分工|责任/;

/** A responsibility found, before it is placed in its section and measure. */
interface Found {
  range: Range;
  lead: DepartmentMention[];
  support: DepartmentMention[];
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
    found.push({ range, lead: departments.map((d) => ({ ...d, start: d.start + base })), support: [] });
  }
  return found;
}

/** Sentences of `text` as ranges (ending after `。！？` or before a line break), trimmed. */
function sentences(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const endsAfter = c === '。' || c === '！' || c === '？';
    if (i === text.length || endsAfter || c === '\n') {
      const [s, e] = trimRange(text, from, endsAfter ? i + 1 : i);
      if (e > s) out.push([s, e]);
      from = i + 1;
    }
  }
  return out;
}

/** Duty sentences outside duty-list items and headings. */
function dutySentences(doc: DocumentPart, dutyChapters: RangeSet, skip: RangeSet, headings: RangeSet): Found[] {
  const text = doc.text.text;
  const found: Found[] = [];
  for (const [start, end] of sentences(text)) {
    if (skip.overlaps(start, end) || headings.contains(start, Math.min(end, start + 1))) continue;
    const parties = parseDutySentence(text.slice(start, end));
    if (!parties) continue;
    const inDutyChapter = dutyChapters.contains(start, end);
    if (!inDutyChapter && !(STRONG_DUTY_VERBS.has(parties.verb) && parties.lead.every((d) => d.known && !d.collective))) continue;
    const shift = (list: DepartmentMention[]) => list.map((d) => ({ ...d, start: d.start + start }));
    found.push({ range: [start, end], lead: shift(parties.lead), support: shift(parties.support) });
  }
  return found;
}

/** Extracts the responsibilities of one document, in reading order. */
export function extractResponsibilities(
  doc: DocumentPart,
  tree: SectionTree,
  measures: readonly MeasureNode[],
  ctx: StageContext,
): ResponsibilityNode[] {
  const text = doc.text.text;
  const clauses = [...findClauses(text), ...findLabelledLines(text)];
  const clauseRanges = new RangeSet(clauses.map((c) => c.range));
  const leadBy = findLeadByClauses(text).filter((c) => !clauseRanges.overlaps(c.range[0], c.range[1]));
  const { dutyChapters, headings } = surveyTree(tree);
  const items = dutyListItems(doc, dutyChapters);
  const sentencesFound = dutySentences(
    doc,
    new RangeSet(dutyChapters.map((c) => c.range)),
    new RangeSet(items.map((i) => i.range)),
    new RangeSet(headings),
  );
  const all = [...clauses, ...leadBy, ...items, ...sentencesFound].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);

  const toDepartment = (mention: DepartmentMention): Department => {
    if (!mention.known) {
      ctx.report({
        code: 'PLN601',
        message: 'Unexpected department name, expected one in the department table',
        offset: doc.text.origin[mention.start] ?? 0,
        actual: mention.raw,
      });
    }
    return { name: mention.name, raw: mention.raw };
  };
  return all.map((f) => ({
    section: deepestSection(tree.sections, f.range[0], f.range[1]),
    measure: measureAt(measures, f.range[0], f.range[1]),
    lead: f.lead.map(toDepartment),
    support: f.support.map(toDepartment),
    text: text.slice(f.range[0], f.range[1]),
    range: f.range,
  }));
}
