/**
 * The HTML report in a real headless Chromium: the verdict counts it shows equal the JSON summary,
 * and a screenshot is saved to docs/diff-report.png. Needs /usr/bin/chromium (Debian package
 * `chromium`); skipped only when it is missing outside CI — in CI it must run.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../src/diff/report-html.js';
import { SUMMARY_KEYS } from '../src/diff/model.js';
import { sampleDiff } from './fixtures-diff/sample-diff.js';
import { chromiumAvailable, launchChromium } from './helpers/chromium.js';

const available = chromiumAvailable('diff-html-browser');

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  it('shows the verdict counts of the JSON summary; screenshot saved to docs/diff-report.png', async () => {
    const diff = sampleDiff();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'plans-diff-')), 'report.html');
    writeFileSync(file, renderHtml(diff));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => void requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      for (const verdict of SUMMARY_KEYS) {
        const shown = await page.locator(`section[data-pair="0"] [data-verdict="${verdict}"]`).innerText();
        expect(Number(shown), verdict).toBe(diff.pairs[0].summary[verdict]);
      }
      // Inserted and deleted characters of the edited measure are rendered as marks.
      expect(await page.locator('.textdiff ins').first().innerText()).toBe('区');
      // The title's markup-like text is shown as text, not parsed.
      expect(await page.locator('h2').first().innerText()).toContain('<b>');
      expect(requests).toEqual([pathToFileURL(file).href]);
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: 'docs/diff-report.png', fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
