/**
 * Compares what two inputs of one plan extract to (its plain text and a page-made or Word
 * rendering of it): the documents, the headings (level and title) and the targets (indicator,
 * value and year), white space ignored. Used by the layout and reader equivalence tests.
 */
import type { ExtractResult } from '../../src/model/schemas.js';

export interface Equivalence {
  sameDocuments: boolean;
  documents: { plain: string[]; rendered: string[] };
  headings: { kept: number; of: number; extra: number; missing: string[] };
  targets: { kept: number; of: number; extra: number; missing: string[] };
}

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

function keys(result: ExtractResult) {
  const documents: string[] = [];
  const headings: string[] = [];
  const targets: string[] = [];
  for (const doc of result.documents) {
    documents.push(`${doc.kind}:${squeeze(doc.title)}`);
    const walk = (sections: typeof doc.sections) => {
      for (const s of sections) {
        headings.push(`${s.level}|${squeeze(s.marker)}${squeeze(s.title)}`);
        walk(s.children);
      }
    };
    walk(doc.sections);
    for (const t of doc.targets) targets.push(`${squeeze(t.indicator)}|${t.value}|${t.year}`);
  }
  return { documents, headings, targets };
}

/** Multiset comparison: how many of `plain` the `rendered` list has, and which it lacks. */
function kept(plain: readonly string[], rendered: readonly string[]) {
  const pool = new Map<string, number>();
  for (const k of rendered) pool.set(k, (pool.get(k) ?? 0) + 1);
  const missing: string[] = [];
  let count = 0;
  for (const k of plain) {
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      pool.set(k, n - 1);
      count++;
    } else missing.push(k);
  }
  return { kept: count, of: plain.length, extra: rendered.length - count, missing };
}

export function equivalence(plain: ExtractResult, rendered: ExtractResult): Equivalence {
  const a = keys(plain);
  const b = keys(rendered);
  return {
    sameDocuments: JSON.stringify(a.documents) === JSON.stringify(b.documents),
    documents: { plain: a.documents, rendered: b.documents },
    headings: kept(a.headings, b.headings),
    targets: kept(a.targets, b.targets),
  };
}

/** kept / of, 1 when there is nothing to keep. */
export function share(part: { kept: number; of: number }): number {
  return part.of === 0 ? 1 : part.kept / part.of;
}

/**
 * Renderings without their plan's title: LibreOffice's PDF export of a web page drops the first
 * block of page 1 (fixtures/styles/README.md). Their documents are compared by kind.
 */
export const TITLE_DROPPED = new Set(['rendered/city-mental.lo.layout.txt', 'rendered/city-mental.lo.pdf', 'rendered/city-tcm.lo.layout.txt', 'rendered/city-tcm.lo.pdf', 'rendered/province-action.lo.layout.txt', 'rendered/province-action.lo.pdf', 'rendered/county-hiv.lo.layout.txt', 'rendered/county-hiv.lo.pdf']);
export const kinds = (documents: readonly string[]) => documents.map((d) => d.slice(0, d.indexOf(':')));
