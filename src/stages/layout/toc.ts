/**
 * Tables of contents: a `目录`/`目次` line followed by its entries, or a run of entries without
 * it. An entry ends in a page number after a leader (dots, `…`, `·`, a run of spaces), or, in a
 * contents list printed without page numbers, is a short heading line that the text repeats
 * later as a heading. The block is taken out of the flow whole, so its entries never become
 * headings.
 */
import type { KindedEdit } from '../../text/edit-pass.js';
import type { PrintedLine } from './lines.js';

const TOC_TITLE = /^(?:目[ \u3000]*录|目[ \u3000]*次|contents)$/i;
// An entry with a dot leader and a page number: `第一章 总体要求……3`, `一、指导思想 .......... 12`.
const DOT_LEADER_ENTRY = /[.．·…・]{2,}[ \u3000]*\d{1,4}$/;
// Under a 目录 line, a heading entry with its page number after spaces: `第二节 重点任务    12`.
const SPACE_LEADER_ENTRY = /[ \u3000]{2,}\d{1,4}$/;
// An entry has words before its page number (a line of numbers only is a table row).
const HAS_WORDS = /[\u3400-\u9fffA-Za-z]/;
/** A run of leader entries without a 目录 line is a contents list from this many entries on. */
const MIN_UNTITLED_ENTRIES = 3;
/** Longest line read as a contents entry (also keeps the leader patterns linear on any input). */
const MAX_ENTRY_LENGTH = 120;
/** Longest entry line without a page number that can be a contents entry. */
const MAX_BARE_ENTRY = 40;
// Heading markers a contents entry starts with.
const HEADING_MARKER = /^(?:第[一二三四五六七八九十百零〇\d]+[篇章节部分]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d+[．.、]|专栏|附件)/;

/** The entry text without its leader and page number, spaces dropped. */
function entryTitle(content: string): string {
  if (content.length > MAX_ENTRY_LENGTH) return content;
  return content.replace(DOT_LEADER_ENTRY, '').replace(SPACE_LEADER_ENTRY, '').replace(/[ \u3000]+/g, '');
}

/**
 * Finds the contents blocks and returns one `toc` edit per block (its lines and line breaks).
 */
export function tocEdits(text: string, lines: readonly PrintedLine[]): KindedEdit[] {
  const edits: KindedEdit[] = [];
  // Later lines, spaces dropped, by how often they occur: a bare entry must be repeated later.
  // Counted when the first 目录 line asks for them: most texts have none.
  let later: Map<string, number> | null = null;
  const occurrences = (): Map<string, number> => {
    if (later) return later;
    later = new Map();
    for (const line of lines) {
      const key = line.content.replace(/[ \u3000]+/g, '');
      if (key.length > 0 && key.length <= MAX_BARE_ENTRY * 2) later.set(key, (later.get(key) ?? 0) + 1);
    }
    return later;
  };
  const isLeaderEntry = (line: PrintedLine, titled: boolean) =>
    line.content.length <= MAX_ENTRY_LENGTH &&
    HAS_WORDS.test(line.content) &&
    (DOT_LEADER_ENTRY.test(line.content) || (titled && SPACE_LEADER_ENTRY.test(line.content) && HEADING_MARKER.test(line.content)));
  const isBareEntry = (line: PrintedLine) => {
    const key = line.content.replace(/[ \u3000]+/g, '');
    return key.length <= MAX_BARE_ENTRY && HEADING_MARKER.test(key) && (occurrences().get(key) ?? 0) >= 2;
  };

  let i = 0;
  while (i < lines.length) {
    const titled = TOC_TITLE.test(lines[i].content);
    if (!titled && !isLeaderEntry(lines[i], false)) {
      i++;
      continue;
    }
    // Extend over entries and blank lines; stop at the first other line.
    let last = titled ? i : -1;
    let entries = 0;
    let j = titled ? i + 1 : i;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.content.length === 0) continue;
      if (isLeaderEntry(line, titled) || (titled && isBareEntry(line) && entryTitle(line.content).length > 0)) {
        last = j;
        entries++;
        continue;
      }
      break;
    }
    if (entries >= (titled ? 1 : MIN_UNTITLED_ENTRIES) && last >= 0) {
      const start = lines[i].start;
      const end = last + 1 < lines.length ? lines[last].end + 1 : lines[last].end;
      edits.push({ start, end, replacement: '', kind: 'toc' });
      i = last + 1;
    } else {
      i = Math.max(i + 1, j);
    }
  }
  return edits;
}
