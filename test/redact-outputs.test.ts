/**
 * --redact leaves no contact datum anywhere: a generated contact block (name list, grouped or
 * full-width mobile, e-mail with ＠), repeated so that dedupe reports it, goes through every
 * command and format, and no name, number or address of it may survive in stdout, stderr or a file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers/cli.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '欧阳'];
const GIVEN = ['建华', '丽', '志强', '秀英', '敏', '海燕', '国庆', '静'];
const toWide = (s: string) => s.replace(/[0-9@]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const contactBlock = fc.record({
  names: fc.array(fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN)).map(([s, g]) => s + g), { minLength: 1, maxLength: 2 }),
  label: fc.constantFrom('联系人：', '联系人:', '负责人：', '经办人：'),
  honorific: fc.constantFrom('', '同志', '（规划处）'),
  mobile: fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^[0-9]{9}$/)).map(([a, b]) => a + b),
  grouping: fc.constantFrom('plain', 'spaces', 'hyphens', 'wide'),
  user: fc.stringMatching(/^[a-z][a-z0-9_]{3,8}$/),
  wideAt: fc.boolean(),
});
type Contact = typeof contactBlock extends fc.Arbitrary<infer T> ? T : never;

function written(c: Contact): string {
  const m = c.mobile;
  const mobile = { plain: m, spaces: `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, hyphens: `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, wide: toWide(m) }[c.grouping];
  const names = c.names.map((n) => n + c.honorific).join('、');
  return `（${c.label}${names}，联系电话：${mobile}，电子邮箱：${c.user}${c.wideAt ? '＠' : '@'}wjw.example.gov.cn）`;
}

function plan(c: Contact, region: string): string {
  const block = written(c);
  return [`${region}“十四五”卫生健康事业发展规划`, '', '一、总体要求', '', `到2025年，每千人口执业（助理）医师数达到3.2人。${block}`, '', '二、保障措施', '', `请各单位认真落实。${block}`, '', `请各单位认真落实。${block}`, ''].join('\n');
}

/** Every trace of the contact data, looked for in a text folded to ASCII digits without separators. */
function leaks(c: Contact, output: string): string[] {
  const folded = output.replace(/[０-９＠]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const digits = folded.replace(/[\s\-－]/g, '');
  return [...c.names.filter((n) => folded.includes(n)), ...(digits.includes(c.mobile) ? [c.mobile] : []), ...(folded.includes(c.user) ? [c.user] : [])];
}

const COMMANDS: string[][] = [
  ...['yaml', 'json', 'jsonl'].map((f) => ['extract', '--format', f]),
  ...['targets', 'measures', 'responsibilities', 'sections', 'tables'].map((t) => ['extract', '--format', 'csv', '--table', t]),
  ['extract', '--stdout', '--format', 'json'],
  ['normalize'],
  ['normalize', '--report'],
  ['normalize', '--raw'],
  ...['text', 'json', 'github'].map((f) => ['check', '--format', f]),
];
const DIFF_FORMATS = ['text', 'json', 'yaml', 'csv', 'html'];

describe('--redact removes every contact datum from every output', () => {
  it('of every command and format', async () => {
    await fc.assert(
      fc.asyncProperty(contactBlock, async (c) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'plans-redact-'));
        writeFileSync(path.join(dir, 'child.txt'), plan(c, '某某县'));
        writeFileSync(path.join(dir, 'parent.txt'), plan(c, '某某市'));
        const found: string[] = [];
        for (const [k, command] of COMMANDS.entries()) {
          const args = command[0] !== 'extract' ? [...command, 'child.txt'] : [...command, '--out-dir', `out${k}`, 'child.txt'];
          const run = await runCli([...args, '--redact'], { cwd: dir });
          const files = command[0] === 'extract' && !command.includes('--stdout') ? readdirSync(path.join(dir, `out${k}`)).map((f) => readFileSync(path.join(dir, `out${k}`, f), 'utf8')) : [];
          if (run.stderr.includes('unknown option')) found.push(`${command.join(' ')}: no --redact`);
          for (const leak of leaks(c, [run.stdout, run.stderr, ...files].join('\n'))) found.push(`${command.join(' ')}: ${leak}`);
        }
        for (const format of DIFF_FORMATS) {
          const run = await runCli(['diff', '--format', format, '--redact', 'child.txt', 'parent.txt'], { cwd: dir });
          if (run.stderr.includes('unknown option')) found.push(`diff: no --redact`);
          for (const leak of leaks(c, run.stdout + run.stderr)) found.push(`diff --format ${format}: ${leak}`);
        }
        expect(found).toEqual([]);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
