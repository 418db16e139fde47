/** Runs the targets stage alone on a text (no section tree: headings are read from the lines). */
import { extractTargets } from '../../src/stages/targets.js';
import { identityText } from '../../src/text/mapped-text.js';
import type { DocumentMetadata, DocumentPart, StageDiagnostic } from '../../src/model/stages.js';

export function meta(period: { start: number; end: number } | null, date: string | null = null): DocumentMetadata {
  return { issuer: null, date, docNumber: null, region: null, topic: null, period, references: [] };
}

export function runTargets(text: string, period: { start: number; end: number } | null = null, date: string | null = null) {
  const doc: DocumentPart = { kind: 'plan', text: identityText(text), title: '', titleRange: [0, 0], titleTruncated: false };
  const diagnostics: StageDiagnostic[] = [];
  const targets = extractTargets(doc, { sections: [], preambleRange: [0, 0] }, meta(period, date), { file: 'x', report: (d) => diagnostics.push(d) });
  return { targets, diagnostics };
}
