/**
 * Puts the text of an untangled plan back in the order of its heading numbers. In a scrambled copy
 * the passages of one plan come in any order (`3．` before `1．`, `（五）` before `（二）`), and a
 * heading may stand in the middle of a line (`…。3．加强监测`). The text is cut into blocks — a
 * heading and the text after it up to the next heading — and each block is hung under a parent
 * heading one level up; the blocks are then written out depth first, siblings in the order of
 * their numbers, file order breaking ties. Text before the first heading stays first.
 *
 * A block's parent is, among the recent headings one level up, the most recent one whose numbering
 * the block fits: its number is not yet used there and does not skip past the next free number
 * (it continues the run, or fills a hole in it). When no heading fits, the block stays under the
 * heading it follows in the file, so a genuine repeat or gap still shows.
 */
import { concatTexts, sliceText, type MappedText } from '../../text/mapped-text.js';
import { matchMarker, STYLE_RANK } from '../segment/markers.js';

/** How many recent headings one level up are tried as a parent (bounds the work per heading). */
const PARENT_WINDOW = 64;
/** Longest level-1 title after which a level-2 marker on the same line still starts a heading (`三、防治措施（一）…`), in UTF-16 code units. */
const RUN_ON_TITLE_MAX = 20;
/** Longest heading title compared for shared words, in UTF-16 code units. */
const TITLE_MAX = 40;
/** Characters after which a heading may start in the middle of a line. */
const SENTENCE_ENDS = new Set(['。', '！', '？', '；', '：']);
/** Characters that end a run-on title before any marker. */
const TITLE_STOPS = new Set(['，', '。', '；', '：', '！', '？', '\n']);

/** A heading found in the text: offsets 0-based into the text given to `orderByHeadings`. */
interface Heading {
  start: number;
  /** Nesting depth, 1 = outermost style used (segment's STYLE_RANK). */
  rank: number;
  ordinal: number;
}

interface Block {
  heading: Heading | null;
  start: number;
  end: number;
  /** Position among the blocks in file order. */
  index: number;
  children: Block[];
  /** Ordinals of the children, to test whether a number is free. */
  used: Set<number>;
  maxUsed: number;
}

function lineEndFrom(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** A heading whose marker is at `i`, or null. Boxes (专栏) are left inside the block they stand in. */
function headingAt(text: string, i: number, lineEnd: number): Heading | null {
  const match = matchMarker(text, i, lineEnd);
  if (!match || match.style === 'box' || match.markerStart !== i) return null;
  return { start: i, rank: STYLE_RANK[match.style], ordinal: match.ordinal };
}

/** A heading one level down run on after a short title on the same line (`三、防治措施（一）提高…`). */
function runOnHeading(text: string, title: Heading, titleEnd: number, lineEnd: number): Heading | null {
  const limit = Math.min(lineEnd, titleEnd + RUN_ON_TITLE_MAX);
  for (let j = titleEnd; j < limit; j++) {
    if (TITLE_STOPS.has(text[j])) return null;
    if (text[j] !== '（' && text[j] !== '(') continue;
    const inner = headingAt(text, j, lineEnd);
    return inner && inner.rank === title.rank + 1 ? inner : null;
  }
  return null;
}

/** Headings that start a line or follow a sentence end, from `from` on, in text order. */
function findHeadings(text: string, from: number): Heading[] {
  const headings: Heading[] = [];
  let lineEnd = lineEndFrom(text, from);
  for (let i = from; i < text.length; i++) {
    if (i > lineEnd) lineEnd = lineEndFrom(text, i);
    const atStart = i === from || text[i - 1] === '\n' || SENTENCE_ENDS.has(text[i - 1]);
    if (!atStart) continue;
    const heading = headingAt(text, i, lineEnd);
    if (!heading) continue;
    headings.push(heading);
    const markerEnd = matchMarker(text, i, lineEnd)?.markerEnd ?? i;
    const inner = runOnHeading(text, heading, markerEnd, lineEnd);
    if (inner) {
      headings.push(inner);
      i = inner.start;
    }
  }
  return headings;
}

/** Whether `ordinal` fits the children of `parent`: unused, and not past the next free number. */
function fits(parent: Block, ordinal: number): boolean {
  return !parent.used.has(ordinal) && ordinal <= parent.maxUsed + 1;
}

function adopt(parent: Block, child: Block): void {
  parent.children.push(child);
  const ordinal = child.heading!.ordinal;
  parent.used.add(ordinal);
  parent.maxUsed = Math.max(parent.maxUsed, ordinal);
}

/** Bigrams of CJK ideographs in `text`. */
function bigramSet(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (/[\u4e00-\u9fff]/.test(text[i]) && /[\u4e00-\u9fff]/.test(text[i + 1])) out.add(text.slice(i, i + 2));
  }
  return out;
}

/** A heading's title: its block up to the first sentence end, at most TITLE_MAX code units. */
function titleOf(text: string, block: Block): Set<string> {
  const head = text.slice(block.start, Math.min(block.end, block.start + TITLE_MAX));
  const stop = head.search(/[。；\n]/);
  return bigramSet(stop < 0 ? head : head.slice(0, stop));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * The parent for a heading that does not fit under the heading it follows in the file: among the
 * nearby headings of the parent's rank (before or after it in the file) that have its number free,
 * the one whose title shares most words with its own (an item echoes its parent's topic:
 * `2．狠抓重点，着力控制性传播` under `（二）…有效控制性传播`); without a shared word, the most
 * recent one it fits; else null. A heading that merely skips a number where it stands (`repeat`
 * false) moves only to a parent it fits and shares a word with: the gap may be a lost passage.
 */
function fittingParent(text: string, block: Block, peers: Block[], near: number, repeat: boolean): Block | null {
  const ordinal = block.heading!.ordinal;
  const title = titleOf(text, block);
  let best: Block | null = null;
  let bestShared = 0;
  const from = Math.max(0, near - PARENT_WINDOW);
  const to = Math.min(peers.length, near + PARENT_WINDOW);
  for (let k = from; k < to; k++) {
    const candidate = peers[k];
    if (repeat ? candidate.used.has(ordinal) : !fits(candidate, ordinal)) continue;
    const shared = overlap(title, titleOf(text, candidate));
    if (shared > bestShared) [best, bestShared] = [candidate, shared];
  }
  if (best || !repeat) return best;
  for (let k = Math.min(near, peers.length) - 1; k >= from; k--) if (fits(peers[k], ordinal)) return peers[k];
  return null;
}

/** Hangs each block under its parent (see the module comment); returns the root. */
function buildTree(text: string, blocks: Block[]): Block {
  const root = blocks[0];
  // All headings by rank, in file order, to find parents before or after a heading.
  const byRank = new Map<number, Block[]>();
  for (const block of blocks.slice(1)) {
    const peers = byRank.get(block.heading!.rank) ?? [];
    peers.push(block);
    byRank.set(block.heading!.rank, peers);
  }
  // The stack of the file's own nesting; `seen` counts the headings of each rank passed so far.
  const open: Block[] = [];
  const seen = new Map<number, number>();
  for (const block of blocks.slice(1)) {
    const { rank, ordinal } = block.heading!;
    while (open.length > 0 && open[open.length - 1].heading!.rank >= rank) open.pop();
    const fileParent = open.length > 0 ? open[open.length - 1] : root;
    let parent = fileParent;
    if (fileParent !== root && !fits(fileParent, ordinal)) {
      const parentRank = fileParent.heading!.rank;
      const repeat = fileParent.used.has(ordinal);
      const other = fittingParent(text, block, byRank.get(parentRank)!, seen.get(parentRank) ?? 0, repeat);
      if (other) parent = other;
    }
    adopt(parent, block);
    open.push(block);
    seen.set(rank, (seen.get(rank) ?? 0) + 1);
  }
  return root;
}

/**
 * The text of `text` from `from` on, reordered by its heading numbers (see the module comment);
 * `text[0, from)` (a title, a preamble) stays first. Each heading starts a line: where a heading
 * did not, a line break is inserted, mapped to the heading's source offset. Every other character
 * keeps its origin.
 */
export function orderByHeadings(text: MappedText, from: number): MappedText {
  const headings = findHeadings(text.text, from);
  if (headings.length === 0) return text;
  const starts = [from, ...headings.map((h) => h.start), text.text.length];
  const blocks: Block[] = starts.slice(0, -1).map((start, index) => ({
    heading: index === 0 ? null : headings[index - 1],
    start,
    end: starts[index + 1],
    index,
    children: [],
    used: new Set<number>(),
    maxUsed: 0,
  }));
  const root = buildTree(text.text, blocks);

  const pieces: MappedText[] = [sliceText(text, 0, from)];
  let endsLine = from === 0 || text.text[from - 1] === '\n';
  // Depth first with an explicit stack: 50 000 nested markers must not overflow the call stack.
  const stack: Block[] = [root];
  while (stack.length > 0) {
    const block = stack.pop()!;
    if (block.end > block.start) {
      if (block.heading && !endsLine) {
        const o = text.origin[block.start];
        pieces.push({ text: '\n', origin: Int32Array.of(o, o) });
      }
      pieces.push(sliceText(text, block.start, block.end));
      endsLine = text.text[block.end - 1] === '\n';
    }
    const children = block.children.slice().sort((x, y) => x.heading!.ordinal - y.heading!.ordinal || x.index - y.index);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return concatTexts(pieces);
}
