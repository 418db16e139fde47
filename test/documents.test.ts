/**
 * Documents of real notices, through the whole pipeline: attachment labels, titles over several
 * lines with their 文号, web-page furniture, policy interpretations and running headers. Every
 * input is a wording of our own (other regions, topics and years than the samples).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { isFurniture } from '../src/text/furniture.js';

const run = (lines: string[]) => extract(Buffer.from(lines.join('\n'), 'utf8'), 'notice.txt');
const docs = (lines: string[]) => run(lines).documents.map((d) => ({ kind: d.kind, label: d.label, title: d.title, docNumber: d.docNumber }));

describe('attachment labels', () => {
  const notice = [
    '某某市卫生健康委员会关于印发某某市',
    '院前医疗急救体系建设两个方案的通知',
    '',
    '各区卫生健康委：',
    '现将《某某市院前医疗急救站点建设方案》《某某市急救人员培训计划》印发给你们，请遵照执行。',
    '',
    '附件：1．某某市院前医疗急救站点建设方案',
    '      2．某某市急救人员培训计划',
    '',
    '某某市卫生健康委员会',
    '2024年3月18日',
    '',
    '附件 1',
    '',
    '某某市院前医疗急救站点建设方案',
    '',
    '为缩短急救反应时间，制定本方案。',
    '一、建设目标',
    '到2026年，乡镇急救站点覆盖率达到90%以上。',
    '',
    '附件：2',
    '',
    '某某市急救人员培训计划',
    '',
    '为提升急救人员能力，制定本计划。',
    '一、培训目标',
    '到2026年，急救人员持证上岗率达到100%。',
  ];

  it('makes each labelled attachment a document of its own, the label never in its title', () => {
    // normalize takes the space out of 附件 1 (a space between CJK and a digit); the label is read after it.
    expect(docs(notice)).toEqual([
      { kind: 'notice', label: null, title: '某某市卫生健康委员会关于印发某某市院前医疗急救体系建设两个方案的通知', docNumber: null },
      { kind: 'plan', label: '附件1', title: '某某市院前医疗急救站点建设方案', docNumber: null },
      { kind: 'plan', label: '附件：2', title: '某某市急救人员培训计划', docNumber: null },
    ]);
  });

  it('gives each attachment its own targets, and reads the notice list of attachments as no headings', () => {
    const result = run(notice);
    expect(result.documents.map((d) => d.targets.map((t) => t.value))).toEqual([[], [90], [100]]);
    expect(result.documents[0].sections).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code.startsWith('PLN4'))).toEqual([]);
  });

  it('takes 附件3 and 附件1： over a title the same way, and an attachment that names no plan is kind other', () => {
    const text = [
      '某某县健康乡村建设工作方案',
      '县卫生健康局',
      '为推进健康乡村建设，制定本方案。',
      '一、工作目标',
      '到2025年，村卫生室标准化建设达标率达到95%。',
      '附件1：',
      '某某县健康乡村建设重点任务分工表',
      '任务\t牵头单位\t完成时限',
      '村卫生室标准化建设\t县卫生健康局\t2025年12月',
      '附件3',
      '某某县健康乡村建设',
      '考核评分办法',
      '为规范考核，制定本办法。',
    ];
    expect(docs(text).map((d) => [d.kind, d.label, d.title])).toEqual([
      ['plan', null, '某某县健康乡村建设工作方案'],
      ['other', '附件1：', '某某县健康乡村建设重点任务分工表'],
      ['plan', '附件3', '某某县健康乡村建设考核评分办法'],
    ]);
  });
});

describe('a body whose title is lost', () => {
  // A converter dropped the plan's title (or its cover was an image): the body starts the text.
  const lines = [
    '为加快推进全省康复医疗服务发展，制定本方案。', '一、工作目标', '到2025年，每10万人口康复医师数达到8人。', '二、保障措施', '各地要加强组织领导。', '',
    '附件2', '康复医疗服务重点任务清单', '1．建设康复医学科。',
  ];
  it('is an untitled plan of its own (PLN302), never the text of the attachment after it', () => {
    const result = run(lines);
    expect(result.documents.map((d) => [d.kind, d.label, d.title])).toEqual([
      ['plan', null, '为加快推进全省康复医疗服务发展，制定本方案。'],
      ['other', '附件2', '康复医疗服务重点任务清单'],
    ]);
    expect(result.documents[0].targets.map((t) => t.indicator)).toEqual(['每10万人口康复医师数']);
    expect(result.diagnostics.filter((d) => d.code === 'PLN302')).toHaveLength(1);
  });
  it('a header or web furniture above the first title stays with it', () => {
    expect(docs(['某某省卫生健康委员会文件', '', '某某省康复医疗服务行动方案', '一、工作目标', '到2025年，康复床位数达到每万人2.5张。']).map((d) => d.title)).toEqual([
      '某某省康复医疗服务行动方案',
    ]);
  });
});

describe('titles over several lines and their 文号', () => {
  it('joins a title printed over three lines and puts the 文号 line after it in docNumber', () => {
    const text = [
      '某某自治区卫生健康委员会',
      '关于印发某某自治区基层医疗卫生机构',
      '药品配备使用管理办法的通知',
      '某卫药政发[2023] 9 号',
      '',
      '各盟市卫生健康委：',
      '现将《某某自治区基层医疗卫生机构药品配备使用管理办法》印发给你们，请认真执行。',
      '某某自治区卫生健康委员会',
      '2023年7月4日',
    ];
    expect(docs(text)).toEqual([
      {
        kind: 'notice', label: null,
        title: '某某自治区卫生健康委员会关于印发某某自治区基层医疗卫生机构药品配备使用管理办法的通知',
        docNumber: '某卫药政发〔2023〕9号',
      },
    ]);
  });

  it('joins a long first line that ends inside the title (…》的) to the 通知 under it', () => {
    const text = [
      '某某市卫生健康委员会关于印发《某某市儿童青少年近视防控工作方案（2024—2026年）》的',
      '',
      '通知',
      '各区卫生健康局：',
      '现将方案印发给你们，请认真组织实施。',
    ];
    expect(docs(text).map((d) => d.title)).toEqual(['某某市卫生健康委员会关于印发《某某市儿童青少年近视防控工作方案（2024—2026年）》的通知']);
  });

  it('takes a 文号 line over the title as the document number, never as a title line', () => {
    const text = [
      '某州府办函〔2022〕31号',
      '某某州人民政府办公室关于印发',
      '某某州职业病防治规划的通知',
      '各县市人民政府，州直各部门：',
      '现将《某某州职业病防治规划》印发给你们，请认真贯彻落实。',
    ];
    expect(docs(text)).toEqual([
      { kind: 'notice', label: null, title: '某某州人民政府办公室关于印发某某州职业病防治规划的通知', docNumber: '某州府办函〔2022〕31号' },
    ]);
  });
});

describe('web pages', () => {
  const page = [
    '您当前的位置：首页 > 信息公开 > 规划计划',
    '某某区卫生健康局关于印发某某区',
    '托育服务发展实施方案的通知',
    '浏览次数：517',
    '【字号：大 中 小】',
    '打印本页 关闭窗口',
    '分享到：',
    '发布时间：2023-09-12　来源：区卫生健康局',
    '各街道社区卫生服务中心：',
    '现将《某某区托育服务发展实施方案》印发给你们，请抓好落实。',
    '某某区卫生健康局',
    '2023年9月11日',
    '某某区托育服务发展实施方案',
    '为促进托育服务发展，制定本方案。',
    '一、发展目标',
    '到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。',
    '访问量：2046',
    '打印本页',
    '关闭窗口',
  ];

  it('splits the plan off its notice through the furniture, and never takes furniture for a title', () => {
    expect(docs(page).map((d) => [d.kind, d.title])).toEqual([
      ['notice', '某某区卫生健康局关于印发某某区托育服务发展实施方案的通知'],
      ['plan', '某某区托育服务发展实施方案'],
    ]);
  });

  it('finds the 文号 of a notice under furniture ending in a colon (分享到：)', () => {
    const withNumber = [...page.slice(0, 8), '某区卫发〔2023〕44号', ...page.slice(8)];
    expect(docs(withNumber)[0].docNumber).toBe('某区卫发〔2023〕44号');
  });

  it('tells furniture rows from text that starts with the same words', () => {
    const furniture = ['【打印本页】【关闭窗口】 分享到：微信 微博 QQ 空间', '打印本页 关闭窗口', '分享到：', '【字号：大 中 小】', '点击数：88', '3/5/24, 4:17 PM 某某市托育服务实施方案'];
    expect(furniture.filter((l) => !isFurniture(l))).toEqual([]);
    expect(['关闭违规诊所', '打印机配备到位', '来源于基层的经验', '作者单位'].filter(isFurniture)).toEqual([]);
  });

  it('never takes a browser print header or a line repeated through the file for a title', () => {
    const header = '2/3/25, 10:41 AM 某某区托育服务发展实施方案';
    const text = [header, ...page.slice(12, 14), header, '一、发展目标', '到2025年，托位数达到4.5个。', header, '二、主要任务', '（一）扩大供给。'];
    const result = run(text);
    expect(result.documents.map((d) => d.title)).toEqual(['某某区托育服务发展实施方案']);
    const running = ['某某区托育服务工作简报', '某某区托育服务发展实施方案', '为促进托育服务发展，制定本方案。', '某某区托育服务工作简报', '一、发展目标', '某某区托育服务工作简报'];
    expect(run(running).documents.map((d) => d.title)).toEqual(['某某区托育服务发展实施方案']);
  });
});

describe('policy interpretations', () => {
  const text = [
    '某某省“十四五”中医药发展规划',
    '为推进中医药传承创新发展，根据有关规划，制定本规划。',
    '一、发展目标',
    '到2025年，每千人口公立中医类医院床位数达到0.85张。',
    '二、主要任务',
    '（一）健全中医药服务体系。',
    '',
    '关于《某某省“十四五”中医药发展规划》的解读',
    '一、编制背景',
    '为贯彻落实国家中医药发展规划，省中医药管理局组织编制了本规划。',
    '二、主要内容',
    '规划提出到2025年每千人口公立中医类医院床位数达到0.85张。',
  ];

  it('makes an interpretation after the plan one document of kind other', () => {
    expect(docs(text).map((d) => [d.kind, d.title])).toEqual([
      ['plan', '某某省“十四五”中医药发展规划'],
      ['other', '关于《某某省“十四五”中医药发展规划》的解读'],
    ]);
  });

  it('reads no headings, targets or measures from an interpretation: it restates the plan', () => {
    const [plan, interpretation] = run(text).documents;
    expect(plan.targets.map((t) => t.value)).toEqual([0.85]);
    expect([interpretation.sections, interpretation.targets, interpretation.measures]).toEqual([[], [], []]);
  });

  it('takes a 政策解读 column label over a title and a 起草说明 as interpretations too', () => {
    const text = [
      '某某市慢性病防治行动方案',
      '为加强慢性病防治，制定本方案。',
      '一、行动目标',
      '到2025年，高血压患者基层规范管理服务率达到65%。',
      '政策解读',
      '某某市慢性病防治行动方案',
      '一、出台背景',
      '慢性病已成为影响居民健康的主要疾病。',
      '关于《某某市慢性病防治行动方案》的起草说明',
      '一、起草过程',
      '市卫生健康委在调研基础上起草了方案。',
    ];
    expect(docs(text).map((d) => [d.kind, d.title])).toEqual([
      ['plan', '某某市慢性病防治行动方案'],
      ['other', '某某市慢性病防治行动方案'],
      ['other', '关于《某某市慢性病防治行动方案》的起草说明'],
    ]);
  });
});
