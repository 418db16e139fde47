import { describe, expect, it } from 'vitest';
import { canonicalizeDepartment, isDepartmentName } from '../src/model/departments.js';

describe('canonicalizeDepartment', () => {
  it('expands abbreviations to the standard short name and keeps the level prefix', () => {
    expect(canonicalizeDepartment('区卫计委').name).toBe('区卫生计生委');
    expect(canonicalizeDepartment('区卫生和计划生育委员会').name).toBe('区卫生计生委');
    expect(canonicalizeDepartment('区卫健委').name).toBe('区卫生健康委');
    expect(canonicalizeDepartment('省卫生健康委员会').name).toBe('省卫生健康委');
    expect(canonicalizeDepartment('市发改委').name).toBe('市发展改革委');
    expect(canonicalizeDepartment('县发展和改革委员会').name).toBe('县发展改革委');
    expect(canonicalizeDepartment('市人社局').name).toBe('市人力资源社会保障局');
    expect(canonicalizeDepartment('区人力社保局').name).toBe('区人力资源社会保障局');
    expect(canonicalizeDepartment('区市场监督管理局').name).toBe('区市场监管局');
    expect(canonicalizeDepartment('市食药监局').name).toBe('市食品药品监管局');
    expect(canonicalizeDepartment('县医疗保障局').name).toBe('县医保局');
    expect(canonicalizeDepartment('市妇女联合会').name).toBe('市妇联');
    expect(canonicalizeDepartment('区疾病预防控制中心').name).toBe('区疾控中心');
  });

  it('keeps the suffix a province writes (厅) and the 分局 of a district branch', () => {
    expect(canonicalizeDepartment('省教育厅').name).toBe('省教育厅');
    expect(canonicalizeDepartment('省人力资源和社会保障厅').name).toBe('省人力资源社会保障厅');
    expect(canonicalizeDepartment('区公安分局')).toMatchObject({ name: '区公安分局', known: true, prefix: '区' });
  });

  it('reads party-committee bodies and the youth league with their prefix', () => {
    expect(canonicalizeDepartment('市委宣传部')).toMatchObject({ name: '市委宣传部', prefix: '市委', known: true });
    expect(canonicalizeDepartment('区委网信办')).toMatchObject({ name: '区委网信办', known: true });
    expect(canonicalizeDepartment('团市委')).toMatchObject({ name: '团市委', known: true });
    expect(canonicalizeDepartment('共青团县委')).toMatchObject({ name: '团县委', known: true });
    expect(canonicalizeDepartment('市级机关工委')).toMatchObject({ name: '市级机关工委', known: true });
  });

  it('does not take 市场监管局 for 市 + 场监管局', () => {
    expect(canonicalizeDepartment('市场监管局')).toMatchObject({ name: '市场监管局', prefix: '', known: true });
    expect(canonicalizeDepartment('市场监管局', '区').name).toBe('区市场监管局');
    expect(canonicalizeDepartment('市市场监管局').name).toBe('市市场监管局');
  });

  it('gives a known name without prefix the inherited prefix, an unknown one keeps its raw text', () => {
    expect(canonicalizeDepartment('发展改革委', '区')).toMatchObject({ name: '区发展改革委', raw: '发展改革委' });
    expect(canonicalizeDepartment('连云港海关', '市')).toMatchObject({ name: '连云港海关', known: false });
    expect(canonicalizeDepartment('区城乡规划服务中心')).toMatchObject({ name: '区城乡规划服务中心', known: false, prefix: '区' });
  });

  it('answers a name asked again under another inherited prefix for that prefix (answers are remembered per name and prefix)', () => {
    const asked = ['区', '市', '', '区'].map((prefix) => canonicalizeDepartment('发改委', prefix));
    expect(asked.map((d) => [d.name, d.prefix])).toEqual([['区发展改革委', '区'], ['市发展改革委', '市'], ['发展改革委', ''], ['区发展改革委', '区']]);
    // Remembered answers are not mixed up with the raw text they came from either.
    expect(canonicalizeDepartment(' 发改委', '市').raw).toBe(' 发改委');
  });

  it('recognises collective bodies', () => {
    for (const name of ['各县区政府', '功能板块管委会', '各有关部门', '各相关部门', '有关部门', '各镇', '各街道', '各乡镇政府', '市各部门', '各成员单位']) {
      expect(canonicalizeDepartment(name), name).toMatchObject({ collective: true, known: true, name });
    }
  });
});

describe('the table', () => {
  it('knows the common departments and bodies, written with a level prefix', () => {
    const names = [
      '卫计委', '卫健委', '卫生健康委员会', '发展改革委', '发改委', '发改局', '教育局', '公安局', '公安分局', '民政局', '司法局', '财政局',
      '人社局', '人力资源和社会保障局', '医保局', '市场监管局', '药监局', '委宣传部', '网信办', '委网信办', '文明办', '妇联', '残联',
      '红十字会', '总工会', '工商联', '科协', '疾控中心', '审批局', '行政审批局', '环保局', '生态环境局', '农委', '农业农村局', '体育局',
      '文旅局', '文化和旅游局', '住建委', '住建局', '城管委', '城管局', '交通运输局', '商务局', '统计局', '扶贫办', '中医药管理局',
      '爱卫会', '爱卫办', '综治办', '残工委', '老龄办', '人民政府', '政府办', '教育体育局', '应急管理局', '退役军人事务局',
    ];
    for (const name of names) expect(canonicalizeDepartment(`县${name}`).known, name).toBe(true);
    expect(canonicalizeDepartment('国家卫生健康委员会').name).toBe('国家卫生健康委');
    expect(canonicalizeDepartment('县文旅局').name).toBe('县文化和旅游局');
    expect(canonicalizeDepartment('市住建委').name).toBe('市住房城乡建设委');
  });
});

describe('sector references', () => {
  it('name a sector by its canonical stem and 部门', () => {
    expect(canonicalizeDepartment('卫计部门')).toMatchObject({ name: '卫生计生部门', known: true });
    expect(canonicalizeDepartment('人社部门').name).toBe('人力资源社会保障部门');
    expect(canonicalizeDepartment('宣传部门').name).toBe('宣传部门');
    expect(canonicalizeDepartment('卫生健康部门').name).toBe('卫生健康部门');
    expect(canonicalizeDepartment('医保部门').name).toBe('医保部门');
    expect(canonicalizeDepartment('水产部门').known).toBe(false);
  });
});

describe('isDepartmentName', () => {
  it('accepts table names and names with a generic ending', () => {
    for (const name of ['区卫计委', '市残联', '团市委', '市保险行业协会', '连云港海关', '区园林绿化事业发展中心', '县卫生监督所', '卫计部门']) {
      expect(isDepartmentName(name), name).toBe(true);
    }
  });

  it('rejects other nouns and phrases that merely end like a department', () => {
    for (const name of ['减油', '健康口腔', '定点医疗机构', '定点医院', '乡镇卫生院', '区卫计委会同区财政局', '各级环保部门要建立健全监测', '2020年', '', '区', '市卫计委，市民政局']) {
      expect(isDepartmentName(name), name).toBe(false);
    }
  });
});

/** Each raw name (with the prefix its list gives, if any) has the canonical name beside it. */
function expectNames(cases: readonly (readonly [string, string, string?])[]): void {
  for (const [raw, name, inherited] of cases) expect(canonicalizeDepartment(raw, inherited).name, raw).toBe(name);
}

describe('central bodies', () => {
  it('knows ministries, commissions, 总局/局, Party central departments and people’s organisations by any usual name', () => {
    const cases: [string, string][] = [
      ['国家卫生健康委员会', '国家卫生健康委'],
      ['国家卫健委', '国家卫生健康委'],
      ['国家发展和改革委员会', '国家发展改革委'],
      ['科学技术部', '科技部'],
      ['工信部', '工业和信息化部'],
      ['人力资源和社会保障部', '人力资源社会保障部'],
      ['住房和城乡建设部', '住房城乡建设部'],
      ['国家市场监督管理总局', '市场监管总局'],
      ['国家药品监督管理局', '国家药监局'],
      ['国家中医药管理局', '国家中医药局'],
      ['国家疾病预防控制局', '国家疾控局'],
      ['国家体育总局', '体育总局'],
      ['国家广播电视总局', '广电总局'],
      ['中共中央宣传部', '中央宣传部'],
      ['中宣部', '中央宣传部'],
      ['中央网络安全和信息化委员会办公室', '中央网信办'],
      ['中华全国妇女联合会', '全国妇联'],
      ['团中央', '共青团中央'],
      ['中国残疾人联合会', '中国残联'],
      ['中国红十字会总会', '中国红十字会总会'],
      ['中国科学技术协会', '中国科协'],
      ['中华全国总工会', '全国总工会'],
      ['中国计划生育协会', '中国计生协'],
      ['国务院国有资产监督管理委员会', '国务院国资委'],
    ];
    for (const [raw, name] of cases) expect(canonicalizeDepartment(raw), raw).toMatchObject({ name, known: true, prefix: '国家' });
  });

  it('keeps the bodies of before and after a reform apart', () => {
    expectNames([
      ['国家卫生和计划生育委员会', '国家卫生计生委'], ['国家食品药品监督管理总局', '国家食品药品监管总局'], ['国家食品药品监督管理局', '国家食品药品监管局'],
      ['环境保护部', '环境保护部'], ['农业部', '农业部'], ['国务院扶贫开发领导小组办公室', '国务院扶贫办'],
      ['国家乡村振兴局', '国家乡村振兴局'],
    ]);
  });

  it('makes no central body up from 国家 and a local name', () => {
    expect(canonicalizeDepartment('国家大数据局')).toMatchObject({ name: '国家大数据局', known: false, prefix: '国家' });
  });
});

describe('the national level a list item inherits', () => {
  it('turns a local body after a central one into the central body of its name', () => {
    expectNames([
      ['药监局', '国家药监局', '国家'], ['医疗保障局', '国家医保局', '国家'], ['卫健委', '国家卫生健康委', '国家'],
      ['中医药管理局', '国家中医药局', '国家'], ['市场监督管理局', '市场监管总局', '国家'], ['体育局', '体育总局', '国家'],
      ['数据局', '国家数据局', '国家'],
    ]);
  });

  it('keeps the name alone where no central body answers to it', () => {
    expect(canonicalizeDepartment('妇联', '国家')).toMatchObject({ name: '妇联', prefix: '国家', known: true });
    expect(canonicalizeDepartment('大数据局', '国家')).toMatchObject({ name: '大数据局', prefix: '国家' });
  });
});

describe('official wording and reform renamings of local bodies', () => {
  it('keeps the 和 of an official name that keeps it', () => {
    expectNames([
      ['省工业和信息化厅', '省工业和信息化厅'], ['省工信厅', '省工业和信息化厅'], ['市工业和信息化局', '市工业和信息化局'],
      ['自治区文化和旅游厅', '自治区文化和旅游厅'], ['县文化广电和旅游局', '县文化广电和旅游局'],
    ]);
  });

  it('drops the 和 the State Council short form drops', () => {
    expectNames([['省住房和城乡建设厅', '省住房城乡建设厅'], ['州发展和改革委员会', '州发展改革委']]);
  });

  it('never maps one body to another', () => {
    expectNames([
      ['省数据局', '省数据局'], ['省大数据发展管理局', '省大数据局'], ['市卫生和计划生育委员会', '市卫生计生委'],
      ['市卫生健康委员会', '市卫生健康委'], ['县文化广电体育和旅游局', '县文化广电体育和旅游局'], ['县文化体育和旅游局', '县文化体育和旅游局'],
      ['市规划和自然资源局', '市规划和自然资源局'], ['省自然资源厅', '省自然资源厅'],
    ]);
  });

  it('knows the usual provincial, city and county people’s organisations', () => {
    for (const name of ['团省委', '团县委', '省妇联', '州残联', '市红十字会', '县科协', '区计生协', '省计划生育协会']) {
      expect(canonicalizeDepartment(name).known, name).toBe(true);
    }
  });
});

describe('collective bodies with a level prefix', () => {
  it('are collective bodies, not unknown names', () => {
    for (const name of ['市有关部门', '省直有关部门', '县相关部门', '乡镇人民政府', '各街道办事处']) {
      expect(canonicalizeDepartment(name), name).toMatchObject({ name, known: true, collective: true });
    }
  });
});

describe('bodies that share a word but not a mandate', () => {
  it('keeps them apart', () => {
    expectNames([
      ['市农业委员会', '市农委'], ['市委农村工作委员会', '市委农工委'], ['县卫生计生监督所', '县卫生计生监督所'],
      ['县卫生健康监督所', '县卫生健康监督所'], ['县卫生监督所', '县卫生监督所'], ['县乡村振兴局', '县乡村振兴局'],
      ['县扶贫办', '县扶贫办'], ['中国红十字会', '中国红十字会总会'],
    ]);
    expect(canonicalizeDepartment('县乡村振兴局').known).toBe(true);
  });
});
