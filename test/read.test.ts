/**
 * The read stage as a whole: the format chosen by extension or sniffed bytes, the DOC reader, the
 * async pipeline entry (source.format, source.pages, span.page), and the CLI over mixed formats.
 */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryFormat } from '../src/stages/read/read.js';
import { readDoc } from '../src/stages/read/doc.js';
import { extractAsync } from '../src/pipeline.js';
import { InputError } from '../src/model/stages.js';
import { LineIndex } from '../src/text/line-index.js';
import { runCli } from './helpers/cli.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/${name}`));
const readBytes = (path: string) => new Uint8Array(readFileSync(path));

describe('format of an input', () => {
  it('is told by the extension, else by the first bytes', () => {
    const pdf = fixture('formats/numbered-table-plan.pdf');
    const docx = fixture('formats/numbered-table-plan.docx');
    const doc = readBytes('test/fixtures-read/numbered-table-plan.doc');
    expect(binaryFormat(pdf, 'notice.PDF')).toBe('pdf');
    expect(binaryFormat(pdf, '-')).toBe('pdf');
    expect(binaryFormat(docx, 'download')).toBe('docx');
    expect(binaryFormat(doc, 'attachment.bin')).toBe('doc');
    expect(binaryFormat(new TextEncoder().encode('一、总体要求'), '-')).toBeNull();
    // A name says .doc: the DOC reader decides (and refuses what is not one).
    expect(binaryFormat(new TextEncoder().encode('一、总体要求'), 'plan.doc')).toBe('doc');
  });
});

describe('DOC reader', () => {
  it('reads a sample as the text it was made from', async () => {
    const text = await readDoc(fixture('rendered/004_52bb338bf9d79d54.lo.doc'));
    const original = readFileSync('fixtures/004_52bb338bf9d79d54.txt', 'utf8').replace(/\r\n?/g, '\n');
    expect(text.trimEnd()).toBe(original.trimEnd());
  });

  it('writes table rows as TAB-separated cells, a cell of two paragraphs on its row, the footnote after the body', async () => {
    const lines = (await readDoc(readBytes('test/fixtures-read/numbered-table-plan.doc'))).split('\n');
    expect(lines).toContain('领域\t指标\t2025年\t2030年\t属性');
    expect(lines).toContain('患者管理\t高血压患者规范管理率（%）\t65\t75\t约束性');
    expect(lines).toContain('\t血压控制率 （%）\t55\t60\t预期性');
    expect(lines).toContain('市医保局\t负责将高血压门诊用药纳入医保报销。');
    // Text after the table stays on its own lines.
    expect(lines).toContain('主要措施');
    expect(lines.join('\n')).not.toContain('某某市卫生健康委员会文件');
    expect(lines.filter((l) => l !== '').pop()).toBe('本方案所称高血压患者，指35岁及以上常住居民中的确诊患者。');
  });

  it('rows whose end marks word-extractor writes as TABs (under a header cell spanning two rows) are a line each', async () => {
    // fixtures/styles/city-mental.html's table, LibreOffice's .doc of it: the rows after the
    // header's first row reach the text on one line, a row's end mark one more TAB.
    const lines = (await readDoc(fixture('rendered/city-mental.lo.doc'))).split('\n');
    expect(lines).toContain('\t\t\t\t\t2023年\t2025年\t');
    expect(lines).toContain('1\t服务体系\t每10万人口精神科执业（助理）医师数\t名\t3.6\t4.0\t4.5\t约束性');
    expect(lines).toContain('8\t\t抑郁症治疗率\t%\t—\t在2020年基础上提高30%\t在2020年基础上提高50%\t预期性');
    expect(lines).toContain('11\t\t心理援助热线平均接通率\t%\t65\t75\t≥80\t预期性');
    // The note right after the last row's end mark is a line of its own.
    expect(lines).toContain('注：抑郁症治疗率2020年基数尚未建立，以2021年首次调查结果为准。');
  });

  it('refuses a .doc that is something else, saying what it is', async () => {
    for (const [bytes, what] of [
      [new TextEncoder().encode('{\\rtf1\\ansi 通知}'), 'an RTF file'],
      [fixture('formats/numbered-table-plan.docx'), 'a DOCX file'],
      [new TextEncoder().encode('<!DOCTYPE html><html><body>通知</body></html>'), 'an HTML page'],
    ] as const) {
      const error = await readDoc(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe('PLN009');
      expect((error as Error).message).toBe(`not a Word 97–2003 (.doc) file: it is ${what}`);
    }
  });
});

describe('extractAsync on binary formats', () => {
  it('a DOCX: format docx, no pages, spans into the text read produced', async () => {
    const bytes = fixture('formats/numbered-table-plan.docx');
    const result = await extractAsync(bytes, 'plan.docx');
    expect(result.source.format).toBe('docx');
    expect(result.source.pages).toBeNull();
    const raw = (await import('../src/stages/read/docx.js')).readDocx(bytes, {});
    const lines = new LineIndex(raw);
    // The goal is stated in a sentence and in the indicator table; kept once, as its table row.
    const target = result.documents.flatMap((d) => d.targets).find((t) => t.indicator.includes('规范管理率'));
    expect(target).toBeDefined();
    const start = lines.offset(target!.span.start);
    expect(raw.slice(start, lines.offset(target!.span.end))).toContain('75');
    expect(target!.span.page).toBeUndefined();
  });

  it('a PDF: format pdf, its page count, and every span on the page its text stands on', async () => {
    const result = await extractAsync(fixture('rendered/003_dda57fd9192b6255.lo.pdf'), 'notice.pdf');
    expect(result.source.format).toBe('pdf');
    expect(result.source.pages).toBe(8); // pdfinfo
    const raw = (await runCli(['normalize', '--raw', 'fixtures/rendered/003_dda57fd9192b6255.lo.pdf'])).stdout;
    const lines = new LineIndex(raw);
    const targets = result.documents.flatMap((d) => d.targets);
    expect(targets.length).toBeGreaterThan(10);
    const pages = new Set<number>();
    for (const t of targets) {
      const offset = lines.offset(t.span.start);
      const page = raw.slice(0, offset).split('\f').length;
      expect(t.span.page).toBe(page);
      pages.add(page);
    }
    expect(pages.size).toBeGreaterThan(1);
  });
});

describe('CLI over mixed formats', () => {
  it('a directory gives every DOCX, DOC and PDF under it; a bad one is one line on stderr, the others are written, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-read-'));
    copyFileSync('fixtures/formats/numbered-table-plan.docx', join(dir, 'plan.docx'));
    copyFileSync('test/fixtures-read/numbered-table-plan.doc', join(dir, 'plan-97.doc'));
    copyFileSync('fixtures/formats/numbered-table-plan.pdf', join(dir, 'plan-print.pdf'));
    copyFileSync('test/fixtures-read/scanned.pdf', join(dir, 'scan.pdf'));
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    const out = join(dir, 'out');
    const run = await runCli(['extract', dir, '--out-dir', out, '--format', 'json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n').sort()).toEqual([
      `plans: ${join(dir, 'broken.docx')}: not a DOCX file: it is not a zip archive (a text file)`,
      `plans: ${join(dir, 'scan.pdf')}: PDF has no text layer (a scan?); OCR it first`,
    ]);
    expect(readdirSync(out).sort()).toEqual(['plan-97.json', 'plan-print.json', 'plan.json']);
    const pdf = JSON.parse(readFileSync(join(out, 'plan-print.json'), 'utf8'));
    expect(pdf.source).toMatchObject({ format: 'pdf', pages: 1 });
    // The indicator table's rows reach the target reader as rows, the merged cells in place.
    const fromTable = pdf.documents.flatMap((d: { targets: { source: string; indicator: string; value: number }[] }) => d.targets).filter((t: { source: string }) => t.source === 'table');
    expect(fromTable.map((t: { indicator: string; value: number }) => `${t.indicator} ${t.value}`)).toEqual(['高血压患者规范管理率 75', '血压控制率 60', '居民高血压防治知识知晓率 70']);
  });

  it('normalize --raw prints the text as read, with form feeds; normalize prints it cleaned', async () => {
    const raw = await runCli(['normalize', '--raw', 'fixtures/rendered/003_dda57fd9192b6255.cr.pdf']);
    expect(raw.exitCode).toBe(0);
    expect(raw.stdout.split('\f')).toHaveLength(16);
    // Chromium's glyphs: Kangxi radicals (⼀ U+2F00) as read; normalize makes them 一.
    expect(raw.stdout).toMatch(/[\u2f00-\u2fdf]/);
    const clean = await runCli(['normalize', 'fixtures/rendered/003_dda57fd9192b6255.cr.pdf']);
    expect(clean.stdout).not.toMatch(/[\u2f00-\u2fdf]/);
  });
});
