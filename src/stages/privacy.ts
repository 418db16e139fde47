/**
 * privacy: finds personal contact data (a mobile number, an e-mail address, the name after
 * 联系人) so that `check` can report it and `extract --redact` can replace it with placeholders.
 * Office landlines are public contact points and are not personal data.
 */
import type { FixRecord, Range, StageContext } from '../model/stages.js';
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

// Mainland mobile numbers: 11 digits starting 13–19, optionally +86/86 and spaced 3-4-4, not
// inside a longer digit run. Bounded length, so linear.
const MOBILE = /(?<![\d.])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\d.])/g;
// The name after 联系人: 2–4 Han characters (a Chinese personal name), optionally 同志/老师.
const CONTACT_PERSON = /联系人\s{0,3}[：:]\s{0,3}([\u4e00-\u9fff·]{2,4}?)(?=同志|老师|先生|女士|[，,；;、。）)\s\d]|电话|手机|$)/gm;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/** Finds personal contact data in a text, in order. Linear: e-mails are grown around each @. */
export function findPersonalData(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  for (const m of text.matchAll(MOBILE)) found.push({ kind: 'mobile', range: [m.index, m.index + m[0].length] });
  for (const m of text.matchAll(CONTACT_PERSON)) {
    const start = m.index + m[0].length - m[1].length;
    found.push({ kind: 'contact-person', range: [start, start + m[1].length] });
  }
  let previousEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
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
