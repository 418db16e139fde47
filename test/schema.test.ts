import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { PUBLISHED_SCHEMAS, renderJsonSchema, schemaFileName } from '../src/model/json-schemas.js';
import { extract } from '../src/pipeline.js';
import { runCli } from './helpers/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemasDir = path.join(root, 'schemas');
const names = Object.keys(PUBLISHED_SCHEMAS);

/** Every text and HTML file under fixtures/, recursively (the inputs `extract` accepts). */
function fixtureInputs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...fixtureInputs(full));
    else if (/\.(txt|text|html?|xhtml)$/i.test(entry)) out.push(full);
  }
  return out;
}

function committed(name: string): string {
  return readFileSync(path.join(schemasDir, schemaFileName(name)), 'utf8');
}

function compile(name: string) {
  // Ajv's CommonJS default export arrives as a namespace under some loaders.
  const Ajv = ((Ajv2020 as unknown as { default?: unknown }).default ?? Ajv2020) as unknown as new (options: object) => { compile: (schema: object) => ValidateFunction };
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(committed(name)));
}

describe('published JSON Schemas', () => {
  it('publishes extract-result', () => {
    expect(names).toContain('extract-result');
  });

  it.each(names)('schemas/%s.schema.json is up to date with the zod schemas', (name) => {
    const generated = renderJsonSchema(name);
    const onDisk = committed(name);
    expect(onDisk === generated, `schemas/${schemaFileName(name)} is out of date: run \`plans schema\` and commit the result`).toBe(true);
  });

  it('the committed folder holds exactly the published schemas', async () => {
    const files = (await readdir(schemasDir)).filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(names.map(schemaFileName).sort());
  });

  it('has $id, title, draft 2020-12 and a trailing newline', () => {
    const text = committed('extract-result');
    const schema = JSON.parse(text);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('extract-result.schema.json');
    expect(schema.title).toBe('ExtractResult');
    expect(text.endsWith('}\n')).toBe(true);
  });

  const inputs = fixtureInputs(path.join(root, 'fixtures'));
  it('finds fixture inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(5);
  });

  it.each(inputs.map((file) => [path.relative(root, file), file]))(
    'extract output of %s is valid against the committed schema',
    (_shown, file) => {
      const validate = compile('extract-result');
      const result = extract(readFileSync(file), path.relative(root, file));
      const json = JSON.parse(JSON.stringify(result));
      const ok = validate(json);
      expect(validate.errors ?? [], `${file}`).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('rejects results with a wrong field type, a missing field or an extra field', () => {
    const validate = compile('extract-result');
    const good = JSON.parse(JSON.stringify(extract(readFileSync(path.join(root, 'fixtures/000_a55dad31d5b2c431.txt')), 'fixtures/000_a55dad31d5b2c431.txt')));
    expect(validate(good)).toBe(true);
    expect(good.documents.length).toBeGreaterThan(0);

    const wrongType = structuredClone(good);
    wrongType.documents[0].titleTruncated = 'no';
    expect(validate(wrongType)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/documents/0/titleTruncated');

    const badDate = structuredClone(good);
    badDate.documents[0].date = '21.12.2017';
    expect(validate(badDate)).toBe(false);

    const missing = structuredClone(good);
    delete missing.source.sha256;
    expect(validate(missing)).toBe(false);

    const extra = structuredClone(good);
    extra.documents[0].unexpected = 1;
    expect(validate(extra)).toBe(false);

    const badSection = structuredClone(good);
    badSection.documents[0].sections = [{ id: 's1', level: 9, marker: '一、', ordinal: 1, title: 't', text: '', children: [], span: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }];
    expect(validate(badSection)).toBe(false); // level above 4, through the recursive $defs/Section
  });
});

describe('plans schema', () => {
  it('writes every schema into --out-dir and prints the paths', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plans-schema-'));
    try {
      const run = await runCli(['schema', '--out-dir', 'out/js'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe(names.map((n) => path.join('out/js', schemaFileName(n)) + '\n').join(''));
      for (const name of names) {
        expect(await readFile(path.join(dir, 'out/js', schemaFileName(name)), 'utf8')).toBe(committed(name));
      }
      // Atomic writes leave no temporary files behind.
      expect((await readdir(path.join(dir, 'out/js'))).sort()).toEqual(names.map(schemaFileName).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('defaults to schemas/ under the working folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plans-schema-'));
    try {
      const run = await runCli(['schema'], { cwd: dir });
      expect(run.exitCode).toBe(0);
      expect(await readFile(path.join(dir, 'schemas', 'extract-result.schema.json'), 'utf8')).toBe(committed('extract-result'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--help describes the command', async () => {
    const run = await runCli(['schema', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('--out-dir');
    expect(run.stdout).toContain('extract-result');
  });

  it('an unwritable out dir is a one-line error with exit 2', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plans-schema-'));
    try {
      // A file where the folder should be.
      await runCli(['schema', '--out-dir', 'x'], { cwd: dir });
      const run = await runCli(['schema', '--out-dir', 'x/extract-result.schema.json'], { cwd: dir });
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^plans: x\/extract-result\.schema\.json\/extract-result\.schema\.json: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
