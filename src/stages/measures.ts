/**
 * measures: the numbered items under a plan's measures/tasks chapters.
 *
 * A measures chapter is a section whose title names measures or tasks (`防治措施`, `策略与措施`,
 * `重点任务`, `主要任务`, `行动措施`, `具体措施`, `工作措施`, `保障措施`, `主要举措`, `重点工作`,
 * `专项行动` …) and that lies in no other measures chapter. `保障措施` counts: its items (strengthen
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

/** Extracts the measures of one document, in reading order. */
export function extractMeasures(doc: DocumentPart, tree: SectionTree, _ctx: StageContext): MeasureNode[] {
  const measures: MeasureNode[] = [];
  // Walk the tree until a measures chapter is met; its subtree is not searched for further chapters.
  const stack: SectionNode[] = [...tree.sections].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.level > 0 && isMeasuresTitle(node.title)) collectLeaves(doc, node, measures);
    else for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return measures;
}
