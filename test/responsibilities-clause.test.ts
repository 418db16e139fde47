import { describe, expect, it } from 'vitest';
import { findClauses, findLabelledLines, findLeadByClauses, findSentenceClauses, parseClause } from '../src/stages/responsibilities/clause.js';
import { mayBeStrongDuty, parseDutyHeading, parseDutySentence, STRONG_DUTY_VERBS } from '../src/stages/responsibilities/duty.js';
import fc from 'fast-check';
import type { DepartmentMention } from '../src/stages/responsibilities/department-list.js';

const names = (list: DepartmentMention[] | null | undefined) => (list ?? []).map((d) => d.name);
const raws = (list: DepartmentMention[] | undefined) => (list ?? []).map((d) => d.raw);

describe('parseClause: labelled clauses', () => {
  it('责任主体: everyone listed leads, collective bodies included (sample 001)', () => {
    const c = parseClause('责任主体：市环保局、市农委，各县区政府、功能板块管委会');
    expect(names(c?.lead)).toEqual(['市环境保护局', '市农委', '各县区政府', '功能板块管委会']);
    expect(c?.support).toEqual([]);
  });

  it('keeps bodies whose names the table does not know (海关, 行业协会) in a labelled list', () => {
    const c = parseClause('责任主体：市卫计委、连云港海关、市保险行业协会，各县区政府');
    expect(raws(c?.lead)).toEqual(['市卫计委', '连云港海关', '市保险行业协会', '各县区政府']);
    expect(c?.lead[1].known).toBe(false);
  });

  it('牵头单位/配合单位 with a shared prefix (variant not in the samples)', () => {
    const c = parseClause('牵头单位：省卫生健康委；配合单位：省教育厅、省财政厅');
    expect(names(c?.lead)).toEqual(['省卫生健康委']);
    expect(names(c?.support)).toEqual(['省教育厅', '省财政厅']);
  });

  it('a 、 inside a name\'s brackets does not part it (各乡（镇、街道）人民政府)', () => {
    const c = parseClause('牵头单位：县卫生健康局；配合单位：各乡（镇、街道）人民政府、县财政局');
    expect(raws(c?.support)).toEqual(['各乡（镇、街道）人民政府', '县财政局']);
  });

  it('责任单位 written with an ASCII colon and 等 ending', () => {
    const c = parseClause('责任单位:县卫健局、县民政局等');
    expect(names(c?.lead)).toEqual(['县卫生健康局', '县民政局']);
  });

  it('a verb inside a labelled list overrides the label; an unknown label ends the list (variants)', () => {
    const c = parseClause('责任单位：市卫健委牵头，市财政局、市医保局配合');
    expect(names(c?.lead)).toEqual(['市卫生健康委']);
    expect(names(c?.support)).toEqual(['市财政局', '市医保局']);
    const d = parseClause('责任单位：县卫健局、县教育局；完成时限：2025年底');
    expect(names(d?.lead)).toEqual(['县卫生健康局', '县教育局']);
    expect(d?.support).toEqual([]);
  });

  it('skips an item of a labelled list that is no name (a line break inside it) and keeps the others', () => {
    const c = parseClause('责任主体：市卫计委、市民\n政局、市财政局');
    expect(names(c?.lead)).toEqual(['市卫生计生委', '市财政局']);
  });

  it('X等市各部门: the list closes with a collective body', () => {
    const c = parseClause('责任主体：市委宣传部、市红十字会等市各部门，各县区政府');
    expect(names(c?.lead)).toEqual(['市委宣传部', '市红十字会', '市各部门', '各县区政府']);
    expect(c?.lead[2].collective).toBe(true);
  });

  it('牵头单位 then 责任单位: the later list supports the one leading', () => {
    const c = parseClause('牵头单位：县卫健局；责任单位：县财政局、县人社局');
    expect(names(c?.lead)).toEqual(['县卫生健康局']);
    expect(names(c?.support)).toEqual(['县财政局', '县人力资源社会保障局']);
    // 责任单位 alone still leads.
    expect(names(parseClause('责任单位：县财政局、县人社局')?.lead)).toEqual(['县财政局', '县人力资源社会保障局']);
  });

  it('A（牵头）、B、C in a labelled list: the marked body leads, the others support; the mark is no part of the name', () => {
    const c = parseClause('责任部门：区卫健委（牵头）、区民政局、区残联');
    expect(names(c?.lead)).toEqual(['区卫生健康委']);
    expect(raws(c?.lead)).toEqual(['区卫健委']);
    expect(names(c?.support)).toEqual(['区民政局', '区残联']);
    expect(names(parseClause('责任单位：市教育局、市卫生健康委(牵头单位)')?.lead)).toEqual(['市卫生健康委']);
  });

  it('gives offsets of each department in the clause', () => {
    const content = '牵头单位：省卫生健康委；配合单位：省教育厅、省财政厅';
    const c = parseClause(content)!;
    for (const d of [...c.lead, ...c.support]) expect(content.slice(d.start, d.start + d.raw.length)).toBe(d.raw);
  });
});

describe('parseClause: verbal clauses', () => {
  it('X牵头负责，Y、Z参与: Z inherits the list prefix (sample 000)', () => {
    const c = parseClause('区卫计委牵头负责，区审批局、发展改革委参与');
    expect(names(c?.lead)).toEqual(['区卫生计生委']);
    expect(names(c?.support)).toEqual(['区行政审批局', '区发展改革委']);
    expect(raws(c?.support)).toEqual(['区审批局', '发展改革委']);
  });

  it('X、Y分别负责: two leads', () => {
    const c = parseClause('区卫计委、民政局分别负责');
    expect(names(c?.lead)).toEqual(['区卫生计生委', '区民政局']);
  });

  it('X负责 and collective 各有关部门负责', () => {
    expect(names(parseClause('区卫计委负责')?.lead)).toEqual(['区卫生计生委']);
    expect(parseClause('各有关部门负责')?.lead[0]).toMatchObject({ collective: true, name: '各有关部门' });
  });

  it('X牵头，Y配合 and 按职责分工负责 after a lead (variants)', () => {
    const c = parseClause('县卫健局牵头，县教育局、县财政局按职责分工负责');
    expect(names(c?.lead)).toEqual(['县卫生健康局']);
    expect(names(c?.support)).toEqual(['县教育局', '县财政局']);
    const d = parseClause('市医保局、市财政局按职责分工负责');
    expect(names(d?.lead)).toEqual(['市医保局', '市财政局']);
  });

  it('X会同Y负责 and X和Y共同负责', () => {
    const c = parseClause('市卫健委会同市教育局负责');
    expect(names(c?.lead)).toEqual(['市卫生健康委']);
    expect(names(c?.support)).toEqual(['市教育局']);
    expect(names(parseClause('县民政局和县残联共同负责')?.lead)).toEqual(['县民政局', '县残联']);
  });

  it('keeps 和 inside a full name', () => {
    expect(names(parseClause('区人力资源和社会保障局负责')?.lead)).toEqual(['区人力资源社会保障局']);
  });

  it('is not fooled by lists of other nouns or by explanations', () => {
    expect(parseClause('减油、减盐、减糖，健康口腔、健康体重、健康骨骼')).toBeNull();
    expect(parseClause('2016—2020年')).toBeNull();
    expect(parseClause('国办发〔2017〕8号')).toBeNull();
    expect(parseClause('结核病预防控制机构')).toBeNull();
    expect(parseClause('定点医疗机构负责')).toBeNull();
    expect(parseClause('')).toBeNull();
  });
});

describe('findClauses', () => {
  it('finds every clause in running text with its bracket range', () => {
    const text = '加强中医药监督体系建设。（区卫计委牵头负责，区市场监管局参与）推进认证管理（试点）。(县卫健局负责)';
    const found = findClauses(text);
    expect(found.map((f) => text.slice(...f.range))).toEqual(['（区卫计委牵头负责，区市场监管局参与）', '(县卫健局负责)']);
    const [first] = found;
    expect(text.slice(first.lead[0].start, first.lead[0].start + 4)).toBe('区卫计委');
  });

  it('stays linear on unbalanced and long bracket runs', () => {
    const text = '（'.repeat(200_000) + '）'.repeat(200_000) + '（' + '，'.repeat(100_000);
    const t0 = Date.now();
    expect(findClauses(text)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('findSentenceClauses: a sentence that is only a clause', () => {
  it('reads A、B按职责分工负责。 and 各县（市、区）人民政府负责落实。 at a line start or after 。', () => {
    const text = '（四）完善医保支付。市卫生健康委、市医保局按职责分工负责。\n各县（市、区）人民政府负责落实。\n';
    const found = findSentenceClauses(text);
    expect(found.map((c) => [text.slice(c.range[0], c.range[1]), names(c.lead), names(c.support)])).toEqual([
      ['市卫生健康委、市医保局按职责分工负责。', ['市卫生健康委', '市医保局'], []],
      ['各县（市、区）人民政府负责落实。', ['各县（市、区）人民政府'], []],
    ]);
  });

  it('leaves a sentence with anything but departments and a role verb', () => {
    expect(findSentenceClauses('市卫生健康委负责全市健康教育工作。各地要按要求落实。\n')).toEqual([]);
  });
});

describe('findLeadByClauses', () => {
  it('由X牵头，Y配合 (variant not in the samples)', () => {
    const text = '建立残疾人康复服务机制，由县民政局牵头，县残联配合，做好康复救助工作。';
    const [found, ...rest] = findLeadByClauses(text);
    expect(rest).toEqual([]);
    expect(names(found.lead)).toEqual(['县民政局']);
    expect(names(found.support)).toEqual(['县残联']);
    expect(text.slice(...found.range)).toBe('由县民政局牵头，县残联配合');
  });

  it('由X牵头，Y参加 with a collective partner', () => {
    const [found] = findLeadByClauses('建立由卫健委牵头，相关部门参加的协调机制。');
    expect(names(found.lead)).toEqual(['卫生健康委']);
    expect(names(found.support)).toEqual(['相关部门']);
  });

  it('由X负责 alone, and ignores 由于 and non-departments', () => {
    const text = '由于经费不足，由定点医院负责随访。所需经费由市财政局负责安排。';
    const found = findLeadByClauses(text);
    expect(found.map((f) => names(f.lead))).toEqual([['市财政局']]);
  });
});

describe('parseDutySentence', () => {
  it('X负责… (sample 000)', () => {
    expect(parseDutySentence('区教育局负责加强学校结核病防治知识宣传教育')).toMatchObject({ verb: '负责' });
    expect(names(parseDutySentence('区教育局负责加强学校结核病防治知识宣传教育')?.lead)).toEqual(['区教育局']);
  });

  it('X、Y负责… with prefix inheritance (sample 000)', () => {
    expect(names(parseDutySentence('区公安分局、司法局负责对监狱、看守所等场所的被监管人员开展检查')?.lead)).toEqual(['区公安分局', '区司法局']);
  });

  it('reads 区委组织部 whole and 区委宣传部、区委网信办、区新闻中心等部门负责', () => {
    expect(names(parseDutySentence('区委组织部负责将示范区建设纳入考核')?.lead)).toEqual(['区委组织部']);
    const d = parseDutySentence('区委宣传部、区委网信办、区新闻中心等部门负责开展公益性宣传');
    expect(raws(d?.lead)).toEqual(['区委宣传部', '区委网信办', '区新闻中心']);
  });

  it('the partners after 会同 are support', () => {
    const d = parseDutySentence('区卫计委积极履行办公室职责，负责会同区发展改革委、区财政局等部门共同制定实施规划');
    expect(names(d?.lead)).toEqual(['区卫生计生委']);
    expect(names(d?.support)).toEqual(['区发展改革委', '区财政局']);
  });

  it('sector words sharing 部门 (sample 001 style) and a variant with 应', () => {
    expect(raws(parseDutySentence('公安、司法部门负责会同卫计部门对监狱开展检查')?.lead)).toEqual(['公安', '司法部门']);
    expect(names(parseDutySentence('公安、司法部门负责会同卫计部门对监狱开展检查')?.lead)).toEqual(['公安部门', '司法部门']);
    expect(names(parseDutySentence('州民政局应当将符合条件的患者纳入救助')?.lead)).toEqual(['州民政局']);
  });

  it('returns null for sentences that do not open with a department', () => {
    expect(parseDutySentence('定点医疗机构负责对所有肺结核患者进行痰培养检查')).toBeNull();
    expect(parseDutySentence('完善全区结核病防治服务网络，加强专业队伍建设')).toBeNull();
    expect(parseDutySentence('负责制定慢性病综合防控工作的媒体宣传方案')).toBeNull();
  });
});

describe('parseDutyHeading', () => {
  it('reads department titles (sample 004 style and variants)', () => {
    expect(names(parseDutyHeading('区卫健委'))).toEqual(['区卫生健康委']);
    expect(names(parseDutyHeading('县医疗保障局。'))).toEqual(['县医保局']);
    expect(names(parseDutyHeading('各镇、各街道'))).toEqual(['各镇', '各街道']);
    expect(parseDutyHeading('完善服务体系')).toBeNull();
    expect(parseDutyHeading('慢性病管理信息化')).toBeNull();
  });
});

describe('findLabelledLines: labels without brackets', () => {
  it('reads a label at the start of a line and after a sentence, not inside one', () => {
    const text = [
      '1．开展宣传活动。每年开展宣传活动，乡镇覆盖率达到100%。',
      '牵头单位：县卫生健康局；配合单位：县委宣传部、县教育局。',
      '2．加强学校宣传。知晓率达到85%以上。责任单位：县教育局、县卫生健康局',
      '3．各乡镇要明确责任单位：乡镇卫生院负责具体实施。',
    ].join('\n');
    const found = findLabelledLines(text);
    expect(found.map((f) => [names(f.lead), names(f.support), text.slice(f.range[0], f.range[1])])).toEqual([
      [['县卫生健康局'], ['县委宣传部', '县教育局'], '牵头单位：县卫生健康局；配合单位：县委宣传部、县教育局。'],
      [['县教育局', '县卫生健康局'], [], '责任单位：县教育局、县卫生健康局'],
    ]);
    // Each department points at its name in the text.
    for (const f of found) for (const d of [...f.lead, ...f.support]) expect(text.slice(d.start, d.start + d.raw.length)).toBe(d.raw);
  });
  it('a line of supporting units right under a line of leading ones is one clause (variant not in the samples)', () => {
    const text = [
      '（三）推进健康步道建设。',
      '责任单位：市住房城乡建设局',
      '协办单位：市体育局、市自然资源局',
      '（四）开展控烟宣传。',
      '主责部门：市卫生健康委',
      '',
      '参与单位：市教育局',
      '（五）加强食品安全监管。',
      '主办单位：市市场监管局',
      '开展餐饮单位减盐行动。',
      '协助单位：市商务局',
    ].join('\n');
    expect(findLabelledLines(text).map((f) => [names(f.lead), names(f.support), text.slice(f.range[0], f.range[1])])).toEqual([
      [['市住房城乡建设局'], ['市体育局', '市自然资源局'], '责任单位：市住房城乡建设局\n协办单位：市体育局、市自然资源局'],
      // A blank line between them, as print spaces paragraphs, still one clause.
      [['市卫生健康委'], ['市教育局'], '主责部门：市卫生健康委\n\n参与单位：市教育局'],
      // A line of text between them parts the two.
      [['市市场监管局'], [], '主办单位：市市场监管局'],
      [[], ['市商务局'], '协助单位：市商务局'],
    ]);
  });
});

describe('parseDutySentence: lead then partners in the next segment', () => {
  it('reads X牵头，Y、Z配合 (the partners take the prefix of the list)', () => {
    const d = parseDutySentence('区卫生健康局牵头，区教育局、文化旅游局配合，广泛开展健康知识普及活动。');
    expect(names(d?.lead)).toEqual(['区卫生健康局']);
    expect(names(d?.support)).toEqual(['区教育局', '区文化和旅游局']);
  });

  it('leaves a following segment that names no department alone', () => {
    const d = parseDutySentence('市卫生健康委牵头，加强部门协作配合，形成工作合力。');
    expect(names(d?.lead)).toEqual(['市卫生健康委']);
    expect(d?.support).toEqual([]);
  });
});

describe('the level a list item inherits', () => {
  it('after a central body, names the central body (State Council wording)', () => {
    expect(names(parseClause('市场监管总局、药监局、知识产权局按职责分工负责')?.lead)).toEqual(['市场监管总局', '国家药监局', '国家知识产权局']);
    const d = parseDutySentence('教育部会同卫生健康委、体育总局、气象局负责学生近视防控工作。');
    expect(names(d?.lead)).toEqual(['教育部']);
    expect(names(d?.support)).toEqual(['国家卫生健康委', '体育总局', '中国气象局']);
  });

  it('after a provincial body, names the provincial one, and a name with its own prefix keeps it', () => {
    expect(names(parseClause('省卫生健康委牵头，医保局、药监局参与')?.support)).toEqual(['省医保局', '省药监局']);
    expect(names(parseClause('国家卫生健康委、省疾控局负责')?.lead)).toEqual(['国家卫生健康委', '省疾病预防控制局']);
  });
});

describe('mayBeStrongDuty', () => {
  const departments = ['区卫生健康委', '区发展改革委', '区财政局', '区人力资源社会保障局', '区医疗保障局', '市场监管局', '区教育局', '各镇人民政府'];
  const words = ['、', '和', '负责', '牵头', '会同', '配合', '要', '加强', '，', '做好', '落实', '工作', '宣传教育', '等部门'];

  it('is true for every sentence parseDutySentence reads with a strong verb (so skipping the others loses none)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...departments, ...words), { maxLength: 16 }), (parts) => {
        const sentence = `${parts.join('')}。`;
        const parties = parseDutySentence(sentence);
        if (parties && STRONG_DUTY_VERBS.has(parties.verb)) expect(mayBeStrongDuty(sentence)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('sees a strong verb after a long list of departments, and none in a sentence without one', () => {
    const subject = '区卫生健康委、区发展改革委、区财政局、区人力资源社会保障局、区医疗保障局、区市场监管局、区教育局、区民政局';
    expect(parseDutySentence(`${subject}负责落实。`)?.verb).toBe('负责');
    expect(mayBeStrongDuty(`${subject}负责落实。`)).toBe(true);
    expect(mayBeStrongDuty('区教育局要加强学校卫生工作，做好宣传教育。')).toBe(false);
  });
});
