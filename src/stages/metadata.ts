/** metadata: issuer, date, document number, region, topic, period and references of a document. */
import type { DocumentMetadata, DocumentPart, StageContext } from '../model/stages.js';

/** Reads a document's metadata; `file` holds all documents of the input (a plan may inherit from its notice). */
export function metadata(_doc: DocumentPart, _file: readonly DocumentPart[], _ctx: StageContext): DocumentMetadata {
  // TEMPORARY skeleton: replaced by the metadata stage implementation.
  return { issuer: null, date: null, docNumber: null, region: null, topic: null, period: null, references: [] };
}
