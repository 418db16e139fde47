/** The progress line and closing summary of long runs: only on a terminal, never with --quiet. */
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { countsOf, Progress, showsProgress } from '../src/cli/progress.js';
import type { ExtractResult } from '../src/model/schemas.js';
import { runCli } from './helpers/cli.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

/** A result with the given counts (only the fields Progress reads). */
const resultOf = (bytes: number, targets: number, responsibilities: number, severities: string[]) =>
  countsOf({
    source: { bytes },
    documents: [{ targets: Array(targets).fill({}), responsibilities: Array(responsibilities).fill({}) }],
    diagnostics: severities.map((severity) => ({ severity })),
  } as unknown as ExtractResult);

describe('Progress', () => {
  it('rewrites one line per file (done/total, MB/s, elapsed), notes above it, and ends with the totals', () => {
    const out = new Capture();
    let now = 0;
    const progress = new Progress(out, 3, true, () => now);
    progress.missing(1);
    now = 1000;
    progress.record(resultOf(3_000_000, 4, 2, ['warning', 'info']));
    now = 2000;
    progress.note('plans: b.txt: is empty\n');
    progress.record(null);
    now = 2500;
    progress.record(resultOf(2_000_000, 1, 0, ['warning', 'error']));
    progress.finish();
    expect(out.text.split('\r\x1b[K')).toEqual([
      '',
      '1/3 files  3.0 MB/s  1.0 s',
      'plans: b.txt: is empty\n',
      '2/3 files  1.5 MB/s  2.0 s',
      '3/3 files  2.0 MB/s  2.5 s',
      '3 files, 2 documents, 5 targets, 2 responsibilities, 2 warnings, 3 errors in 2.5 s\n',
    ]);
  });

  it('is shown only on a terminal, for more than one file, without --quiet', () => {
    expect(showsProgress(true, 2, false)).toBe(true);
    expect(showsProgress(true, 1, false)).toBe(false);
    expect(showsProgress(false, 2, false)).toBe(false);
    expect(showsProgress(undefined, 2, undefined)).toBe(false);
    expect(showsProgress(true, 2, true)).toBe(false);
  });

  it('when off, writes notes only', () => {
    const out = new Capture();
    const progress = new Progress(out, 2, false);
    progress.record(null);
    progress.note('plans: x: why\n');
    progress.finish();
    expect(out.text).toBe('plans: x: why\n');
  });
});

describe('plans extract without a terminal', () => {
  it('prints nothing on stderr for a good run of several files', async () => {
    const run = await runCli(['extract', 'fixtures/004_52bb338bf9d79d54.txt', 'fixtures/002_11cdaf7be783ca84.txt', '--out-dir', mkdtempSync(path.join(tmpdir(), 'plans-progress-'))]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
  });
});
