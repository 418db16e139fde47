/**
 * dedupe: removes garbled repeats (verbatim or truncated copies of passages and sentences, as in a
 * scrambled copy) and keeps legitimate repetition. The rules are in dedupe/repeats.ts (repeated
 * sentences and passages) and dedupe/restarts.ts (a cut stretch restarted in the same line).
 * dedupe only deletes: it never rewrites the text it keeps.
 */
import type { DedupedText, DuplicateRecord, StageContext } from '../model/stages.js';
import { applyEdits, sourceRange, type Edit, type MappedText } from '../text/mapped-text.js';
import { sentenceUnits } from './dedupe/units.js';
import { findGarbledUnits } from './dedupe/repeats.js';
import { findRestarts } from './dedupe/restarts.js';

/** How much of a removed passage is quoted in a diagnostic (UTF-16 code units). */
const QUOTE_CHARS = 30;

/** A text range to delete and the range of the complete occurrence kept, both in the input text. */
interface Removal {
  start: number;
  end: number;
  keptStart: number;
  keptEnd: number;
}

/** Merges removed units that follow each other into one removed passage. */
function passagesOf(text: string, units: ReturnType<typeof sentenceUnits>, removals: ReturnType<typeof findGarbledUnits>['removals']): Removal[] {
  const passages: Removal[] = [];
  let previous = { unit: -2, kept: -2 };
  for (const removal of removals) {
    const u = units[removal.unit];
    const k = units[removal.kept];
    const last = passages[passages.length - 1];
    // One passage while both the removed and the kept sentences follow each other.
    if (last && removal.unit === previous.unit + 1 && removal.kept === previous.kept + 1) {
      last.end = u.end;
      last.keptEnd = k.end;
    } else {
      passages.push({ start: u.start, end: u.end, keptStart: k.start, keptEnd: k.end });
    }
    previous = removal;
  }
  // A passage that fills whole lines takes its line break with it, so no empty line is left.
  for (const p of passages) {
    const atLineStart = p.start === 0 || text[p.start - 1] === '\n';
    if (atLineStart && text[p.end] === '\n') p.end++;
  }
  return passages;
}

/** Removes garbled repeats, keeping the first complete occurrence of each passage. */
export function dedupe(text: MappedText, ctx: StageContext): DedupedText {
  const units = sentenceUnits(text.text);
  const { removals } = findGarbledUnits(units);
  const passages = passagesOf(text.text, units, removals);

  // Truncated restarts inside lines that are not removed as a whole anyway.
  const removedUnit = new Uint8Array(units.length);
  for (const r of removals) removedUnit[r.unit] = 1;
  let u = 0;
  let lastRestart: Removal | null = null;
  for (const r of findRestarts(text.text)) {
    while (u < units.length && units[u].end <= r.start) u++;
    if (u < units.length && units[u].start <= r.start && removedUnit[u]) continue;
    const kept = { keptStart: r.end, keptEnd: r.end + (r.end - r.start) };
    // Restarts that follow each other (a phrase written over and over) are one removed passage.
    if (lastRestart && lastRestart.end === r.start) Object.assign(lastRestart, { end: r.end }, kept);
    else passages.push((lastRestart = { start: r.start, end: r.end, ...kept }));
  }
  passages.sort((a, b) => a.start - b.start);

  const edits: Edit[] = [];
  const duplicates: DuplicateRecord[] = [];
  for (const p of passages) {
    edits.push({ start: p.start, end: p.end, replacement: '' });
    duplicates.push({
      removed: sourceRange(text, p.start, p.end),
      kept: sourceRange(text, p.keptStart, p.keptEnd),
      chars: p.end - p.start,
    });
    const quote = text.text.slice(p.start, Math.min(p.end, p.start + QUOTE_CHARS)).trim();
    ctx.report({
      code: 'PLN201',
      message: `Unexpected repeat of an earlier passage (${p.end - p.start} characters), expected each passage once`,
      offset: text.origin[p.start],
      actual: quote,
    });
  }
  return { text: applyEdits(text, edits), duplicates };
}
