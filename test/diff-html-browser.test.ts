/**
 * The HTML report in a real headless Chromium: the verdict counts it shows equal the JSON summary,
 * and a screenshot is saved to docs/diff-report.png. Needs /usr/bin/chromium (Debian package
 * `chromium`); skipped only when it is missing outside CI — in CI it must run.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderHtml } from '../src/diff/report-html.js';
import { SUMMARY_KEYS } from '../src/diff/model.js';
import { sampleDiff } from './fixtures-diff/sample-diff.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!available) console.warn(`diff-html-browser: skipped, ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  it('shows the verdict counts of the JSON summary; screenshot saved to docs/diff-report.png', async () => {
    const diff = sampleDiff();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'plans-diff-')), 'report.html');
    writeFileSync(file, renderHtml(diff));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => void requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      for (const verdict of SUMMARY_KEYS) {
        const shown = await page.locator(`section[data-pair="0"] [data-verdict="${verdict}"]`).innerText();
        expect(Number(shown), verdict).toBe(diff.pairs[0].summary[verdict]);
      }
      // The edited measure side by side: the child's inserted words on its side, the parent's deleted words on the other.
      const edited = page.locator('table.measures tr.v-edited');
      expect(await edited.locator('td.text').nth(0).locator('ins').allInnerTexts()).toEqual(['区', '区', '每学期']);
      expect(await edited.locator('td.text').nth(0).locator('del').count()).toBe(0);
      expect(await edited.locator('td.text').nth(1).locator('del').allInnerTexts()).toEqual(['市', '市', '每年']);
      // Every measure row names the side each text comes from, a dropped one too.
      expect(await page.locator('table.measures tr.v-dropped .side').allInnerTexts()).toEqual(['parent']);
      expect(await page.locator('table.measures tr.v-added .side').allInnerTexts()).toEqual(['child']);
      // Departments of the edited measure: the parent's 市财政局 is no longer named.
      expect(await edited.locator('[data-departments="removed"] del').allInnerTexts()).toEqual(['市财政局']);
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
