/** segment: nesting heading lines into a tree, repairing and reporting numbering. */
import type { DocumentPart, SectionNode, SectionTree, StageContext } from '../../model/stages.js';
import { MAX_RANK, STYLE_RANK, type HeadingStyle } from './markers.js';
import { trimEnd, trimStart, type HeadingLine } from './scan.js';
import { checkHeading, type RunEntry, type SequenceFinding } from './sequence.js';

/** A numbering run: the siblings of one rank under one parent. */
interface Run {
  last: RunEntry;
  byOrdinal: Map<number, RunEntry>;
}

/** A section being built: its node, nesting rank and the numbering state of its children. */
interface Draft {
  node: SectionNode;
  heading: HeadingLine;
  rank: number;
  /** The style of the run it belongs to: its own, or its siblings' when it was repaired. */
  runStyle: HeadingStyle;
  /** The children of each rank so far, by ordinal, and the last one, for sequence checks. */
  runs: Map<number, Run>;
}

/**
 * Output level of each rank the document uses: its place among the ranks of the headings as
 * nested (repaired headings count at their siblings' rank), outermost 1 — so `第X章 第X节 一、`
 * gives 1–3 and `一、（一）1．（1）` gives 1–4 whatever styles another plan uses. Boxes are 0.
 */
function levelsOfRanks(ranks: Iterable<number>): Map<number, number> {
  const used = [...new Set(ranks)].filter((r) => r > 0).sort((a, b) => a - b);
  return new Map(used.map((rank, i) => [rank, i + 1]));
}

/** Lookups over the heading list that keep the repair check O(log n). */
class HeadingIndex {
  private readonly byStyle = new Map<HeadingStyle, number[]>();
  /** firstBelow[r][i]: the first heading after i of rank below r (boxes excluded), or -1. */
  private readonly firstBelow: Int32Array[] = [];

  constructor(private readonly headings: readonly HeadingLine[]) {
    headings.forEach((h, i) => {
      const list = this.byStyle.get(h.style) ?? [];
      list.push(i);
      this.byStyle.set(h.style, list);
    });
    for (let r = 0; r <= MAX_RANK; r++) {
      const next = new Int32Array(headings.length).fill(-1);
      for (let i = headings.length - 2; i >= 0; i--) {
        const rank = STYLE_RANK[headings[i + 1].style];
        next[i] = headings[i + 1].style !== 'box' && rank < r ? i + 1 : next[i + 1];
      }
      this.firstBelow.push(next);
    }
  }

  /** The first heading of `style` after i, before any heading of rank below `rank`; or null. */
  nextInRun(style: HeadingStyle, i: number, rank: number): HeadingLine | null {
    const list = this.byStyle.get(style) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= list.length) return null;
    const boundary = this.firstBelow[rank][i];
    if (boundary !== -1 && boundary < list[lo]) return null;
    return this.headings[list[lo]];
  }

  /** The heading right after i, or null. */
  after(i: number): HeadingLine | null {
    return this.headings[i + 1] ?? null;
  }
}

/**
 * The open section whose run `h` continues although written in another style (（2） between
 * （一） and （三）), or null. The sibling before must have ordinal − 1 and the one after
 * ordinal + 1; a heading that ends the run (followed by an outer heading or nothing) needs only
 * the one before. A heading that continues a run of its own style is never repaired.
 */
function repairTarget(h: HeadingLine, i: number, stack: readonly Draft[], index: HeadingIndex): Draft | null {
  if (stack.some((d) => d.runStyle === h.style && d.node.ordinal === h.ordinal - 1)) return null;
  for (let k = stack.length - 1; k >= 0; k--) {
    const open = stack[k];
    if (open.runStyle === h.style) return null;
    if (open.heading.style === 'box' || open.node.ordinal + 1 !== h.ordinal) continue;
    const next = index.nextInRun(open.runStyle, i, open.rank);
    if (next) return next.ordinal === h.ordinal + 1 ? open : null;
    const following = index.after(i);
    const endsRun = !following || (following.style !== 'box' && STYLE_RANK[following.style] < open.rank);
    return endsRun ? open : null;
  }
  return null;
}

/** Builds the section tree of `doc` from its heading lines, reporting numbering problems. */
export function buildTree(doc: DocumentPart, headings: readonly HeadingLine[], ctx: StageContext): SectionTree {
  const text = doc.text.text;
  /** Every numbered node with the rank it was nested at; levels are given once all are known. */
  const ranked: Array<[SectionNode, number]> = [];
  const index = new HeadingIndex(headings);
  const roots: SectionNode[] = [];
  const rootRuns = new Map<number, Run>();
  const stack: Draft[] = [];
  let pendingBody: Draft | null = null;

  const report = (code: 'PLN401' | 'PLN402' | 'PLN403' | 'PLN404', h: HeadingLine, message: string) =>
    ctx.report({ code, message, offset: doc.text.origin[h.markerStart], actual: h.marker });
  const endBody = (at: number) => {
    if (!pendingBody) return;
    setText(pendingBody.node, text, pendingBody.heading.bodyStart, at);
    pendingBody = null;
  };
  const close = (draft: Draft, at: number) => {
    if (isSentenceLeaf(draft, text)) asSentence(draft, text);
    draft.node.range[1] = Math.max(trimEnd(text, draft.node.range[0], at), draft.node.headingRange[1]);
  };
  /** The last heading of each rank anywhere so far (numbering may run on across parents). */
  const lastOfRank = new Map<number, RunEntry>();
  const boxStarts = headings.filter((h) => h.style === 'box').map((h) => h.markerStart);
  const reportSequence = (h: HeadingLine, finding: SequenceFinding, what: string) => {
    const problem = finding.code === 'PLN402' ? 'repeated heading number' : 'heading number';
    ctx.report({
      code: finding.code,
      severity: finding.severity,
      message: `Unexpected ${problem} ${h.ordinal} in ${h.marker}, expected ${finding.expected}${what} (${finding.reason})`,
      offset: doc.text.origin[h.markerStart],
      actual: h.marker,
    });
  };
  /** Checks `h` against `runs` (its siblings of `rank`), reports what is out of sequence, and records it. */
  const checkSequence = (h: HeadingLine, runs: Map<number, Run>, rank: number, parentStart: number, what: string) => {
    const run = runs.get(rank);
    const title = text.slice(h.titleStart, h.titleEnd);
    const entry: RunEntry = { ordinal: h.ordinal, at: h.markerStart, title };
    const from = run?.last.at ?? parentStart;
    const finding = checkHeading(text, h, title, run?.last, run?.byOrdinal ?? new Map(), lastOfRank.get(rank), from, boxStarts);
    if (finding) reportSequence(h, finding, what);
    if (run) {
      run.last = entry;
      if (!run.byOrdinal.has(h.ordinal)) run.byOrdinal.set(h.ordinal, entry);
    } else {
      runs.set(rank, { last: entry, byOrdinal: new Map([[h.ordinal, entry]]) });
    }
    lastOfRank.set(rank, entry);
  };
  const boxRuns = new Map<number, Run>();

  headings.forEach((h, i) => {
    endBody(h.lineStart);
    const top = stack[stack.length - 1];
    if (h.style === 'box') {
      // A box belongs to the section it stands in and does not open a level of its own.
      const node = newNode(h, 0, [h.markerStart, h.boxEnd ?? h.lineEnd], text);
      setText(node, text, h.lineEnd, h.boxEnd ?? h.lineEnd);
      (top ? top.node.children : roots).push(node);
      checkSequence(h, boxRuns, 0, 0, ' (专栏 are numbered through the document)');
      return;
    }
    let rank = STYLE_RANK[h.style];
    let runStyle: HeadingStyle = h.style;
    const repaired = repairTarget(h, i, stack, index);
    if (repaired) {
      rank = repaired.rank;
      runStyle = repaired.runStyle;
      report('PLN404', h, `Unexpected numbering style ${h.marker} after ${repaired.node.marker}, expected the style of its siblings; put at their level`);
    }
    while (stack.length > 0 && stack[stack.length - 1].rank >= rank) close(stack.pop()!, h.lineStart);
    const parent = stack[stack.length - 1];
    checkSequence(h, parent ? parent.runs : rootRuns, rank, parent ? parent.heading.markerStart : 0, '');
    if (parent && skippedLevels(parent.rank, rank) >= 2) {
      report('PLN403', h, `Unexpected heading ${h.marker} directly under ${parent.node.marker}, expected a heading of the levels between them`);
    }
    const node = newNode(h, 0, [h.markerStart, h.lineEnd], text);
    ranked.push([node, rank]);
    (parent ? parent.node.children : roots).push(node);
    const draft: Draft = { node, heading: h, rank, runStyle, runs: new Map() };
    stack.push(draft);
    pendingBody = draft;
  });
  endBody(text.length);
  while (stack.length > 0) close(stack.pop()!, text.length);
  const levels = levelsOfRanks(ranked.map(([, rank]) => rank));
  for (const [node, rank] of ranked) node.level = levels.get(rank)!;

  const first = headings[0];
  const preambleEnd = first ? trimEnd(text, 0, first.lineStart) : text.length;
  return { sections: roots, preambleRange: [0, preambleEnd] };
}

/**
 * A leaf whose whole line is one multi-clause sentence ended by `。` (`2．将…纳入年度目标管理，
 * 落实职责分工。`) is a numbered statement, not a titled section: a title with a `，` and no
 * body or children under it.
 */
function isSentenceLeaf(draft: Draft, text: string): boolean {
  const { node, heading } = draft;
  return (
    !heading.sentence &&
    node.children.length === 0 &&
    node.text === '' &&
    text[heading.titleEnd] === '。' &&
    node.title.includes('，')
  );
}

/** Turns a titled node into a numbered sentence: label = first clause, body = the whole sentence. */
function asSentence(draft: Draft, text: string): void {
  const { node, heading } = draft;
  node.headingRange = [heading.markerStart, heading.markerEnd];
  node.title = node.title.slice(0, node.title.indexOf('，'));
  setText(node, text, heading.titleStart, Math.max(node.textRange[1], heading.titleEnd + 1));
}

/**
 * Levels skipped between a parent and a child of the given ranks. 第X节 is optional in
 * chapter plans, so skipping it does not count. 1． directly under 一、 (one level skipped) is
 * common and accepted; two or more skipped levels (（1） under 一、) are reported.
 */
function skippedLevels(parentRank: number, childRank: number): number {
  let skipped = 0;
  for (let r = parentRank + 1; r < childRank; r++) if (r !== STYLE_RANK.section) skipped++;
  return skipped;
}

/** A node for heading `h` with its heading range set; body and range end are filled later. */
function newNode(h: HeadingLine, level: number, range: [number, number], text: string): SectionNode {
  const headingEnd = h.sentence ? h.markerEnd : h.titleEnd;
  return {
    level,
    marker: h.marker,
    ordinal: h.ordinal,
    title: text.slice(h.titleStart, h.titleEnd),
    range,
    headingRange: [h.markerStart, Math.max(headingEnd, h.markerEnd)],
    text: '',
    textRange: [h.bodyStart, h.bodyStart],
    children: [],
  };
}

/** Sets a node's body `[start, end)`, trimmed. */
function setText(node: SectionNode, text: string, start: number, end: number): void {
  const s = trimStart(text, start, Math.max(start, end));
  const e = Math.max(s, trimEnd(text, s, end));
  node.textRange = [s, e];
  node.text = text.slice(s, e);
}
