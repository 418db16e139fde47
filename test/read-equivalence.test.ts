/**
 * The Word and PDF files of a plan (LibreOffice's .docx, .doc and .pdf, Chromium's print-to-PDF;
 * scripts/render-samples.sh, scripts/render-styles.sh) extract like the plain text they were made
 * from: the same documents, the headings and the targets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, extractAsync } from '../src/pipeline.js';
import { equivalence, kinds, share, TITLE_DROPPED } from './helpers/equivalence.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path));

function plainOf(stem: string): string | null {
  for (const candidate of [`${stem}.txt`, `styles/${stem}.txt`, `styles/${stem}.html`]) {
    if (existsSync(join(FIXTURES, candidate))) return candidate;
  }
  return null;
}


const files = readdirSync(join(FIXTURES, 'rendered'))
  .filter((f) => /\.(docx|doc|pdf)$/.test(f))
  .map((f) => ({ file: `rendered/${f}`, plain: plainOf(f.slice(0, f.indexOf('.'))) }))
  .filter((f): f is { file: string; plain: string } => f.plain !== null)
  .sort((a, b) => a.file.localeCompare(b.file));

describe('Word and PDF files extract like their plain text', () => {
  for (const { file, plain } of files) {
    it(file, async () => {
      const same = equivalence(extract(read(plain), plain), await extractAsync(read(file), file));
      if (TITLE_DROPPED.has(file)) expect(kinds(same.documents.rendered)).toEqual(kinds(same.documents.plain));
      else expect(same.documents.rendered).toEqual(same.documents.plain);
      expect(share(same.headings), same.headings.missing.join('\n')).toBeGreaterThanOrEqual(0.97);
      expect(share(same.targets), same.targets.missing.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
