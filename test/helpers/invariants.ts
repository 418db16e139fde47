/** Invariants every pipeline result must satisfy, shared by the fixture, property and adversarial tests. */
import { ExtractResultSchema, type ExtractResult, type Span } from '../../src/model/schemas.js';
import type { CleanText } from '../../src/pipeline.js';

/**
 * Nothing lost: each code unit of the decoded content is in the output (an output code unit with
 * the same origin and the same value), or inside the source range of a logged fix or of a removed
 * duplicate. Returns the content offsets that are unaccounted for (empty when the invariant holds).
 */
export function unaccountedCharacters(clean: CleanText): number[] {
  const content = clean.source.content;
  const output = clean.deduped.text;
  const sourceLength = clean.source.source.length;
  const covered = new Uint8Array(sourceLength + 1);
  const mark = (start: number, end: number) => covered.fill(1, Math.max(0, start), Math.min(sourceLength, Math.max(end, start + 1)));
  for (const fix of clean.normalized.fixes) mark(fix.range[0], fix.range[1]);
  for (const d of clean.deduped.duplicates) mark(d.removed[0], d.removed[1]);
  // What the output keeps, by source offset: the code unit found there.
  const kept = new Map<number, string>();
  for (let i = 0; i < output.text.length; i++) {
    const o = output.origin[i];
    if (!kept.has(o)) kept.set(o, output.text[i]);
    else kept.set(o, kept.get(o)! + output.text[i]);
  }
  const missing: number[] = [];
  for (let k = 0; k < content.text.length; k++) {
    const o = content.origin[k];
    if (covered[o]) continue;
    if (kept.get(o)?.includes(content.text[k])) continue;
    missing.push(k);
  }
  return missing;
}

/** Every span's start and end is a real position of the source (line exists, column within it). */
export function spansOutside(result: ExtractResult, source: string): string[] {
  const lines = source.split(/\r\n|\r|\n/);
  const bad: string[] = [];
  const check = (where: string, span: Span) => {
    for (const p of [span.start, span.end]) {
      const line = lines[p.line - 1];
      if (line === undefined || p.column > line.length + 1) bad.push(`${where} ${p.line}:${p.column}`);
    }
    if (span.end.line < span.start.line || (span.end.line === span.start.line && span.end.column < span.start.column)) bad.push(`${where} ends before it starts`);
  };
  for (const doc of result.documents) {
    check(doc.id, doc.span);
    const walk = (sections: typeof doc.sections) => sections.forEach((s) => (check(s.id, s.span), walk(s.children)));
    walk(doc.sections);
    for (const t of doc.targets) check(t.id, t.span);
    for (const m of doc.measures) check(m.id, m.span);
    for (const r of doc.responsibilities) check(r.id, r.span);
  }
  for (const d of result.normalization.duplicates) (check('dup removed', d.removed), check('dup kept', d.kept));
  return bad;
}

/** Throws with the zod issues when a result does not satisfy the output schema. */
export function assertValid(result: ExtractResult): void {
  const parsed = ExtractResultSchema.safeParse(result);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
}

