/**
 * `plans extract --jobs N`: the files of a folder extracted by worker threads give the same output
 * files, the same standard output and the same messages, in the same order, as `--jobs 1`. Runs
 * the CLI built into a folder of its own (a worker thread loads compiled JavaScript; the
 * repository's dist/ is left to the package test, which builds it at the same time).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const corpus = mkdtempSync(path.join(tmpdir(), 'plans-jobs-'));
// Under node_modules, so that the build finds the dependencies; bin/plans loads ../dist from there.
const build = path.join(root, 'node_modules', '.cache', `plans-jobs-test-${process.pid}`);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', path.join(build, 'dist')]);
  cpSync(path.join(root, 'bin'), path.join(build, 'bin'), { recursive: true });
  // Text in three encodings, an HTML page, a DOCX and a PDF, in two folders, and one file that is no PDF.
  const sources = ['004_52bb338bf9d79d54.txt', '002_11cdaf7be783ca84.txt', 'encodings/000_tb_plan.gbk.html', 'encodings/004_52bb338bf9d79d54.utf16le.txt', 'formats/numbered-table-plan.docx', 'formats/numbered-table-plan.pdf'];
  mkdirSync(path.join(corpus, 'b'));
  sources.forEach((source, k) => copyFileSync(path.join(root, 'fixtures', source), path.join(corpus, k % 2 === 0 ? '' : 'b', path.basename(source))));
  writeFileSync(path.join(corpus, 'b', 'broken.pdf'), 'this is no PDF');
}, 120_000);

afterAll(() => rmSync(build, { recursive: true, force: true }));

function extract(jobs: number, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(build, 'bin', 'plans'), 'extract', corpus, '--jobs', String(jobs), ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function filesUnder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('extract --jobs', () => {
  it('writes the same files, byte for byte, with --jobs 2 as with --jobs 1; the bad input fails alone with one line', () => {
    const [one, two] = [1, 2].map((jobs) => {
      const out = mkdtempSync(path.join(tmpdir(), `plans-jobs-out${jobs}-`));
      return { run: extract(jobs, '--out-dir', out), files: filesUnder(out) };
    });
    expect(Object.keys(one.files).sort()).toEqual([
      '000_tb_plan.gbk.yaml', '004_52bb338bf9d79d54.yaml', 'b/002_11cdaf7be783ca84.yaml', 'b/004_52bb338bf9d79d54.utf16le.yaml',
      'b/numbered-table-plan.yaml', 'numbered-table-plan.yaml',
    ]);
    expect(two.files).toEqual(one.files);
    expect(one.run.stderr).toMatch(/^plans: \S+broken\.pdf: [^\n]+\n$/);
    expect(two.run).toEqual(one.run);
    expect(one.run.status).toBe(2);
  }, 120_000);

  it('prints the same JSON array, in the same order, with --jobs 3 as with --jobs 1', () => {
    const one = extract(1, '--stdout', '--format', 'json');
    const three = extract(3, '--stdout', '--format', 'json');
    expect(JSON.parse(one.stdout).map((r: { source: { path: string } }) => path.basename(r.source.path))).toHaveLength(6);
    expect(three).toEqual(one);
  }, 120_000);

  it('refuses --jobs 0 with a usage error', () => {
    const run = extract(0);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
  });
});
