/**
 * measures: the numbered items under a plan's measures/tasks chapters.
 *
 * A measures chapter is a section whose title names measures or tasks (`防治措施`, `策略与措施`,
 * `重点任务`, `主要任务`, `行动措施`, `具体措施`, `工作措施`, `保障措施`, `主要举措`, `重点工作`,
 * `专项行动` …), or in a plan of 第X章 chapters a chapter on a task area (see isMeasuresChapter), and
 * that lies in no other measures chapter. `保障措施` counts: its items (strengthen
 * leadership, secure funding, supervise) are commitments that plans assign to departments with the
 * same responsibility clauses as their tasks. Titles that name goals (`行动目标`, `目标任务`) do not.
 *
 * One measure per concrete item: the deepest numbered items of the chapter's subtree. When
 * `（一）完善服务体系` has children `1．2．3．`, those are the measures and `（一）` is their section;
 * a `（一）` without children is itself a measure. An item with children whose own text (before its
 * first child) is not empty (`3．开展人群健康干预。针对…（责任主体：…）` over `（1）（2）（3）`) is a
 * measure too, its range ending where its first child starts, so measures never overlap.
 * 专栏 boxes (level 0) are illustrations, not items, and are left out of the text of the item they sit in.
 */
import type { DocumentPart, MeasureNode, SectionNode, SectionTree, StageContext } from '../model/stages.js';

/** Words in a chapter title that name measures or tasks. */
const MEASURE_WORDS = /措施|任务|举措|行动|重点工作|主要工作|工作重点/;
/** Compounds that name goals, removed before looking for MEASURE_WORDS. */
const GOAL_COMPOUNDS = /目标任务|任务目标|行动目标|行动计划|任务指标/g;

/** Whether a heading title names a measures/tasks chapter. */
export function isMeasuresTitle(title: string): boolean {
  return MEASURE_WORDS.test(title.replace(GOAL_COMPOUNDS, ''));
}

/** Numbered children (专栏 boxes left out). */
function numberedChildren(section: SectionNode): SectionNode[] {
  return section.children.filter((child) => child.level > 0);
}

/** The range without the white space at its ends. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** The measure of `item`, covering `[item start, end)`. */
function toMeasure(doc: DocumentPart, item: SectionNode, parent: SectionNode, end: number): MeasureNode {
  const text = doc.text.text;
  const range = trimRange(text, item.range[0], end);
  // The item's text: everything after its marker (its title and body, children included).
  const [headStart] = trimRange(text, item.headingRange[0], item.headingRange[1]);
  const afterMarker = text.startsWith(item.marker, headStart) ? headStart + item.marker.length : headStart;
  const [textStart, textEnd] = trimRange(text, Math.max(afterMarker, range[0]), range[1]);
  return { section: parent, title: item.title.trim(), text: text.slice(textStart, textEnd), range };
}

/** Collects the deepest numbered items under `section`, in reading order. Iterative: trees may be deep. */
function collectLeaves(doc: DocumentPart, chapter: SectionNode, into: MeasureNode[]): void {
  const stack: { node: SectionNode; parent: SectionNode }[] = numberedChildren(chapter)
    .reverse()
    .map((node) => ({ node, parent: chapter }));
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    const children = numberedChildren(node);
    if (children.length === 0) {
      // A box inside the item is left out of its text.
      into.push(toMeasure(doc, node, parent, node.children[0]?.range[0] ?? node.range[1]));
      continue;
    }
    if (node.text.trim() !== '') into.push(toMeasure(doc, node, parent, Math.min(node.textRange[1], children[0].range[0])));
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], parent: node });
  }
}

/** A 第X章 chapter marker (第X篇 and 第X部分 parts group chapters; their chapters are judged one by one). */
const CHAPTER_MARKER = /^第.{1,6}章$/;
/**
 * Chapter titles that are no task area in a plan built of 第X章 chapters: background (发展基础,
 * 面临形势, 机遇与挑战), general requirements and goals (总体要求, 指导思想, 发展目标), and the
 * closing chapters on carrying out and evaluating the plan (组织实施, 监测评估, 附则).
 */
const NOT_TASKS = /现状|基础|形势|回顾|成就|成效|背景|机遇|挑战|总体要求|要求|指导思想|原则|思路|目标|愿景|意义|组织实施|规划实施|实施步骤|监测|评估|考核|附则/;

/**
 * Whether a section names a measures chapter. A plan built of 第X章 chapters (national and
 * provincial five-year plans) names its task chapters by their subject (`第三章 提升疾病预防控制
 * 能力`), not by 任务: there every chapter is a task area unless its title says it is background,
 * requirements, goals or the plan's implementation; a chapter on safeguards (实施保障) counts, as
 * 保障措施 does.
 */
function isMeasuresChapter(node: SectionNode): boolean {
  if (isMeasuresTitle(node.title)) return true;
  if (!CHAPTER_MARKER.test(node.marker)) return false;
  return /保障/.test(node.title) || !NOT_TASKS.test(node.title);
}

/** Extracts the measures of one document, in reading order. */
export function extractMeasures(doc: DocumentPart, tree: SectionTree, _ctx: StageContext): MeasureNode[] {
  const measures: MeasureNode[] = [];
  // Walk the tree until a measures chapter is met; its subtree is not searched for further chapters.
  const stack: SectionNode[] = [...tree.sections].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.level > 0 && isMeasuresChapter(node)) collectLeaves(doc, node, measures);
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return measures;
}
