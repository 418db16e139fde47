/** Placeholder replaced below. */
import type { DocumentPart } from '../../model/stages.js';

/** Gives each plan of an interleaved copy back its own sentences. */
export function untangle(parts: DocumentPart[]): DocumentPart[] {
  return parts;
}
