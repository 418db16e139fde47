/** The embedded traditional-only character list matches what the installed opencc-js says. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_TOO, TRADITIONAL_ONLY_CHARACTERS } from '../src/stages/normalize/traditional-chars.js';

const require = createRequire(import.meta.url);
const dictionary = (name: string): Array<[string, string]> =>
  (require(`opencc-js/dict/${name}`).default as string).split('|').map((entry) => entry.split(' ') as [string, string]);

describe('traditional-only characters', () => {
  it('are the TSCharacters keys that are not STCharacters keys and not in GB 2312', () => {
    const simplified = new Set(dictionary('STCharacters').map(([from]) => from));
    const derived = new Set(
      dictionary('TSCharacters')
        .filter(([from, to]) => from !== to && !simplified.has(from) && !SIMPLIFIED_TOO.includes(from))
        .map(([from]) => from),
    );
    expect([...TRADITIONAL_ONLY_CHARACTERS].sort()).toEqual([...derived].sort());
  });
  it('include the sample’s 學 and leave out simplified characters such as 学, 显, 著, 後', () => {
    expect(TRADITIONAL_ONLY_CHARACTERS).toContain('學');
    for (const ch of '学显著後于') expect(TRADITIONAL_ONLY_CHARACTERS).not.toContain(ch);
  });
});
