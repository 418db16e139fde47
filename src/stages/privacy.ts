/**
 * privacy: finds personal contact data (a mobile number, an e-mail address, the name after
 * 联系人) so that `check` can report it and `extract --redact` can replace it with placeholders.
 * Office landlines are public contact points and are not personal data.
 */
import type { FixRecord, Range, StageContext, StageDiagnostic } from '../model/stages.js';
import { applyEdits, sourceRange, type MappedText } from '../text/mapped-text.js';

export type PersonalDataKind = 'mobile' | 'email' | 'contact-person';

export interface PersonalData {
  kind: PersonalDataKind;
  range: Range;
}

/** What each kind is replaced with under --redact. */
export const PLACEHOLDERS: Record<PersonalDataKind, string> = {
  mobile: '[手机号码]',
  email: '[电子邮箱]',
  'contact-person': '[联系人]',
};

const DESCRIPTIONS: Record<PersonalDataKind, string> = {
  mobile: 'a mobile phone number',
  email: 'an e-mail address',
  'contact-person': 'the name of a contact person',
};

// Mainland mobile numbers: 11 digits starting 13–19 (ASCII or full-width: a diagnostic or fix log
// may quote the text as written), optionally +86/86, whole or grouped 3-4-4 by spaces or hyphens,
// not inside a longer digit run. Bounded length, so linear.
const MOBILE = /(?<![\d０-９.．])(?:[+＋]?[8８][6６][ \-－]?)?[1１][3-9３-９][\d０-９](?:[ \-－]?[\d０-９]{4}){2}(?![\d０-９.．])/g;
// A label that a personal name follows: 联系人, 负责人, 经办人, then a colon, or no colon when what
// follows is plainly a name in a contact line (honorific, bracket, phone number after it).
const NAME = '[\\u4e00-\\u9fff·]{2,4}';
const HONORIFIC = '同志|老师|先生|女士';
const PHONE_WORD = '(?:联系|办公)?(?:电话|手机)';
const PERSON_LABEL = new RegExp(
  `(?:联系人|负责人|经办人)(?:\\s{0,3}[：:]\\s{0,3}|\\s{0,3}(?=${NAME}?(?:${HONORIFIC}|[（(]|\\s{0,3}${PHONE_WORD}|[，,]\\s{0,3}(?:${PHONE_WORD}|[\\d０-９]))))`,
  'g',
);
// One name of the list after the label (the shortest that a separator, honorific or phone follows),
// its honorific or bracketed office, and what joins it to the next (、 和 及).
const LISTED_NAME = new RegExp(`(${NAME}?)(?=${HONORIFIC}|[，,；;、。）)（(\\s\\d０-９]|${PHONE_WORD}|$)(?:${HONORIFIC}|[（(][^（()）\\n]{0,20}[）)])?(\\s{0,2}[、和及]\\s{0,2})?`, 'y');
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/** Finds personal contact data in a text, in order. Linear: e-mails are grown around each @ (or full-width ＠). */
export function findPersonalData(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  for (const m of text.matchAll(MOBILE)) found.push({ kind: 'mobile', range: [m.index, m.index + m[0].length] });
  for (const m of text.matchAll(PERSON_LABEL)) {
    LISTED_NAME.lastIndex = m.index + m[0].length;
    // A list has at most a handful of names; the bound keeps a long run of 、 linear.
    for (let names = 0, more = true; more && names < 16; names++) {
      const name = LISTED_NAME.exec(text);
      if (!name || name[1] === '') break;
      const start = name.index;
      found.push({ kind: 'contact-person', range: [start, start + name[1].length] });
      more = name[2] !== undefined;
    }
  }
  let previousEnd = 0;
  for (let at = nextAt(text, 0); at !== -1; at = nextAt(text, at + 1)) {
    let start = at;
    while (start > previousEnd && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) {
      found.push({ kind: 'email', range: [start, end] });
      previousEnd = end;
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** The next @ or ＠ from `from`. */
function nextAt(text: string, from: number): number {
  const ascii = text.indexOf('@', from);
  const wide = text.indexOf('＠', from);
  return ascii === -1 ? wide : wide === -1 ? ascii : Math.min(ascii, wide);
}

/** `text` with every piece of personal data in it replaced by its placeholder (for text quoted in logs and diagnostics). */
export function redactString(text: string): string {
  let out = '';
  let at = 0;
  for (const item of findPersonalData(text)) {
    if (item.range[0] < at) continue;
    out += text.slice(at, item.range[0]) + PLACEHOLDERS[item.kind];
    at = item.range[1];
  }
  return out + text.slice(at);
}

/** Reports every piece of personal data (PLN702) and, when asked, replaces it with a placeholder. */
export function protectPrivacy(
  input: MappedText,
  redact: boolean,
  ctx: StageContext,
): { text: MappedText; fixes: FixRecord[] } {
  const found = findPersonalData(input.text);
  for (const item of found) {
    ctx.report({
      code: 'PLN702',
      message: `Unexpected personal contact data: ${DESCRIPTIONS[item.kind]}${redact ? ' (redacted)' : ''}`,
      offset: input.origin[item.range[0]],
    });
  }
  if (!redact || found.length === 0) return { text: input, fixes: [] };
  const kept = found.filter((item, i) => i === 0 || item.range[0] >= found[i - 1].range[1]);
  const fixes: FixRecord[] = kept.map((item) => ({
    kind: 'redaction',
    range: sourceRange(input, item.range[0], item.range[1]),
    // The log must not carry what was redacted: it says how much was removed instead.
    before: `[${item.range[1] - item.range[0]} characters]`,
    after: PLACEHOLDERS[item.kind],
  }));
  const edits = kept.map((item) => ({ start: item.range[0], end: item.range[1], replacement: PLACEHOLDERS[item.kind] }));
  return { text: applyEdits(input, edits), fixes };
}

/**
 * Under --redact, what earlier stages logged must not quote what was redacted: a fix whose source
 * range touches redacted data (a full-width digit of a mobile number made ASCII) keeps its kind and
 * range but not its text, and any other quoted text is scrubbed too.
 */
export function redactFixes(fixes: readonly FixRecord[], redactions: readonly FixRecord[]): FixRecord[] {
  const ranges = redactions.map((r) => r.range).sort((a, b) => a[0] - b[0]);
  return fixes.map((fix) =>
    overlapsAny(fix.range, ranges)
      ? { ...fix, before: '[redacted]', after: '[redacted]' }
      : { ...fix, before: redactString(fix.before), after: redactString(fix.after) },
  );
}

/** Whether `range` overlaps (or, being empty, sits inside) one of the sorted, disjoint `ranges`. */
function overlapsAny(range: Range, ranges: readonly Range[]): boolean {
  let low = 0;
  let high = ranges.length;
  // The first range that ends after range starts.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid][1] <= range[0]) low = mid + 1;
    else high = mid;
  }
  return low < ranges.length && ranges[low][0] < Math.max(range[1], range[0] + 1);
}

/** Diagnostics reported before or beside redaction, their quoted text scrubbed. */
export function redactDiagnostics(list: StageDiagnostic[]): void {
  for (const d of list) {
    d.message = redactString(d.message);
    if (d.actual !== undefined) d.actual = redactString(d.actual);
  }
}
