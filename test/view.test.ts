/**
 * The review page of `plans view`: every target and responsibility of every fixture has exactly
 * one highlight whose text is the text its span covers; input text is escaped wherever it lands;
 * --redact hides personal data in the source text; crossing marks stay well-formed; a 200 KB plan
 * renders fast.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { load } from 'cheerio';
import { cleanTextAsync, extractClean } from '../src/pipeline.js';
import { LineIndex } from '../src/text/line-index.js';
import { renderView, viewSourceOf } from '../src/view/page.js';
import { renderSource, anchorId } from '../src/view/source-html.js';
import type { ExtractResult } from '../src/model/schemas.js';
import { bigPlan } from './fixtures-view/big-plan.js';

const READABLE = /\.(txt|html?|docx|doc|pdf)$/;

function fixtureInputs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'expected' ? [] : fixtureInputs(full);
    return READABLE.test(e.name) ? [full] : [];
  });
}

async function view(file: string, redact = false) {
  const clean = await cleanTextAsync(readFileSync(file), file, { redact });
  const result = extractClean(clean);
  return { clean, result, html: renderView(result, viewSourceOf(clean), { redact }) };
}

// The HTML parser reads every line break as \n; the page is compared with the source after the same.
const lf = (s: string) => s.replace(/\r\n?/g, '\n');

describe('plans view: highlights', () => {
  for (const file of fixtureInputs('fixtures').sort()) {
    it(`${file}: each target and responsibility has one highlight, its text the text of its span`, async () => {
      const { clean, result, html } = await view(file);
      const $ = load(html);
      const lines = new LineIndex(clean.source.source, clean.source.pageStarts);
      let checked = 0;
      for (const doc of result.documents) {
        for (const item of [...doc.targets, ...doc.responsibilities]) {
          const ref = `${doc.id}/${item.id}`;
          const heads = $(`#${anchorId(ref)}`);
          expect(heads.length, ref).toBe(1);
          expect(heads.is('mark.hl'), ref).toBe(true);
          const fragments = $('mark.hl').filter((_, el) => $(el).attr('data-ref') === ref);
          expect(fragments.filter('.cont').length, ref).toBe(fragments.length - 1);
          const shown = fragments.toArray().map((el) => $(el).text()).join('');
          const written = clean.source.source.slice(lines.offset(item.span.start), lines.offset(item.span.end));
          expect(shown, ref).toBe(lf(written));
          checked++;
        }
      }
      expect(checked).toBe(result.documents.reduce((n, d) => n + d.targets.length + d.responsibilities.length, 0));
    });
  }

  it('a fixture with targets and responsibilities is among them (the test above checks something)', async () => {
    const { result } = await view('fixtures/000_a55dad31d5b2c431.txt');
    expect(result.documents.flatMap((d) => d.targets).length).toBeGreaterThan(10);
    expect(result.documents.flatMap((d) => d.responsibilities).length).toBeGreaterThan(10);
  });

  it('shows page breaks of a PDF, numbered from page 2', async () => {
    const { html, result } = await view('fixtures/layout/city-hiv-chapters.pdf');
    const $ = load(html);
    const pages = $('.pb').toArray().map((el) => $(el).attr('data-page'));
    expect(result.source.pages).toBeGreaterThan(1);
    expect(pages.length).toBe((result.source.pages ?? 0) - 1);
    expect(pages[0]).toBe('2');
  });
});

describe('plans view: what normalize and dedupe changed', () => {
  it('marks each removed repeat, its text struck through, saying where the kept copy is', async () => {
    const file = 'fixtures/003_dda57fd9192b6255.txt';
    const { clean, result, html } = await view(file);
    const $ = load(html);
    const removed = [...clean.deduped.duplicates].sort((a, b) => a.removed[0] - b.removed[0]);
    expect(removed.length).toBeGreaterThan(0);
    expect($('del.dup').text()).toBe(lf(removed.map((d) => clean.source.source.slice(d.removed[0], d.removed[1])).join('')));
    const first = result.normalization.duplicates[0];
    expect($('del.dup').toArray().some((el) => $(el).attr('title')!.includes(`kept at line ${first.kept.start.line}, column ${first.kept.start.column}`))).toBe(true);
  });

  it('underlines each fix with its kind and before → after: ⼈ (Kangxi radical U+2F08) fixed to 人', async () => {
    const { html } = await view('fixtures/003_dda57fd9192b6255.txt');
    const $ = load(html);
    const radical = $('span.fix').filter((_, el) => $(el).text() === '\u2f08').first();
    expect(radical.attr('title')).toBe('kangxi-radical: "\u2f08" → "人"');
  });
});

describe('plans view: crossing marks', () => {
  it('a mark crossing the end of another is split into fragments and the markup stays nested', () => {
    // responsibility [0, 6) and target [3, 9) cross at 6: the target continues in a second fragment.
    const html = renderSource('甲乙丙丁戊己庚辛壬癸', [
      { kind: 'responsibility', start: 0, end: 6, ref: 'd1/r1' },
      { kind: 'target', start: 3, end: 9, ref: 'd1/t1' },
    ], null);
    expect(html).toBe(
      '<mark class="hl k-responsibility" id="v-d1_r1" data-ref="d1/r1" tabindex="0">甲乙丙' +
        '<mark class="hl k-target" id="v-d1_t1" data-ref="d1/t1" tabindex="0">丁戊己</mark></mark>' +
        '<mark class="hl k-target cont" data-ref="d1/t1">庚辛壬</mark>癸',
    );
  });

  it('a measure holds the responsibility of the same range, which holds its target', () => {
    const html = renderSource('一二三', [
      { kind: 'target', start: 0, end: 3, ref: 'd1/t1' },
      { kind: 'measure', start: 0, end: 3, ref: 'd1/m1' },
      { kind: 'responsibility', start: 0, end: 3, ref: 'd1/r1' },
    ], null);
    expect(html.indexOf('k-measure')).toBeLessThan(html.indexOf('k-responsibility'));
    expect(html.indexOf('k-responsibility')).toBeLessThan(html.indexOf('k-target'));
  });
});

describe('plans view: escaping, CSP, redaction', () => {
  const PAYLOADS = ['<script>alert(9)</script>', '"><img src=x onerror=alert(9)>', 'javascript:alert(9)'];

  /** The result with the payloads in a title, an indicator and department names, as any producer of a result could write them. */
  function poisoned(result: ExtractResult): ExtractResult {
    const copy: ExtractResult = structuredClone(result);
    const doc = copy.documents[0];
    doc.title = PAYLOADS.join(' ');
    doc.targets[0].indicator = PAYLOADS.join(' ');
    doc.sections[0].title = PAYLOADS[1];
    for (const r of doc.responsibilities) {
      r.lead = [{ ...r.lead[0], name: PAYLOADS[0], raw: PAYLOADS[1] }];
      r.support = [{ ...r.lead[0], name: PAYLOADS[2] }];
    }
    return copy;
  }

  it('input text is shown as text: no script, image, handler or javascript: link from it', async () => {
    const file = 'test/fixtures-view/payloads.txt';
    const { clean, result } = await view(file);
    expect(result.documents[0].responsibilities.length).toBeGreaterThan(0);
    const html = renderView(poisoned(result), viewSourceOf(clean));
    const $ = load(html);
    expect($('script').length).toBe(2);
    expect($('script[type="application/json"]').length).toBe(1);
    expect($('img').length).toBe(0);
    expect($('*').toArray().some((el) => Object.keys((el as { attribs: Record<string, string> }).attribs).some((a) => a.startsWith('on')))).toBe(false);
    expect($('[href]').toArray().every((el) => /^#v-[A-Za-z0-9_-]+$/.test($(el).attr('href')!))).toBe(true);
    // The payloads are there, as text: in the source, the title, the tables, and the card data.
    expect($('pre.source').text()).toContain('<script>alert(1)</script>');
    expect($('title').text()).toContain(file);
    expect($('.tree a').first().text()).toContain('"><img src=x onerror=alert(9)>');
    expect($('table.responsibilities tbody td').text()).toContain('<script>alert(9)</script>');
    const data = JSON.parse($('#plans-data').text()) as { items: Record<string, { title: string; fields: [string, string][] }> };
    const card = data.items[`d1/${result.documents[0].targets[0].id}`];
    expect(card.fields).toContainEqual(['indicator', PAYLOADS.join(' ')]);
    expect(html).not.toContain('</script>"');
  });

  it('the CSP forbids everything but the page\'s own style and script, by hash', async () => {
    const { html } = await view('test/fixtures-view/payloads.txt');
    const $ = load(html);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).not.toContain('unsafe');
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash($('style').html()!)}`);
    expect(csp).toContain(`script-src ${hash($('script:not([type])').html()!)}`);
  });

  it('--redact hides the mobile number, e-mail address and contact person in the source text too', async () => {
    const file = 'test/fixtures-view/payloads.txt';
    expect((await view(file)).html).toContain('13912345678');
    const { html } = await view(file, true);
    for (const secret of ['13912345678', 'wang.xm@example.com', '王小明']) expect(html).not.toContain(secret);
    expect(load(html)('.redacted').text()).toBe('[联系人][手机号码][电子邮箱]');
  });
});

describe('plans view: a 200 KB plan', () => {
  it('renders in well under a second once extracted', async () => {
    const big = bigPlan();
    expect(big.length).toBeGreaterThan(200_000);
    const clean = await cleanTextAsync(big, 'big.txt');
    const result = extractClean(clean);
    const started = performance.now();
    const html = renderView(result, viewSourceOf(clean));
    const ms = performance.now() - started;
    console.log(`view: ${big.length} bytes, ${result.documents.flatMap((d) => d.targets).length} targets, page ${html.length} chars in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  }, 60_000);
});
