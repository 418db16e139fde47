import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/cli.js';
import { CheckReportSchema } from '../src/model/schemas.js';
import { applyConfig, type LoadedConfig } from '../src/cli/check-config.js';
import { CheckConfigSchema } from '../src/model/check-config.js';
import type { Diagnostic } from '../src/model/schemas.js';
import { Ajv } from 'ajv';
import { SARIF_2_1_0_SUBSET } from './helpers/sarif-schema.js';
import { artifactUri } from '../src/diagnostics/sarif.js';
import { CODES, type DiagnosticCode } from '../src/diagnostics/codes.js';
import { VERSION } from '../src/cli/version.js';

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
  it('an unreadable input appears in every format with its diagnostic', async () => {
    const args = ['check', 'fixtures/004_52bb338bf9d79d54.txt', 'fixtures/nope.txt'];
    const json = await runCli([...args, '--format', 'json']);
    expect(json.exitCode).toBe(2);
    const entry = CheckReportSchema.parse(JSON.parse(json.stdout)).files.find((f) => f.file === 'fixtures/nope.txt');
    expect(entry?.readable).toBe(false);
    expect(entry?.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['PLN001', 'error', 'Unexpected input: no such file or directory']]);
    expect(JSON.parse(json.stdout).summary.files).toBe(2);
    const text = await runCli(args);
    expect(text.stdout).toContain('fixtures/nope.txt:1:1: error PLN001 Unexpected input: no such file or directory');
    const github = await runCli([...args, '--format', 'github']);
    expect(github.stdout).toContain('::error file=fixtures/nope.txt,line=1,col=1,title=PLN001::Unexpected input: no such file or directory');
    const sarif = await runCli([...args, '--format', 'sarif']);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results.filter((r: { ruleId: string }) => r.ruleId === 'PLN001').map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['fixtures/nope.txt']);
  });

  it('sarif: valid SARIF 2.1.0, as GitHub code scanning reads it (rule ids = codes, help from the catalogue)', async () => {
    const dir = tmp();
    // A name with a space and Chinese, to check the URI encoding; a heading gap for an error.
    const gap = brokenCopy(dir, '000_a55dad31d5b2c431.txt', '县 规划.txt', (l) => [...l.slice(0, 25), ...l.slice(26)]);
    const run = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', path.relative(process.cwd(), gap), '--format', 'sarif']);
    expect(run.exitCode).toBe(1);
    const log = JSON.parse(run.stdout);
    // strictRequired off: SARIF's anyOf-of-required (message: text or id) names properties in the branches only.
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    // RFC 3986: printable ASCII only (anything else percent-encoded).
    ajv.addFormat('uri-reference', (s: string) => /^[\x21-\x7e]+$/.test(s) && URL.canParse(s, 'file:///'));
    const validate = ajv.compile(SARIF_2_1_0_SUBSET);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    for (const breakIt of [(l: any) => (l.runs[0].results[0].level = 'info'), (l: any) => delete l.version, (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0), (l: any) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '县 规划.txt')]) {
      const broken = structuredClone(log);
      breakIt(broken);
      expect(validate(broken)).toBe(false);
    }
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver).toMatchObject({ name: 'plans', version: VERSION });
    const rules: { id: DiagnosticCode; help: { text: string } }[] = sarifRun.tool.driver.rules;
    for (const rule of rules) expect(rule.help.text).toContain(CODES[rule.id].description);
    for (const r of sarifRun.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(sarifRun.results.map((r: { ruleId: string }) => r.ruleId)).toContain('PLN401');
    const uris = new Set(sarifRun.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    const relativeGap = path.relative(process.cwd(), gap).split(path.sep).map(encodeURIComponent).join('/');
    expect([...uris].sort()).toEqual(['fixtures/004_52bb338bf9d79d54.txt', relativeGap].sort());
    // The heading gap's location, as the text report gives it.
    const gapResult = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'PLN401');
    expect(gapResult.locations[0].physicalLocation.region).toEqual({ startLine: 27, startColumn: 1 });
    expect(gapResult.level).toBe('error');
  });

  it('sarif artifact URIs: relative paths percent-encoded per segment, absolute paths as file: URIs', () => {
    expect(artifactUri('corpus/县 规划.txt')).toBe('corpus/%E5%8E%BF%20%E8%A7%84%E5%88%92.txt');
    expect(artifactUri('/data/a#1.txt')).toBe('file:///data/a%231.txt');
  });

  it('the version in SARIF and --version is the package version', async () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('--max-warnings: a failure says why in one line', async () => {
    const run = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', '--max-warnings', '0']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^plans: \d+ warnings?, more than --max-warnings 0\n$/);
    const ok = await runCli(['check', 'fixtures/004_52bb338bf9d79d54.txt', '--max-warnings', '1000']);
    expect(ok.stderr).toBe('');
  });

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

  it('unknown codes, severities and keys are usage errors naming the key; $schema is allowed', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.txt'), '某某县卫生健康工作方案\n');
    const config = path.join(dir, 'plans.config.json');
    const cases: [object, RegExp][] = [
      [{ rules: { PLN999: 'off' } }, /plans\.config\.json: rules: .*"PLN999"/],
      [{ rules: { 'segment/heading-gap': 'off' } }, /plans\.config\.json: rules: .*"segment\/heading-gap"/],
      [{ rule: { PLN401: 'off' } }, /plans\.config\.json: \(root\): .*"rule"/],
      [{ overrides: [{ files: ['*.txt'], rules: { PLN401: 'off' }, severity: 'x' }] }, /plans\.config\.json: overrides\.0: .*"severity"/],
      [{ rules: { PLN401: 'warn' } }, /plans\.config\.json: rules\.PLN401: /],
    ];
    for (const [body, message] of cases) {
      writeFileSync(config, JSON.stringify(body));
      const run = await runCli(['check', 'a.txt'], { cwd: dir });
      expect(run.exitCode, JSON.stringify(body)).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(config, JSON.stringify({ $schema: './node_modules/plans/schemas/plans-config.schema.json', rules: { PLN302: 'off' } }));
    const ok = await runCli(['check', 'a.txt', '--format', 'json'], { cwd: dir });
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).files[0].diagnostics.map((d: Diagnostic) => d.code)).not.toContain('PLN302');
  });

  it('is looked up above the working directory, up to the folder holding .git', async () => {
    const top = tmp();
    const repo = path.join(top, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'corpus', '县级'), { recursive: true });
    const contact = '各单位于每月5日前报送材料（联系人：孙丽，联系电话：13811112222）。\n';
    writeFileSync(path.join(repo, 'corpus', '县级', 'a.txt'), `某某县卫生健康工作方案\n${contact}`);
    writeFileSync(path.join(repo, 'plans.config.json'), JSON.stringify({ rules: { PLN702: 'error' } }));
    // Above the repository: never read (it would switch PLN702 off).
    writeFileSync(path.join(top, 'plans.config.json'), JSON.stringify({ rules: { PLN702: 'off' } }));
    const run = await runCli(['check', 'a.txt', '--format', 'json'], { cwd: path.join(repo, 'corpus', '县级') });
    const severities = JSON.parse(run.stdout).files[0].diagnostics.filter((d: Diagnostic) => d.code === 'PLN702').map((d: Diagnostic) => d.severity);
    expect(severities).toEqual(['error', 'error']);
    expect(run.exitCode).toBe(1);
  });

  it('in one run over several folders, each file gets the configs of its own folders, the nearest deciding', async () => {
    const repo = tmp();
    mkdirSync(path.join(repo, '.git'));
    for (const folder of ['a', 'b', path.join('a', 'deep')]) mkdirSync(path.join(repo, folder), { recursive: true });
    const contact = '各单位于每月5日前报送材料（联系人：孙丽，联系电话：13811112222）。\n';
    for (const file of ['a/x.txt', 'b/y.txt', 'a/deep/z.txt', 'a/w.txt']) writeFileSync(path.join(repo, file), `某某县卫生健康工作方案\n${contact}`);
    writeFileSync(path.join(repo, 'plans.config.json'), JSON.stringify({ rules: { PLN702: 'error' } }));
    writeFileSync(path.join(repo, 'a', 'plans.config.json'), JSON.stringify({ rules: { PLN702: 'off' } }));
    writeFileSync(path.join(repo, 'a', 'deep', 'plans.config.json'), JSON.stringify({ rules: { PLN702: 'info' } }));
    const run = await runCli(['check', 'a/x.txt', 'b/y.txt', 'a/deep/z.txt', 'a/w.txt', '--format', 'json'], { cwd: repo });
    const severities = (name: string) =>
      JSON.parse(run.stdout).files.find((f: { file: string }) => f.file.endsWith(name)).diagnostics.filter((d: Diagnostic) => d.code === 'PLN702').map((d: Diagnostic) => d.severity);
    expect([severities('x.txt'), severities('y.txt'), severities('z.txt'), severities('w.txt')]).toEqual([[], ['error', 'error'], ['info', 'info'], []]);
  });

  it('files patterns are globs: * stays within a folder, ** crosses folders, {a,b} and [..] as in any glob', () => {
    const warning: Diagnostic = { code: 'PLN404', severity: 'warning', message: 'm', file: 'f', line: 1, column: 1 };
    const offFor = (pattern: string, relative: string) => {
      const configs: LoadedConfig[] = [{ dir: '/corpus', config: CheckConfigSchema.parse({ overrides: [{ files: [pattern], rules: { PLN404: 'off' } }] }) }];
      return applyConfig([warning], path.join('/corpus', relative), configs).length === 0;
    };
    expect(offFor('*.html', 'a.html')).toBe(true);
    expect(offFor('*.html', 'x/a.html')).toBe(false);
    expect(offFor('**/*.html', 'x/y/a.html')).toBe(true);
    expect(offFor('legacy/**', 'legacy/2017/a.txt')).toBe(true);
    expect(offFor('*.{htm,html}', 'b.htm')).toBe(true);
    expect(offFor('*.{htm,html}', 'b.txt')).toBe(false);
    expect(offFor('201[6-9]/*.txt', '2017/a.txt')).toBe(true);
    expect(offFor('201[6-9]/*.txt', '2020/a.txt')).toBe(false);
    expect(offFor('!(legacy)/*.txt', 'new/a.txt')).toBe(true);
    expect(offFor('a+b.txt', 'a+b.txt')).toBe(true);
  });
});
