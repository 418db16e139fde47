/**
 * Responsibility clauses: `（责任主体：A、B，C）`, `（牵头单位：A；配合单位：B）`, the same labels
 * without brackets at the start of a line or after a sentence (`牵头单位：A；配合单位：B。`),
 * `（A牵头负责，B、C参与）`, `（A、B分别负责）`, `（A负责）`, `（A会同B负责）`, and the running-text
 * form `由A牵头，B配合`.
 */
import { nextOf } from '../../text/scan.js';
import { parseDepartmentList, splitAtLeadMarks, type DepartmentMention, type PrefixState } from './department-list.js';

/** Who leads and who supports, as read from one clause; offsets are into the string parsed. */
export interface ClauseParties {
  lead: DepartmentMention[];
  support: DepartmentMention[];
}

/** A clause found in a text: its range `[start, end)` (with the brackets) and its parties. */
export interface FoundClause extends ClauseParties {
  range: [number, number];
}

const LEAD_LABELS = ['责任主体', '责任单位', '责任部门', '负责单位', '负责部门', '牵头单位', '牵头部门', '主责单位', '主责部门', '主办单位', '实施主体', '实施单位', '主要责任单位'];
const SUPPORT_LABELS = ['配合单位', '配合部门', '参与单位', '参与部门', '协办单位', '协助单位', '协同单位', '支持单位', '协作单位', '参加单位'];
const LABEL_PATTERN = new RegExp(`(${[...LEAD_LABELS, ...SUPPORT_LABELS].join('|')})\\s*[：:]`, 'g');

/** Verbs that end a segment and give its role, longest first. */
const LEAD_VERBS = ['为牵头单位', '为责任单位', '牵头负责', '负责落实', '牵头', '主责', '负责', '承担', '主办', '落实'];
/** Labels that name the one leading: a lead-labelled list after them (`牵头单位：A；责任单位：B`) supports. */
const HEAD_LABELS = new Set(['牵头单位', '牵头部门']);
const SUPPORT_VERBS = ['为配合单位', '为参与单位', '共同参与', '参与', '配合', '协助', '协办', '参加', '协同', '支持'];
/** Words between a list and its verb that say nothing about the role. */
const MODIFIERS = ['按照职责分工', '按职责分工', '按照职责', '按职责', '按职能分工', '按职能', '分别', '共同', '具体', '等有关部门', '等相关部门', '等部门', '等单位', '等'];
const MAX_CLAUSE_LENGTH = 300;

/** Strips a role verb and the modifiers before it from the end of `segment`. */
function stripRole(segment: string): { body: string; role: 'lead' | 'support' | null; headsUp: boolean } {
  const lead = LEAD_VERBS.find((v) => segment.endsWith(v));
  const support = lead ? undefined : SUPPORT_VERBS.find((v) => segment.endsWith(v));
  const verb = lead ?? support;
  if (!verb) return { body: segment, role: null, headsUp: false };
  let body = segment.slice(0, segment.length - verb.length);
  // Bounded: each pass removes at least one character.
  for (let pass = 0; pass < 4; pass++) {
    const modifier = MODIFIERS.find((m) => body.endsWith(m) && body.length > m.length);
    if (!modifier) break;
    body = body.slice(0, body.length - modifier.length);
  }
  return { body, role: lead ? 'lead' : 'support', headsUp: verb.startsWith('牵头') || verb === '为牵头单位' };
}

/** Whether the code unit parts a verbal clause's segments: ，,；; (the last segment follows the last of them). */
function isSegmentBreak(code: number): boolean {
  return code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b;
}

/** Segments of a clause at `，`/`；`, with offsets. */
function segments(content: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (let i = 0; i <= content.length; i++) {
    if (i === content.length || isSegmentBreak(content.charCodeAt(i))) {
      out.push({ text: content.slice(from, i), start: from });
      from = i + 1;
    }
  }
  return out;
}

/**
 * `（责任主体：…）`, `（牵头单位：…；配合单位：…）`: every listed body is a party, whatever its ending.
 * A verb inside the list (`责任单位：A牵头，B配合`) overrides the label's role; the list ends
 * at another, unknown label (`；完成时限：2025年`).
 */
function parseLabelled(content: string): ClauseParties | null {
  const labels = [...content.matchAll(LABEL_PATTERN)];
  if (labels.length === 0 || content.slice(0, labels[0].index).trim() !== '') return null;
  const parties: ClauseParties = { lead: [], support: [] };
  const state: PrefixState = { prefix: '' };
  let headed = false;
  labels.forEach((label, k) => {
    const from = label.index + label[0].length;
    const to = k + 1 < labels.length ? labels[k + 1].index : content.length;
    const labelRole = LEAD_LABELS.includes(label[1]) && !headed ? 'lead' : 'support';
    for (const segment of segments(content.slice(from, to))) {
      if (/[：:]/.test(segment.text)) break;
      const text = segment.text.trim();
      if (text === '') continue;
      const { body, role } = stripRole(text);
      const start = from + segment.start + (segment.text.length - segment.text.trimStart().length);
      const mentions = parseDepartmentList(body, start, state, { lenient: true });
      if (!mentions) continue;
      // `A（牵头）、B、C`: the marked body leads the list, the others support.
      const marked = splitAtLeadMarks(mentions);
      if (marked) {
        parties.lead.push(...marked.lead);
        parties.support.push(...marked.support);
      } else ((role ?? labelRole) === 'lead' ? parties.lead : parties.support).push(...mentions);
    }
    if (HEAD_LABELS.has(label[1]) && parties.lead.length > 0) headed = true;
  });
  return parties.lead.length + parties.support.length > 0 ? parties : null;
}

/** `（A牵头负责，B参与）`, `（A、B分别负责）`, `（A会同B负责）`: every segment must name departments only. */
function parseVerbal(content: string): ClauseParties | null {
  // The clause ends in its role verb (`…负责`): segments before the last take the role of a verb after them.
  let lastBreak = content.length - 1;
  while (lastBreak >= 0 && !isSegmentBreak(content.charCodeAt(lastBreak))) lastBreak--;
  if (stripRole(content.slice(lastBreak + 1).trim()).role === null) return null;
  const parties: ClauseParties = { lead: [], support: [] };
  const state: PrefixState = { prefix: '' };
  let someoneHeads = false;
  // Segments without a verb (`A，B负责`) take the role of the next verb.
  let pending: DepartmentMention[] = [];
  for (const segment of segments(content)) {
    const text = segment.text.trim();
    if (text === '') return null;
    const { body, role, headsUp } = stripRole(text);
    const start = segment.start + (segment.text.length - segment.text.trimStart().length);
    const together = body.indexOf('会同');
    let mentions: DepartmentMention[] | null;
    let partners: DepartmentMention[] = [];
    if (together > 0) {
      mentions = parseDepartmentList(body.slice(0, together), start, state);
      const rest = parseDepartmentList(body.slice(together + 2), start + together + 2, state);
      if (!rest) return null;
      partners = rest;
    } else {
      mentions = parseDepartmentList(body, start, state);
    }
    if (!mentions) return null;
    if (role === null) {
      pending.push(...mentions);
      continue;
    }
    const all = [...pending, ...mentions];
    pending = [];
    // After a `牵头` segment, a later `负责` segment names partners, not further leads.
    if (role === 'lead' && (!someoneHeads || headsUp)) parties.lead.push(...all);
    else parties.support.push(...all);
    parties.support.push(...partners);
    if (headsUp) someoneHeads = true;
  }
  if (pending.length > 0) return null;
  return parties.lead.length + parties.support.length > 0 ? parties : null;
}

/**
 * Parses the inside of a bracketed clause (without the brackets). Returns null when the text is
 * not a responsibility clause. Offsets in the result are into `content`.
 */
export function parseClause(content: string): ClauseParties | null {
  if (content.length === 0 || content.length > MAX_CLAUSE_LENGTH) return null;
  return parseLabelled(content) ?? parseVerbal(content);
}

/** The brackets a clause opens and closes with, full-width or ASCII. */
const BRACKETS = /[（(）)]/g;

/**
 * Finds every bracketed responsibility clause in `text` (full-width or ASCII brackets, no nesting,
 * at most 300 code units inside). One pass over the text.
 */
export function findClauses(text: string): FoundClause[] {
  const found: FoundClause[] = [];
  let open = -1;
  for (let i = nextOf(text, 0, BRACKETS); i < text.length; i = nextOf(text, i + 1, BRACKETS)) {
    const c = text[i];
    if (c === '（' || c === '(') open = i;
    else if ((c === '）' || c === ')') && open >= 0) {
      if (i - open - 1 <= MAX_CLAUSE_LENGTH) {
        const parties = parseClause(text.slice(open + 1, i));
        if (parties) found.push({ range: [open, i + 1], lead: shift(parties.lead, open + 1), support: shift(parties.support, open + 1) });
      }
      open = -1;
    }
  }
  return found;
}

/**
 * Finds labelled clauses written without brackets: a label (`牵头单位：`, `责任单位：` …) at the
 * start of a line or right after a sentence's `。`, read to the end of that sentence or line. A
 * line of supporting units right under a line of leading ones (`牵头单位：X` over `配合单位：Y`,
 * blank lines between them at most, as print spaces paragraphs) is the same clause: one
 * responsibility, X leading and Y supporting.
 */
export function findLabelledLines(text: string): FoundClause[] {
  const found: FoundClause[] = [];
  for (const label of text.matchAll(LABEL_PATTERN)) {
    const at = label.index;
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\u3000' || text[before] === '\t')) before--;
    if (before >= 0 && text[before] !== '\n' && text[before] !== '。') continue;
    // Labels after the first belong to the clause the first one opened.
    if (found.length > 0 && at < found[found.length - 1].range[1]) continue;
    const stop = text.slice(at, at + MAX_CLAUSE_LENGTH).search(/[。\n]/);
    const end = stop < 0 ? Math.min(text.length, at + MAX_CLAUSE_LENGTH) : at + stop;
    const parties = parseLabelled(text.slice(at, end));
    if (!parties) continue;
    const close = text[end] === '。' ? end + 1 : end;
    const previous = found[found.length - 1];
    if (previous && parties.lead.length === 0 && previous.support.length === 0 && previous.lead.length > 0 && /^[ \u3000\t]*\n[ \u3000\t\n]*$/.test(text.slice(previous.range[1], at))) {
      previous.range[1] = close;
      previous.support = shift(parties.support, at);
      continue;
    }
    found.push({ range: [at, close], lead: shift(parties.lead, at), support: shift(parties.support, at) });
  }
  return found;
}

function shift(mentions: DepartmentMention[], by: number): DepartmentMention[] {
  return mentions.map((m) => ({ ...m, start: m.start + by }));
}

/** What ends a written-out clause: its full stop or the line. */
const STOP_OR_LINE_END = /[。\n]/g;

/**
 * Finds the sentences that are a responsibility clause written out, without brackets: departments
 * and a role verb and nothing else (`市卫生健康委、市医保局按职责分工负责。`, `各县（市、区）人民政府负责落实。`),
 * each at a line's start or after a `。`. Every segment must name departments only, as in a
 * bracketed clause (parseVerbal). The range holds the sentence and its `。`.
 */
export function findSentenceClauses(text: string): FoundClause[] {
  const found: FoundClause[] = [];
  let start = 0;
  for (let i = -1; i < text.length;) {
    i = nextOf(text, i + 1, STOP_OR_LINE_END);
    const from = start;
    start = i + 1;
    const content = text.slice(from, i);
    const body = content.trim();
    if (body.length < 4 || body.length > MAX_CLAUSE_LENGTH) continue;
    const parties = parseVerbal(body);
    if (!parties) continue;
    const at = from + content.indexOf(body);
    found.push({ range: [at, text[i] === '。' ? i + 1 : i], lead: shift(parties.lead, at), support: shift(parties.support, at) });
  }
  return found;
}

/** Characters that end the sentence a running-text clause stands in. */
const SENTENCE_END = /[。！？；;\n]/;
const MAX_LEAD_SPAN = 60;

/**
 * Finds `由A牵头（负责），B配合（参与）` in running text: A leads, B (from the next segment, when it
 * names departments before a support verb) supports. The range is that of the words from `由` to
 * the last verb read.
 */
export function findLeadByClauses(text: string): FoundClause[] {
  const found: FoundClause[] = [];
  for (let i = text.indexOf('由'); i >= 0; i = text.indexOf('由', i + 1)) {
    const window = text.slice(i + 1, i + 1 + MAX_LEAD_SPAN + 4);
    const stop = window.search(SENTENCE_END);
    const head = stop >= 0 ? window.slice(0, stop) : window;
    const verbAt = firstOf(head, ['牵头', '负责']);
    if (verbAt === null || verbAt.index < 2) continue;
    const state: PrefixState = { prefix: '' };
    const lead = parseDepartmentList(head.slice(0, verbAt.index), i + 1, state);
    if (!lead) continue;
    let end = i + 1 + verbAt.index + verbAt.word.length;
    if (text.startsWith('负责', end)) end += 2;
    let support: DepartmentMention[] = [];
    if (text[end] === '，' || text[end] === ',') {
      const next = text.slice(end + 1, end + 1 + MAX_LEAD_SPAN);
      const nextStop = next.search(/[，,。！？；;\n]/);
      const segment = nextStop >= 0 ? next.slice(0, nextStop) : next;
      const supportAt = firstOf(segment, ['共同参与', '配合', '参与', '参加', '协助', '协同']);
      if (supportAt) {
        let body = segment.slice(0, supportAt.index);
        for (const m of MODIFIERS) if (body.endsWith(m) && body.length > m.length) body = body.slice(0, body.length - m.length);
        const partners = parseDepartmentList(body, end + 1, state);
        if (partners) {
          support = partners;
          end = end + 1 + supportAt.index + supportAt.word.length;
        }
      }
    }
    found.push({ range: [i, end], lead, support });
  }
  return found;
}

/** The earliest occurrence in `text` of any of `words`. */
function firstOf(text: string, words: readonly string[]): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const word of words) {
    const index = text.indexOf(word);
    if (index >= 0 && (best === null || index < best.index)) best = { index, word };
  }
  return best;
}
