/**
 * The HTML reports in a real headless Chromium: the diff's verdict counts equal the JSON summary,
 * the series' cells carry the verdicts of its JSON; screenshots are saved to docs/diff-report.png
 * and docs/series-report.png. Needs /usr/bin/chromium (Debian package `chromium`); skipped only
 * when it is missing outside CI — in CI it must run.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { renderHtml } from '../src/diff/report-html.js';
import { SUMMARY_KEYS } from '../src/diff/model.js';
import { sampleDiff } from './fixtures-diff/sample-diff.js';
import { chromiumAvailable, launchChromium } from './helpers/chromium.js';

import { extract } from '../src/pipeline.js';
import { buildSeries } from '../src/series/series.js';
import { renderSeriesHtml } from '../src/series/report-html.js';

const available = chromiumAvailable('diff-html-browser');

/** Opens `html` as a file in headless Chromium, runs `check` on the page, and fails on any request but the page itself. */
async function inBrowser(html: string, check: (page: Page) => Promise<void>): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'plans-report-')), 'report.html');
  writeFileSync(file, html);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    mkdirSync('docs', { recursive: true });
    await check(page);
    expect(requests).toEqual([pathToFileURL(file).href]);
  } finally {
    await browser.close();
  }
}

describe.skipIf(!available)('HTML reports in headless Chromium', () => {
  it('diff: shows the verdict counts of the JSON summary; screenshot saved to docs/diff-report.png', async () => {
    const diff = sampleDiff();
    await inBrowser(renderHtml(diff), async (page) => {
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
      await page.screenshot({ path: 'docs/diff-report.png', fullPage: true });
    });
  });

  it('series: every cell with a step carries its verdict, values show their sentence on hover; screenshot saved to docs/series-report.png', async () => {
    const files = ['fixtures/000_a55dad31d5b2c431.txt', 'fixtures/002_11cdaf7be783ca84.txt', 'fixtures/003_dda57fd9192b6255.txt'];
    const full = buildSeries(files.map((f) => extract(readFileSync(f), f)));
    // The rows the plans share (the rest hold one plan each), for a screenshot that fits a page.
    const series = { ...full, rows: full.rows.filter((r) => r.cells.length > 1) };
    await inBrowser(renderSeriesHtml(series), async (page) => {
      const steps = series.rows.flatMap((r) => r.steps);
      expect(await page.locator('table.series td[data-verdict]').count()).toBe(steps.length);
      for (const verdict of ['same', 'stricter', 'looser', 'changed']) {
        expect(await page.locator(`table.series td[data-verdict="${verdict}"]`).count(), verdict).toBe(steps.filter((s) => s.verdict === verdict).length);
      }
      // 003 line 29: 天津市肺结核发病率下降到20/10万以下 — the value's hover names its line and sentence.
      const tb = page.locator('table.series tr', { hasText: '天津市肺结核发病率' }).locator('.value').first();
      expect(await tb.innerText()).toBe('2020 ≤20/10万 :29');
      expect(await tb.getAttribute('title')).toContain('line 29: 进一步减少结核感染');
      await page.screenshot({ path: 'docs/series-report.png', fullPage: true });
    });
  });
});
