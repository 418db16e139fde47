/**
 * The PDF library is loaded only when a PDF is read (its own test file, so that no other test
 * has loaded it into this worker first).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { extractAsync } from '../src/pipeline.js';

it('loads pdf.js for the first PDF, not for text, HTML or DOCX', async () => {
  const loaded = () => (globalThis as { pdfjsLib?: unknown }).pdfjsLib !== undefined;
  await extractAsync(readFileSync('fixtures/004_52bb338bf9d79d54.txt'), 'plan.txt');
  await extractAsync(readFileSync('fixtures/formats/numbered-table-plan.docx'), 'plan.docx');
  expect(loaded()).toBe(false);
  await extractAsync(readFileSync('fixtures/formats/numbered-table-plan.pdf'), 'plan.pdf');
  expect(loaded()).toBe(true);
});
