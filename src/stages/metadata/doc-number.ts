/** Document numbers (发文字号): 津政办发〔2017〕104号, 国办发〔2017〕16号, 皖政办〔2021〕5号. */

/**
 * One document number: an issuer code of 1–8 CJK characters (abbreviations such as 国办发,
 * 津政办发, 国卫疾控发; function words such as 的 和 根据 never occur in them, which keeps the code
 * from swallowing the sentence before it), the year in brackets of any kind
 * (〔〕 [] ［］ () （） 【】), the serial number and 号. Bounded pieces, linear on any input.
 */
const DOC_NUMBER = /((?:(?![的和与及或按据照根于为在是对将以了])[\u3400-\u9fff]){1,8})[ \t]*[〔[［(（【][ \t]*(\d{4})[ \t]*[〕\]］)）】][ \t]*(?:第[ \t]*)?(\d{1,5})[ \t]*号/g;

/** A document number found in a text; offsets are 0-based UTF-16 offsets into that text. */
export interface DocNumberMatch {
  /** The number with the year in 〔〕 and without spaces, e.g. `津政办发〔2017〕104号`. */
  value: string;
  start: number;
  end: number;
}

/**
 * Every document number in `text` (folded), normalised. The year is always put in 六角括号 〔〕:
 * GB/T 9704-2012 (党政机关公文格式, 7.2.4) prescribes them, and [2017], (2017), ［2017］ are the
 * same number typed without the special bracket, so keeping them raw would split one document into
 * several in `diff` and in corpus joins. A leading 第 before the serial is dropped for the same reason.
 */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const found: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER)) {
    found.push({ value: `${m[1]}〔${m[2]}〕${Number(m[3])}号`, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The whole of `text` as one document number (normalised), or null when it is not exactly one. */
export function parseDocNumber(text: string): string | null {
  const trimmed = text.trim();
  const [only] = findDocNumbers(trimmed);
  return only && only.start === 0 && only.end === trimmed.length ? only.value : null;
}

/** A page header's labelled number: `发文字号：津政办发〔2017〕104号`. */
const LABEL = /(?:发文字号|文号)[ \t]*[:：]/g;

/**
 * The document's own number: a labelled 发文字号, else the first number in the head of the
 * document (the lines before its first sentence or salutation, `headEnd`) that is not the
 * number of a cited document (one right after `》`).
 */
export function ownDocNumber(text: string, headEnd: number): string | null {
  for (const label of text.matchAll(LABEL)) {
    const after = text.slice(label.index + label[0].length, label.index + label[0].length + 40);
    const [first] = findDocNumbers(after);
    if (first && after.slice(0, first.start).trim() === '') return first.value;
  }
  const head = text.slice(0, headEnd);
  for (const number of findDocNumbers(head)) {
    const before = head.slice(Math.max(0, number.start - 3), number.start).replace(/[\s（(]/g, '');
    if (!before.endsWith('》')) return number.value;
  }
  return null;
}
