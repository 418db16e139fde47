/**
 * Where the public test suites of other projects live (../shared/external beside the work tree;
 * PLANS_EXTERNAL overrides). Tests read them in place and are skipped, with a note, where the
 * folder is not present.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.PLANS_EXTERNAL,
  path.resolve(fileURLToPath(new URL('../../../shared/external', import.meta.url))),
  '/work/shared/external',
].filter((p): p is string => typeof p === 'string' && p !== '');

/** The external folder, or null when none of the places holds it. */
export const EXTERNAL_DIR: string | null = candidates.find((p) => existsSync(p)) ?? null;

/** Path of a file under the external folder, or null when that file is not there. */
export function externalPath(relative: string): string | null {
  if (EXTERNAL_DIR === null) return null;
  const full = path.join(EXTERNAL_DIR, relative);
  if (existsSync(full)) return full;
  console.warn(`external test data not found: ${full}; conformance cases skipped`);
  return null;
}
