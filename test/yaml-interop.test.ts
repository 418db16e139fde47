/**
 * The YAML output loads to the JSON output in every common parser: the `yaml` package, PyYAML
 * (`safe_load`, and libyaml's CSafeLoader where PyYAML was built with it) and `yq`. A parser that is
 * not on the machine is skipped with a printed note; CI (.ci/run) installs python3-yaml and yq.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { toYaml } from '../src/emit/yaml.js';

const EXPECTED = 'fixtures/expected';

function goldens(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? goldens(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []))
    .sort();
}

const hasPyYaml = spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
const hasYq = spawnSync('yq', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPyYaml) console.log('note: python3 with PyYAML is not installed; the PyYAML checks are skipped (apt-get install python3-yaml)');
if (!hasYq) console.log('note: yq is not installed; the yq checks are skipped (apt-get install yq)');

/**
 * Loads each YAML file with PyYAML's SafeLoader and, if built in, libyaml's CSafeLoader, and
 * compares the value with the JSON file beside it; prints one line per file that differs or fails.
 */
const PY_COMPARE = `
import json, sys, yaml
loaders = [('safe_load', yaml.SafeLoader)] + ([('libyaml', yaml.CSafeLoader)] if yaml.__with_libyaml__ else [])
for yaml_path, json_path in zip(sys.argv[1::2], sys.argv[2::2]):
    text = open(yaml_path, encoding='utf-8').read()
    expected = json.load(open(json_path, encoding='utf-8'))
    for name, loader in loaders:
        try:
            docs = list(yaml.load_all(text, Loader=loader))
            value = docs[0] if len(docs) == 1 else docs
            if value != expected:
                print(f'{yaml_path}: {name}: loads to a different value')
        except Exception as error:
            print(f'{yaml_path}: {name}: {str(error).splitlines()[0]}')
`;

/** Runs PY_COMPARE on pairs of (YAML text, expected value); returns its complaints. */
function pyYamlComplaints(pairs: readonly { name: string; yaml: string; value: unknown }[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'plans-yaml-'));
  try {
    const args = pairs.flatMap(({ name, yaml, value }, k) => {
      const base = path.join(dir, `${k}`);
      writeFileSync(`${base}.yaml`, yaml);
      writeFileSync(`${base}.json`, JSON.stringify(value));
      return [`${base}.yaml`, `${base}.json`];
    });
    const out = execFileSync('python3', ['-c', PY_COMPARE, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const names = new Map(pairs.map((p, k) => [path.join(dir, `${k}.yaml`), p.name]));
    return out.split('\n').filter(Boolean).map((line) => {
      const file = line.slice(0, line.indexOf(': '));
      return `${names.get(file) ?? file}${line.slice(file.length)}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('YAML goldens load to the same value in every parser', () => {
  const files = goldens(EXPECTED);
  // The golden test checks that each golden is the emitted YAML and that the `yaml` package loads
  // it to the JSON output; here every golden is compared with that same value.
  const values = new Map(files.map((f) => [f, parseYaml(readFileSync(f, 'utf8'))]));

  it('there are goldens to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.skipIf(!hasPyYaml)('PyYAML safe_load and libyaml', () => {
    const pairs = files.map((f) => ({ name: f, yaml: readFileSync(f, 'utf8'), value: values.get(f) }));
    expect(pyYamlComplaints(pairs)).toEqual([]);
  }, 120_000);

  it.skipIf(!hasYq)('yq', () => {
    for (const file of files) {
      const json = execFileSync('yq', ['.', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(JSON.parse(json), file).toEqual(values.get(file));
    }
  }, 300_000);
});

describe('YAML of awkward strings', () => {
  // Tabs, CR, NEL and line separators, leading and trailing blanks, and words or numbers that a
  // YAML 1.1 or 1.2 resolver reads as other types, in any order.
  const piece = fc.constantFrom(
    '\t', '\n', '\r', '\r\n', ' ', '  ', '\u0085', '\u2028', '\u2029', '\ufeff', '\u007f', '\u0001', '\u00a0', '\u3000',
    'yes', 'No', 'on', 'OFF', 'y', 'n', 'null', '~', '=', '<<', 'true', '.inf', '-.NaN', '0o17', '010', '0x1F', '1_000', '1:20', '+5',
    '2017-12-21', '2017-12-21 10:00:00', '2020年', '.5', '1e3', '-', '- ', '? ', ': ', '#', ' #', '|', '>', '!', '&a', '*a', '%', '@', '`',
    '"', "'", '\\', '{', '}', '[', ']', ',', '---', '...', '规划', '（一）', '责任单位：', '90%', '1/10万',
  );
  const awkward = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
  const samples = fc.sample(awkward, { numRuns: 1000, seed: 15 });

  it('load back to themselves in the yaml package', () => {
    fc.assert(fc.property(awkward, (s) => {
      expect(parseYaml(toYaml({ text: s, list: [s] }))).toEqual({ text: s, list: [s] });
    }), { numRuns: 1000 });
  });

  it.skipIf(!hasPyYaml)('load back to themselves in PyYAML and libyaml', () => {
    const pairs = samples.map((s, k) => ({ name: JSON.stringify(s), yaml: toYaml({ text: s, list: [s] }), value: { text: s, list: [s] }, k }));
    expect(pyYamlComplaints(pairs)).toEqual([]);
  }, 60_000);

  it('quote dates, booleans and numbers, and keep tab-free multi-line text a block literal', () => {
    expect(toYaml({ date: '2017-12-21', flag: 'on', num: '010', text: '到2020年' })).toBe('date: "2017-12-21"\nflag: "on"\nnum: "010"\ntext: 到2020年\n');
    expect(toYaml({ text: '第一行\n第二行' })).toBe('text: |-\n  第一行\n  第二行\n');
    expect(toYaml({ text: '指标\t2020年\n\t目标值' })).toBe('text: "指标\\t2020年\\n\\t目标值"\n');
    // A line of only spaces is lost in a block literal (the yaml package would write one).
    expect(toYaml({ text: '第一行\n  \n第三行' })).toBe('text: "第一行\\n \\ \\n第三行"\n'); // a space before \n escaped
    expect(parseYaml(toYaml({ text: ' \n' }))).toEqual({ text: ' \n' });
  });
});
