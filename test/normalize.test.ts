/** normalize: one block per rule, each with a sample's case, a wording not in the samples, and negatives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/stages/normalize.js';
import type { StageDiagnostic } from '../src/model/stages.js';
import { identityText } from '../src/text/mapped-text.js';
import { readRadicalYou } from '../src/stages/normalize/glyphs.js';

function run(source: string) {
  const diagnostics: StageDiagnostic[] = [];
  const result = normalize(identityText(source), { file: 't.txt', report: (d) => void diagnostics.push(d) });
  return { text: result.text.text, fixes: result.fixes, diagnostics };
}
const kinds = (source: string) => run(source).fixes.map((f) => f.kind);

describe('radicals and compatibility ideographs', () => {
  it('turns Kangxi radicals into unified ideographs (003: ⼈⺠ → 人民)', () => {
    expect(run('⼈⺠⽣活⽔平').text).toBe('人民生活水平');
    expect(kinds('⼈')).toEqual(['kangxi-radical']);
  });
  it('maps the radicals supplement by table and compatibility ideographs by NFKC', () => {
    expect(run('⻓江⻔⼝').text).toBe('长江门口');
    // U+F9D1 is the compatibility form of 六.
    const compat = run('第\uf9d1条');
    expect(compat.text).toBe('第六条');
    expect(compat.fixes).toEqual([{ kind: 'compatibility-ideograph', range: [1, 2], before: '\uf9d1', after: '六' }]);
  });
  it('leaves radical forms that are only parts of characters, and full-width punctuation', () => {
    expect(run('⺅，（一）').text).toBe('⺅，（一）');
  });
});

describe('glyph confusion ⼜ (U+2F1C) for 口', () => {
  it('reads the sample words as 口 (人⼜, ⼜罩, ⼜岸)', () => {
    expect(run('流动⼈⼜、防护⼜罩，码头、⼜岸').text).toBe('流动人口、防护口罩，码头、口岸');
  });
  it('reads 口-words not in the samples as 口', () => {
    expect(run('出⼜产品；窗⼜服务；⼜腔健康；港⼜；接⼜').text).toBe('出口产品；窗口服务；口腔健康；港口；接口');
    expect(run('三⼜之家').text).toBe('三口之家');
  });
  it('reads the adverb as 又 where a clause starts with it or 既 opens the clause', () => {
    expect(run('工作取得进展，⼜有新的问题').text).toBe('工作取得进展，又有新的问题');
    expect(run('既要防控⼜要治疗').text).toBe('既要防控又要治疗');
    expect(readRadicalYou('他⼜是', 1)).toBe('又');
  });
});

describe('width', () => {
  it('narrows full-width letters, digits and ％ (002: ％) and keeps CJK punctuation', () => {
    expect(run('达到９５％，ＡＢＣ。').text).toBe('达到95%，ABC。');
    expect(kinds('％')).toEqual(['fullwidth-ascii']);
  });
  it('widens ASCII punctuation in Chinese text: (二) and a variant (三)', () => {
    expect(run('(二)加强领导').text).toBe('（二）加强领导');
    expect(run('(三)完善机制,明确分工;强化考核:每年一次').text).toBe('（三）完善机制，明确分工；强化考核：每年一次');
  });
  it('widens a bracket pair around Latin text inside Chinese: 口罩(N95)', () => {
    expect(run('佩戴口罩(N95)等').text).toBe('佩戴口罩（N95）等');
  });
  it('keeps ratios, decimals, dates, thousands, URLs, e-mails and English text', () => {
    for (const kept of ['比例为1:1', '达到3.5%', '2017-10-26', '共1,200人', 'http://www.example.gov.cn/a,b', 'hb@163.com', 'Hello, world (ok).']) {
      expect(run(kept).text).toBe(kept);
    }
  });
});

describe('spaces between Chinese and numbers', () => {
  it('removes them (001: 到 2020 年, 35 岁) and in a variant (到 2030 年)', () => {
    expect(run('到 2020 年，35 岁以上').text).toBe('到2020年，35岁以上');
    expect(run('到 2030 年达到 90% 以上').text).toBe('到2030年达到90%以上');
    expect(kinds('2030 年')).toEqual(['cjk-space']);
  });
  it('removes spaces between Chinese characters and after a converted bracket', () => {
    expect(run('(二) 完善体系').text).toBe('（二）完善体系');
  });
  it('keeps spaces next to Latin words and between numbers', () => {
    expect(run('使用手机 APP 辅助').text).toBe('使用手机 APP 辅助');
    expect(run('2020 2025').text).toBe('2020 2025');
  });
});

describe('traditional → simplified', () => {
  it('converts a traditional character in simplified text (001: 中小學生) and reports PLN101', () => {
    const result = run('对于肥胖的中小學生，制定方案。');
    expect(result.text).toBe('对于肥胖的中小学生，制定方案。');
    expect(result.fixes).toEqual([expect.objectContaining({ kind: 'traditional-chinese', before: '學', after: '学' })]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PLN101']);
  });
  it('converts traditional clauses in mixed text and leaves the simplified ones, 显著 included', () => {
    expect(run('效果显著。醫療機構應當加強管理。').text).toBe('效果显著。医疗机构应当加强管理。');
  });
  it('converts only the clauses that hold a traditional character, at the start and the end of the text too', () => {
    const simplified = '全面推进健康城市建设，居民健康素养水平显著提高，重点人群健康管理服务覆盖面持续扩大，基层医疗卫生服务能力明显增强。';
    const result = run(`學校健康教育，${simplified}\n${simplified}全民健身運動`);
    expect(result.text).toBe(`学校健康教育，${simplified}\n${simplified}全民健身运动`);
    expect(result.fixes.map((f) => [f.before, f.after])).toEqual([['學', '学'], ['運', '运'], ['動', '动']]);
  });
  it('converts a wholly traditional paragraph', () => {
    expect(run('為加強愛滋病防治工作，制定本計劃。').text).toBe('为加强爱滋病防治工作，制定本计划。');
  });
  it('changes nothing in simplified text: 显著, 著名, 乾隆, 于是', () => {
    expect(run('效果显著，著名专家于是指出乾隆年间').fixes).toEqual([]);
  });
  for (const name of ['000_a55dad31d5b2c431.txt', '002_11cdaf7be783ca84.txt', '004_52bb338bf9d79d54.txt', '003_dda57fd9192b6255.txt']) {
    it(`makes no traditional fix on ${name}`, () => {
      const source = readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
      expect(run(source).fixes.filter((f) => f.kind === 'traditional-chinese')).toEqual([]);
    });
  }
});

describe('page breaks', () => {
  it('joins a word cut by a page break (001: 主要慢 / 性病发病率)', () => {
    expect(run('环境因素对健康的影响逐步显现，主要慢\n\n性病发病率居高不下。').text).toBe(
      '环境因素对健康的影响逐步显现，主要慢性病发病率居高不下。',
    );
  });
  it('joins a responsibility clause cut after 市 and a variant cut after 、', () => {
    expect(run('降低复发率。（责任主体：市\n\n卫计委、市医改办）').text).toBe('降低复发率。（责任主体：市卫计委、市医改办）');
    expect(run('各部门要加强协作，落实责任、\n\n\n健全机制。').text).toBe('各部门要加强协作，落实责任、健全机制。');
  });
  it('never joins before a heading, a bullet or a table row', () => {
    for (const next of ['（二）工作目标', '(三) 主要任务', '2．加强宣传', '第三章 保障措施', '专栏1', '----居民健康', '指标\t2020年']) {
      expect(run(`各部门要加强协作，落实责任\n\n${next}`).fixes.filter((f) => f.kind === 'page-break-join')).toEqual([]);
    }
  });
  it('never joins titles, headings, addressee, signature and date lines', () => {
    const notice = '关于印发某区结核病防治规划的通知\n\n各乡镇人民政府，区政府各委、办、局：\n\n一、防治现状\n\n（八）增强科技支撑，促进监测评价\n\n某区人民政府办公室\n\n2017年12月21日\n';
    expect(run(notice).fixes.filter((f) => f.kind === 'page-break-join')).toEqual([]);
  });
});

describe('extraction artefacts', () => {
  it('removes Word bookmarks: _GoBack (002) and _Toc123', () => {
    expect(run('[bookmark: _GoBack]推动依法行政').text).toBe('推动依法行政');
    expect(run('一、总则[bookmark: _Toc123]').text).toBe('一、总则');
    expect(kinds('[bookmark: _Toc1]')).toEqual(['bookmark-artefact']);
  });
  it('removes indentation and trailing spaces but keeps tabs between and before cells', () => {
    expect(run('    7.计划生育\n\u3000\u3000二是体系\n\t领域\n指标\t2020年  \n').text).toBe('7.计划生育\n二是体系\n\t领域\n指标\t2020年\n');
  });
  it('removes stray punctuation runs (003: 传，，，播, 有/，针对) and a variant', () => {
    expect(run('最主要传，，，播途径').text).toBe('最主要传播途径');
    expect(run('重点人群，有/，针对性地开展').text).toBe('重点人群，有针对性地开展');
    expect(run('加强宣传、，、教育').text).toBe('加强宣传教育');
    expect(run('培训内容。，2．加强').text).toBe('培训内容。2．加强');
  });
  it('keeps single marks and a single slash (张/万人)', () => {
    expect(run('床位数达到6张/万人，增长、提高。').text).toBe('床位数达到6张/万人，增长、提高。');
  });
  it('turns CRLF and CR into LF, logged', () => {
    const result = run('第一行\r\n第二行\r第三行');
    expect(result.text).toBe('第一行\n第二行\n第三行');
    expect(result.fixes.map((f) => f.kind)).toEqual(['line-ending', 'line-ending']);
  });
});

describe('fix log', () => {
  it('logs source ranges and the text replaced', () => {
    const result = run('到 2020 年⼈⼜');
    expect(result.fixes).toEqual(
      expect.arrayContaining([
        { kind: 'cjk-space', range: [1, 2], before: ' ', after: '' },
        { kind: 'glyph-confusion', range: [9, 10], before: '\u2f1c', after: '口' },
        { kind: 'kangxi-radical', range: [8, 9], before: '⼈', after: '人' },
      ]),
    );
  });
});

describe('linear time on adversarial input', () => {
  it('handles a 5 MB line without punctuation', () => {
    const line = '卫生健康事业发展规划 a'.repeat(400_000);
    const start = performance.now();
    run(line);
    expect(performance.now() - start).toBeLessThan(1000);
  });
  it('handles a file of only ，, of spaces, of brackets and of heading markers', () => {
    for (const text of ['，'.repeat(1_000_000), ' '.repeat(1_000_000) + 'x', 'a'.repeat(1_000_000) + '@', 'x@'.repeat(500_000), '('.repeat(200_000) + ')'.repeat(200_000), '（一）\n'.repeat(50_000), '\u0000'.repeat(100_000)]) {
      const start = performance.now();
      run(text);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });
});
