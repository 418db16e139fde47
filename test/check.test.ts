import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/cli.js';
import { CheckReportSchema } from '../src/model/schemas.js';
import { patternToRegExp } from '../src/cli/check-config.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'plans-check-'));

/** A copy of a fixture with some lines changed: `edit` gets and returns the list of lines. */
function brokenCopy(dir: string, fixture: string, name: string, edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(path.join('fixtures', fixture), 'utf8').split('\n');
  const file = path.join(dir, name);
  writeFileSync(file, edit(lines).join('\n'));
  return file;
}

const LINE = /^(.+?):(\d+):(\d+): (error|warning|info) (PLN\d{3}) /;

describe('plans check on the sample corpus', () => {
  it('exits 0, and every diagnostic points at a real line of its file', async () => {
    const run = await runCli(['check', 'fixtures']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const lineCounts = new Map<string, number>();
    expect(lines.pop()).toMatch(/^0 errors, \d+ warnings?, \d+ infos? in \d+ files$/);
    for (const line of lines) {
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      const [, file, lineNo] = m!;
      // For a DOCX, DOC or PDF, lines are those of the text read produced (plans normalize --raw).
      if (!lineCounts.has(file)) {
        const text = /\.(pdf|docx?)$/i.test(file) ? (await runCli(['normalize', '--raw', file])).stdout : readFileSync(file).toString('utf8');
        lineCounts.set(file, text.split('\n').length);
      }
      const count = lineCounts.get(file)!;
      expect(Number(lineNo)).toBeLessThanOrEqual(count);
    }
  });

  it('sorts by file, then line', async () => {
    const run = await runCli(['check', 'fixtures', '--format', 'json']);
    const report = CheckReportSchema.parse(JSON.parse(run.stdout));
    for (const f of report.files) {
      const positions = f.diagnostics.map((d) => d.line * 1e6 + d.column);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});

describe('plans check on broken copies', () => {
  it('a heading missing from a sequence: PLN401 error at the next heading, exit 1', async () => {
    const dir = tmp();
    // Line 26 of 000 is （二）工作原则。 between （一） on line 24 and （三）规划目标。 on line 28.
    const file = brokenCopy(dir, '000_a55dad31d5b2c431.txt', 'gap.txt', (l) => [...l.slice(0, 25), ...l.slice(26)]);
    const run = await runCli(['check', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${file}:27:1: error PLN401 `);
  });

  it('a truncated indicator-table row: PLN502 error at that row, exit 1', async () => {
    const dir = tmp();
    // Line 46 of 001 is 高血压患者管理人数（万人）\t38\t40\t45 under a four-column header.
    const file = brokenCopy(dir, '001_308a46a949dc7d1f.txt', 'row.txt', (l) =>
      l.map((line, i) => (i === 45 ? line.replace(/\t45$/, '') : line)),
    );
    const run = await runCli(['check', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:46:\\d+: error PLN502 `));
  });

  it('--max-warnings: more warnings than allowed is a failure', async () => {
    const run = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', '--max-warnings', '0']);
    expect(run.exitCode).toBe(1);
    const ok = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', '--max-warnings', '1000']);
    expect(ok.exitCode).toBe(0);
  });

  it('an unreadable input: exit 2, the others still checked', async () => {
    const run = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', 'fixtures/none.txt']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('plans: fixtures/none.txt: no such file or directory\n');
    expect(run.stdout).toContain('PLN702');
  });
});

describe('formats', () => {
  it('github: one workflow command per diagnostic, properties escaped', async () => {
    const run = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', '--format', 'github']);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=PLN\d{3}::[^\r\n]+$/);
    }
    expect(lines).toContain('::warning file=fixtures/004_52bb338bf9d79d54.txt,line=108,col=76,title=PLN702::Unexpected personal contact data: a mobile phone number');
  });
});

describe('plans.config.json', () => {
  it('switches a code off, or changes its severity, for the files it covers', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'legacy'));
    const contact = '各单位于每月5日前报送材料（联系人：孙丽，联系电话：13811112222）。\n';
    writeFileSync(path.join(dir, 'a.txt'), `某某县卫生健康工作方案\n${contact}`);
    writeFileSync(path.join(dir, 'legacy', 'b.txt'), `某某县卫生健康工作方案\n${contact}`);
    writeFileSync(
      path.join(dir, 'plans.config.json'),
      JSON.stringify({ rules: { PLN702: 'error' }, overrides: [{ files: ['legacy/**'], rules: { PLN702: 'off' } }] }),
    );
    const run = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    const report = CheckReportSchema.parse(JSON.parse(run.stdout));
    const codes = (name: string) => report.files.find((f) => f.file.endsWith(name))!.diagnostics.filter((d) => d.code === 'PLN702');
    expect(codes('a.txt').map((d) => d.severity)).toEqual(['error', 'error']);
    expect(codes('b.txt')).toEqual([]);
    expect(run.exitCode).toBe(1);
  });

  it('a malformed config is a usage error naming the file', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.txt'), '某某县卫生健康工作方案\n');
    writeFileSync(path.join(dir, 'plans.config.json'), '{"rules": {"PLN702": "loud"}}');
    const run = await runCli(['check', '.'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/plans\.config\.json: rules\.PLN702: /);
  });

  it('patterns: * stays within a folder, ** crosses folders', () => {
    expect(patternToRegExp('*.html').test('a.html')).toBe(true);
    expect(patternToRegExp('*.html').test('x/a.html')).toBe(false);
    expect(patternToRegExp('**/*.html').test('x/y/a.html')).toBe(true);
    expect(patternToRegExp('legacy/**').test('legacy/2017/a.txt')).toBe(true);
    expect(patternToRegExp('a+b.txt').test('a+b.txt')).toBe(true);
  });
});
