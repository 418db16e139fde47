/**
 * The department table: Chinese government departments and bodies, their full names and
 * abbreviations, and the one canonical form each maps to. Kept in this single place so that every
 * stage names a department the same way. Central bodies are in central-bodies.ts.
 *
 * Canonical form: the level prefix as written (`区`, `市`, `省`, `县`, `市委`, `市级` …) followed by
 * the standard short name official documents use, which is that of the body's central counterpart
 * where it has one: `委员会` becomes `委` and the `和` the State Council's short form drops goes
 * (`发展和改革委员会` → `发展改革委`, `人力资源和社会保障局` → `人力资源社会保障局`,
 * `住房和城乡建设局` → `住房城乡建设局`), the `和` it keeps stays (`工业和信息化厅`, `文化和旅游局`);
 * a shorter official form is kept where it is the norm (`市场监管局`, `医保局`, `药监局`); mass
 * organisations use their usual short names (`妇联`, `残联`, `科协`, `工商联`). A bureau's suffix is
 * kept as written (`局`, `厅`, `分局`): a province's `教育厅` stays `教育厅`. A sector reference
 * (`卫计部门`, `人社部门`) becomes the canonical stem and `部门` (`卫生计生部门`).
 *
 * Names are never merged across a reform: a body renamed or merged keeps its own canonical name
 * (`卫计委` → `卫生计生委`, `卫健委` → `卫生健康委`; `数据局` is not `大数据局`).
 */
import { CENTRAL_BODIES } from './central-bodies.js';

/** A body whose name ends in a bureau-type suffix: each alias stem is combined with each suffix. */
const BUREAU_SUFFIXES = ['局', '厅', '分局'] as const;
/** Bureau stems: canonical stem, then the other stems written for it. */
const BUREAUS: readonly (readonly string[])[] = [
  ['发展改革', '发展和改革', '发改'],
  ['教育'],
  ['教育体育', '教体', '教育和体育'],
  ['教育科技', '教育和科技', '教育科学技术', '教育和科学技术'],
  ['公安'],
  ['民政'],
  ['司法'],
  ['财政'],
  ['人力资源社会保障', '人力资源和社会保障', '人社', '人力社保', '人力资源社保'],
  ['医保', '医疗保障'],
  ['市场监管', '市场监督管理', '市场监督', '市监'],
  ['药监', '药品监督管理', '药品监管'],
  ['食品药品监管', '食品药品监督管理', '食药监', '食药监管', '食品药品监督'],
  ['生态环境'],
  ['环境保护', '环保'],
  ['农业农村', '农业和农村'],
  ['农业'],
  ['体育'],
  ['文化和旅游', '文化旅游', '文旅'],
  ['文化广电和旅游', '文化广电旅游', '文广旅'],
  ['文化广电体育和旅游', '文化广电体育旅游', '文广体旅'],
  ['文化体育和旅游', '文化体育旅游', '文体旅'],
  ['文化广电新闻出版', '文广新', '文化广播电视新闻出版'],
  ['文化广电', '文广', '文化广播电视'],
  ['住房城乡建设', '住房和城乡建设', '住建'],
  ['城乡建设', '城建'],
  ['交通运输', '交通'],
  ['商务'],
  ['统计'],
  ['行政审批', '审批', '行政审批服务'],
  ['规划', '城乡规划'],
  ['自然资源'],
  ['规划和自然资源'],
  ['自然资源和规划'],
  ['国土资源', '国土'],
  ['科技', '科学技术'],
  ['工业和信息化', '工业信息化', '工信'],
  ['工业信息化科技', '工信和科技', '工业和信息化和科技'],
  ['城市管理', '城管'],
  ['城市管理综合行政执法', '城管执法', '城市管理行政执法', '综合行政执法'],
  ['水务'],
  ['水利'],
  ['林业'],
  ['应急管理', '应急'],
  ['安全生产监督管理', '安监', '安全监管'],
  ['物价'],
  ['质量技术监督', '质监', '质量监督'],
  ['工商行政管理', '工商'],
  ['旅游'],
  ['退役军人事务', '退役军人'],
  ['信访'],
  ['机关事务管理', '机关事务'],
  ['人民防空', '人防'],
  ['税务'],
  ['气象'],
  ['粮食'],
  ['广播电视', '广电'],
  ['新闻出版'],
  ['出入境检验检疫', '检验检疫'],
  ['卫生'],
  ['卫生健康', '卫健', '卫生和健康'],
  ['卫生计生', '卫计', '卫生和计划生育'],
  ['老干部'],
  ['中医药管理', '中医药'],
  ['疾病预防控制', '疾控'],
  // 2023 reform: 数据局 is a new body, not the older 大数据局 (大数据管理局, 大数据发展管理局).
  ['大数据', '大数据管理', '大数据发展管理'],
  ['乡村振兴'],
  ['知识产权'],
  ['文物'],
  ['邮政管理', '邮政'],
  ['数据'],
];

/** Committees (`委` / `委员会`): canonical stem, then the other stems written for it. */
const COMMITTEES: readonly (readonly string[])[] = [
  ['发展改革', '发展和改革', '发改'],
  ['卫生健康', '卫生和健康', '卫健'],
  ['卫生计生', '卫生和计划生育', '卫计'],
  ['经济信息化', '经济和信息化', '经信'],
  ['工业和信息化', '工业信息化', '工信'],
  ['住房城乡建设', '住房和城乡建设', '住建'],
  ['城市管理', '城管'],
  ['农', '农业'],
  // The Party committee's rural work committee, not the government's agriculture committee.
  ['农工', '农村工作'],
  ['农业农村', '农业和农村'],
  ['教', '教育'],
  ['科', '科学技术', '科技'],
  ['商务'],
  ['交通'],
  ['政法'],
  ['民族宗教', '民宗', '民族和宗教'],
  ['国资', '国有资产监督管理'],
  ['残工', '残疾人工作'],
  ['妇儿工', '妇女儿童工作'],
  ['老龄', '老龄工作'],
  ['关工', '关心下一代工作'],
];

/** Offices, mass organisations and other bodies named as a whole: canonical, then other names. */
const WHOLE_NAMES: readonly (readonly string[])[] = [
  ['扶贫办', '扶贫开发领导小组办公室', '扶贫开发办公室', '扶贫办公室', '扶贫开发办'],
  ['网信办', '网络安全和信息化委员会办公室', '网络安全和信息化领导小组办公室', '网信委办公室'],
  ['文明办', '精神文明建设委员会办公室', '精神文明建设办公室', '文明委办公室'],
  ['爱卫办', '爱国卫生运动委员会办公室', '爱国卫生委员会办公室', '爱卫会办公室'],
  ['综治办', '社会治安综合治理委员会办公室', '综治委办公室'],
  ['防艾办', '防治艾滋病工作委员会办公室', '艾滋病防治工作委员会办公室'],
  ['老龄办', '老龄工作委员会办公室'],
  ['金融办', '金融工作办公室'],
  ['外事办', '外事办公室', '外办'],
  ['外侨办', '外事侨务办公室', '外事与侨务办公室'],
  ['医改办', '医药卫生体制改革领导小组办公室', '深化医药卫生体制改革领导小组办公室', '医改领导小组办公室'],
  ['农工办', '农村工作办公室', '农村工作领导小组办公室'],
  ['编办', '机构编制委员会办公室'],
  ['政府办', '政府办公室', '人民政府办公室'],
  ['妇联', '妇女联合会'],
  ['残联', '残疾人联合会'],
  ['科协', '科学技术协会'],
  ['工商联', '工商业联合会'],
  ['总工会', '工会'],
  ['红十字会'],
  ['爱卫会', '爱国卫生运动委员会', '爱国卫生委员会'],
  ['慈善总会', '慈善会', '慈善协会'],
  ['计生协', '计划生育协会'],
  ['保险行业协会'],
  ['团委', '共青团委员会', '共青团', '团委员会'],
  ['疾控中心', '疾病预防控制中心', '疾控'],
  // One supervision institute under each commission of its time (2013, 2018 reforms).
  ['卫生监督所'],
  ['卫生计生监督所', '卫生和计划生育监督所'],
  ['卫生健康监督所'],
  ['卫生监督执法局'],
  ['新闻中心'],
  ['融媒体中心'],
  ['政务服务中心', '政务服务管理办公室'],
  ['广电台', '广播电视台'],
  ['法院', '人民法院'],
  ['检察院', '人民检察院'],
  ['人武部', '人民武装部', '武装部'],
  ['海关'],
  ['宣传部', '党委宣传部'],
  ['组织部'],
  ['统战部', '统一战线工作部'],
  ['党校'],
  ['机关工委', '直属机关工委', '机关工作委员会', '直属机关工作委员会'],
  ['政府'],
  ['人民政府'],
];

/** Bodies that only follow a party-committee prefix (`市委宣传部`: prefix `市委`). */
const PARTY_BODIES = new Set(['宣传部', '组织部', '统战部', '政法委', '网信办', '编办', '党校', '机关工委', '老干部局', '农办', '农工办', '农工委', '610办公室', '政研室']);

/** Collective bodies named in responsibility lists (all governments of a level, all zones). */
const COLLECTIVE_NAMES: readonly string[] = [
  '县区政府', '县（区）政府', '区县政府', '市县政府', '市县区政府', '镇乡政府', '乡镇政府', '乡镇人民政府', '镇政府', '乡政府',
  '街道办事处', '镇街', '乡镇街', '镇乡街', '乡镇街道', '镇（街道）', '乡镇（街道）', '镇、街道',
  '功能板块管委会', '开发区管委会', '园区管委会', '成员单位', '有关部门', '相关部门', '有关单位', '相关单位',
  '其他有关部门', '其他相关部门', '其他部门', '其它有关部门', '有关部门和单位', '相关部门和单位',
];

/** The level prefixes, longest first so that `自治区` wins over `区`. */
const LEVELS = ['自治区', '自治州', '自治县', '自治旗', '国家', '省', '市', '区', '县', '州', '盟', '旗', '镇', '乡', '街道'] as const;

/**
 * Generic endings of department and body names (longest first), used for names not in the table.
 * `部门` covers sector references such as `卫计部门`.
 */
const GENERIC_SUFFIXES = [
  '委员会', '管委会', '办公室', '办事处', '联合会', '领导小组', '分局', '支队', '大队', '政府', '部门', '中心', '协会',
  '小组', '局', '委', '办', '厅', '部', '院', '会', '署', '所', '站', '台', '关', '联', '协', '校',
] as const;

/** Endings of service institutions (hospitals, schools), which are not government departments. */
const INSTITUTION_ENDING = /(?:医院|卫生院|学院|学校|机构|诊所|社区卫生服务中心|服务站)$/;

/** Words that never occur inside a department name but say what a department does. */
const ACTION_WORDS = /负责|牵头|配合|参与|会同|协助|协同|要|应当|并|积极|加强|做好|开展|落实/;

/** Endings of collective bodies written with `各` (各县区政府, 各镇, 各街道, 各成员单位, 市各部门). */
const COLLECTIVE_ENDING = /(?:政府|部门|单位|机构|管委会|委员会|办事处|镇|乡|街道|镇街|乡镇|县区|区县|市县|县)$/;

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (alias: string, canonical: string) => {
    if (!table.has(alias)) table.set(alias, canonical);
  };
  for (const [canonical, ...others] of WHOLE_NAMES) for (const alias of [canonical, ...others]) add(alias, canonical);
  for (const [stem, ...others] of COMMITTEES) {
    for (const alias of [stem, ...others]) {
      add(`${alias}委`, `${stem}委`);
      add(`${alias}委员会`, `${stem}委`);
    }
  }
  for (const [stem, ...others] of BUREAUS) {
    for (const alias of [stem, ...others]) for (const suffix of BUREAU_SUFFIXES) add(`${alias}${suffix}`, `${stem}${suffix}`);
  }
  return table;
}

/** Alias (without level prefix) → canonical short name (without level prefix). */
const TABLE: ReadonlyMap<string, string> = buildTable();
const COLLECTIVES: ReadonlySet<string> = new Set(COLLECTIVE_NAMES);
/** Any way a central body is written → its standard short name. */
const CENTRAL: ReadonlyMap<string, string> = new Map(CENTRAL_BODIES.flatMap(([canonical, ...others]) => [canonical, ...others].map((alias) => [alias, canonical] as const)));
/** The prefix a central body stands for, so that the items after it in a list inherit the national level. */
export const NATIONAL_PREFIX = '国家';

/** A department name read and canonicalised. */
export interface CanonicalDepartment {
  /** The canonical name: level prefix and standard short name (the raw text for unknown names). */
  readonly name: string;
  /** The name as written. */
  readonly raw: string;
  /** The level prefix the name carries or inherited (`区`, `市委`, …; `国家` for a central body), or '' when it has none. */
  readonly prefix: string;
  /** The name is in the table or is a collective body (`各县区政府`, `有关部门`). */
  readonly known: boolean;
  /** A collective body: all governments of a level, all departments concerned, … */
  readonly collective: boolean;
}

/**
 * Answers already given, by the text asked about: a duty sentence's openings are read as lists
 * again and again (every opening before a verb, longest first), so the same few thousand strings
 * of a plan are asked about many times. Emptied when full, so memory stays bounded on any corpus.
 */
class Answers<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    const answer = compute();
    if (this.known.size >= this.capacity) this.known.clear();
    this.known.set(key, answer);
    return answer;
  }
}
const ANSWERS_CAPACITY = 20_000;
/** By the name, for names with no inherited prefix (most); by prefix and name for the others. */
const canonicalAnswers = new Answers<CanonicalDepartment>(ANSWERS_CAPACITY);
const prefixedAnswers = new Answers<CanonicalDepartment>(ANSWERS_CAPACITY);
const nameAnswers = new Answers<boolean>(ANSWERS_CAPACITY);

/** Splits a leading level prefix (`市`, `市级`, `市委` before a party body) off a name. */
function splitLevel(raw: string): { prefix: string; body: string } | null {
  for (const level of LEVELS) {
    if (!raw.startsWith(level) || raw.length === level.length) continue;
    let prefix = level;
    let body = raw.slice(level.length);
    if (body.startsWith('级') || body.startsWith('直')) {
      prefix += body[0];
      body = body.slice(1);
    }
    if (body.startsWith('委') && PARTY_BODIES.has(TABLE.get(body.slice(1)) ?? body.slice(1))) {
      prefix += '委';
      body = body.slice(1);
    }
    return { prefix, body };
  }
  return null;
}

/**
 * A sector reference (`卫计部门`, `财政部门`): a table name with its bureau or committee ending
 * replaced by `部门`. Returns the canonical sector (`卫生计生部门`), or null.
 */
function sectorReference(name: string): string | null {
  if (!name.endsWith('部门') || name.length <= 2) return null;
  const stem = name.slice(0, -2);
  for (const ending of ['局', '委', '部', '办']) {
    const canonical = TABLE.get(stem + ending);
    if (canonical !== undefined && canonical.endsWith(ending)) return `${canonical.slice(0, -ending.length)}部门`;
  }
  return null;
}

/** A collective body: `各…` (各县区政府, 各有关部门, 市各部门) or one of the table's collective names, with a level prefix or not (市有关部门, 省直有关部门). */
function isCollective(raw: string): boolean {
  if (COLLECTIVES.has(raw) || COLLECTIVES.has(splitLevel(raw)?.body ?? '')) return true;
  const each = raw.indexOf('各');
  return each >= 0 && each <= 2 && raw.length - each >= 2 && !ACTION_WORDS.test(raw) && COLLECTIVE_ENDING.test(raw);
}

/**
 * The name of a body at the national level: the central body of that name (`药监局` → `国家药监局`,
 * `市场监管局` → `市场监管总局`), or the name alone where no central body answers to it (`妇联`),
 * never a made-up `国家…`.
 */
function nationalName(canonical: string): string {
  return CENTRAL.get(NATIONAL_PREFIX + canonical) ?? canonical;
}

/**
 * Canonicalises one department name. A name written without a level prefix takes `inheritedPrefix`
 * (the prefix of the list it stands in) when it is in the table, so `发展改革委` after `区卫计委`
 * becomes `区发展改革委`; after a central body (prefix `国家`) it becomes the central body of its name
 * (`市场监管总局、药监局` → `国家药监局`). A central body is named by its standard short name
 * whatever the list. A name not in the table keeps its raw text as canonical name.
 */
export function canonicalizeDepartment(raw: string, inheritedPrefix = ''): CanonicalDepartment {
  // The name alone is the key when nothing is inherited: no key string is joined for each call.
  if (inheritedPrefix === '') return canonicalAnswers.get(raw, () => canonicalize(raw, ''));
  return prefixedAnswers.get(`${inheritedPrefix}\u0000${raw}`, () => canonicalize(raw, inheritedPrefix));
}

function canonicalize(raw: string, inheritedPrefix: string): CanonicalDepartment {
  const name = raw.trim();
  if (isCollective(name)) return { name, raw, prefix: name.startsWith('各') ? '' : (splitLevel(name)?.prefix ?? ''), known: true, collective: true };
  const youthLeague = /^(?:共青)?团(省|市|区|县|州|旗)委$/.exec(name);
  if (youthLeague) return { name: `团${youthLeague[1]}委`, raw, prefix: youthLeague[1], known: true, collective: false };
  const central = CENTRAL.get(name);
  if (central !== undefined) return { name: central, raw, prefix: NATIONAL_PREFIX, known: true, collective: false };
  const whole = TABLE.get(name);
  if (whole !== undefined) {
    return { name: inheritedPrefix === NATIONAL_PREFIX ? nationalName(whole) : inheritedPrefix + whole, raw, prefix: inheritedPrefix, known: true, collective: false };
  }
  const sector = sectorReference(name);
  if (sector !== null) return { name: sector, raw, prefix: '', known: true, collective: false };
  const level = splitLevel(name);
  // `国家` + a local body's name is known only as a central body (no `国家大数据局` is made up).
  if (level?.prefix === NATIONAL_PREFIX) return { name, raw, prefix: NATIONAL_PREFIX, known: false, collective: false };
  if (level) {
    const body = TABLE.get(level.body) ?? (PARTY_BODIES.has(level.body) && level.prefix.endsWith('委') ? level.body : undefined);
    if (body !== undefined) return { name: level.prefix + body, raw, prefix: level.prefix, known: true, collective: false };
    if (level.body === '委') {
      return { name, raw, prefix: level.prefix, known: true, collective: false };
    }
    return { name, raw, prefix: level.prefix, known: false, collective: false };
  }
  return { name, raw, prefix: '', known: false, collective: false };
}

/** Characters of sentences no department name holds and no list of names takes off an item: punctuation, quotes, digits. */
const FOREIGN_TO_NAMES = '，。；：:;,.“”"《》！？\\d';
/** A character of FOREIGN_TO_NAMES: a text holding one is no name, nor a list of names. */
export const NOT_IN_A_NAME = new RegExp(`[${FOREIGN_TO_NAMES}]`);
/** What no name holds: FOREIGN_TO_NAMES, white space, and what a list parts its items at (、, brackets). */
const NAME_BREAK = new RegExp(`[\\s、（）()${FOREIGN_TO_NAMES}]`);

/** The levels a name covers, in brackets after the first (`县（市、区）`, `市（州）`, `区（县）`). */
const LEVELS_IN_BRACKETS = /[（(][省市区县旗州盟](?:、[省市区县旗州盟]){0,3}[)）]/g;

/**
 * Whether a text reads as the name of a department or body: in the table, a collective body, or
 * a short name with a generic ending (局, 委, 办, 中心, 政府, 部门 …) and no word of action in it.
 */
export function isDepartmentName(text: string): boolean {
  return nameAnswers.get(text, () => readsAsDepartmentName(text));
}

function readsAsDepartmentName(text: string): boolean {
  const name = text.trim();
  if (name.length < 2 || name.length > 30) return false;
  // `各县（市、区）人民政府`, `县（区）卫生健康局`: the bracketed levels are part of the name.
  if (NAME_BREAK.test(name.replace(LEVELS_IN_BRACKETS, ''))) return false;
  const canonical = canonicalizeDepartment(name);
  if (canonical.known) return true;
  if (ACTION_WORDS.test(name) || INSTITUTION_ENDING.test(name)) return false;
  return GENERIC_SUFFIXES.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
}
