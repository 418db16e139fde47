/** Cited documents: 《天津市“十三五”结核病防治规划》（津政办发〔2017〕104号）. */
import type { Reference } from '../../model/schemas.js';
import { parseDocNumber } from './doc-number.js';
import { squeezeCjkSpaces } from './fold.js';

/** Longest title read between 《 and 》, in UTF-16 code units; longer means an unbalanced 《. */
const MAX_TITLE = 200;
/** Longest bracketed document number after a title: （国卫疾控发〔2017〕16号）. */
const MAX_NUMBER = 40;

/**
 * Every document cited in `text` (folded) as 《title》, with the document number in brackets right
 * after it when given, de-duplicated by title in order of first mention (a number given only at a
 * later mention is kept). Nested 《》 inside a title are kept as written (《关于印发《X》的通知》);
 * an unclosed 《 is skipped. Titles equal to `ownTitle` (the document citing itself) are left out.
 */
export function findReferences(text: string, ownTitle: string): Reference[] {
  const byTitle = new Map<string, Reference>();
  const own = squeezeCjkSpaces(ownTitle);
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('《', i);
    if (open < 0) break;
    const close = matchingClose(text, open);
    if (close < 0) {
      i = open + 1;
      continue;
    }
    const title = squeezeCjkSpaces(text.slice(open + 1, close));
    const docNumber = numberAfter(text, close + 1);
    i = close + 1;
    if (title === '' || title === own) continue;
    const known = byTitle.get(title);
    if (!known) byTitle.set(title, { title, docNumber });
    else if (known.docNumber === null) known.docNumber = docNumber;
  }
  return [...byTitle.values()];
}

/** The offset of the 》 closing the 《 at `open` (nesting counted), or -1 within MAX_TITLE. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_TITLE + 2);
  for (let j = open; j < end; j++) {
    const c = text[j];
    if (c === '《') depth++;
    else if (c === '》' && --depth === 0) return j;
    else if (c === '\n' && text[j + 1] === '\n') return -1; // a paragraph break: unbalanced
  }
  return -1;
}

/** The document number in （…）or (…) right after `at` (white space allowed before it), or null. */
function numberAfter(text: string, at: number): string | null {
  let j = at;
  while (j < text.length && j - at < 4 && /[ \t\u3000]/.test(text[j])) j++;
  if (text[j] !== '（' && text[j] !== '(') return null;
  const end = Math.min(text.length, j + MAX_NUMBER);
  for (let k = j + 1; k < end; k++) {
    if (text[k] === '）' || text[k] === ')') {
      // The year bracket may itself be （）: 国办发（2017）16号 — close only after 号.
      if (text[k - 1] !== '号') continue;
      return parseDocNumber(text.slice(j + 1, k));
    }
  }
  return null;
}
