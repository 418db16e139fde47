#!/usr/bin/env node
/**
 * Generates fixtures/encodings/: other-encoding copies of the UTF-8 sample texts, for the decode
 * stage's tests. Deterministic and rerunnable: `node scripts/make-encoding-fixtures.mjs`.
 *
 * - 002_11cdaf7be783ca84.gb18030.txt  GB18030 copy of fixtures/002 (no BOM).
 * - 004_52bb338bf9d79d54.utf16le.txt  UTF-16LE copy of fixtures/004, with a byte-order mark.
 * - 000_tb_plan.gbk.html              a GBK government web page (meta charset="gbk") holding the
 *                                     TB plan of fixtures/000 in its content element, between site
 *                                     navigation, a breadcrumb and a footer; the numbered items
 *                                     under 规划目标 are laid out as an indicator table
 *                                     (序号 | 指标 | 目标值).
 *
 * Every output is checked to round-trip through its encoding, so no character is silently lost
 * (GBK cannot encode e.g. © or •: the page writes © as the entity &copy;).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'fixtures');
const outDir = join(fixtures, 'encodings');
mkdirSync(outDir, { recursive: true });

/** Encodes `text` and fails unless the bytes decode back to exactly `text`. */
function encodeExactly(text, encoding) {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) throw new Error(`text does not round-trip through ${encoding}`);
  return bytes;
}

function readSample(name) {
  return readFileSync(join(fixtures, name), 'utf8');
}

// GB18030 copy of 002.
writeFileSync(join(outDir, '002_11cdaf7be783ca84.gb18030.txt'), encodeExactly(readSample('002_11cdaf7be783ca84.txt'), 'gb18030'));

// UTF-16LE copy of 004 with a BOM (iconv-lite adds none by default: add it by hand).
const utf16 = encodeExactly(readSample('004_52bb338bf9d79d54.txt'), 'utf-16le');
writeFileSync(join(outDir, '004_52bb338bf9d79d54.utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]));

// The TB plan of 000: from its title line up to the line before the next plan's title.
const lines000 = readSample('000_a55dad31d5b2c431.txt').split('\n');
const first = lines000.indexOf('天津市蓟州区“十三五”结核病防治规划');
const next = lines000.findIndex((line, i) => i > first && line.startsWith('天津市蓟州区遏制与防治艾滋病'));
if (first < 0 || next < 0) throw new Error('TB plan boundaries not found in fixtures/000');
const planLines = lines000.slice(first, next).map((l) => l.trim()).filter((l) => l !== '');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The table rows of one numbered item under 规划目标 (`2．A达到95%，B达到50%以上。`): one row
 * [number, indicator, value] per clause that states a value (达到…, or 明显提高 for a qualitative
 * goal), the number only on the item's first row (as a merged cell leaves it); an item without a
 * value phrase is one row with an empty value cell.
 */
function itemRows(item) {
  const number = item.match(/^(\d+)．/)[1];
  const body = item.replace(/^\d+．/, '').replace(/。$/, '');
  const clauses = body.split('，').map((clause) => [clause, clause.search(/达到|明显提高/)]);
  if (clauses.every(([, at]) => at <= 0)) return [[number, body, '']];
  return clauses.map(([clause, at], i) => [i === 0 ? number : '', at > 0 ? clause.slice(0, at) : clause, at > 0 ? clause.slice(at) : '']);
}

const cell = (text) => `  <td><p>${escapeHtml(text)}</p></td>`;

// Lay out the body: the numbered items under 规划目标 go into one indicator table.
const body = [];
let inGoals = false;
let tableRows = null;
for (const line of planLines.slice(1)) {
  if (inGoals && /^\d+．/.test(line)) {
    tableRows ??= [];
    tableRows.push(...itemRows(line));
    continue;
  }
  inGoals = /^（[一二三四五六七八九十]+）规划目标/.test(line);
  if (tableRows) {
    body.push(
      '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">',
      '<tbody>',
      '<tr><td><p><b>序号</b></p></td><td><p><b>指标</b></p></td><td><p><b>目标值</b></p></td></tr>',
      ...tableRows.map((row) => `<tr>\n${row.map(cell).join('\n')}\n</tr>`),
      '</tbody>',
      '</table>',
    );
    tableRows = null;
  }
  // Headings (一、… / 区卫计委) as they are styled on such pages; the rest as indented paragraphs.
  if (/^[一二三四五六七八九十]+、/.test(line)) body.push(`<p style="text-indent:2em"><strong>${escapeHtml(line)}</strong></p>`);
  else body.push(`<p style="text-indent:2em">${escapeHtml(line)}</p>`);
}

const title = planLines[0];
const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<meta charset="gbk" />
<title>${escapeHtml(title)}_蓟州区人民政府</title>
<meta name="keywords" content="结核病,防治规划,蓟州区" />
<link rel="stylesheet" type="text/css" href="/css/style.css" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">
  var _hmt = _hmt || []; // 统计代码：访问量统计
  if (document.body && window.innerWidth < 768) { document.body.className = "mobile"; }
</script>
<style type="text/css">.topnav li{float:left} .footer{color:#666} /* 页面样式 */</style>
</head>
<body>
<div class="top">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="蓟州区人民政府" /></a></div>
  <div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字" /><button>搜索</button></form></div>
</div>
<div class="topnav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
    <li><a href="/zjjz/">走进蓟州</a></li>
  </ul>
</div>
<div class="wrap">
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>
  <div class="left">
    <h3>政务公开</h3>
    <ul class="sidemenu">
      <li><a href="/zwgk/zcwj/">政策文件</a></li>
      <li><a href="/zwgk/ghjh/">规划计划</a></li>
      <li><a href="/zwgk/tjxx/">统计信息</a></li>
    </ul>
  </div>
  <div class="article">
    <div class="info">发布时间：2017-12-21 &nbsp; 来源：区卫计委 &nbsp; <a href="javascript:window.print()">打印本页</a></div>
    <div class="TRS_Editor" id="zoom">
<p align="center" style="text-align:center"><strong>${escapeHtml(title)}</strong></p>
${body.join('\n')}
    </div>
    <div class="share"><a href="#">分享到微信</a> <a href="#">分享到微博</a> <a href="javascript:window.close()">关闭窗口</a></div>
  </div>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p>版权所有&copy;天津市蓟州区人民政府办公室 主办单位：天津市蓟州区人民政府办公室</p>
  <p>网站标识码：1202250001 &nbsp; 津ICP备05004431号-1 &nbsp; 津公网安备 12022502000101号</p>
</div>
</body>
</html>
`;
writeFileSync(join(outDir, '000_tb_plan.gbk.html'), encodeExactly(html, 'gbk'));
