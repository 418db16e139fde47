/// <reference lib="dom" />
// (The functions given to page.evaluate run in the page, with its DOM.)
/**
 * The review page in a real headless Chromium: a click on a target row scrolls its highlight into
 * view and flashes it, the card shows what was extracted, j/k walk the targets, the page fits a
 * phone's width, nothing is fetched and nothing is logged to the console; a 200 KB plan's page
 * opens fast. The screenshot is saved to docs/view.png (shown in the README).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { cleanTextAsync, extractClean } from '../src/pipeline.js';
import { renderView, viewSourceOf } from '../src/view/page.js';
import { chromiumAvailable, launchChromium } from './helpers/chromium.js';
import { bigPlan } from './fixtures-view/big-plan.js';

const available = chromiumAvailable('view-browser');

async function pageFile(bytes: Buffer, name: string): Promise<string> {
  const clean = await cleanTextAsync(bytes, name);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'plans-view-')), 'view.html');
  writeFileSync(file, renderView(extractClean(clean), viewSourceOf(clean)));
  return file;
}

/** Whether the element is inside the visible part of the text pane and of the window. */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    const pane = el.closest('.text')!.getBoundingClientRect();
    return r.top >= Math.max(0, pane.top) && r.bottom <= Math.min(window.innerHeight, pane.bottom);
  });
}

describe.skipIf(!available)('plans view in headless Chromium', () => {
  it('row click scrolls to the highlight, card content, keys, phone width, no requests or console errors', async () => {
    const input = 'fixtures/000_a55dad31d5b2c431.txt';
    const file = await pageFile(readFileSync(input), input);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(m.text()) : undefined));
      page.on('pageerror', (e) => void problems.push(e.message));
      page.on('request', (r) => void requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);

      // 精神分裂症治疗率达到80%以上 (line 522): far down the text, out of view at first; the span covers the value.
      const highlight = '#v-d6_d6-t6';
      expect(await page.locator(highlight).innerText()).toBe('80%');
      expect(await inView(page, highlight)).toBe(false);
      await page.click('button[aria-controls="tab-targets"]');
      await page.click('tr[data-goto="v-d6_d6-t6"]');
      await page.waitForTimeout(100);
      expect(await inView(page, highlight)).toBe(true);
      expect(await page.locator(highlight).getAttribute('class')).toContain('flash');
      const card = page.locator('#card');
      expect(await card.isVisible()).toBe(true);
      const shown = await card.innerText();
      for (const expected of ['target d6-t6', '精神分裂症治疗率', 'gte', '80', '%', '2020']) expect(shown).toContain(expected);
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: 'docs/view.png' });

      // Hovering a responsibility shows its departments: （区卫计委牵头负责，区审批局、发展改革委参与）, line 446.
      const clause = page.locator('mark.k-responsibility', { hasText: '区卫计委牵头负责，区审批局、发展改革委参与' }).first();
      await clause.scrollIntoViewIfNeeded();
      await clause.hover();
      const departments = await card.innerText();
      expect(departments).toContain('区卫生计生委');
      expect(departments).toContain('区行政审批局、区发展改革委');

      // j: the first target of the text; k from there: the last.
      await page.locator('h1').click();
      await page.keyboard.press('j');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('d2/d2-t1');
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      const last = await page.evaluate(() => document.activeElement?.getAttribute('data-ref'));
      expect(last).not.toBe('d2/d2-t1');
      expect(last?.startsWith('d')).toBe(true);

      // Filtering the targets table by indicator leaves the matching rows.
      await page.fill('table.targets thead input[data-col="2"]', '精神分裂症治疗率');
      expect(await page.locator('table.targets tbody tr:not([hidden])').count()).toBe(1);


      await page.setViewportSize({ width: 390, height: 800 });
      // Nothing wider than the screen: wide tables scroll in their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('a 200 KB plan opens and reaches its last target fast', async () => {
    const file = await pageFile(bigPlan(), 'big.txt');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const started = Date.now();
      await page.goto(pathToFileURL(file).href);
      const loaded = Date.now() - started;
      await page.locator('h1').click();
      const jumped = Date.now();
      await page.keyboard.press('k');
      await page.waitForFunction(() => document.activeElement?.classList.contains('hl'));
      const jump = Date.now() - jumped;
      console.log(`view-browser: 200 KB plan loaded in ${loaded} ms, jump to the last target in ${jump} ms`);
      expect(loaded).toBeLessThan(5000);
      expect(jump).toBeLessThan(1000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
