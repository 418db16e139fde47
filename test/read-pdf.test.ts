/**
 * The PDF reader: lines rebuilt from item positions, paragraphs re-joined, table lines printed at
 * their cells' places (the layout stage makes them TAB rows),
 * pages separated by form feeds with their running headers and footers on lines of their own;
 * and the PDFs it refuses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLines, pageText, readPdf } from '../src/stages/read/pdf.js';
import { cleanTextAsync, extract, extractAsync } from '../src/pipeline.js';
import { InputError } from '../src/model/stages.js';

// Taken before any test of this file has loaded pdf.js (each test file runs in a fresh process).
const builtinsBefore = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString };

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/${name}`));
const readBytes = (path: string) => new Uint8Array(readFileSync(path));
const sampleLines = (stem: string) => readFileSync(`fixtures/${stem}.txt`, 'utf8').replace(/\r\n?/g, '\n').split('\n');

async function refusal(bytes: Uint8Array, maxPages?: number): Promise<InputError> {
  try {
    await readPdf(bytes, { maxPages });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
    return error as InputError;
  }
  throw new Error('readPdf did not refuse the input');
}

describe('PDF reader', () => {
  it('rebuilds LibreOffice paragraphs wrapped over several PDF lines as one line each, pages split by \\f', async () => {
    const { text, pageStarts } = await readPdf(fixture('rendered/004_52bb338bf9d79d54.lo.pdf'), {});
    const lines = text.split('\n');
    const original = sampleLines('004_52bb338bf9d79d54');
    // Both paragraphs wrap over 5+ lines in the PDF (pdftotext -layout shows the breaks).
    expect(lines).toContain(original[4]);
    expect(lines).toContain(original[5]);
    expect(lines).toContain('二、总体要求');
    // 4 pages (pdfinfo): three form feeds, each starting a page.
    expect(text.split('\f')).toHaveLength(4);
    expect(pageStarts).toHaveLength(4);
    for (const start of pageStarts!.slice(1)) expect(text[start]).toBe('\f');
  });

  it("keeps Chromium's running header and footer as lines of their own at the top and bottom of each page", async () => {
    const { text } = await readPdf(fixture('rendered/004_52bb338bf9d79d54.cr.pdf'), {});
    const pages = text.split('\f');
    expect(pages).toHaveLength(9);
    for (const [i, page] of pages.entries()) {
      const lines = page.split('\n').filter((l) => l !== '');
      // Printed at their places: the date left, the title centred; the URL left, n/N right.
      expect(lines[0]).toMatch(/^\d+\/\d+\/\d+, \d+:\d+ [AP]M {2,}东胜区慢性病综合防控示范区建设项目实施方案$/);
      expect(lines[lines.length - 1]).toMatch(new RegExp(`^file:///\\S+ {2,}${i + 1}/9$`));
    }
    // A paragraph (text-indent 2em, wrapped 5 times) is one line, its indentation printed as
    // pdftotext prints it (2em: four columns); its Kangxi-radical glyphs are normalize's job.
    const original = sampleLines('004_52bb338bf9d79d54');
    expect(text.split('\n').map((l) => l.normalize('NFKC'))).toContain(`    ${original[4].normalize('NFKC')}`);
  });

  it('reads a real table with merged cells as TAB rows on its column grid (through layout), and headings after it', async () => {
    const path = 'fixtures/formats/numbered-table-plan.pdf';
    const lines = (await cleanTextAsync(readBytes(path), path)).deduped.text.text.split('\n');
    expect(lines).toContain('领域\t指标\t2025年\t2030年\t属性');
    // The second cell wraps onto two lines in the PDF and runs up to the next column with no gap.
    expect(lines).toContain('患者管理\t高血压患者规范管理率（%）\t65\t75\t约束性');
    expect(lines).toContain('\t血压控制率（%）\t55\t60\t预期性');
    expect(lines).toContain('健康教育\t居民高血压防治知识知晓率（%）\t\t70\t预期性');
    expect(lines).toContain('市卫生健康委\t负责组织实施本方案，开展督导评估。');
    expect(lines).toContain('二、主要措施');
    // The page header of the Word layout is its own first line; its page number is furniture,
    // taken out, so the footnote ends the text.
    const body = lines.filter((l) => l !== '');
    expect(body[0]).toBe('某某市卫生健康委员会文件');
    expect(body[body.length - 1]).toBe('1本方案所称高血压患者，指35岁及以上常住居民中的确诊患者。');
    expect(lines).not.toContain('第1页');
  });
});

describe('pdf.js in the process', () => {
  it("leaves the built-ins it would replace as they were (the legacy build's core-js swaps in a slower Array.prototype.push), and adds what it needs", async () => {
    await readPdf(fixture('rendered/004_52bb338bf9d79d54.lo.pdf'), {});
    expect({ push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString }).toEqual(builtinsBefore);
    expect('withResolvers' in Promise).toBe(true);
  });
});

describe('paragraph lines joined by where they end', () => {
  // Glyph runs as pdf.js reports them for a 15 pt body 555 pt wide (x 27.7 to 582.7): the geometry
  // of Chromium's print of sample 000 (…有效衔 / 接。确保…, page 3), its text our own.
  const run = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 15, size: 15 });
  it('a line ending short of the edge by less than two characters runs on when the next starts with a character and 。', () => {
    const text = pageText(buildLines([
      run('全面落实各项保障政策，推动医疗保障制度与公共卫生服务项目的有效衔接，切实减', 27.7, 600),
      // 33 characters from 61.7: it ends 26 pt (1.7 characters) short of the edge.
      run('六、实现基本医疗保险、大病保险、医疗救助等制度与公共卫生服务项目衔', 61.7, 580),
      run('接。确保抗结核药品供给，提高患者门诊和住院医疗费用的保障水平与服务能力，减', 27.7, 560),
      run('轻负担。', 27.7, 540),
    ]));
    expect(text.split('\n').map((l) => l.trim())).toContain('六、实现基本医疗保险、大病保险、医疗救助等制度与公共卫生服务项目衔接。确保抗结核药品供给，提高患者门诊和住院医疗费用的保障水平与服务能力，减轻负担。');
  });
});

describe('PDFs it refuses, each with a one-line reason', () => {
  it('a truncated PDF', async () => {
    const whole = fixture('formats/numbered-table-plan.pdf');
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('PLN009');
  });

  it('a damaged PDF (a header and garbage)', async () => {
    const error = await refusal(new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...new Uint8Array(4000).fill(0x41)]));
    expect(error.code).toBe('PLN009');
    expect(error.message).toMatch(/damaged/);
  });

  it('an encrypted PDF', async () => {
    const error = await refusal(readBytes('test/fixtures-read/encrypted.pdf'));
    expect(error.code).toBe('PLN010');
    expect(error.message).toBe('encrypted (password-protected) PDF; remove the password first');
  });

  it('a scan without a text layer', async () => {
    const error = await refusal(readBytes('test/fixtures-read/scanned.pdf'));
    expect(error.code).toBe('PLN011');
    expect(error.message).toContain('no text layer');
    expect(error.message).toContain('OCR it first');
  });

  it('more pages than the page limit', async () => {
    const error = await refusal(fixture('rendered/004_52bb338bf9d79d54.lo.pdf'), 3);
    expect(error.code).toBe('PLN012');
    expect(error.message).toBe('PDF has 4 pages, more than the limit of 3');
  });

  it('parts a tight table cell at half a character\'s gap after an ideograph (a narrow group column, a unit)', async () => {
    // Row 5 of fixtures/styles/city-mental.html; its 类别 label 患者管理 prints over two lines (患者管 / 理).
    const path = 'fixtures/rendered/city-mental.lo.pdf';
    const lines = (await cleanTextAsync(readBytes(path), path)).deduped.text.text.split('\n');
    expect(lines).toContain('5\t患者管\t严重精神障碍患者规范管理率\t%\t88.5\t≥90\t≥92\t约束性');
    // Row 10: its label 心理健康 prints as 心理健 / 康 on the lines above and below the values, the
    // first set as close to the indicator's first line as in row 5, on a line with no value.
    expect(lines).toContain('10\t心理健康\t配备专职心理健康教育教师的中小学校比例\t%\t72\t85\t95\t约束性');
    // Row 8's cells in words run over the page break: the rest on the next page joins them.
    expect(lines).toContain('8\t\t抑郁症治疗率\t%\t—\t在2020年基础上提高30%\t在2020年基础上提高50%\t预期性');
  });

  it("a web page's box of fields (索引号 … 发布机构 …) is no wrapped paragraph: the lines after it keep their own", async () => {
    // fixtures/styles/city-web.html: the 索引号/发文字号 box prints two fields a line, far apart,
    // right above the notice's title, which starts a line of its own.
    const path = 'fixtures/rendered/city-web.lo.pdf';
    const lines = (await cleanTextAsync(readBytes(path), path)).deduped.text.text.split('\n');
    expect(lines).toContain('宜宾市卫生健康委员会关于印发《宜宾市精神卫生和心理健康服务体系建设工作方案（2023—2025年）》的');
    const documents = (await extractAsync(readBytes(path), path)).documents;
    expect(documents.map((d) => [d.kind, d.title])).toEqual([
      ['notice', '宜宾市卫生健康委员会关于印发《宜宾市精神卫生和心理健康服务体系建设工作方案（2023—2025年）》的通知'],
      ['plan', '宜宾市精神卫生和心理健康服务体系建设工作方案（2023—2025年）'],
      ['other', '《宜宾市精神卫生和心理健康服务体系建设工作方案（2023—2025年）》政策解读'],
    ]);
  });

  it('a TAB table that LibreOffice set on tab stops reads as its rows: one cell per stop however near the next', async () => {
    // fixtures/styles/county-tb.txt's indicator table: in the PDF a cell that overruns its tab stop
    // moves the next cell to a later stop (`…（%）` then `86` a stop later than `48.2`), and the
    // gap before a cell may be a tenth of a character.
    const plain = extract(readFileSync('fixtures/styles/county-tb.txt'), 'county-tb.txt').documents[0].tables[0];
    const path = 'fixtures/rendered/county-tb.lo.pdf';
    const table = (await extractAsync(readBytes(path), path)).documents[0].tables[0];
    expect(table.header).toEqual(['序号', '指标名称', '2023年现状', '2025年', '2027年', '指标属性']);
    expect(table.rows).toContainEqual(['4', '病原学阳性肺结核患者密切接触者筛查率（%）', '86', '≥95', '≥98', '预期性']);
    expect(table.rows).toEqual(plain.rows);
    // The same in district-duty.txt's table, where `（%）` and `35` stand a tenth of a character apart.
    const district = 'fixtures/rendered/district-duty.lo.pdf';
    const rows = (await extractAsync(readBytes(district), district)).documents[0].tables[0].rows;
    expect(rows).toContainEqual(['2', '重大公共政策健康影响评价覆盖率（%）', '35', '≥80', '约束性']);
  });

  it('a header line beside the rows parts where its labels stand over their columns, however close together', async () => {
    // fixtures/styles/city-tcm.html: 2020年 and 2025年 under 指标值, in narrow columns, print a third
    // of a character apart; the caption above the table, in a larger type, is no header.
    const path = 'fixtures/rendered/city-tcm.lo.pdf';
    const plan = (await extractAsync(readBytes(path), path)).documents[0];
    expect(plan.tables[0].header.slice(-2)).toEqual(['2025年', '指标性质']);
    expect(plan.tables[0].rows[7]).toEqual(['8', '服务能力', '中医药健康管理率（65岁以上老年人）', '%', '62.3', '≥75', '预期性']);
    expect(plan.targets.filter((t) => t.source === 'table').map((t) => t.year)).toEqual(new Array(15).fill(2025));
  });

  it('a centred cell taller than its row, with nothing of it on the row\'s line, is that row\'s', async () => {
    // Chromium's print of fixtures/styles/province-action.html, rows 19 and 20: row 20's indicator prints
    // one line above and one below the row's line (which holds only its values), the line above
    // right under row 19's, with no padding between.
    const path = 'fixtures/rendered/province-action.cr.pdf';
    const table = (await extractAsync(readBytes(path), path)).documents[1].tables[0];
    expect(table.rows).toContainEqual(['', '19', '严重精神障碍患者规范管理率（%）', '85', '≥90', '≥95', '约束性']);
    expect(table.rows).toContainEqual(['政府工作指标', '20', '二级以上综合性医院设置老年医学科比例（%）', '36', '≥60', '≥90', '预期性']);
  });

  it('the page width comes from the prose lines, not from wider table rows printed with their cells apart', async () => {
    // Chromium's print of fixtures/styles/county-hiv.html: the duty table's rows are the commonest wide
    // lines; the goals' sentences, wrapped at the page's width, are joined.
    const path = 'fixtures/rendered/county-hiv.cr.pdf';
    const plan = (await extractAsync(readBytes(path), path)).documents[0];
    expect(plan.targets.map((t) => t.indicator)).toContain('重点人群和青年学生防治知识知晓率');
    expect(plan.targets.map((t) => t.indicator)).toContain('符合治疗条件的感染者和病人接受抗病毒治疗比例');
  });

  it('a page of table cells alone keeps the text edges of the pages before it (no cell joined to the next as a wrapped line)', async () => {
    // 002's cell-per-line indicator table continues on a page with nothing but its cells (002 lines 74–79).
    const path = 'fixtures/rendered/002_11cdaf7be783ca84.lo.pdf';
    const table = (await extractAsync(readBytes(path), path)).documents.flatMap((d) => d.tables)[0];
    expect(table.rows).toContainEqual(['健康服务资源', '每千常住人口医疗卫生机构床位数（张）', '2.68', '4.41', '预期性']);
  });
});
