/** Reads a written list of departments (`区审批局、发展改革委`) into canonical departments with offsets. */
import { canonicalizeDepartment, isDepartmentName, NOT_IN_A_NAME } from '../../model/departments.js';
import { LEAD_MARK } from '../../text/department-cell.js';

/** One department named in a text, with its position in that text. */
export interface DepartmentMention {
  /** Canonical name (see src/model/departments.ts). */
  name: string;
  /** As written (for a sector word that shares a list's `部门` ending: the word alone). */
  raw: string;
  /** The name is in the department table or is a collective body. */
  known: boolean;
  collective: boolean;
  /** The level prefix the name carries or inherited from its list (`区`, `国家` …), or ''. */
  prefix: string;
  /** 0-based offset of `raw` in the string the list was read from. */
  start: number;
  /** Marked in the list as the one leading (`市卫健委（牵头）`); the mark is not part of `raw`. */
  marksLead?: boolean;
}


/** The level prefix carried along a list, so that later names written without one inherit it. */
export interface PrefixState {
  prefix: string;
}

/** How strictly parseDepartmentList reads the items of a list. */
export interface ListOptions {
  /**
   * Accept any short item as a department and skip items that cannot be names (in a labelled list
   * such as `责任主体：…`); otherwise one item that is not a department rejects the whole list.
   */
  lenient?: boolean;
}

/** Items of a list with their offsets, before they are read as departments. */
interface Piece {
  text: string;
  start: number;
}

/** "Etc." endings after which a list names no further department. */
const ETC_ENDINGS = ['等有关部门', '等相关部门', '等部门', '等单位', '等'];
const MAX_LIST_LENGTH = 400;
/**
 * How far a strict list read from the start of `text` can reach: to its first character that no
 * name holds (NOT_IN_A_NAME), or the end. A strict list holding one has an item that is no name:
 * it is refused before it is parted, which spares reading the openings of a sentence past a `，`.
 */
export function strictListReach(text: string): number {
  return NOT_IN_A_NAME.exec(text)?.index ?? text.length;
}

/** Splits `text` at `、` outside brackets, trimming white space, keeping offsets. */
function splitPieces(text: string, base: number): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  const flush = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    pieces.push({ text: text.slice(s, e), start: base + s });
  };
  // A 、 in brackets is inside a name (`各县（市、区）人民政府`).
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (c === '、' && depth === 0) {
      flush(i);
      from = i + 1;
    }
  }
  flush(text.length);
  return pieces;
}

/** Splits `X和Y` / `X及Y` / `X与Y` / `X以及Y` when both sides are departments and the whole is not one. */
function splitConjunction(piece: Piece): Piece[] {
  if (canonicalizeDepartment(piece.text).known) return [piece];
  for (let i = 1; i < piece.text.length - 1; i++) {
    const c = piece.text[i];
    if (c !== '和' && c !== '及' && c !== '与') continue;
    const leftEnd = piece.text[i - 1] === '以' && c === '及' ? i - 1 : i;
    const left = piece.text.slice(0, leftEnd);
    const right = piece.text.slice(i + 1);
    if (isDepartmentName(left) && isDepartmentName(right)) {
      return [{ text: left, start: piece.start }, { text: right, start: piece.start + i + 1 }];
    }
  }
  return [piece];
}

/**
 * A list split by its lead marks (`A（牵头）、B、C`): the marked bodies lead, the others support;
 * null when no body is marked.
 */
export function splitAtLeadMarks(mentions: readonly DepartmentMention[]): { lead: DepartmentMention[]; support: DepartmentMention[] } | null {
  if (!mentions.some((m) => m.marksLead)) return null;
  return { lead: mentions.filter((m) => m.marksLead), support: mentions.filter((m) => !m.marksLead) };
}

/**
 * Reads `text` as a list of departments. Returns null when an item is not a department (unless
 * `lenient`) or the list is empty. Names without a level prefix inherit `state.prefix`; a
 * collective body clears it. Offsets are `base` + the position in `text`.
 */
export function parseDepartmentList(text: string, base: number, state: PrefixState, options: ListOptions = {}): DepartmentMention[] | null {
  if (text.length === 0 || text.length > MAX_LIST_LENGTH) return null;
  if (!options.lenient && strictListReach(text) < text.length) return null;
  const raw = splitPieces(text, base);
  const pieces: Piece[] = [];
  // Sector words sharing the list's `部门` ending (`公安、司法部门`, `民政、财政等部门`).
  let sharedEnding = '';
  for (const piece of raw) {
    let item = piece.text.replace(/^(?:由|和|及|以及)/, '');
    const cut = piece.text.length - item.length;
    if (item.length === 0) return null;
    // `X等市各部门`: X, then the collective body the list closes with.
    const etcAt = item.indexOf('等');
    if (etcAt > 0 && canonicalizeDepartment(item.slice(etcAt + 1)).collective) {
      pieces.push(...splitConjunction({ text: item.slice(0, etcAt), start: piece.start + cut }));
      pieces.push({ text: item.slice(etcAt + 1), start: piece.start + cut + etcAt + 1 });
      continue;
    }
    const etc = ETC_ENDINGS.find((ending) => item.endsWith(ending) && item.length > ending.length);
    if (etc) {
      if (etc.endsWith('部门')) sharedEnding = '部门';
      item = item.slice(0, item.length - etc.length);
    } else if (item.endsWith('部门') && item.length > 2) {
      sharedEnding = '部门';
    }
    pieces.push(...splitConjunction({ text: item, start: piece.start + cut }));
  }
  const mentions: DepartmentMention[] = [];
  for (const piece of pieces) {
    const mark = LEAD_MARK.exec(piece.text);
    const written = mark ? piece.text.slice(0, mark.index) : piece.text;
    let reading = written;
    if (!isDepartmentName(reading) && sharedEnding && isDepartmentName(reading + sharedEnding) && reading.length <= 8) {
      reading += sharedEnding;
    }
    if (!isDepartmentName(reading)) {
      if (!options.lenient) return null;
      // A labelled list keeps the bodies it can read and skips what is no name at all.
      if (reading.length < 2 || reading.length > 40 || /[。！？：:\n\d]/.test(reading)) continue;
    }
    const canonical = canonicalizeDepartment(reading, state.prefix);
    if (canonical.collective) state.prefix = '';
    else if (canonical.prefix) state.prefix = canonical.prefix;
    mentions.push({ name: canonical.name, raw: written, known: canonical.known, collective: canonical.collective, prefix: canonical.prefix, start: piece.start, ...(mark ? { marksLead: true } : {}) });
  }
  return mentions.length > 0 ? mentions : null;
}
