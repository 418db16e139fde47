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

/** Upstream resolves full-width digits itself; our reader expects normalize to have done it. */
function toAsciiDigits(s: string): string {
  return s.replace(/[０-９，．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
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
    ['PercentModel.json', true, 82],
  ] as const)('%s: pass rate', (file, percentModel, floor) => {
    const cases = loadSpec(file).filter(applies);
    const passed = cases.filter((c) => passes(c, percentModel)).length;
    const rate = passed / cases.length;
    console.info(`${file}: ${passed}/${cases.length} = ${(rate * 100).toFixed(1)}%`);
    expect(passed).toBeGreaterThanOrEqual(floor);
  });
});
