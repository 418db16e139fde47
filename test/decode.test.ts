import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, type DecodeOptions } from '../src/stages/read/text.js';
import { InputError, type SourceFile, type StageDiagnostic } from '../src/model/stages.js';
import { LineIndex } from '../src/text/line-index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const readBytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const readUtf8 = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function run(bytes: Uint8Array, path = 'input.txt', options: DecodeOptions = {}): { file: SourceFile; diagnostics: StageDiagnostic[] } {
  const diagnostics: StageDiagnostic[] = [];
  const file = decode(bytes, path, options, { file: path, report: (d) => void diagnostics.push(d) });
  return { file, diagnostics };
}

/** The InputError message decode throws (fails the test when it throws something else or nothing). */
function reason(bytes: Uint8Array, path = 'input.txt', options: DecodeOptions = {}): string {
  try {
    run(bytes, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('decode did not throw');
}

/** Deterministic bytes in [lo, hi] (a linear congruential generator). */
function pseudoRandomBytes(length: number, lo: number, hi: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = lo + (Math.floor(state / 65536) % (hi - lo + 1)); // high bits: the low bits of an LCG cycle quickly
  }
  return out;
}

/** A text that is in none of the samples (another province, another plan). */
const VARIANT_TEXT = [
  '某省卫生健康委员会关于印发精神卫生工作规划（2021—2025年）的通知',
  '各市卫生健康委：',
  '一、总体目标',
  '到2025年，严重精神障碍患者规范管理率达到85％以上，精神科执业医师数达到4.0名/10万人。',
  '（一）完善服务网络。',
  '',
].join('\r\n');

describe('decode: encodings', () => {
  it('reads the GB18030 copy of 002 as exactly the UTF-8 original', () => {
    const { file, diagnostics } = run(readBytes('encodings/002_11cdaf7be783ca84.gb18030.txt'));
    expect(file.encoding).toBe('gb18030');
    expect(file.format).toBe('text');
    expect(file.source).toBe(readUtf8('002_11cdaf7be783ca84.txt'));
    expect(file.content.text).toBe(file.source);
    expect(diagnostics).toEqual([]);
  });

  it('reads the UTF-16LE (BOM) copy of 004 as exactly the UTF-8 original, without the BOM', () => {
    const { file } = run(readBytes('encodings/004_52bb338bf9d79d54.utf16le.txt'));
    expect(file.encoding).toBe('utf-16le');
    expect(file.source).toBe(readUtf8('004_52bb338bf9d79d54.txt'));
  });

  it('reads UTF-16BE with a BOM', () => {
    const original = readUtf8('001_308a46a949dc7d1f.txt');
    const bytes = concat([0xfe, 0xff], Buffer.from(original, 'utf16le').swap16());
    const { file } = run(bytes);
    expect(file.encoding).toBe('utf-16be');
    expect(file.source).toBe(original);
  });

  it('reads UTF-8 with a BOM; the BOM is not in source, so positions are those of the file without it', () => {
    const original = readUtf8('000_a55dad31d5b2c431.txt');
    const { file } = run(concat([0xef, 0xbb, 0xbf], readBytes('000_a55dad31d5b2c431.txt')));
    expect(file.encoding).toBe('utf-8-bom');
    expect(file.source).toBe(original);
    // The TB plan title is line 12, column 1 in an editor, BOM or not.
    const at = file.source.indexOf('天津市蓟州区“十三五”结核病防治规划\n');
    expect(new LineIndex(file.source).position(at)).toEqual({ line: 12, column: 1 });
    expect(new LineIndex(file.source).position(0)).toEqual({ line: 1, column: 1 });
  });

  it('detects GBK and GB2312 text (read as GB18030) and keeps CRLF', () => {
    for (const encoding of ['gbk', 'gb2312']) {
      const { file } = run(iconv.encode(VARIANT_TEXT, encoding));
      expect(file.encoding).toBe('gb18030');
      expect(file.source).toBe(VARIANT_TEXT);
    }
  });

  it('reads plain UTF-8 and ASCII as utf-8', () => {
    expect(run(utf8(VARIANT_TEXT)).file.encoding).toBe('utf-8');
    expect(run(utf8('Plan 2025\n')).file.source).toBe('Plan 2025\n');
  });
});

describe('decode: --encoding', () => {
  const gb = readBytes('encodings/002_11cdaf7be783ca84.gb18030.txt');

  it('forces GB18030 under any of its names', () => {
    for (const encoding of ['gb18030', 'gbk', 'gb2312']) {
      expect(run(gb, 'a.txt', { encoding }).file.source).toBe(readUtf8('002_11cdaf7be783ca84.txt'));
    }
  });

  it('forces UTF-16 (the BOM tells the byte order) and UTF-16BE without a BOM', () => {
    const { file } = run(readBytes('encodings/004_52bb338bf9d79d54.utf16le.txt'), 'a.txt', { encoding: 'utf-16' });
    expect(file.source).toBe(readUtf8('004_52bb338bf9d79d54.txt'));
    const be = new Uint8Array(Buffer.from(VARIANT_TEXT, 'utf16le').swap16());
    expect(run(be, 'a.txt', { encoding: 'utf-16be' }).file.source).toBe(VARIANT_TEXT);
  });

  it('fails clearly when the forced encoding is wrong', () => {
    expect(reason(gb, 'a.txt', { encoding: 'utf-8' })).toMatch(/^not valid UTF-8 \(forced with --encoding\): \d+ invalid byte sequences, the first at byte 0$/);
    expect(reason(readBytes('004_52bb338bf9d79d54.txt'), 'a.txt', { encoding: 'gb18030' })).toMatch(/^not valid GB18030 \(forced with --encoding\)/);
    expect(reason(readBytes('004_52bb338bf9d79d54.txt'), 'a.txt', { encoding: 'utf-16le' })).toMatch(/^not valid UTF-16LE \(forced with --encoding\): (\d+ invalid byte sequences, the first at byte \d+|\d+ of its \d+ characters are in no script of text)$/);
    expect(reason(gb, 'a.txt', { encoding: 'latin1' })).toMatch(/^unknown encoding "latin1", expected one of auto, utf-8/);
  });
});

describe('decode: HTML fixture (GBK page with navigation, breadcrumb, table and footer)', () => {
  const { file, diagnostics } = run(readBytes('encodings/000_tb_plan.gbk.html'), 'fixtures/encodings/000_tb_plan.gbk.html');
  const lines = file.content.text.split('\n');
  const planLines = readUtf8('000_a55dad31d5b2c431.txt').split('\n').slice(11, 102).map((l) => l.trim());

  it('is decoded with its meta charset and reported as html', () => {
    expect(file.encoding).toBe('gb18030');
    expect(file.format).toBe('html');
    expect(file.source).toContain('<meta charset="gbk" />');
    expect(diagnostics).toEqual([]);
  });

  it('holds the plan paragraphs in order, starting with the title', () => {
    expect(planLines[0]).toBe('天津市蓟州区“十三五”结核病防治规划');
    expect(lines[0]).toBe(planLines[0]);
    // The numbered items under 规划目标 (lines 30–40 of 000) are in the table instead.
    const goals = planLines.findIndex((l) => l.startsWith('（三）规划目标'));
    const measures = planLines.indexOf('三、防治措施');
    const paragraphs = planLines.filter((l, i) => l !== '' && (i <= goals || i >= measures));
    let from = 0;
    for (const paragraph of paragraphs) {
      const at = lines.indexOf(paragraph, from);
      expect(at, paragraph.slice(0, 30)).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(lines.at(-1)).toMatch(/^区卫计委负责将结核病防治工作纳入疾病预防控制机构/);
  });

  it('holds the indicator table as tab-separated rows (merged and empty cells kept), between 规划目标 and 三、', () => {
    const header = lines.indexOf('序号\t指标\t目标值');
    expect(lines[header - 1]).toMatch(/^（三）规划目标。.*实现以下工作指标：$/);
    expect(lines.slice(header + 1, header + 12)).toEqual([
      '1\t报告肺结核患者和疑似肺结核患者的总体到位率\t达到95%以上',
      '2\t病原学检查阳性肺结核患者的密切接触者筛查率\t达到95%',
      '\t肺结核患者病原学阳性率\t达到50%以上',
      '\t耐多药肺结核高危人群耐药筛查率\t达到95%以上',
      '3\t肺结核患者成功治疗率\t达到90%以上',
      '\t基层医疗卫生机构肺结核患者规范管理率\t达到90%以上',
      '4\t学生肺结核筛查比例\t明显提高',
      '\t艾滋病病毒感染者的结核病检查率\t达到90%以上',
      '\t公众结核病防治核心知识知晓率\t达到85%以上',
      '5\t定点医疗机构开展痰涂片和痰培养检测，并具备菌种鉴定、结核病分子生物学诊断的能力\t',
      '6\t实现基本医疗保险、大病保险、医疗救助等制度与公共卫生项目的有效衔接。确保抗结核药品供给，提高患者门诊和住院医疗费用保障水平，减少患者因经济原因终止治疗，减轻患者负担，避免因病致贫、因病返贫\t',
    ]);
    expect(lines[header + 12]).toBe('三、防治措施');
  });

  it('holds none of the navigation, breadcrumb, side menu, share bar, footer, script or style text', () => {
    for (const chrome of ['首页', '政务公开', '当前位置', '政策文件', '规划计划', '请输入关键字', '搜索', '发布时间', '打印本页', '分享到', '关闭窗口', '关于我们', '网站地图', '版权所有', '网站标识码', '津ICP备', '公网安备', '统计代码', '页面样式', '_蓟州区人民政府']) {
      expect(file.content.text, chrome).not.toContain(chrome);
    }
  });

  it('maps every character back to the same character of the HTML source, in order', () => {
    const { text, origin } = file.content;
    let checked = 0;
    for (let i = 0; i < text.length; i++) {
      if (i > 0) expect(origin[i]).toBeGreaterThanOrEqual(origin[i - 1]);
      if (/[\n\t ]/.test(text[i])) continue;
      expect(file.source[origin[i]], `at ${i}`).toBe(text[i]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
    // The title points at its line in the HTML file, not at the <title> in the head.
    const titleLine = file.source.split('\n').findIndex((l) => l.includes('<strong>天津市蓟州区“十三五”结核病防治规划</strong>')) + 1;
    expect(new LineIndex(file.source).position(origin[0]).line).toBe(titleLine);
  });
});

describe('decode: HTML layouts not in the fixtures', () => {
  const page = [
    '<!doctype html>',
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>通知</title>',
    '<script>var menu = "菜单";</script></head>',
    '<body>',
    '<div class="nav"><a href="/">网站首页</a> <a href="/xxgk">信息公开</a> <a href="/bsfw">办事服务</a></div>',
    '<div class="side-links"><ul><li><a href="/1">通知公告</a></li><li><a href="/2">工作动态</a></li><li><a href="/3">政策解读</a></li></ul></div>',
    '<article>',
    '<h2>某市精神卫生工作规划（2021&mdash;2025年）</h2>',
    '<p>&nbsp;&nbsp;一、总体目标</p>',
    '<p>到2025年，严重精神障碍患者',
    '规范管理率达到85%以上。<br>在册患者服药率达到80%以上。</p>',
    '<table><tr><th>指标</th><th>2020年</th><th>2025年</th></tr>',
    '<tr><td>精神科执业医师数<br>（名/10万人）</td><td></td><td>4.0</td></tr></table>',
    '<p>Mental health &amp; wellbeing plan</p>',
    '</article>',
    '<div class="copyright">主办：某市卫生健康委员会 备案号：某ICP备12345678号</div>',
    '</body></html>',
  ].join('\r\n');

  it('finds the content in <article> and drops a div.nav, a side link list and a copyright line', () => {
    const { file, diagnostics } = run(utf8(page), 'notice.html');
    expect(file.format).toBe('html');
    expect(file.content.text).toBe(
      [
        '某市精神卫生工作规划（2021—2025年）',
        '一、总体目标',
        '到2025年，严重精神障碍患者规范管理率达到85%以上。',
        '在册患者服药率达到80%以上。',
        '指标\t2020年\t2025年',
        '精神科执业医师数 （名/10万人）\t\t4.0',
        'Mental health & wellbeing plan',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    // Entity-decoded characters point at their '&'.
    const dash = file.content.text.indexOf('—');
    expect(file.source.slice(file.content.origin[dash], file.content.origin[dash] + 7)).toBe('&mdash;');
    const amp = file.content.text.indexOf('&');
    expect(file.source.slice(file.content.origin[amp], file.content.origin[amp] + 5)).toBe('&amp;');
  });

  it('sniffs HTML without an .html extension and finds an unnamed content block by its share of the text', () => {
    const unnamed = page.replace('<article>', '<div class="wrap"><div>').replace('</article>', '</div></div>');
    const { file, diagnostics } = run(utf8(unnamed), 'download.txt');
    expect(file.format).toBe('html');
    expect(file.content.text.split('\n')[0]).toBe('某市精神卫生工作规划（2021—2025年）');
    expect(file.content.text).not.toContain('网站首页');
    expect(diagnostics).toEqual([]);
  });

  it('takes the title from an <h1> above the content element, but not the site name in the banner', () => {
    const paragraph = '<p>为进一步加强慢性病综合防控工作，提高居民健康水平，结合本县实际，制定本方案。各乡镇要高度重视，认真组织实施，确保各项任务落到实处，按期完成示范区建设目标。</p>';
    const html = [
      '<html><body>',
      '<div class="header"><h1><a href="/">某县人民政府</a></h1><p>政府信息公开专栏</p></div>',
      '<div class="detail-page"><h1>某县慢性病综合防控示范区建设实施方案</h1>',
      '<div class="source">来源：县卫生健康局</div>',
      // A plan is long: the metadata line is a small share of div.detail-page, so div#zoom is the content.
      `<div id="zoom">${paragraph.repeat(6)}</div></div>`,
      '<div class="foot"><span class="text">联系电话：0000-12345678</span> <span class="text">地址：某县人民路1号</span></div>',
      '</body></html>',
    ].join('\n');
    const lines = run(utf8(html), 'a.html').file.content.text.split('\n');
    expect(lines[0]).toBe('某县慢性病综合防控示范区建设实施方案');
    expect(lines[1]).toMatch(/^为进一步加强慢性病综合防控工作/);
    expect(lines.join('\n')).not.toMatch(/某县人民政府|来源|联系电话|地址/);
  });

  it("keeps an article's own <header> with its title", () => {
    const html = [
      '<html><body><header class="site"><nav><a href="/">首页</a><a href="/a">机构</a><a href="/b">公开</a></nav></header>',
      '<article><header><h1>某区职业病防治规划（2021—2025年）</h1></header>',
      '<p>到2025年，重点行业的用人单位职业病危害项目申报率达到90%以上，工作场所职业病危害因素定期检测率达到85%以上。</p>',
      '</article></body></html>',
    ].join('');
    const text = run(utf8(html), 'a.html').file.content.text;
    expect(text.split('\n')[0]).toBe('某区职业病防治规划（2021—2025年）');
    expect(text).not.toContain('首页');
  });

  it('uses the whole body and reports PLN006 when no element holds most of the text', () => {
    const flat = '<html><body><p>第一段正文，讲目标。</p><div>第二段正文，讲措施。</div><p>第三段正文，讲保障。</p></body></html>';
    const { file, diagnostics } = run(utf8(flat), 'flat.html');
    expect(file.content.text).toBe('第一段正文，讲目标。\n第二段正文，讲措施。\n第三段正文，讲保障。');
    expect(diagnostics.map((d) => d.code)).toEqual(['PLN006']);
    expect(file.source.startsWith('<body>', diagnostics[0].offset)).toBe(true);
  });

  it('decodes a page whose meta charset lies with the detected encoding, and warns', () => {
    const body = '<div id="content"><p>到2020年，结核病防治核心知识知晓率达到85%以上。</p></div>';
    const lying = concat(utf8('<html><head><meta charset="utf-8"></head><body>'), iconv.encode(body, 'gbk'), utf8('</body></html>'));
    const { file, diagnostics } = run(lying, 'page.html');
    expect(file.encoding).toBe('gb18030');
    expect(file.content.text).toBe('到2020年，结核病防治核心知识知晓率达到85%以上。');
    expect(diagnostics.map((d) => d.code)).toEqual(['PLN008']);
    expect(file.source.startsWith('<meta charset="utf-8">', diagnostics[0].offset)).toBe(true);

    const relabelled = utf8(`<html><head><meta charset="gb2312"></head><body>${body}</body></html>`);
    const second = run(relabelled, 'page.html');
    expect(second.file.encoding).toBe('utf-8');
    expect(second.diagnostics.map((d) => d.code)).toEqual(['PLN008']);
  });

  it('sniffs an HTML page saved as .txt with a UTF-8 BOM', () => {
    const { file } = run(concat([0xef, 0xbb, 0xbf], utf8('<!DOCTYPE html><html><body><p>规划正文。</p></body></html>')), 'saved.txt');
    expect(file.format).toBe('html');
    expect(file.content.text).toBe('规划正文。');
  });

  it('lets a BOM win over the meta charset', () => {
    const page = '<html><head><meta charset="gbk"></head><body><p>规划正文。</p></body></html>';
    const { file, diagnostics } = run(concat([0xef, 0xbb, 0xbf], utf8(page)), 'page.html');
    expect(file.encoding).toBe('utf-8-bom');
    expect(file.content.text).toBe('规划正文。');
    expect(diagnostics.filter((d) => d.code === 'PLN008')).toEqual([]);
  });
});

describe('decode: bad input', () => {
  it('rejects binary data (a PNG header) with the NUL byte offset', () => {
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], utf8('IHDR'), pseudoRandomBytes(200, 0, 255));
    expect(reason(png, 'image.txt')).toBe('binary data, not text (NUL byte at offset 8)');
  });

  it('rejects control-code soup without NUL bytes, and a NUL character in UTF-16', () => {
    expect(reason(pseudoRandomBytes(300, 1, 31))).toMatch(/^binary data, not text \(\d+ control bytes in 300\)$/);
    const utf16 = concat([0xff, 0xfe], Buffer.from('正文\u0000正文', 'utf16le'));
    expect(reason(utf16)).toBe('binary data, not text (NUL character at byte offset 6)');
  });

  it('finds a NUL byte after long clean text, and keeps text with a few stray control bytes', () => {
    const clean = utf8('到2020年，肺结核患者成功治疗率达到90%以上。\n'.repeat(200));
    expect(reason(concat(clean, [0x00], utf8('正文')))).toBe(`binary data, not text (NUL byte at offset ${clean.length})`);
    // A bell and a DEL in 14 kB of text are damage, not a binary file.
    expect(run(concat(clean, [0x07], utf8('正文'), [0x7f])).file.source).toContain('正文');
  });

  it('rejects an empty file and a white-space-only file (also in UTF-16)', () => {
    expect(reason(new Uint8Array(0))).toBe('empty file');
    expect(reason(utf8(' \r\n\t\u3000\n'))).toBe('only white space, no text');
    expect(reason(concat([0xff, 0xfe], Buffer.from('  \n', 'utf16le')))).toBe('only white space, no text');
  });

  it('rejects random bytes that are text in no supported encoding', () => {
    expect(reason(pseudoRandomBytes(4096, 0x80, 0xff))).toMatch(/^not text in UTF-8, GB18030\/GBK or UTF-16: \d+ invalid UTF-8 sequences \(the first at byte 0\) and \d+ invalid GB18030 sequences$/);
  });

  it('replaces a few invalid bytes in UTF-8 text by U+FFFD with one PLN005 per run, at its position', () => {
    const before = '一、总体要求\n到2020年，';
    const middle = '报告发病率下降';
    const after = '10%。\n';
    const bytes = concat(utf8(before), [0xff, 0xfe], utf8(middle), [0xe4, 0xb8], utf8(after));
    const { file, diagnostics } = run(bytes);
    expect(file.encoding).toBe('utf-8');
    expect(file.source).toBe(`${before}\uFFFD${middle}\uFFFD${after}`);
    expect(diagnostics.map((d) => [d.code, d.offset, d.actual])).toEqual([
      ['PLN005', before.length, 'ff fe'],
      ['PLN005', before.length + 1 + middle.length, 'e4 b8'],
    ]);
    expect(diagnostics[0].message).toBe(`Unexpected bytes ff fe at byte ${utf8(before).length}, expected valid UTF-8; replaced by U+FFFD`);
  });

  // Valid UTF-8 is decoded by the platform's validating decoder, the rest by the byte scan: each of
  // these ill-formed sequences (Unicode table 3-7) must be caught by both, as one replaced run.
  it.each([
    ['an overlong NUL', [0xc0, 0x80]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lead byte without its continuation', [0xe5]],
  ])('replaces %s in UTF-8 text by one U+FFFD', (_name, bad) => {
    const line = '到2025年，严重精神障碍患者规范管理率达到85%以上。\n';
    const bytes = concat(utf8(line), bad, utf8(line));
    const { file, diagnostics } = run(bytes);
    expect(file.encoding).toBe('utf-8');
    expect(file.source).toBe(`${line}\uFFFD${line}`);
    expect(diagnostics.map((d) => [d.code, d.offset])).toEqual([['PLN005', line.length]]);
  });

  it('decodes a damaged copy with a bad run on every line (far more good characters than bad runs)', () => {
    const line = concat(utf8('到2025年，严重精神障碍患者规范管理率达到85%以上。'), [0xc3], utf8('\n'));
    const bytes = concat(...Array.from({ length: 60 }, () => line));
    const { file, diagnostics } = run(bytes);
    expect(file.encoding).toBe('utf-8');
    expect(diagnostics.filter((d) => d.code === 'PLN005')).toHaveLength(60);
    expect(file.source.split('\n')[59]).toBe('到2025年，严重精神障碍患者规范管理率达到85%以上。\uFFFD');
  });

  it('replaces a lone surrogate in UTF-16 text, at its position', () => {
    const bytes = concat([0xff, 0xfe], Buffer.from('规划', 'utf16le'), [0x00, 0xd8], Buffer.from('目标\n', 'utf16le'));
    const { file, diagnostics } = run(bytes);
    expect(file.source).toBe('规划\uFFFD目标\n');
    expect(diagnostics.map((d) => [d.code, d.offset, d.actual])).toEqual([['PLN005', 2, '00 d8']]);
  });

  it('replaces an invalid byte in GBK text, keeping the encoding', () => {
    const bytes = concat(iconv.encode('规划目标：到2025年，', 'gbk'), [0xff], iconv.encode('精神科床位数达到4.2张/万人。\n'.repeat(10), 'gbk'));
    const { file, diagnostics } = run(bytes);
    expect(file.encoding).toBe('gb18030');
    expect(file.source.startsWith('规划目标：到2025年，\uFFFD精神科床位数')).toBe(true);
    expect(diagnostics.map((d) => [d.code, d.offset])).toEqual([['PLN005', 12]]);
  });

  it('handles 10 000 nested elements (and 100 000) without a stack overflow or a hang', () => {
    for (const [tag, depth] of [['div', 10_000], ['font', 10_000], ['b', 100_000]] as const) {
      const html = `<html><body>${`<${tag}>`.repeat(depth)}正文内容${`</${tag}>`.repeat(depth)}</body></html>`;
      const started = performance.now();
      const { file } = run(utf8(html), 'deep.html');
      expect(file.content.text).toBe('正文内容');
      expect(file.source[file.content.origin[0]]).toBe('正');
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('reads HTML full of unclosed tag openings quickly', () => {
    for (const junk of ['<' + 'a'.repeat(3000), '<div ' + 'x'.repeat(3000), '<<<<<<<<']) {
      const html = `<html><body><p>规划正文。</p>${junk.repeat(Math.ceil(2_000_000 / junk.length))}</body></html>`;
      const started = performance.now();
      expect(run(utf8(html), 'junk.html').file.content.text.startsWith('规划正文。')).toBe(true);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('rejects an HTML page without text, and reads a 5 MB line without punctuation', () => {
    expect(reason(utf8('<html><head><title>标题</title><script>var a = "正文";</script></head><body><img src="a.png"></body></html>'), 'a.html')).toBe('HTML page without text');
    const line = '字'.repeat(1_700_000);
    expect(run(utf8(line)).file.source.length).toBe(line.length);
  });
});
