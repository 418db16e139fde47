/**
 * Output stays proportional to its input: the fix log and the diagnostics are samples with counts,
 * not one entry per changed character or broken byte run (nested brackets gave 34 bytes of JSON
 * per input byte, a file of mixed encodings 25).
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { extract } from '../src/pipeline.js';
import { emitMany } from '../src/emit/emit.js';
import { MAX_FIX_EXAMPLES } from '../src/model/schemas.js';
import { ADVERSARIAL } from '../bench/adversarial-inputs.mjs';

const ratio = (bytes: Buffer) => Buffer.byteLength(emitMany([extract(bytes, 'plan.txt')], 'json', { table: 'targets' }, false)) / bytes.length;

describe('output size per input byte', () => {
  it('nested brackets (each ASCII one a fix) stay under 3× (were 34×)', () => {
    const bytes = ADVERSARIAL['nested brackets'](0.2);
    const result = extract(bytes, 'plan.txt');
    const fix = result.normalization.fixes.find((f) => f.kind === 'ascii-punctuation')!;
    expect(fix.count).toBeGreaterThan(MAX_FIX_EXAMPLES);
    expect(fix.examples).toHaveLength(MAX_FIX_EXAMPLES);
    expect(ratio(bytes)).toBeLessThan(3);
  });

  it('every adversarial input stays under 10× in every format (heading-only lines were 38×)', () => {
    for (const scale of [0.2]) {
      for (const [name, make] of Object.entries(ADVERSARIAL)) {
        const bytes = make(scale);
        let result;
        try {
          result = extract(bytes, 'plan.txt');
        } catch {
          continue; // refused (NUL bytes): nothing is written
        }
        for (const format of ['json', 'jsonl', 'yaml'] as const) {
          const size = Buffer.byteLength(emitMany([result], format, { table: 'targets' }, false)) / bytes.length;
          expect(size, `${name} ×${scale} ${format}`).toBeLessThan(10);
        }
      }
    }
  });

  it('a marker alone, with no title on its line or the next, heads no section', () => {
    const result = extract(Buffer.from('某县卫生健康工作要点\n一、\n（一）\n1．\n二、保障措施\n加强领导。\n'), 'plan.txt');
    const titles = result.documents.flatMap((d) => d.sections.map((s) => `${s.marker}${s.title}`));
    expect(titles).toEqual(['二、保障措施']);
  });

  it('JSON keeps small leaves (spans) on one line, the same value as JSON.stringify', () => {
    const result = extract(readFileSync('fixtures/004_52bb338bf9d79d54.txt'), 'plan.txt');
    const text = emitMany([result], 'json', { table: 'targets' }, false);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(text).toMatch(/"span": \{"start":\{"line":\d+,"column":\d+\},"end":\{"line":\d+,"column":\d+\}\}/);
    expect(text.length).toBeLessThan(JSON.stringify(result, null, 2).length * 0.8);
  });

  it('a file with a broken byte run on every line lists 100 of them and says how many more', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 2 ? Buffer.from('二、主要任务\n') : Buffer.concat([iconv.encode('（一）加强服务。', 'gb18030'), Buffer.of(0x80), Buffer.from('\n')])));
    const result = extract(Buffer.concat(lines), 'plan.txt');
    const broken = result.diagnostics.filter((d) => d.code === 'PLN005');
    expect(broken).toHaveLength(101);
    // 1,500 lines hold a broken byte: at least 1,400 are summed up in the last one.
    const more = Number(/^(\d+) more PLN005 diagnostics in this file not listed/.exec(broken[100].message)?.[1]);
    expect(more).toBeGreaterThanOrEqual(1400);
  });
});

describe('an input too large to process in memory', () => {
  it('fails alone with one line; the next input is still written', async () => {
    vi.resetModules();
    vi.doMock('../src/pipeline.js', async (original) => {
      const real = await original<typeof import('../src/pipeline.js')>();
      return {
        ...real,
        cleanTextAsync: (bytes: Uint8Array, file: string, options: object) =>
          file === 'huge.txt' ? Promise.reject(new RangeError('Invalid string length')) : real.cleanTextAsync(bytes, file, options),
      };
    });
    const { runCli } = await import('./helpers/cli.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'plans-size-'));
    writeFileSync(path.join(dir, 'huge.txt'), '某县规划\n');
    writeFileSync(path.join(dir, 'good.txt'), '某县卫生健康规划\n\n一、总体要求\n');
    const run = await runCli(['extract', 'huge.txt', 'good.txt'], { cwd: dir });
    vi.doUnmock('../src/pipeline.js');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('plans: huge.txt: input too large to process in memory; split it or lower --max-bytes\n');
    expect(existsSync(path.join(dir, 'out', 'good.yaml'))).toBe(true);
  });
});
