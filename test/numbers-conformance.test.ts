/**
 * Conformance of the number reader against Microsoft Recognizers-Text's public Chinese specs,
 * read in place from /work/shared/external (see its PROVENANCE.md for the format).
 *
 * Subset: every case of NumberModel.json and PercentModel.json that upstream runs for javascript
 * (cases with `javascript` in NotSupported are skipped), minus the discount forms written with 折
 * (`75折`, `对折`): in plan texts 折 is a word (折合, 折算, 打折扣), never a percentage, so the reader
 * deliberately does not read it. Everything else counts, including forms we do not read (spaces
 * inside numerals, 十余万, 一打, 2e5): they lower the pass rate instead of being filtered out.
 * A case passes when the reader finds exactly the expected numbers: same spans and same values
 * (percent values compared as percentages).
 *
 * The plan-wording subset leaves out the forms Chinese plan texts do not use, each for its reason
 * (EXCLUDED below); the reader must pass ≥ 90 % of what remains. For comparison (measured once,
 * not a dependency): @microsoft/recognizers-text-number 1.3 passes 347/347 and 121/121 of the whole
 * specs — its own suite.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asPercent, findNumbers } from '../src/text/numbers.js';
import { externalPath } from './helpers/external.js';

const SPEC_DIR = externalPath('recognizers-text/Specs/Number/Chinese');

interface SpecResult { Text: string; TypeName: string; Resolution?: { value?: string }; Start: number; End: number }
interface SpecCase { Input: string; Results: SpecResult[]; NotSupported?: string }

function loadSpec(name: string): SpecCase[] {
  return JSON.parse(readFileSync(`${SPEC_DIR}/${name}`, 'utf8').replace(/^\uFEFF/, '')) as SpecCase[];
}

/** Upstream resolves full-width forms itself; our reader expects normalize (NFKC width) to have done it. */
function toAsciiDigits(s: string): string {
  return s.replace(/[０-９，．％－／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const NUMERAL = '\\d零〇一二两兩三四五六七八九十百千万萬亿億点點个個分之成壹贰叁';
/** Forms outside plan wording, with the reason each is left out of the plan-wording subset. */
const EXCLUDED: ReadonlyArray<[string, (c: SpecCase, percentModel: boolean) => boolean]> = [
  ['scientific and programming notation (2e5, 2^5, .5, 40k, -2.5 M): not written in plans',
    (c) => /\d\s?[eE]\s?[-+]?\d|\^|\d\s?[kKmMＫ](?![a-z])|(?:^|[^\d])\.\d/.test(toAsciiDigits(c.Input))],
  ['spaces inside a numeral (一百 五 十 二, 百 分 之 2.4, 七成 六): plans write numerals unbroken',
    (c) => c.Results.some((r) => new RegExp(`[${NUMERAL}]\\s+[${NUMERAL}]`).test(r.Text))],
  ['fractions written with / or 又 (3/5, 1 4/3, 三百五又三分之一): in plans / is a rate base (8.5/10万), read by the targets stage',
    (c) => c.Results.some((r) => /又|\d\s*[/／]\s*\d/.test(r.Text))],
  ['colloquial counts (一打, 半百, 半成, 千三, 百三, 二三十): not plan wording',
    (c) => /打|半百|半成|^[百千][一二三四五六七八九]$|[二三四五六七八九][三四五六七八九]十/.test(c.Input)],
  ['currency and words holding a digit (一美元, 两美刀, 一切, 一看, 四川, 两两, 叁 as a word): the reader reads every numeral; the targets stage decides by context',
    (c) => /美元|美刀|一切|壹切|一看|四川|两两|另一种写法/.test(c.Input)],
  ['a percentage in the number model (百分之五十五点五七九, 六千零五十一个百分点): the reader reads it as one percentage, which the percent model checks',
    (c, percentModel) => !percentModel && /百分之|百分点|百分點/.test(c.Input)],
  ['a digit after 点 read as a second number (两百点两, 一点两小时): upstream splits what plans write as a decimal',
    (c) => /[百一]点两/.test(c.Input)],
];

function exclusionOf(c: SpecCase, percentModel: boolean): string | null {
  return EXCLUDED.find(([, applies]) => applies(c, percentModel))?.[0] ?? null;
}

function applies(c: SpecCase): boolean {
  if ((c.NotSupported ?? '').includes('javascript')) return false;
  return !c.Results.some((r) => r.Text.includes('折'));
}

function passes(c: SpecCase, percentModel: boolean): boolean {
  const input = toAsciiDigits(c.Input);
  const found = findNumbers(input).filter((m) => (percentModel ? m.base !== null : true));
  if (found.length !== c.Results.length) return false;
  return c.Results.every((r, k) => {
    const m = found[k];
    const expected = Number((r.Resolution?.value ?? '').replace('%', ''));
    const actual = percentModel ? asPercent(m) : m.value;
    return m.start === r.Start && m.end === r.End + 1 && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  });
}

describe.runIf(SPEC_DIR !== null)('Recognizers-Text Chinese number specs', () => {
  it.each([
    // Floors: the counts passed when this test was written; raise them when the reader improves.
    ['NumberModel.json', false, 242],
    ['PercentModel.json', true, 84],
  ] as const)('%s: pass rate', (file, percentModel, floor) => {
    const cases = loadSpec(file).filter(applies);
    const passed = cases.filter((c) => passes(c, percentModel)).length;
    const rate = passed / cases.length;
    console.info(`${file}: ${passed}/${cases.length} = ${(rate * 100).toFixed(1)}%`);
    expect(passed).toBeGreaterThanOrEqual(floor);
  });

  it.each([
    ['NumberModel.json', false],
    ['PercentModel.json', true],
  ] as const)('%s: the plan-wording subset passes at least 90 %%', (file, percentModel) => {
    const cases = loadSpec(file).filter(applies);
    const kept = cases.filter((c) => exclusionOf(c, percentModel) === null);
    const failed = kept.filter((c) => !passes(c, percentModel));
    const rate = (kept.length - failed.length) / kept.length;
    console.info(`${file} plan wording: ${kept.length - failed.length}/${kept.length} = ${(rate * 100).toFixed(1)}% (${cases.length - kept.length} excluded)`);
    for (const [reason] of EXCLUDED) {
      const n = cases.filter((c) => exclusionOf(c, percentModel) === reason).length;
      if (n > 0) console.info(`  excluded ${n}: ${reason}`);
    }
    if (failed.length > 0) console.info(`  failing: ${failed.map((c) => c.Input.slice(0, 30)).join(' | ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
