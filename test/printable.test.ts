/** Text taken from an input never reaches a terminal or a CI log with its control characters live. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { printable } from '../src/diagnostics/printable.js';
import { formatGithub, formatText } from '../src/diagnostics/format.js';
import type { Diagnostic } from '../src/model/schemas.js';
import { runCli } from './helpers/cli.js';

// ESC (C0), CSI (C1, the one-byte form of ESC [), BEL, DEL and a right-to-left override.
const HOSTILE = 'A\u001b[2JB\u009b31mC\u0007D\u007fE\u202eF';
const LIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('printable', () => {
  it('turns each control character into a visible escape and keeps the rest', () => {
    expect(printable(HOSTILE)).toBe('A\\x1B[2JB\\x9B31mC\\x07D\\x7FE\\u202EF');
    expect(printable('一、总体要求\t到2025年')).toBe('一、总体要求\t到2025年');
  });
});

describe('reporters', () => {
  const d: Diagnostic = { code: 'PLN401', severity: 'error', message: `Unexpected heading ${HOSTILE}`, file: `plan${HOSTILE}.txt`, line: 3, column: 1, actual: HOSTILE };
  it('text: no live control character in file, message or actual', () => {
    expect(formatText(d)).not.toMatch(LIVE);
    expect(formatText(d)).toContain('A\\x1B[2JB');
  });
  it('github: none in the annotation either', () => {
    expect(formatGithub(d)).not.toMatch(LIVE);
  });
});

describe('plans check', () => {
  for (const format of ['text', 'github']) {
    it(`--format ${format} prints a file name with escapes harmlessly`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'plans-esc-'));
      const name = 'plan\u001b]0;owned\u0007.txt';
      writeFileSync(path.join(dir, name), '某县卫生健康规划\n\n一、总体要求\n\n三、主要任务\n');
      const run = await runCli(['check', '--format', format, name], { cwd: dir });
      expect(run.stdout).toContain('plan\\x1B]0;owned\\x07.txt');
      expect(run.stdout + run.stderr).not.toMatch(LIVE);
    });
  }
});
