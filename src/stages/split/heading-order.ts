/**
 * Puts the text of an untangled plan back in the order of its heading numbers. In a scrambled copy
 * the passages of one plan come in any order (`3．` before `1．`, `（五）` before `（二）`), and a
 * heading may stand in the middle of a line (`…。3．加强监测`). The text is cut into blocks — a
 * heading and the text after it up to the next heading — and each block is hung under a parent
 * heading one level up; the blocks are then written out depth first, siblings in the order of
 * their numbers, file order breaking ties. Text before the first heading stays first.
 *
 * A block's parent is found in two passes. First, a heading whose number is free where it stands
 * in the file stays under the heading it follows, unless a nearby heading one level up has
 * that number as a hole and reads clearly closer (shared title words, weighted by how rare they
 * are in the plan, with that heading's title and children). Then the repeats — the pieces the
 * scrambling moved — go to the nearby heading that has their number free and reads
 * closest. Last, a heading that skips a number under its parent moves to a nearby heading whose
 * numbering it continues if it reads clearly closer there. With no such heading a block stays
 * under the heading it follows in the file, so a genuine repeat or gap still shows.
 */
import { concatTexts, sliceText, type MappedText } from '../../text/mapped-text.js';
import { matchMarker, STYLE_RANK } from '../segment/markers.js';
import { bigramAt, firstCodeUnit, secondCodeUnit } from './bigrams.js';
import { codeUnitSet } from '../../text/scan.js';

/** How many recent headings one level up are tried as a parent (bounds the work per heading). */
const PARENT_WINDOW = 64;
/** Longest level-1 title after which a level-2 marker on the same line still starts a heading (`三、防治措施（一）…`), in UTF-16 code units. */
const RUN_ON_TITLE_MAX = 20;
/** Least affinity (summed bigram weights, natural log units) for a heading to leave the parent it continues for a hole elsewhere. */
const HOLE_MIN_AFFINITY = 3;
/** …and how many times the affinity to the parent it continues that must be. */
const HOLE_MIN_RATIO = 2;
/** Longest heading title compared for shared words, in UTF-16 code units. */
const TITLE_MAX = 40;
/** Characters after which a heading may start in the middle of a line (and the line break, after which any may). */
const HEADING_MAY_FOLLOW = codeUnitSet('\n。！？；：');
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
  /** Bigrams of the heading's title (see `titleWords`); empty for the text before the first heading. */
  title: Set<number>;
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
    const atStart = i === from || HEADING_MAY_FOLLOW[text.charCodeAt(i - 1)] === 1;
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

function adopt(parent: Block, child: Block): void {
  parent.children.push(child);
  const ordinal = child.heading!.ordinal;
  parent.used.add(ordinal);
  parent.maxUsed = Math.max(parent.maxUsed, ordinal);
}

/** Takes `child` from `parent`, whose numbering is then that of the children left. */
function release(parent: Block, child: Block): void {
  parent.children.splice(parent.children.indexOf(child), 1);
  parent.used = new Set(parent.children.map((c) => c.heading!.ordinal));
  parent.maxUsed = Math.max(0, ...parent.used);
}

/** Bigrams of a heading's title: `text[start, end)` up to the first sentence end, at most TITLE_MAX code units. */
function titleWords(text: string, start: number, end: number): Set<number> {
  const head = text.slice(start, Math.min(end, start + TITLE_MAX));
  const stop = head.search(/[。；\n]/);
  const length = stop < 0 ? head.length : stop;
  const out = new Set<number>();
  for (let i = 0; i + 1 < length; i++) {
    const bigram = bigramAt(head, i);
    if (bigram >= 0) out.add(bigram);
  }
  return out;
}

/** How much two titles share: the summed weights of their common bigrams. */
function overlap(a: Set<number>, b: Set<number>, weights: Map<number, number>): number {
  let sum = 0;
  for (const x of a) if (b.has(x)) sum += weights.get(x) ?? 0;
  return sum;
}

/**
 * Weight of each title bigram: log(blocks / blocks whose text holds it), so the plan's own topic,
 * named all through its text (`肺结核患者`), says little about which heading an item belongs to.
 */
function titleWeights(text: string, blocks: readonly Block[]): Map<number, number> {
  // Each title bigram's count of blocks, and the last block that counted it (it counts once per block).
  const holding = new Map<number, { count: number; lastBlock: number }>();
  for (const block of blocks) for (const bigram of block.title) holding.set(bigram, { count: 0, lastBlock: -1 });
  // Most pairs of characters are no title bigram: their first or second character alone tells.
  const titleBigrams = [...holding.keys()];
  const firsts = codeUnitSet(titleBigrams.map(firstCodeUnit));
  const seconds = codeUnitSet(titleBigrams.map(secondCodeUnit));
  blocks.forEach((block, k) => {
    for (let i = block.start; i + 1 < block.end; i++) {
      if (firsts[text.charCodeAt(i)] === 0 || seconds[text.charCodeAt(i + 1)] === 0) continue;
      const held = holding.get(bigramAt(text, i));
      if (held === undefined || held.lastBlock === k) continue;
      held.lastBlock = k;
      held.count++;
    }
  });
  const weights = new Map<number, number>();
  for (const [bigram, { count }] of holding) weights.set(bigram, Math.log(blocks.length / count));
  return weights;
}

/** Whether `ordinal` is a hole among the children of `parent`: unused, below its highest number. */
function isHole(parent: Block, ordinal: number): boolean {
  return !parent.used.has(ordinal) && ordinal < parent.maxUsed;
}

/**
 * How well `block` reads as a child of `candidate`: the words its title shares with the
 * candidate's title plus the most it shares with one of the candidate's children so far (siblings
 * echo each other: `1．居民…知晓率达85%以上` beside `2．…减少10%以上`).
 */
function affinity(block: Block, candidate: Block, weights: Map<number, number>): number {
  let bestChild = 0;
  for (const child of candidate.children) {
    if (child !== block) bestChild = Math.max(bestChild, overlap(block.title, child.title, weights));
  }
  return overlap(block.title, candidate.title, weights) + bestChild;
}

/**
 * Among the headings of `peers` near position `near` (before or after it in the file) that
 * `accepts`, the one `block` reads closest to, nearer in the file breaking ties; it must beat
 * `floor`. Null when none does.
 */
function closestParent(
  block: Block,
  peers: readonly Block[],
  near: number,
  accepts: (candidate: Block) => boolean,
  floor: number,
  weights: Map<number, number>,
): Block | null {
  let best: Block | null = null;
  let bestScore = floor;
  let bestDistance = Infinity;
  for (let k = Math.max(0, near - PARENT_WINDOW); k < Math.min(peers.length, near + PARENT_WINDOW); k++) {
    const candidate = peers[k];
    if (!accepts(candidate)) continue;
    const score = affinity(block, candidate, weights);
    const distance = Math.abs(candidate.index - block.index);
    if (score > bestScore || (best !== null && score === bestScore && distance < bestDistance)) {
      [best, bestScore, bestDistance] = [candidate, score, distance];
    }
  }
  return best;
}

/**
 * Hangs each block under its parent (see the module comment); returns the root. Passes: first
 * every heading whose number is free under the heading it follows in the file stays there
 * (unless another nearby heading has that number as a hole and reads clearly closer); then the
 * repeats go where their number is free, now that every parent's numbering is known; then skips
 * may move to a heading they continue.
 */
function buildTree(text: string, blocks: Block[]): Block {
  const root = blocks[0];
  const weights = titleWeights(text, blocks.slice(1));
  // All headings by rank, in file order, to find parents before or after a heading.
  const byRank = new Map<number, Block[]>();
  const position = new Map<Block, number>();
  for (const block of blocks.slice(1)) {
    const peers = byRank.get(block.heading!.rank) ?? [];
    position.set(block, peers.length);
    peers.push(block);
    byRank.set(block.heading!.rank, peers);
  }
  // The parent each heading has in the file's own nesting.
  const fileParents = new Map<Block, Block>();
  const open: Block[] = [];
  for (const block of blocks.slice(1)) {
    while (open.length > 0 && open[open.length - 1].heading!.rank >= block.heading!.rank) open.pop();
    fileParents.set(block, open.length > 0 ? open[open.length - 1] : root);
    open.push(block);
  }

  // Only a clearly closer reading overrides where a heading stands.
  const clearlyCloser = (block: Block, current: Block, accepts: (c: Block) => boolean): Block => {
    const floor = Math.max(HOLE_MIN_AFFINITY, HOLE_MIN_RATIO * affinity(block, current, weights));
    const peers = byRank.get(current.heading!.rank)!;
    const near = position.get(current)!;
    return closestParent(block, peers, near, (c) => c !== current && accepts(c), floor, weights) ?? current;
  };
  const placed = new Map<Block, Block>();
  const moved: Block[] = [];
  for (const block of blocks.slice(1)) {
    const fileParent = fileParents.get(block)!;
    const ordinal = block.heading!.ordinal;
    if (fileParent === root) {
      adopt(root, block);
      placed.set(block, root);
    } else if (fileParent.used.has(ordinal)) moved.push(block);
    else {
      const parent = clearlyCloser(block, fileParent, (c) => isHole(c, ordinal));
      adopt(parent, block);
      placed.set(block, parent);
    }
  }
  for (const block of moved) {
    const fileParent = fileParents.get(block)!;
    const ordinal = block.heading!.ordinal;
    const peers = byRank.get(fileParent.heading!.rank)!;
    const free = (c: Block) => !c.used.has(ordinal);
    const parent = closestParent(block, peers, position.get(fileParent)!, free, 0, weights) ?? fileParent;
    adopt(parent, block);
    placed.set(block, parent);
  }
  // Last, a heading that skips a number where it ended up (`3．` under a heading without `2．`)
  // moves to a nearby heading whose numbering it continues, if it reads clearly closer there.
  for (const block of blocks.slice(1)) {
    const parent = placed.get(block)!;
    const ordinal = block.heading!.ordinal;
    if (parent === root || ordinal === 1 || parent.used.has(ordinal - 1)) continue;
    const continues = (c: Block) => c.used.has(ordinal - 1) && !c.used.has(ordinal);
    const closer = clearlyCloser(block, parent, continues);
    if (closer === parent) continue;
    release(parent, block);
    adopt(closer, block);
    placed.set(block, closer);
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
    title: index === 0 ? new Set<number>() : titleWords(text.text, start, starts[index + 1]),
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
