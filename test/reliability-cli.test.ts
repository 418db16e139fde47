/**
 * Reliability of the command line at the edges of a corpus run: inputs that are not regular files,
 * reads bounded by --max-bytes, output folders and names the file system refuses, temporary files of
 * killed runs. Each failure is one line naming the input, and the run goes on to the next input.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, utimesSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/cli.js';
import { readInput } from '../src/cli/run-inputs.js';

const PLAN = '某某市“十四五”卫生健康发展规划\n\n一、总体要求\n\n到2025年，人均预期寿命达到79岁。\n';

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'plans-rely-'));
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('inputs that are not regular files', () => {
  it('a FIFO named on the command line is refused at once, and the next input is still read', async () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    writeFileSync(path.join(dir, 'good.txt'), PLAN);
    const run = await runCli(['check', 'pipe.txt', 'good.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual(['plans: pipe.txt: not a regular file (a FIFO); pipe it to - instead']);
    expect(run.stdout).toContain('2 files');
  }, 10_000);

  it('a device such as /dev/zero is refused, however small --max-bytes is', async () => {
    const run = await runCli(['check', '--max-bytes', '1M', '/dev/zero']);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual(['plans: /dev/zero: not a regular file (a device); pipe it to - instead']);
  }, 10_000);

  it('a file whose size the system reports as 0 is still read no further than --max-bytes', async () => {
    // /proc files claim size 0 and have content: only a bound while reading catches them.
    await expect(readInput('/proc/self/maps', { maxBytes: 16 })).rejects.toThrow('larger than --max-bytes 16');
  });

  it('an endless standard input stops at --max-bytes with one line', async () => {
    const run = await runCli(['check', '--max-bytes', '1K', '-'], { stdin: new Uint8Array(4096).fill(0x61) });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual(['plans: -: input is larger than --max-bytes 1024']);
  });
});

describe('outputs the file system refuses fail their input alone', () => {
  it('--out-dir under /proc fails at once with one line per input, no spin', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), PLAN);
    const run = await runCli(['extract', '--out-dir', '/proc/plans-x', 'a.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^plans: a\.txt: cannot write \/proc\/plans-x\/a\.yaml: /);
    expect(run.stderr).not.toContain('internal error');
  }, 10_000);

  it('--out-dir naming a file: each input says so, none is an internal error', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), PLAN);
    writeFileSync(path.join(dir, 'b.txt'), PLAN);
    writeFileSync(path.join(dir, 'taken'), 'not a folder');
    const run = await runCli(['extract', '--out-dir', 'taken', 'a.txt', 'b.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'plans: a.txt: cannot write taken/a.yaml: not a directory',
      'plans: b.txt: cannot write taken/b.yaml: not a directory',
    ]);
  });

  it('an output name too long for the file system fails that input; the next is written', async () => {
    const dir = folder();
    // 251 + '.htm' is the longest name a Linux folder holds; its output name '.jsonl' is 2 bytes longer.
    const long = 'a'.repeat(251) + '.htm';
    writeFileSync(path.join(dir, long), `<p>${PLAN}</p>`);
    writeFileSync(path.join(dir, 'b.txt'), PLAN);
    const run = await runCli(['extract', '--format', 'jsonl', '--out-dir', 'out', long, 'b.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([`plans: ${long}: cannot write out/${'a'.repeat(251)}.jsonl: name too long for the file system`]);
    expect(existsSync(path.join(dir, 'out', 'b.jsonl'))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('an output folder that is not writable: permission denied, one line', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), PLAN);
    execFileSync('mkdir', ['-m', '555', path.join(dir, 'locked')]);
    const run = await runCli(['extract', '--out-dir', 'locked', 'a.txt'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual(['plans: a.txt: cannot write locked/a.yaml: permission denied']);
  });
});

describe('temporary files of killed runs', () => {
  it('are removed from --out-dir when older than the run; a newer one, and files not of this tool, stay', async () => {
    const dir = folder();
    const out = path.join(dir, 'out');
    writeFileSync(path.join(dir, 'a.txt'), PLAN);
    execFileSync('mkdir', [out]);
    const stale = '.a.yaml.0123456789ab.tmp';
    const running = '.b.yaml.ba9876543210.tmp';
    for (const name of [stale, running, '.notes.tmp']) writeFileSync(path.join(out, name), 'partial');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(out, stale), hourAgo, hourAgo);
    utimesSync(path.join(out, '.notes.tmp'), hourAgo, hourAgo);
    const inAMinute = new Date(Date.now() + 60_000);
    utimesSync(path.join(out, running), inAMinute, inAMinute);
    const run = await runCli(['extract', 'a.txt'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual([running, '.notes.tmp', 'a.yaml'].sort());
  });
});
