/**
 * The DOCX reader: paragraphs, Word's automatic numbering, tables with merged cells, headers and
 * footers left out, footnotes after the body; and the DOCX files it refuses.
 */
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/stages/read/docx.js';
import { formatNumber } from '../src/stages/read/numbering.js';
import { InputError } from '../src/model/stages.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`fixtures/${name}`));
const readBytes = (path: string) => new Uint8Array(readFileSync(path));

/** A DOCX made of the given parts (document.xml's body given as its inner XML). */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document) };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

const p = (text: string, props = '') => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (text: string, numId: number, ilvl: number) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

/** numbering.xml with one abstract list: levels as [numFmt, lvlText, start]. */
function numberingXml(levels: [string, string, number][], nums = [1]): string {
  const lvls = levels
    .map(([fmt, text, start], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`)
    .join('');
  const instances = nums.map((n) => `<w:num w:numId="${n}"><w:abstractNumId w:val="0"/></w:num>`).join('');
  return `<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum>${instances}</w:numbering>`;
}

function refusal(bytes: Uint8Array, maxBytes?: number): InputError {
  try {
    readDocx(bytes, { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
    return error as InputError;
  }
  throw new Error('readDocx did not refuse the input');
}

describe('DOCX reader on LibreOffice files', () => {
  it('reads a sample as the text it was made from, line for line', () => {
    const text = readDocx(fixture('rendered/001_308a46a949dc7d1f.lo.docx'), {});
    const original = readFileSync('fixtures/001_308a46a949dc7d1f.txt', 'utf8').replace(/\r\n?/g, '\n');
    expect(text.trimEnd()).toBe(original.trimEnd());
  });

  it('renders Word list numbering, tables with merged cells, no page header or footer, the footnote last', () => {
    const lines = readDocx(fixture('formats/numbered-table-plan.docx'), {}).split('\n');
    // Headings numbered by numbering.xml (一、 （一） 1．), counters restarting under their parent.
    expect(lines.slice(0, 5)).toEqual([
      '某某市高血压防治行动方案（2026—2030年）',
      '为做好全市高血压防治工作，制定本方案。',
      '一、工作目标',
      '（一）总体目标。到2030年，高血压患者规范管理率达到75%以上。',
      '（二）具体指标',
    ]);
    expect(lines).toContain('二、主要措施');
    expect(lines.indexOf('（一）加强筛查发现')).toBeGreaterThan(lines.indexOf('二、主要措施'));
    expect(lines).toContain('2．推进社区筛查。');
    expect(lines.indexOf('1．落实随访服务。')).toBe(lines.indexOf('（二）规范患者管理') + 1);
    expect(lines).toContain('三、职责分工');
    // The indicator table: a row-spanned cell is empty below its first row; a cell's two paragraphs
    // are joined by a space; a column-spanned cell is followed by an empty cell.
    expect(lines).toContain('领域\t指标\t2025年\t2030年\t属性');
    expect(lines).toContain('患者管理\t高血压患者规范管理率（%）\t65\t75\t约束性');
    expect(lines).toContain('\t血压控制率 （%）\t55\t60\t预期性');
    expect(lines).toContain('健康教育\t居民高血压防治知识知晓率（%）\t\t70\t预期性');
    expect(lines).toContain('市医保局\t负责将高血压门诊用药纳入医保报销。');
    // The page header and footer are in header1.xml/footer1.xml: not body text.
    expect(lines.join('\n')).not.toContain('某某市卫生健康委员会文件');
    expect(lines.filter((l) => l !== '').pop()).toBe('本方案所称高血压患者，指35岁及以上常住居民中的确诊患者。');
  });
});

describe('DOCX reader on constructed files', () => {
  it('numbers with start values, per-level counters and formats of other plans', () => {
    const numbering = numberingXml([
      ['chineseCounting', '第%1章', 3],
      ['ideographTraditional', '%2．', 1],
      ['decimal', '%1.%3', 1],
    ]);
    const body = [numbered('总则', 1, 0), numbered('目的', 1, 1), numbered('范围', 1, 1), numbered('细则', 1, 2), numbered('附则', 1, 0), numbered('说明', 1, 1)].join('');
    const lines = readDocx(docx(body, { 'word/numbering.xml': numbering }), {}).trimEnd().split('\n');
    // Each %N is written in level N's own format (ECMA-376 17.9.11), and a marker ending in a digit is set off by a space.
    expect(lines).toEqual(['第三章总则', '甲．目的', '乙．范围', '三.1 细则', '第四章附则', '甲．说明']);
  });

  it('keeps counting across two list instances of one definition, and restarts on a startOverride', () => {
    const numbering = numberingXml([['decimal', '（%1）', 1]], [1, 2]).replace(
      '</w:numbering>',
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>',
    );
    const body = [numbered('甲', 1, 0), numbered('乙', 2, 0), numbered('丙', 3, 0), numbered('丁', 3, 0)].join('');
    expect(readDocx(docx(body, { 'word/numbering.xml': numbering }), {})).toBe('（1）甲\n（2）乙\n（1）丙\n（2）丁\n');
  });

  it('writes the Chinese counting Word shows', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一', '十', '十一', '二十', '二十一', '一百', '一百〇五', '一百一十',
    ]);
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
  });

  it('leaves out deleted text and field codes, keeps inserted text and a field result, reads tabs and line breaks', () => {
    const body =
      '<w:p><w:r><w:t>到2027年</w:t></w:r><w:del><w:r><w:delText>，覆盖率达到60%</w:delText></w:r></w:del>' +
      '<w:ins><w:r><w:t>，覆盖率达到80%</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙 &amp; 丁</w:t></w:r></w:p>';
    expect(readDocx(docx(body), {})).toBe('到2027年，覆盖率达到80%\n7\n甲\t乙\n丙 & 丁\n');
  });

  it('pads rows to the table grid (gridBefore, gridSpan) and keeps a nested table inside its cell', () => {
    const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
    const nested = `<w:tbl><w:tr>${tc(p('监测'))}${tc(p('报告'))}</w:tr></w:tbl>`;
    const xml =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc(p('部门'))}${tc(p('职责'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('县疾控中心'))}${tc(nested)}</w:tr>` +
      `<w:tr>${tc(p('县财政局'))}</w:tr>` +
      '</w:tbl>';
    expect(readDocx(docx(xml), {})).toBe('部门\t职责\t\n\t县疾控中心\t监测 报告\n县财政局\t\t\n');
  });
});

describe('DOCX files it refuses, each with a one-line reason', () => {
  it('a file that is not a zip', () => {
    const error = refusal(new TextEncoder().encode('这不是Word文件，只是一段文字。'));
    expect(error.code).toBe('PLN009');
    expect(error.message).toBe('not a DOCX file: it is not a zip archive (a text file)');
  });

  it('a zip without word/document.xml', () => {
    const error = refusal(zipSync({ 'content.xml': strToU8('<office:document/>') }));
    expect(error.code).toBe('PLN009');
    expect(error.message).toContain('no word/document.xml');
  });

  it('a truncated zip', () => {
    const whole = fixture('formats/numbered-table-plan.docx');
    expect(refusal(whole.subarray(0, whole.length - 200)).code).toBe('PLN009');
  });

  it('a zip bomb: parts that unpack past --max-bytes, checked before inflating', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(3_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    const error = refusal(bomb, 1_000_000);
    expect(error.code).toBe('PLN013');
    expect(error.message).toContain('--max-bytes');
  });

  it('a zip whose directory claims a size no compression reaches', () => {
    const zip = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${p('一、目标')}</w:body></w:document>`) });
    // Patch the uncompressed size (offset 24) in the central directory entry (signature PK\1\2).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 60_000_000, true);
        break;
      }
    }
    expect(refusal(zip).code).toBe('PLN013');
  });

  it('a .docx that is a Word 97 file', () => {
    const error = refusal(readBytes('test/fixtures-read/numbered-table-plan.doc'));
    expect(error.code).toBe('PLN009');
    expect(error.message).toContain('Word 97–2003');
  });

  it('a password-protected .docx (an OLE2 container holding the EncryptedPackage stream)', () => {
    // The directory entry names are UTF-16LE in the compound file; the rest is padding here.
    const header = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    const name = new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le'));
    const error = refusal(new Uint8Array([...header, ...name, ...new Uint8Array(64)]));
    expect(error.code).toBe('PLN010');
    expect(error.message).toBe('encrypted (password-protected) DOCX; save it without a password first');
  });

  it('malformed XML', () => {
    const error = refusal(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>一、目标</w:t') }));
    expect(error.code).toBe('PLN009');
    expect(error.message).toContain('not well-formed');
  });
});
