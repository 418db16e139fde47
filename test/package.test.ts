/**
 * The published package works as a library: `npm pack`, install the tarball into a fresh folder,
 * and import { extract, diff, series, check } from 'plans' there, in JavaScript and, with the package's own
 * types, in TypeScript. Dependencies come from npm's cache when it has them (after `npm ci`).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => path.join(root, 'fixtures', name);

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { extract, diff, series, check } from 'plans';
const [childFile, parentFile] = process.argv.slice(2);
const child = extract(readFileSync(childFile), childFile);
const parent = extract(readFileSync(parentFile), parentFile);
const report = await check([childFile, 'missing.txt']);
console.log(JSON.stringify({
  documents: child.documents.length,
  schemaVersion: child.schemaVersion,
  pairs: diff(child, parent).pairs.length,
  plans: series([parent, child]).plans.length,
  checked: report.files.map((f) => [f.file, f.readable]),
}));
`;

const TYPED = `
import { extract, check, type ExtractResult, type CheckReport, type DiffResult, diff } from 'plans';
const result: ExtractResult = extract(new TextEncoder().encode('某某县卫生健康工作方案\\n'), 'a.txt');
const titles: string[] = result.documents.map((d) => d.title);
const report: Promise<CheckReport> = check(['a.txt'], { cwd: '.' });
const compared: DiffResult = diff(result, result);
// @ts-expect-error: a document's title is a string, not a number
const wrong: number = result.documents[0].title;
export { titles, report, compared, wrong };
`;

describe('the packed library', () => {
  it('installs into a fresh folder and imports { extract, diff, series, check } from plans, with types', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'plans-pack-'));
    try {
      const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      npm(['pack', '--silent', '--pack-destination', work], root);
      const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      const app = path.join(work, 'app');
      mkdirSync(app);
      writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
      npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', path.join(work, tarball!)], app);

      writeFileSync(path.join(app, 'index.mjs'), SCRIPT);
      const child = fixture('004_52bb338bf9d79d54.txt');
      const out = JSON.parse(execFileSync('node', ['index.mjs', child, fixture('002_11cdaf7be783ca84.txt')], { cwd: app, encoding: 'utf8' }));
      expect(out.schemaVersion).toBe('1');
      expect(out.documents).toBeGreaterThan(0);
      expect(typeof out.pairs).toBe('number');
      expect(out.plans).toBeGreaterThanOrEqual(2); // one plan (document) of each input at least
      expect(out.checked).toEqual([[child, true], ['missing.txt', false]]);

      writeFileSync(path.join(app, 'typed.ts'), TYPED);
      const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--typeRoots', path.join(root, 'node_modules', '@types'), '--types', 'node', 'typed.ts'];
      execFileSync('node', [tsc, ...args], { cwd: app, encoding: 'utf8' });
      // The license file ships with the package and matches package.json.
      const installed = path.join(app, 'node_modules', 'plans');
      expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).license).toBe('MIT');
      expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('the built command on a terminal (script -qc gives it a pseudo-terminal)', () => {
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasScript) console.log('note: script (util-linux) is not installed; the terminal checks are skipped');
  const inputs = ['004_52bb338bf9d79d54.txt', '002_11cdaf7be783ca84.txt'].map(fixture);
  /** Runs bin/plans under `script`, which gives stdin, stdout and stderr one pseudo-terminal; returns what it printed. */
  const onTerminal = (args: string[]) => {
    const command = ['node', path.join(root, 'bin', 'plans'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return execFileSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  };

  it.skipIf(!hasScript)('several files: a progress line, then a one-line summary', () => {
    execFileSync('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')]);
    const out = mkdtempSync(path.join(tmpdir(), 'plans-tty-'));
    const printed = onTerminal(['extract', ...inputs, '--out-dir', out]);
    expect(printed).toMatch(/\r\x1b\[K1\/2 files {2}\d+\.\d MB\/s {2}\d+\.\d s/);
    expect(printed).toMatch(/\r\x1b\[K2\/2 files {2}\d+\.\d MB\/s {2}\d+\.\d s/);
    expect(printed).toMatch(/\r\x1b\[K2 files, \d+ documents?, \d+ targets?, \d+ responsibilit(y|ies), \d+ warnings?, 0 errors in \d+\.\d s\r?\n/);
    expect(readdirSync(out).sort()).toEqual(['002_11cdaf7be783ca84.yaml', '004_52bb338bf9d79d54.yaml']);
  }, 120_000);

  it.skipIf(!hasScript)('--quiet, or a single file: nothing but the output', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'plans-tty-'));
    expect(onTerminal(['extract', ...inputs, '--out-dir', out, '--quiet'])).toBe('');
    expect(onTerminal(['extract', inputs[0], '--out-dir', out])).toBe('');
  }, 60_000);
});
