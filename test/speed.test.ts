/**
 * Speed that must not cost correctness, on the built CLI: `plans extract --jobs N` (the files of a
 * folder extracted by worker threads give the same output files, the same standard output and the
 * same messages, in the same order, as `--jobs 1`), and start-up that loads only what the command
 * and the input's format need, from the one-file build (scripts/bundle.mjs) with its code cache. Runs
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
const build = path.join(root, 'node_modules', '.cache', `plans-speed-test-${process.pid}`);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', path.join(build, 'dist')]);
  // The build of `npm run build`: the modules, then the one-file CLI and its code cache.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), path.join(build, 'dist')]);
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

  it('check gives the same report, in every format, and the same exit and messages with --jobs 2 as with --jobs 1', () => {
    for (const format of ['json', 'sarif', 'text']) {
      const [one, two] = [1, 2].map((jobs) => {
        const run = spawnSync(process.execPath, [path.join(build, 'bin', 'plans'), 'check', corpus, '--format', format, '--jobs', String(jobs)], { encoding: 'utf8' });
        return { status: run.status, stdout: run.stdout, stderr: run.stderr };
      });
      expect(two, format).toEqual(one);
      expect(one.status).toBe(2);
      expect(one.stderr).toMatch(/^plans: \S+broken\.pdf: [^\n]+\n$/);
    }
    const report = JSON.parse(spawnSync(process.execPath, [path.join(build, 'bin', 'plans'), 'check', corpus, '--format', 'json', '--jobs', '2'], { encoding: 'utf8' }).stdout);
    expect(report.files.map((f: { file: string }) => path.basename(f.file))).toEqual(
      // The walk's order (sorted names, folder b/ among the files): the PDF is in b/.
      ['000_tb_plan.gbk.html', '004_52bb338bf9d79d54.txt', '002_11cdaf7be783ca84.txt', '004_52bb338bf9d79d54.utf16le.txt', 'broken.pdf', 'numbered-table-plan.pdf', 'numbered-table-plan.docx'],
    );
  }, 120_000);

  it('refuses --jobs 0 with a usage error', () => {
    const run = extract(0);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
  });
});

describe('start-up', () => {
  /** The modules `plans <args>` loaded, as paths under the build or under node_modules (`cheerio/…`). */
  function loadedBy(...args: string[]): string[] {
    const record = path.join(corpus, 'loads.txt');
    const run = spawnSync(process.execPath, ['--import', path.join(root, 'test', 'helpers', 'record-loads.mjs'), path.join(build, 'bin', 'plans'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, PLANS_LOADS: record },
    });
    expect(run.stderr).toBe('');
    return readFileSync(record, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^file:\/\//, ''))
      .map((file) => (file.startsWith(build) ? path.relative(build, file) : file.replace(/^.*\/node_modules\//, '')));
  }
  const library = (loaded: string[], name: string) => loaded.some((file) => file.startsWith(`${name}/`));

  it('--version and --help run the one-file build and load no reader or format library', () => {
    for (const args of [['--version'], ['--help'], ['extract', '--help']]) {
      const loaded = loadedBy(...args);
      // The bundle is compiled by load-main, not imported: no other module of dist/ is loaded.
      expect(loaded.filter((file) => file.startsWith('dist/'))).toEqual(['dist/cli/load-main.js']);
      for (const name of ['cheerio', 'yaml', 'pdfjs-dist', 'opencc-js', 'tinypool', 'iconv-lite', 'word-extractor']) expect(library(loaded, name), `${args.join(' ')} loads ${name}`).toBe(false);
    }
  });

  it('extract of a simplified UTF-8 text as JSON loads neither cheerio, OpenCC, iconv-lite nor csv-stringify; an HTML page as YAML loads cheerio, and YAML is written without the yaml package', () => {
    const text = loadedBy('extract', path.join(corpus, '004_52bb338bf9d79d54.txt'), '--stdout', '--format', 'json');
    for (const name of ['cheerio', 'yaml', 'opencc-js', 'pdfjs-dist', 'iconv-lite', 'csv-stringify']) expect(library(text, name), name).toBe(false);
    const page = loadedBy('extract', path.join(corpus, '000_tb_plan.gbk.html'), '--stdout');
    expect(library(page, 'cheerio')).toBe(true);
    expect(library(page, 'yaml')).toBe(false);
  });

  it('extract of one file runs in-process even with --jobs 2: no worker pool is loaded; two files load it', () => {
    const one = loadedBy('extract', path.join(corpus, '004_52bb338bf9d79d54.txt'), '--stdout', '--format', 'json', '--jobs', '2');
    expect(library(one, 'tinypool')).toBe(false);
    const two = loadedBy('extract', path.join(corpus, '004_52bb338bf9d79d54.txt'), path.join(corpus, 'numbered-table-plan.docx'), '--stdout', '--format', 'json', '--jobs', '2');
    expect(library(two, 'tinypool')).toBe(true);
  });

  it('the worker threads of --jobs 2 run the one-file build too: no module of dist/ is loaded but the worker and load-main', () => {
    const loaded = loadedBy('extract', path.join(corpus, '004_52bb338bf9d79d54.txt'), path.join(corpus, 'b', '002_11cdaf7be783ca84.txt'), '--stdout', '--format', 'json', '--jobs', '2');
    expect([...new Set(loaded.filter((file) => file.startsWith('dist/')))].sort()).toEqual(['dist/cli/load-main.js', 'dist/cli/pool-worker.js']);
  });
});

describe('the one-file build', () => {
  it('is compiled with the code cache saved beside it (V8 takes it)', async () => {
    const { compileBundle, CODE_CACHE } = await import(path.join(build, 'dist', 'cli', 'load-main.js'));
    const { script } = compileBundle(readFileSync(CODE_CACHE));
    expect(script.cachedDataRejected).toBe(false);
  });

  it('extracts every format as the modules tsc wrote do (a build left without its bundle runs them)', () => {
    const modulesOnly = path.join(root, 'node_modules', '.cache', `plans-speed-test-modules-${process.pid}`);
    cpSync(build, modulesOnly, { recursive: true });
    rmSync(path.join(modulesOnly, 'dist', 'bundle'), { recursive: true });
    try {
      const [bundled, modules] = [build, modulesOnly].map((dir) => {
        const out = mkdtempSync(path.join(tmpdir(), 'plans-bundle-out-'));
        const run = spawnSync(process.execPath, [path.join(dir, 'bin', 'plans'), 'extract', corpus, '--jobs', '1', '--out-dir', out, '--format', 'json'], { encoding: 'utf8' });
        return { status: run.status, stderr: run.stderr, files: filesUnder(out) };
      });
      // The PDF, the DOCX (in b/) and the GBK page among them: each reader runs from the bundle.
      expect(Object.keys(bundled.files)).toEqual(expect.arrayContaining(['numbered-table-plan.json', 'b/numbered-table-plan.json', '000_tb_plan.gbk.json']));
      expect(bundled).toEqual(modules);
    } finally {
      rmSync(modulesOnly, { recursive: true, force: true });
    }
  }, 120_000);
});
