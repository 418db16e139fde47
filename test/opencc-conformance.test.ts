/**
 * OpenCC's own traditional→simplified test cases (t2s, tw2s, hk2s) run against the normalize
 * step's conversion function. The file is read in place from the shared external folder
 * (see /work/shared/external/PROVENANCE.md); it is never copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSimplified, traditionalEdits, type TraditionalVariant } from '../src/stages/normalize/traditional.js';
import { externalPath } from './helpers/external.js';

const TESTCASES = externalPath('opencc/test/testcases/testcases.json');

/** OpenCC config name → the variant our conversion takes (to mainland simplified). */
const CONFIGS: Record<string, TraditionalVariant> = { t2s: 't', tw2s: 'tw', hk2s: 'hk' };

/**
 * Cases that need OpenCC's TSCharactersExt (tofu-risk) dictionary, which opencc-js does not
 * bundle (PROVENANCE.md; opencc-js skips them in its own runner too).
 */
const NEEDS_TS_CHARACTERS_EXT = new Set([
  'BYVoid_OpenCC_PR_1228_existing_behaviors',
  'BYVoid_OpenCC_PR_1229_existing_behaviors',
  'BYVoid_OpenCC_PR_464_xi_vs_xi',
]);

interface OpenCCCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}

function loadCases(): OpenCCCase[] {
  // The upstream file has trailing commas; none of its strings contains `,}` or `,]`.
  const json = readFileSync(TESTCASES!, 'utf8').replace(/,(\s*[}\]])/g, '$1');
  return (JSON.parse(json) as { cases: OpenCCCase[] }).cases;
}

describe.skipIf(TESTCASES === null)('OpenCC conformance of the traditional→simplified pass', () => {
  const triples = TESTCASES !== null
    ? loadCases().flatMap((c) =>
        Object.entries(c.expected)
          .filter(([config]) => config in CONFIGS)
          .map(([config, expected]) => ({ id: c.id, config, input: c.input, expected })),
      )
    : [];

  it('has the t2s, tw2s and hk2s cases PROVENANCE.md counts (55 + 32 + 21)', () => {
    expect(triples.length).toBe(108);
  });

  // By design the step converts only text that holds a traditional-only character; an input
  // written only with characters that are also simplified (袷 is in GB 2312: 袷袢) stays as it is.
  it('converts every traditional case as OpenCC does, except the 3 that need TSCharactersExt', () => {
    const failures: string[] = [];
    const notTraditional: string[] = [];
    let passed = 0;
    let skipped = 0;
    for (const t of triples) {
      if (t.config === 't2s' && NEEDS_TS_CHARACTERS_EXT.has(t.id)) {
        skipped++;
        continue;
      }
      const actual = toSimplified(t.input, CONFIGS[t.config]);
      if (actual === t.expected) passed++;
      else if (traditionalEdits(t.input).length === 0 && actual === t.input) notTraditional.push(t.id);
      else failures.push(`${t.id} ${t.config}: ${t.input} → ${actual}, expected ${t.expected}`);
    }
    console.info(
      `OpenCC conformance: ${passed}/${triples.length - skipped} passed, ${notTraditional.length} left unchanged as not traditional (${notTraditional.join(', ')}), ${skipped} skipped`,
    );
    expect(failures).toEqual([]);
    expect(notTraditional.length).toBeLessThanOrEqual(1);
    expect(skipped).toBe(3);
  });
});
