/**
 * Fuzzing in CI: 10,000 generated and mutated inputs per run, in-process through the synchronous
 * `extract` (text and HTML). Each case must finish without an exception (an InputError is a clean
 * refusal, one line), give a schema-valid result, keep every span inside the file and put each
 * target's span on its value. Windows of the fixtures keep each case small, so the whole suite
 * runs in well under two minutes on two cores. A failure prints fast-check's seed and path:
 * FUZZ_SEED=<seed> reruns the same cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { cleanText, extract, InputError } from '../src/pipeline.js';
import { assertValid, spansOutside } from './helpers/invariants.js';

const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const FIXTURES = readdirSync('fixtures')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`fixtures/${f}`, 'utf8'));

/** A window of a fixture: up to 1,500 UTF-16 units from a random line start. */
const window = fc.tuple(fc.nat(FIXTURES.length - 1), fc.nat(), fc.integer({ min: 1, max: 1500 })).map(([k, at, length]) => {
  const text = FIXTURES[k];
  const start = text.lastIndexOf('\n', at % text.length) + 1;
  return text.slice(start, start + length);
});

type Mutation = { at: number; kind: 'flip' | 'delete' | 'insert' | 'truncate'; byte: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate'), byte: fc.nat(255) });

/** Byte mutations of UTF-8 (truncation can cut a character in the middle). */
function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = bytes;
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === 'flip') (out = Buffer.from(out))[at] = m.byte;
    else if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.of(m.byte), out.subarray(at)]);
    else out = out.subarray(0, at);
  }
  return out;
}

const NUMERAL = /[0-9０-９零〇一二三四五六七八九十百千万两半]/;

/** Runs one case and checks every invariant; returns false for a clean refusal. */
function check(bytes: Uint8Array, path: string): boolean {
  let result;
  try {
    result = extract(bytes, path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message).not.toMatch(/\n/);
    return false;
  }
  assertValid(result);
  // Spans point into the text as read (the decoded file), whatever its encoding.
  const source = cleanText(bytes, path).source.source;
  expect(spansOutside(result, source)).toEqual([]);
  const lines = source.split(/\r\n|\r|\n/);
  for (const t of result.documents.flatMap((d) => d.targets)) {
    if (t.value === null || t.span.start.line !== t.span.end.line) continue;
    const covered = lines[t.span.start.line - 1]?.slice(t.span.start.column - 1, t.span.end.column - 1) ?? '';
    expect(covered, `${t.id} ${JSON.stringify(t.span)}`).toMatch(NUMERAL);
  }
  return true;
}

const options = (numRuns: number) => ({ numRuns, seed: SEED });

describe(`fuzz (seed ${SEED})`, () => {
  it('4,000 byte mutations of fixture windows (flips, deletions, insertions, truncation mid-character)', () => {
    fc.assert(
      fc.property(window, fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, mutations) => {
        check(mutate(Buffer.from(text), mutations), 'fuzz.txt');
      }),
      options(4000),
    );
  }, 120_000);

  it('2,000 re-encodings (GB18030, UTF-16 with and without BOM, Big5), some cut short', () => {
    fc.assert(
      fc.property(window, fc.constantFrom('gb18030', 'utf16le', 'utf16be', 'big5'), fc.boolean(), fc.nat(), (text, encoding, bom, cut) => {
        let bytes = iconv.encode(text, encoding, { addBOM: bom });
        if (cut % 3 === 0 && bytes.length > 1) bytes = bytes.subarray(0, cut % bytes.length);
        check(bytes, 'fuzz.txt');
      }),
      options(2000),
    );
  }, 120_000);

  it('1,500 texts with mixed line ends (\\r\\n, \\r, \\n, form feeds)', () => {
    fc.assert(
      fc.property(window, fc.array(fc.constantFrom('\n', '\r\n', '\r', '\f', '\n\n'), { minLength: 1, maxLength: 8 }), (text, ends) => {
        let k = 0;
        check(Buffer.from(text.replace(/\r?\n/g, () => ends[k++ % ends.length])), 'fuzz.txt');
      }),
      options(1500),
    );
  }, 120_000);

  const heading = fc.constantFrom('一、总体要求', '二、主要目标', '（一）完善体系', '1．加强建设', '第一章 总则', '三、', '附件1', '专栏1 主要指标');
  const sentence = fc.oneof(
    fc.tuple(fc.constantFrom('孕产妇死亡率', '人均预期寿命', '婴儿死亡率', '二级以上医院'), fc.constantFrom('控制在', '达到', '提高到', '不低于'), fc.integer({ min: 0, max: 100 }), fc.constantFrom('%', '‰', '岁', '/10万', '')).map(([a, b, c, d]) => `到2025年，${a}${b}${c}${d}。`),
    fc.constantFrom('牵头单位：市卫生健康委；配合单位：市财政局、市医保局。', '| 指标 | 2020年 | 2025年 |', '指标\t2020年\t2025年', '联系人：张三，电话13912345678。'),
  );
  it('1,500 structure-aware plans (headings, target sentences, tables, duties, repeats)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(heading, sentence, fc.constant('')), { minLength: 1, maxLength: 30 }), fc.boolean(), (lines, repeat) => {
        const body = ['某某省“十四五”卫生健康发展规划', ...lines].join('\n');
        check(Buffer.from(repeat ? body + '\n' + body : body), 'fuzz.txt');
      }),
      options(1500),
    );
  }, 120_000);

  it('1,000 HTML pages whose meta charset lies about their encoding', () => {
    fc.assert(
      fc.property(window, fc.constantFrom('gb2312', 'utf-8', 'big5', 'iso-8859-1', 'utf-16'), fc.constantFrom('utf8', 'gb18030'), (text, claimed, actual) => {
        const html = `<html><head><meta charset="${claimed}"><title>规划</title></head><body>${text
          .split('\n')
          .map((l) => `<p>${l.replace(/[<&]/g, '')}</p>`)
          .join('')}</body></html>`;
        check(iconv.encode(html, actual), 'fuzz.html');
      }),
      options(1000),
    );
  }, 120_000);
});
