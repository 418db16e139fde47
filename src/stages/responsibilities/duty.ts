/**
 * Department-duty sentences (`区教育局负责…`, `区公安分局、司法局负责…`, `区卫计委会同区财政局等部门…`)
 * and duty-list headings (`3.区卫健委。…`: a numbered item whose title is a department).
 */
import { parseDepartmentList, strictListReach, type DepartmentMention, type PrefixState } from './department-list.js';
import type { ClauseParties } from './clause.js';

/**
 * One pattern for a list of words, longest first: where several start at one place, the longest
 * matches (the list before it is the same whichever word follows).
 */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp([...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

/** Words that may follow the department(s) a duty sentence opens with. */
const DUTY_VERBS = anyOf([
  '负责', '牵头', '会同', '配合', '协助', '参与', '要', '应', '将', '积极', '主动', '加强', '做好', '督促', '指导',
  '承担', '履行', '按照', '依法', '切实', '共同', '联合', '统筹', '接受', '结合', '根据', '充分', '进一步', '建立',
  '制定', '提供', '开展', '落实', '完善', '推进', '把', '对', '在',
]);
/** Verbs strong enough to make a sentence a duty wherever it stands. */
export const STRONG_DUTY_VERBS: ReadonlySet<string> = new Set(['负责', '牵头', '会同']);
const STRONG_DUTY_VERB = new RegExp([...STRONG_DUTY_VERBS].join('|'));
const STRONG_DUTY_VERB_LENGTH = Math.max(...[...STRONG_DUTY_VERBS].map((verb) => verb.length));
/** Where the partners named after `会同` end. */
const PARTNER_ENDS = anyOf(['等有关部门', '等相关部门', '等部门', '等单位', '共同', '负责', '开展', '做好', '对', '在', '进行', '研究', '制定', '，', '。', '；']);
/** Verbs that close the partners' segment after `X牵头，` (`区教育局、区文旅局配合`). */
const SUPPORT_ENDS = anyOf(['共同参与', '配合', '参与', '协助', '协同']);
const MAX_SUBJECT_LENGTH = 60;
/** Punctuation and white space that may close a duty-list heading (`3.区卫健委。`). */
const CLOSING = new Set(['。', '：', ':', '；', ';', '，', ',', ' ', '\t', '\u3000', '\n', '\r']);

/** The parties of a duty sentence, and the verb that follows its subject. */
export interface DutyParties extends ClauseParties {
  verb: string;
}

/**
 * The longest opening of `sentence` (at most 60 code units) that is a list of departments followed by
 * one of `words`. Longest, so that `区委组织部负责` reads `区委组织部`, not `区委`.
 */
function departmentsBefore(
  sentence: string,
  words: RegExp,
  base: number,
  inherited = '',
): { mentions: DepartmentMention[]; end: number; word: string; state: PrefixState } | null {
  const head = sentence.slice(0, MAX_SUBJECT_LENGTH + 8);
  // No list reaches past a `，` or a digit: a word after it has no departments before it.
  const last = Math.min(MAX_SUBJECT_LENGTH, strictListReach(head));
  const places: { at: number; word: string }[] = [];
  // From 1: a word at the start has no list before it.
  words.lastIndex = 1;
  for (let m = words.exec(head); m !== null && m.index <= last; m = words.exec(head)) {
    places.push({ at: m.index, word: m[0] });
    words.lastIndex = m.index + 1;
  }
  for (let k = places.length - 1; k >= 0; k--) {
    const { at, word } = places[k];
    const state: PrefixState = { prefix: inherited };
    const mentions = parseDepartmentList(sentence.slice(0, at), base, state);
    if (mentions) return { mentions, end: at, word, state };
  }
  return null;
}

/**
 * Whether a strong duty verb stands where parseDutySentence could read it as the verb after the
 * sentence's subject: a sentence without one can be a duty only inside a duties chapter.
 */
export function mayBeStrongDuty(sentence: string): boolean {
  // A subject's verb starts at most MAX_SUBJECT_LENGTH in (see departmentsBefore).
  return STRONG_DUTY_VERB.test(sentence.slice(0, MAX_SUBJECT_LENGTH + STRONG_DUTY_VERB_LENGTH));
}

/**
 * Parses a sentence that opens with the department(s) responsible for it. The partners named after
 * `会同` (in the same sentence), or in the segment after `X牵头，` before 配合/参与, are the support. Returns null when the sentence does not open with
 * departments. Offsets are into `sentence`.
 */
export function parseDutySentence(sentence: string): DutyParties | null {
  // `由X牵头，…` is read as a clause (findLeadByClauses), not as X's own duty.
  if (sentence.startsWith('由')) return null;
  const subject = departmentsBefore(sentence, DUTY_VERBS, 0);
  if (!subject) return null;
  let support: DepartmentMention[] = [];
  const together = sentence.indexOf('会同', subject.end);
  if (together >= 0) {
    const from = together + 2;
    const partners = departmentsBefore(sentence.slice(from), PARTNER_ENDS, from, subject.state.prefix);
    if (partners) support = partners.mentions;
  }
  // `X牵头，Y、Z配合，…`: the segment after the lead names the partners.
  if (subject.word === '牵头' && support.length === 0) {
    let after = subject.end + subject.word.length;
    if (sentence.startsWith('负责', after)) after += 2;
    if (sentence[after] === '，' || sentence[after] === ',') {
      const from = after + 1;
      const partners = departmentsBefore(sentence.slice(from), SUPPORT_ENDS, from, subject.state.prefix);
      if (partners) support = partners.mentions;
    }
  }
  return { lead: subject.mentions, support, verb: subject.word };
}

/**
 * Reads a heading title as a duty-list entry (`区卫健委`, `区公安分局`, `各镇、各街道`): the whole
 * title, without its closing punctuation, must be a list of departments.
 */
export function parseDutyHeading(title: string): DepartmentMention[] | null {
  let end = title.length;
  while (end > 0 && CLOSING.has(title[end - 1])) end--;
  return parseDepartmentList(title.slice(0, end), 0, { prefix: '' });
}
