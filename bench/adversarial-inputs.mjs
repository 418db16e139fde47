// Adversarial inputs for the hardening tests and for the scaling figures of `npm run bench`.
// Each generator takes a scale factor and returns the input file's bytes; scale 1 is the size
// the tests use, and the bench runs 1×, 10× and 100× of a smaller base to show linear time.
import iconv from 'iconv-lite';

const utf8 = (s) => Buffer.from(s, 'utf8');

/** name → (scale) => { name, ext, bytes }; `units` is the repeated unit count at scale 1. */
export const ADVERSARIAL = {
  'long line without punctuation': (n) => utf8('慢性病综合防控示范区建设工作'.repeat(Math.round(125_000 * n))), // 5.25 MB at n=1
  'nested brackets': (n) => utf8('（('.repeat(Math.round(50_000 * n)) + '一'.repeat(10) + ')）'.repeat(Math.round(50_000 * n))),
  'heading markers in a row': (n) => utf8(Array.from({ length: Math.round(50_000 * n) }, (_, i) => ['一、', '（一）', '1．', '（1）', '专栏1'][i % 5]).join('\n')),
  'heading markers on one line': (n) => utf8('（一）1．一、（1）'.repeat(Math.round(12_500 * n))),
  'table row with many cells': (n) => utf8('主要指标\t基线\t2020年\t2025年\n' + '发病率达到95%以上\t'.repeat(Math.round(10_000 * n)) + '\n'),
  'only full-width commas': (n) => utf8('，'.repeat(Math.round(300_000 * n))),
  'NUL bytes in text': (n) => utf8(('到2020年，报告率达到95%以上。\u0000' + '\n').repeat(Math.round(10_000 * n))),
  'invalid UTF-8 in valid text': (n) =>
    Buffer.concat(Array.from({ length: Math.round(5_000 * n) }, () => Buffer.concat([utf8('到2025年，治疗率达到90%以上。'), Buffer.from([0xff, 0xfe, 0xc3]), utf8('\n')]))),
  'mixed encodings': (n) =>
    Buffer.concat(Array.from({ length: Math.round(5_000 * n) }, (_, i) => (i % 2 ? utf8('一、总体要求\n') : iconv.encode('（一）指导思想。全面贯彻落实。\n', 'gbk')))),
  'percent signs and numbers': (n) => utf8('达到95%以上，'.repeat(Math.round(100_000 * n))),
  'repeated passages': (n) => utf8('（三）规划目标。到2020年，肺结核患者成功治疗率达到90%以上。'.repeat(Math.round(50_000 * n))),
};

/** Deeply nested HTML whose meta charset says GBK while the bytes are UTF-8. */
export function nestedLyingHtml(n) {
  const depth = Math.round(10_000 * n);
  return utf8(
    '<!DOCTYPE html><html><head><meta charset="gbk"><title>规划</title></head><body>' +
      '<div>'.repeat(depth) + '<p>到2020年，报告肺结核患者和疑似肺结核患者的总体到位率达到95%以上。</p>' + '</div>'.repeat(depth) +
      '</body></html>',
  );
}
