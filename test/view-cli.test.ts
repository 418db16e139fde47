/** `plans view` and `plans extract --format html` on the command line. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'plans-view-cli-'));
const PLAN = 'test/fixtures-view/payloads.txt';

describe('plans view', () => {
  it('prints the page to standard output, or writes it to --out', async () => {
    const printed = await runCli(['view', PLAN]);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(printed.stdout).toContain('class="hl k-target"');
    const out = path.join(tmp(), 'page.html');
    const written = await runCli(['view', PLAN, '--out', out]);
    expect(written.exitCode).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('--redact hides the personal data of the source text', async () => {
    const { stdout, exitCode } = await runCli(['view', PLAN, '--redact']);
    expect(exitCode).toBe(0);
    expect(stdout).not.toContain('13912345678');
    expect(stdout).toContain('[手机号码]');
  });

  it('an unreadable input is one line on stderr and exit 2; --out never overwrites the input', async () => {
    const missing = await runCli(['view', 'no/such/plan.txt']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no/such/plan.txt');
    const dir = tmp();
    const input = path.join(dir, 'plan.txt');
    writeFileSync(input, readFileSync(PLAN));
    const clobber = await runCli(['view', 'plan.txt', '--out', 'plan.txt'], { cwd: dir });
    expect(clobber.exitCode).toBe(2);
    expect(readFileSync(input)).toEqual(readFileSync(PLAN));
  });
});

describe('plans extract --format html', () => {
  it('writes the view page of each input as NAME.html', async () => {
    const dir = tmp();
    const { exitCode } = await runCli(['extract', PLAN, 'fixtures/003_dda57fd9192b6255.txt', '--format', 'html', '--out-dir', dir]);
    expect(exitCode).toBe(0);
    // Output paths mirror the inputs' under their common folder (the repository here).
    const page = readFileSync(path.join(dir, PLAN.replace(/\.txt$/, '.html')), 'utf8');
    expect(page).toBe((await runCli(['view', PLAN])).stdout);
    expect(existsSync(path.join(dir, 'fixtures', '003_dda57fd9192b6255.html'))).toBe(true);
  });

  it('with --stdout takes one input', async () => {
    expect((await runCli(['extract', PLAN, '--format', 'html', '--stdout'])).stdout).toMatch(/^<!DOCTYPE html>/);
    const two = await runCli(['extract', PLAN, 'fixtures/003_dda57fd9192b6255.txt', '--format', 'html', '--stdout']);
    expect(two.exitCode).toBe(2);
    expect(two.stdout).toBe('');
    expect(two.stderr).toContain('--format html with --stdout');
  });
});
