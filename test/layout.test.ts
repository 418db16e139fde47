/**
 * layout: page-made text (pdftotext -layout of PDFs made by LibreOffice and Chromium, with the
 * furniture real PDFs carry) reads like the plain text it was printed from; text that is not
 * page-made passes through untouched. The renderings are made by scripts/render-samples.sh and
 * scripts/render-layout-variants.py; expected values come from the plain texts and from reading
 * the PDFs' pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, extract, extractAsync } from '../src/pipeline.js';
import { layout } from '../src/stages/layout.js';
import { isSetOnTabStops } from '../src/stages/layout/columns.js';
import { equivalence, kinds, share, TITLE_DROPPED } from './helpers/equivalence.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path));

/** The plain source of a rendered plan: a sample, or a plan in fixtures/styles/. */
function plainOf(stem: string): string {
  for (const candidate of [`${stem}.txt`, `styles/${stem}.txt`, `styles/${stem}.html`]) {
    if (existsSync(join(FIXTURES, candidate))) return candidate;
  }
  throw new Error(`no plain source for ${stem}`);
}

/** Every page-made rendering with the plain text it was printed from. */
const renderings: Array<{ rendering: string; plain: string }> = [
  ...readdirSync(join(FIXTURES, 'rendered'))
    .filter((f) => f.endsWith('.layout.txt'))
    .map((f) => ({ rendering: `rendered/${f}`, plain: plainOf(f.slice(0, f.indexOf('.'))) })),
  ...readdirSync(join(FIXTURES, 'layout'))
    .filter((f) => f.endsWith('.layout.txt'))
    .map((f) => ({ rendering: `layout/${f}`, plain: `layout/${f.replace('.layout.txt', '.txt')}` })),
].sort((a, b) => a.rendering.localeCompare(b.rendering));



describe('layout passes text that is not page-made through unchanged', () => {
  for (const name of readdirSync(FIXTURES).filter((f) => /^0\d\d_.*\.txt$/.test(f))) {
    it(name, () => {
      const content = cleanText(read(name), name).source.content;
      const result = layout(content);
      expect(result.fixes).toEqual([]);
      expect(result.text).toBe(content);
    });
  }
});

describe('page-made renderings extract like their plain text', () => {
  expect(renderings.length).toBeGreaterThanOrEqual(14);
  for (const { rendering, plain } of renderings) {
    it(`${rendering}: the same documents, ≥ 97% of the headings`, () => {
      const same = equivalence(extract(read(plain), plain), extract(read(rendering), rendering));
      if (TITLE_DROPPED.has(rendering)) expect(kinds(same.documents.rendered)).toEqual(kinds(same.documents.plain));
      else expect(same.documents.rendered).toEqual(same.documents.plain);
      expect(share(same.headings), same.headings.missing.join('\n')).toBeGreaterThanOrEqual(0.97);
    });
    it(`${rendering}: ≥ 95% of the targets, with the same indicator, value and year`, () => {
      const same = equivalence(extract(read(plain), plain), extract(read(rendering), rendering));
      expect(share(same.targets), same.targets.missing.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('page furniture is removed and logged', () => {
  // Lines that only a printer writes: browser header and footer, page numbers in their forms
  // (a bare N or N/M may be a table cell, `1/10` over `万`: the footer tests below check those).
  const FURNITURE = [
    /^\d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2} [AP]M/,
    /^file:\/\//,
    /^[-—–] ?\d+ ?[-—–]$/,
    /^第\d+页共\d+页$/,
  ];
  for (const { rendering } of renderings) {
    it(`${rendering}: no form feed, running header, footer or page number is left`, () => {
      const clean = cleanText(read(rendering), rendering);
      const text = clean.deduped.text.text;
      expect(text).not.toContain('\f');
      const left = text.split('\n').filter((line) => FURNITURE.some((re) => re.test(line)));
      expect(left).toEqual([]);
    });
  }

  const kinds = (path: string) => {
    const fixes = cleanText(read(path), path).normalized.fixes;
    return (kind: string) => fixes.filter((f) => f.kind === kind).map((f) => f.before.trim());
  };

  it('a footer 第 N 页 共 M 页 on each of 5 pages, a running header without digits, a contents page', () => {
    const fixes = kinds('layout/city-hiv-chapters.layout.txt');
    // pdftotext prints the LibreOffice footer without its spaces.
    expect(fixes('page-number')).toEqual([1, 2, 3, 4, 5].map((n) => `第${n}页共5页`));
    // The header (an office's name, not a title) stands on every page, the contents page too.
    expect(fixes('page-header')).toEqual(Array(5).fill('湘潭市卫生健康委员会'));
    const toc = fixes('toc');
    expect(toc).toHaveLength(1);
    expect(toc[0]).toMatch(/^目录\n\n第一章 防治形势\.+1\n/);
    expect(toc[0].trim()).toMatch(/第四章 保障措施\.+2$/);
  });

  it('footers — N —, N/M and a bare N', () => {
    // LibreOffice's “— N —” footer, as pdftotext prints it.
    expect(kinds('layout/county-ncd-table.layout.txt')('page-number')).toEqual(['—1—', '—2—']);
    expect(kinds('layout/province-tb-slash.layout.txt')('page-number')).toEqual(['1/2', '2/2']);
    expect(kinds('layout/district-mental-bare.layout.txt')('page-number')).toEqual(['1', '2']);
  });

  it('a running header with a year in it is furniture on every page, never the title', () => {
    const path = 'layout/province-tb-slash.layout.txt';
    expect(kinds(path)('page-header')).toEqual(['2024 年 四川省结核病防治工作实施方案', '2024 年 四川省结核病防治工作实施方案']);
    expect(extract(read(path), path).documents.map((d) => d.title)).toEqual(['四川省结核病防治工作实施方案（2024—2027年）']);
  });

  it('a table header printed again at the top of the next page is the table\'s, not a running header', () => {
    // fixtures/styles/province-action.html: the 附件's indicator table runs over two pages (LibreOffice)
    // of a six-page print, its header (目标值 over 2025年/2030年, 指标性 over 质) repeated: repeated
    // in the top band of 2 pages, as often as a running header of a short text would be.
    const path = 'rendered/province-action.lo.layout.txt';
    expect(kinds(path)('page-header')).toEqual([]);
    const lines = cleanText(read(path), path).deduped.text.text.split('\n');
    // Both prints of the header are kept (the tables stage reads the rows under each).
    expect(lines.filter((l) => /^领域.*基期水平\t目标值2025年\t2030年\t指标性质$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^\t?15\t产前筛查率（%）\t72\t≥75\t≥80\t预期性$/.test(l))).toHaveLength(1);
    // A running header on every page is still one: the office's name on the 5 pages of city-hiv-chapters.
    expect(kinds('layout/city-hiv-chapters.layout.txt')('page-header')).toHaveLength(5);
  });

  it("Chromium's print furniture: the date-and-title header and the address-and-n/N footer", () => {
    const path = 'rendered/004_52bb338bf9d79d54.cr.layout.txt';
    const fixes = kinds(path);
    const pages = read(path).toString('utf8').split('\f').filter((page) => page.trim()).length;
    expect(fixes('page-header')).toHaveLength(pages);
    expect(fixes('page-header').every((h) => /^\d+\/\d+\/\d+, \d+:\d+ [AP]M +东胜区慢性病综合防控示范区建设项目实施方案$/.test(h))).toBe(true);
    expect(fixes('page-footer').map((f) => f.replace(/^file:\S+ +/, ''))).toEqual(Array.from({ length: pages }, (_, i) => `${i + 1}/${pages}`));
  });
});

describe('hard wraps and tables in print', () => {
  it('a double-spaced page joins its wrapped lines and keeps its paragraphs apart', () => {
    const path = 'layout/city-hiv-chapters.layout.txt';
    const text = cleanText(read(path), path).deduped.text.text;
    // Source paragraphs (scripts/layout-plans/city-hiv-chapters.txt), each printed over 2–3 lines.
    expect(text).toContain('\n三、经诊断的感染者和病人接受抗病毒治疗比例达到95%以上，治疗成功率保持在95%以上，艾滋病母婴传播率下降到2%以下。\n');
    expect(text).toContain('\n\n第一节强化宣传教育\n\n');
  });

  it('a line short of the width by its digits and % (wider than a column each in print) is joined to the next', () => {
    // Chromium's print of fixtures/styles/national-plan.txt, goal 3 (line 26 there).
    const lines = cleanText(read('rendered/national-plan.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    expect(lines).toContain('3．肺结核患者病原学阳性率达到60%，耐药筛查率达到90%以上，耐多药肺结核患者纳入治疗率不低于80%。');
  });

  it('a box in smaller type (专栏) has wider lines than the page: they are joined at its edge', () => {
    // fixtures/styles/province-5yr.html's 专栏 of 医疗服务体系建设: each ◆ item is one line there.
    for (const variant of ['lo', 'cr']) {
      const path = `rendered/province-5yr.${variant}.layout.txt`;
      const lines = cleanText(read(path), path).deduped.text.text.split('\n').map((l) => l.trim());
      expect(lines).toContain('◆ 村卫生室标准化：实现每个行政村卫生室全覆盖，乡村医生中执业（助理）医师比例提高到45%。');
    }
  });

  it('a centred title broken inside its brackets is one line', () => {
    const path = 'layout/district-mental-bare.layout.txt';
    const text = cleanText(read(path), path).deduped.text.text;
    expect(text.split('\n')).toContain('七里河区精神卫生工作实施方案（2021—2025年）');
  });

  it('a centred cell under a one-line value is the next row\'s; a value under a repeated header is a row\'s, not the header\'s', () => {
    // Chromium's print of fixtures/styles/province-action.html: row 8's 2025年 cell 力争每年降低0.5个百分点以上
    // prints over three lines centred on its row, the first right under row 7's ≤15.9; on the next page,
    // row 9's baseline 26.4（2018年） starts on the line under the repeated header.
    const lines = cleanText(read('rendered/province-action.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    expect(lines).toContain('\t7\t重大慢性病过早死亡率（%）\t16.9\t≤15.9\t≤13.5\t预期性');
    expect(lines).toContain('\t8\t儿童青少年总体近视率（%）\t53.6\t力争每年降低0.5个百分点以上\t新发近视率明显下降\t约束性');
    expect(lines).toContain('\t9\t15岁以上人群吸烟率（%）\t26.4（2018年）\t＜23.5\t＜20\t预期性');
  });

  it('a duty table whose full task cells push the unit cell left of its column, one space before it, and mark the lead unit', () => {
    // LibreOffice's print of fixtures/styles/county-hiv.html, 附件1 (序号 | 重点任务 | 责任单位 | 完成时限),
    // cells centred: row 1's task fills its column and `县卫健局（牵头）、县教育局、县` follows it one space
    // apart, four columns left of where the other rows' units start.
    const lines = cleanText(read('rendered/county-hiv.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(lines).toContain('序号\t重点任务\t责任单位\t完成时限');
    expect(lines).toContain('1\t开展艾滋病防治知识宣传教育，将艾滋病防治知识纳入中小学健康教育课程\t县卫健局（牵头）、县教育局、县委宣传部\t长期坚持');
    expect(lines).toContain('4\t加强对娱乐场所从业人员的干预，落实场所防控措施\t县公安局（牵头）、县卫健局、县文旅局\t长期坚持');
    // Chromium's print of the same table.
    const cr = cleanText(read('rendered/county-hiv.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    expect(cr).toContain('11\t开展社会组织参与艾滋病防治基金项目\t县卫健局（牵头）、县民政局、团县委、县妇联\t2025年底前');
  });

  it('a double-spaced print joins its wraps though its table rows are single-spaced', () => {
    // The same print: the goals' sentences wrap with a blank line between their lines; the table's rows do not.
    const lines = cleanText(read('rendered/county-hiv.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(lines).toContain('（一）居民艾滋病防治知识知晓率达到90%以上，重点人群和青年学生防治知识知晓率均达到95%以上。');
  });

  it('a ruled table becomes TAB-separated rows, each cell wrapped over lines joined in its column', () => {
    const path = 'layout/county-ncd-table.layout.txt';
    const lines = cleanText(read(path), path).deduped.text.text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('领域\t'));
    // The header and rows of scripts/layout-plans/county-ncd-table.txt (its `|` are the cells; the
    // print puts one space between `基线（2020 年）` and `2025 年目标` and wraps the 指标 cells).
    expect(lines[header]).toBe('领域\t指标\t基线（2020年）\t2025年目标\t指标性质');
    expect(lines[header + 1]).toBe('健康水平\t居民健康素养水平（%）\t21.5\t≥30\t预期性');
    expect(lines).toContain('慢病管理\t2型糖尿病患者基层规范管理服务率（%）\t56\t≥65\t约束性');
  });

  it('a ruled table with centred cells: pieces above and below a row join it, its part on the next page keeps the columns', () => {
    // Rows of fixtures/styles/city-mental.html as printed by LibreOffice: 指标名称 wraps around the
    // row's line, 类别 (rowspan) prints its label over two lines, rows 9–11 run onto page 2 without the header.
    const lo = cleanText(read('rendered/city-mental.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(lo).toContain('1\t\t每10万人口精神科执业（助理）医师数\t名\t3.6\t4.0\t4.5\t约束性');
    expect(lo).toContain('9\t\t居民心理健康素养水平\t%\t18.5\t22\t30\t预期性');
    expect(lo).toContain('11\t\t心理援助热线平均接通率\t%\t65\t75\t≥80\t预期性');
    // The province plan through Chromium: a two-line unit (1/10 / 万) centred on its row's line.
    const cr = cleanText(read('rendered/province-5yr.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    expect(cr).toContain('\t孕产妇死亡率\t1/10万\t12.30\t≤9.5\t≤9.0\t预期性');
    expect(cr).toContain('领域\t指标\t单位\t2020年（基期）\t2025年\t目标值2030年\t指标性质');
  });

  it('a row the page break cuts: the rest of its cells, first on the next page, joins them', () => {
    // Row 8 of fixtures/styles/city-mental.html: its two target cells in words print over two
    // lines, one space apart (`在 2020 年基础 在 2020 年基础`), and the page breaks between them.
    const lines = cleanText(read('rendered/city-mental.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(lines).toContain('8\t\t抑郁症治疗率\t%\t—\t在2020年基础上提高30%\t在2020年基础上提高50%\t预期性');
    expect(lines.filter((l) => l.includes('上提高'))).toHaveLength(1);
  });

  it('a TAB table set on tab stops: cells one space apart part where a run of values or value labels stands', () => {
    // LibreOffice prints fixtures/styles/district-duty.txt's indicator table on tab stops (`23.1 <20`, `基线值 2025 年目标值 指标性质`).
    const lo = cleanText(read('rendered/district-duty.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(lo).toContain('序号\t指标\t基线值\t2025年目标值\t指标性质');
    expect(lo).toContain('5\t15岁以上人群吸烟率（%）\t23.1\t<20\t预期性');
    expect(lo).toContain('1\t居民健康素养水平（%）\t24.6\t≥28.6\t预期性');
    // fixtures/styles/county-tb.txt: two target years, its rows' cells on stops that shift from row to row.
    const tb = cleanText(read('rendered/county-tb.lo.layout.txt'), 'lo').deduped.text.text.split('\n');
    expect(tb).toContain('序号\t指标名称\t2023年现状\t2025年\t2027年\t指标属性');
    expect(tb).toContain('2\t耐药筛查率（%）\t81\t≥90\t≥95\t约束性');
    expect(tb).toContain('4\t病原学阳性肺结核患者密切接触者筛查率（%）\t86\t≥95\t≥98\t预期性');
  });

  it('a table printed one cell per line with every line indented alike: wrapped labels join their cell', () => {
    // Chromium prints 002's cell-per-line table (each cell a TAB-led line) with its tabs gone: the
    // header's `2020年` / `指标值` and the group label `健康` / `水平` are each one cell (002 lines 41–57).
    const table = extract(read('rendered/002_11cdaf7be783ca84.cr.layout.txt'), 'cr').documents.flatMap((d) => d.tables)[0];
    expect(table.header).toEqual(['领域', '指标', '2020年指标值', '2025年指标值', '指标性质']);
    expect(table.rows[0]).toEqual(['健康水平', '人均期望寿命（岁）', '80.11', '81.37', '预期性']);
    expect(table.rows[2]).toEqual(['', '孕产妇死亡率（1/10万）', '10/10万', '8.5/10万', '预期性']);
    // Its last row has no baseline (002 lines 164–168): both its empty cells printed as nothing.
    expect(table.rows.at(-1)).toEqual(['', '15岁以上人群吸烟率', '', '减少15%', '预期性']);
  });

  it('a duty table printed with single spaces: each numbered row one line of cells, its wraps and page break joined', () => {
    // Chromium's print of fixtures/styles/district-duty.txt's 任务分工表 (rows 6 and 8 wrap, row 5 follows a page break).
    const path = 'rendered/district-duty.cr.layout.txt';
    const lines = cleanText(read(path), path).deduped.text.text.split('\n');
    expect(lines).toContain('序号\t责任单位\t工作任务\t完成时限');
    expect(lines).toContain('6\t区交通运输局\t推进慢行交通系统建设，完善公交站点无障碍设施\t2024年12月底前');
    expect(lines).toContain('5\t区住建局、区自然资源局\t在城市更新和老旧小区改造中配建健身设施，推进健康步道建设\t2025年12月底前');
    const duties = extract(read(path), path).documents.flatMap((d) => d.responsibilities).filter((r) => r.form === 'table');
    expect(duties.find((r) => r.text.includes('慢行交通'))?.lead.map((d) => d.name)).toEqual(['区交通运输局']);
  });

  it('a table whose cells print one space apart is parted under its header, a row at a time', () => {
    // Chromium prints a text's TAB rows with their tabs collapsed to single spaces.
    const district = cleanText(read('rendered/district-duty.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    // As in fixtures/styles/district-duty.txt.
    expect(district).toContain('序号\t指标\t基线值\t2025年目标值\t指标性质');
    expect(district).toContain('1\t居民健康素养水平（%）\t24.6\t≥28.6\t预期性');
    expect(district).toContain('10\t健康社区（村）建成数（个）\t12\t≥40\t预期性');
    // A baseline labelled by its year and 现状 (fixtures/styles/county-tb.txt).
    const tb = cleanText(read('rendered/county-tb.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    expect(tb).toContain('序号\t指标名称\t2023年现状\t2025年\t2027年\t指标属性');
    expect(tb).toContain('7\t学校结核病疫情报告及时率（%）\t96\t100\t100\t约束性');
    const sample = cleanText(read('rendered/001_308a46a949dc7d1f.cr.layout.txt'), 'cr').deduped.text.text.split('\n');
    // As in fixtures/001_308a46a949dc7d1f.txt's indicator table.
    expect(sample).toContain('主要指标\t基线\t2020年\t2025年');
    expect(sample).toContain('国家慢性病综合防控示范区覆盖率（%）\t33%\t力争50%\t50%以上');
    // Prose with figures after a space is no table row.
    expect(sample.filter((l) => l.includes('\t') && /。$/.test(l))).toEqual([]);
  });

  describe('a duty table printed from ruled cells is one TAB line per row', () => {
    // Each table's rows as its source gives them (an HTML <table>, read by the HTML reader).
    const sourceTable = (plain: string, header: string[]) =>
      extract(read(plain), plain).documents.flatMap((d) => d.tables).find((t) => t.header.join('|') === header.join('|'))!;
    const renderedTable = async (rendering: string, header: string[]) =>
      (await extractAsync(read(rendering), rendering)).documents.flatMap((d) => d.tables).find((t) => t.header.join('|') === header.join('|'));
    // fixtures/duty-tables/city-health-duty.html (责任单位 | 主要任务, a city's units, cells centred
    // vertically): LibreOffice prints each department beside the middle of its duty's lines, the
    // header repeated after the page break inside row 2; Chromium wraps long names over up to three
    // lines (`市住房和城乡` / `建设局、市城` / `市管理局`) between the duty's lines.
    // fixtures/styles/county-notice.html's 附件2 (部门 | 工作职责, cells at the top): Chromium prints
    // each department at the top of its row; LibreOffice beside the middle; a full name runs into
    // the duty one space apart (pdftotext) or with none (the PDF reader).
    const cases: Array<{ plain: string; header: string[]; renderings: string[] }> = [
      {
        plain: 'duty-tables/city-health-duty.html',
        header: ['责任单位', '主要任务'],
        renderings: ['lo.layout.txt', 'cr.layout.txt', 'lo.pdf', 'cr.pdf'].map((r) => `duty-tables/city-health-duty.${r}`),
      },
      {
        // A third column of supporting units; LibreOffice breaks the table over two pages, its header repeated.
        plain: 'duty-tables/city-three-column-duty.html',
        header: ['重点任务', '牵头单位', '配合单位'],
        renderings: ['lo.layout.txt', 'cr.layout.txt', 'lo.pdf', 'cr.pdf'].map((r) => `duty-tables/city-three-column-duty.${r}`),
      },
      {
        plain: 'styles/county-notice.html',
        header: ['部门', '工作职责'],
        renderings: ['lo.layout.txt', 'cr.layout.txt', 'lo.pdf', 'cr.pdf'].map((r) => `rendered/county-notice.${r}`),
      },
    ];
    for (const { plain, header, renderings: printed } of cases) {
      for (const rendering of printed) {
        it(`${rendering}: the rows of ${plain}`, async () => {
          const table = await renderedTable(rendering, header);
          expect(table?.rows).toEqual(sourceTable(plain, header).rows);
        });
      }
    }

    it('a 牵头单位 and a 配合单位 column give each row its lead and support', async () => {
      // As written in fixtures/duty-tables/city-three-column-duty.html (`市委办公室、市政府办公室` wraps after `市政府`).
      const parties = [
        [['市卫生健康局'], ['市委编办', '市司法局']], [['市教育局'], ['市卫生健康局']], [['各镇人民政府'], ['市民政局', '市妇联']],
        [['市委办公室', '市政府办公室'], ['市机关事务服务中心']], [['市委宣传部'], ['市融媒体中心', '市卫生健康局']],
      ];
      for (const rendering of cases[1].renderings) {
        const result = await extractAsync(read(rendering), rendering);
        const duties = result.documents.flatMap((d) => d.responsibilities).filter((r) => r.form === 'table');
        expect(duties.map((r) => [r.lead.map((d) => d.raw), r.support.map((d) => d.raw)]), rendering).toEqual(parties);
      }
    });

    it('each row gives one responsibility, led by the units its department cell names', async () => {
      // As written in fixtures/duty-tables/city-health-duty.html (`市民政局 市残联`: two units one space apart).
      const leads = [
        ['市卫生健康委'], ['市教育局', '市体育局'], ['市民政局', '市残联'], ['市住房和城乡建设局', '市城市管理局'], ['市生态环境局'],
        ['市市场监管局'], ['市医保局'], ['市委宣传部'], ['市总工会', '团市委', '市妇联'], ['各区县人民政府'],
      ];
      for (const rendering of cases[0].renderings) {
        const result = await extractAsync(read(rendering), rendering);
        const duties = result.documents.flatMap((d) => d.responsibilities).filter((r) => r.form === 'table');
        expect(duties.map((r) => r.lead.map((d) => d.raw)), rendering).toEqual(leads);
      }
    });
  });

  it('a numbered duty table set on tab stops or one space apart is one TAB line per row, as in its text', async () => {
    // fixtures/duty-tables/district-numbered-duty.txt: LibreOffice sets its TAB rows on tab stops
    // (deadlines on lines of their own or cut in two, `各乡镇人民政府落实属地责任` with no space);
    // Chromium collapses the tabs to single spaces and wraps the rows.
    const plain = 'duty-tables/district-numbered-duty.txt';
    const rowsOf = (result: ReturnType<typeof extract>) => result.documents.flatMap((d) => d.tables).find((t) => t.header[1] === '牵头部门');
    const source = rowsOf(extract(read(plain), plain))!;
    expect(source.header).toEqual(['序号', '牵头部门', '重点任务', '完成时间']);
    for (const rendering of ['lo.layout.txt', 'cr.layout.txt', 'lo.pdf', 'cr.pdf'].map((r) => `duty-tables/district-numbered-duty.${r}`)) {
      const result = await extractAsync(read(rendering), rendering);
      expect(rowsOf(result)?.rows, rendering).toEqual(source.rows);
      // As in the text: its note makes the first unit of a cell lead, the others support.
      const duties = result.documents.flatMap((d) => d.responsibilities).filter((r) => r.form === 'table');
      expect(duties.map((r) => [r.lead.map((d) => d.raw), r.support.map((d) => d.raw)]), rendering).toEqual([
        [['区卫生健康局'], []], [['区教育局'], ['区体育中心']], [['区委宣传部'], []], [['区民政局'], ['区残联']],
        [['区市场监管局'], []], [['区住房城乡建设局'], []], [['区总工会'], ['团区委', '区妇联']], [['各乡镇人民政府'], []],
      ]);
    }
  });

  it('a numbered duty table whose task comes before its units reads its units from the row end', async () => {
    // fixtures/duty-tables/city-task-first-duty.txt (序号 | 工作任务 | 责任单位 | 协办单位 | 完成时间), set one space apart.
    const plain = 'duty-tables/city-task-first-duty.txt';
    const rowsOf = (result: ReturnType<typeof extract>) => result.documents.flatMap((d) => d.tables).find((t) => t.header[1] === '工作任务');
    const source = rowsOf(extract(read(plain), plain))!;
    for (const rendering of ['cr.layout.txt', 'lo.pdf', 'cr.pdf'].map((r) => `duty-tables/city-task-first-duty.${r}`)) {
      const result = await extractAsync(read(rendering), rendering);
      expect(rowsOf(result)?.rows, rendering).toEqual(source.rows);
      const duties = result.documents.flatMap((d) => d.responsibilities).filter((r) => r.form === 'table');
      // As written in the text.
      expect(duties.map((r) => [r.lead.map((d) => d.raw), r.support.map((d) => d.raw)]), rendering).toEqual([
        [['市卫生健康委'], ['市人社局', '市总工会']], [['市总工会'], ['市卫生健康委']], [['市应急管理局'], ['市卫生健康委']],
        [['市人社局'], ['市医保局']], [['市委宣传部'], ['市融媒体中心', '市卫生健康委']], [['市财政局'], ['市卫生健康委']],
      ]);
    }
  });

  it('a table printed one cell per line gets its cell tabs back, page breaks inside rows joined', () => {
    for (const variant of ['lo', 'cr']) {
      const path = `rendered/000_a55dad31d5b2c431.${variant}.layout.txt`;
      const text = cleanText(read(path), path).deduped.text.text;
      // As in fixtures/000_a55dad31d5b2c431.txt's indicator table.
      expect(text).toContain('\t主要指标\n\t基线\n\t2020年\n\t2025年\n\t属性\n\n\t心脑血管疾病死亡率（1/10万）\n\t223.6/10万\n\t下降10%\n\t下降15%\n\t预期性\n');
    }
    // Its last row has an empty second cell: LibreOffice prints it as an empty line, which
    // becomes the empty cell again; Chromium prints nothing for it.
    const lo = cleanText(read('rendered/000_a55dad31d5b2c431.lo.layout.txt'), 'lo').deduped.text.text;
    expect(lo).toContain('\n\t国家慢性病综合防控示范区\n\t\n\t成功建设\n\t成功建设\n\t预期性\n');
  });
});

describe('tab stops told from columns', () => {
  // Each row: the column each of its cells falls in.
  it('full rows putting different cells in one column are set on tab stops', () => {
    expect(isSetOnTabStops([[0, 1, 2, 4, 5], [0, 1, 3, 4, 5], [0, 1, 2, 3, 4]])).toBe(true);
  });
  it('a group label in a column of its own, an empty cell, a drifting column start: columns', () => {
    // 领域 on some rows (they start a column earlier and leave a baseline empty).
    expect(isSetOnTabStops([[1, 2, 3, 4, 5, 6], [0, 1, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]])).toBe(false);
    // A second column whose start drifts past the tolerance: each row's cells still in order.
    expect(isSetOnTabStops([[0, 1], [0, 2], [0, 1], [0]])).toBe(false);
    // Short rows (cells left empty) do not count.
    expect(isSetOnTabStops([[0, 1, 2, 3], [0, 2], [0, 1, 2, 3]])).toBe(false);
  });
});
