import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runCli } from './helpers/cli.js';
import { DiffResultSchema } from '../src/diff/model.js';

/** Two small plan files (written for the test) whose titles differ only by region, and an unrelated one. */
function files() {
  const dir = mkdtempSync(path.join(tmpdir(), 'plans-diff-cli-'));
  const child = path.join(dir, 'district.txt');
  const parent = path.join(dir, 'city.txt');
  const other = path.join(dir, 'other.txt');
  writeFileSync(child, '江西省赣州市章贡区“十四五”结核病防治规划\n\n一、总体目标\n\n到2025年，全区肺结核发病率下降到35/10万以下。\n');
  writeFileSync(parent, '江西省赣州市“十四五”结核病防治规划\n\n一、总体目标\n\n到2025年，全市肺结核发病率下降到40/10万以下。\n');
  writeFileSync(other, '某县职业病危害因素监测工作方案\n\n一、监测范围\n\n全县存在粉尘、噪声危害的工业企业。\n');
  return { dir, child, parent, other };
}

describe('plans diff', () => {
  it('--help describes the options', async () => {
    const run = await runCli(['diff', '--help']);
    expect(run.exitCode).toBe(0);
    for (const option of ['--format', 'text', 'html', '--child-doc', '--parent-doc']) expect(run.stdout).toContain(option);
  });

  it('pairs plans whose titles differ by region and prints valid JSON', async () => {
    const { child, parent } = files();
    const run = await runCli(['diff', child, parent, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const result = DiffResultSchema.parse(JSON.parse(run.stdout));
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0].child.file).toBe(child);
    expect(result.pairs[0].parent.file).toBe(parent);
  });

  it('yaml, csv, html and text formats; text is plain unless stdout is a terminal without NO_COLOR', async () => {
    const { child, parent } = files();
    const yaml = await runCli(['diff', child, parent, '--format', 'yaml']);
    expect(DiffResultSchema.safeParse(parseYaml(yaml.stdout)).success).toBe(true);
    expect((await runCli(['diff', child, parent, '--format', 'csv'])).stdout.split('\n')[0]).toMatch(/^kind,child_file,/);
    expect((await runCli(['diff', child, parent, '--format', 'html'])).stdout).toMatch(/^<!DOCTYPE html>/);
    const plain = await runCli(['diff', child, parent]);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toContain('Summary:');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['diff', child, parent], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('nothing paired: one line per file listing its documents, exit 2', async () => {
    const { child, other } = files();
    const run = await runCli(['diff', child, other]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^plans: ${child.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no document paired; documents: d1 \\(\\w+\\) 《江西省赣州市章贡区“十四五”结核病防治规划`));
    expect(lines[1]).toContain('《某县职业病危害因素监测工作方案');
  });

  it('an unknown document id or a missing file: one line on stderr, exit 2, no stack trace', async () => {
    const { dir, child, parent } = files();
    const unknown = await runCli(['diff', child, parent, '--parent-doc', 'd99']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^plans: .*city\.txt: no document d99 \(documents: d1[^)]*\)\n$/);
    const missing = await runCli(['diff', path.join(dir, 'nope.txt'), parent]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`plans: ${path.join(dir, 'nope.txt')}: no such file or directory\n`);
    const bad = await runCli(['diff', child, parent, '--format', 'pdf']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
