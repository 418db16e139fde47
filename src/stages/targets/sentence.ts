/**
 * One sentence → the targets it states. A pure function of the sentence and the year in force
 * (from a lead-in such as `到2020年，实现以下工作指标：`). Offsets are 0-based into the sentence.
 */
import type { Baseline, Comparator } from '../../model/schemas.js';
import type { TargetReading } from '../../model/stages.js';
import { nextVerbStart, readValues, verbAt, verbEndingLength, type ValueReading } from './value.js';
import { dueYearsIn, baselineYearIn } from './year.js';
import { nextOf } from '../../text/scan.js';
import { mayHoldNumber } from '../../text/numbers.js';

/** A target read from one sentence; `range` is where its value stands in the sentence. */
export interface SentenceTarget extends TargetReading {
  range: [number, number];
  /** The sentence itself states the due year (`到2020年`) at or before this target. */
  yearStated: boolean;
  /** The verb or sign the value was read after (`达到`, `不少于`, `≤`, `建成`), or null. */
  verb: string | null;
  /** A level written after its rate with no verb (`合格率95%以上`): a goal only where goals are listed. */
  verbless: boolean;
}

/** What a target read in a clause says besides its value. */
interface TargetContext {
  /** The comparator, where it is not the value's own (a value written first reads 50% as at least 50%). */
  comparator?: Comparator;
  indicator: string;
  year: number | null;
  baseline: Baseline | null;
  yearStated: boolean;
  verb: string | null;
  verbless?: boolean;
}

/**
 * The target of the value `r` read in a clause that starts at `clauseStart` in the sentence.
 * Every target of a sentence is made here or in qualitativeTarget, with its fields in one order:
 * objects of one shape keep the engine's property reads in extractTargets on one fast path (five
 * shapes made it compile that function again and again while a corpus ran).
 */
function clauseTarget(r: ValueReading, clauseStart: number, about: TargetContext): SentenceTarget {
  return {
    indicator: about.indicator, comparator: about.comparator ?? r.comparator, value: r.value, valueMax: r.valueMax, unit: r.unit, year: about.year,
    baseline: about.baseline, range: offset(r.range, clauseStart), yearStated: about.yearStated, verb: about.verb,
    verbless: about.verbless ?? false,
  };
}

/** What the parser made of a sentence. */
export interface SentenceParse {
  targets: SentenceTarget[];
  /** The sentence looks like it states a quantified goal (a rate or a % and a goal verb). */
  targetLike: boolean;
  /**
   * The sentence reports the past or the present (已, 累计, 截至, 实现了, “十二五”期间, 下降至“十二五”末的3.61%,
   * 2011年—2015年, 目前, 当前) and states no due year: not a goal.
   */
  past: boolean;
  /** The due years the sentence states (`到2020年`), for the sentences that follow it. */
  years: number[];
}

/** What ends a clause: ，,；;。！？!? */
const CLAUSE_BREAK = /[，,；;。！？!?]/g;
const PAST_CUES = /已经|已达|已有|已将|已纳入|累计|截至|截止|取得了|完成了|达到了|实现了|“十[一二三四五六]五”(?:以来|末的)|\d{4}\s?年\s?[—–\-至到]\s?\d{4}\s?年/;
/** A five-year plan's period (`“十三五”期间`): past when it ended before the years in force. */
const FIVE_YEAR_PERIOD = /“十([一二三四五六])五”(?:期间|时期)/;
const FIVE_YEAR_ORDINALS = '一二三四五六';

/** Whether a clause reports what was: a past cue, or a five-year period over before `dueYears` (`“十三五”期间` in a 2025 plan; `“十四五”期间` there is the plan's own). */
function reportsPast(clause: string, dueYears: readonly number[]): boolean {
  if (PAST_CUES.test(clause)) return true;
  const period = FIVE_YEAR_PERIOD.exec(clause);
  if (!period) return false;
  // The N-th five-year plan (十N五) ends in 2005 + 5N: 十一五 in 2010, 十四五 in 2025.
  const ends = 2005 + 5 * (FIVE_YEAR_ORDINALS.indexOf(period[1]) + 1);
  return dueYears.length === 0 || ends < Math.min(...dueYears);
}
/** The present described as it is (目前, 当前, 现有 but not 在现有基础上): a fact, not a goal. */
const PRESENT_CUES = /目前|当前|现阶段|(?<!在)现有(?!基础)/;
const TARGET_LIKE = /(?:\d|[百千]分之)[\s\S]{0,12}?(?:%|％|‰|\/10\s?万)|(?:率|比例)[\s\S]{0,8}?(?:达到|达|控制在|提高|下降|降低|不低于|不超过)/;

/** Lead-ins cleaned off the front of an indicator, applied until none matches. */
const LEAD_INS = /^(?:[，,、：:]|\d+[．.、]\s?|（\d+）|[\u2460-\u249b]\s?|[（(][一二三四五六七八九十]+[）)]|[-—]{2,}|\s+|(?:到|至|在)?\s?\d{4}\s?年(?:底|末)?(?:前|以前)?(?:和|、)?|各(?:地区?|县区?|区县?|市)|按照|依照|力争|争取|确保|预计|其中|同时|并且|并|使|以及|将|把|实现|全区|全市|全县|全省|全国|我区|我市|我县|我省|本区|本市|本县)/;
/**
 * Words that sit between the indicator and its verb (知晓率均达90%), stripped from the end one by
 * one. The first that ends the indicator is taken, so 年均 (寿命年均提高0.2岁) comes before 均.
 */
const TRAILER_WORDS = ['总体上', '在现有基础上', '必须', '分别', '逐步', '稳步', '持续', '进一步', '逐年', '年均', '每年', '力争', '能够', '可以', '均', '都', '要', '将', '应', '须', '需', '也'];
/** `较2015年`, `在2015年的基础上` at the end of an indicator: the base of a change, not the indicator. */
const TRAILING_BASE = /(?:在|较|比)\s?\d{4}\s?年(?:的)?(?:基础上)?$/;
/** The unit the level holds in, after the indicator (`接种率以乡镇为单位保持在95%以上`): the scope, not the thing measured. */
const TRAILING_SCOPE = /以[\u4e00-\u9fff（）()、]{1,10}为单位$/;

/** TRAILER_WORDS by the code of their last character, each list in TRAILER_WORDS' order. */
const TRAILERS_BY_LAST = new Map<number, string[]>();
for (const word of TRAILER_WORDS) {
  const last = word.charCodeAt(word.length - 1);
  TRAILERS_BY_LAST.set(last, [...(TRAILERS_BY_LAST.get(last) ?? []), word]);
}

/** Strips linking words from the end of an indicator; each step removes at least one character. */
function stripTrailers(s: string): string {
  for (;;) {
    // 均 links (知晓率均达90%) except in 人均, a noun (个人卫生支出人均).
    const word = TRAILERS_BY_LAST.get(s.charCodeAt(s.length - 1))?.find((w) => s.endsWith(w) && !(w === '均' && s.endsWith('人均')));
    if (word) { s = s.slice(0, -word.length); continue; }
    // 水平分别提高到不低于22%: a verb chained before the one the value follows.
    const verb = verbEndingLength(s);
    if (verb > 0) { s = s.slice(0, -verb); continue; }
    // Looked at only within the last 16 characters, so a long indicator costs no more.
    const tail = s.slice(-16);
    const base = TRAILING_BASE.exec(tail) ?? TRAILING_SCOPE.exec(tail);
    if (base) { s = s.slice(0, s.length - tail.length + base.index); continue; }
    return s;
  }
}
/** A label before a colon (宣传教育：…) is a heading, not part of the indicator. */
const LABEL = /^[^：:]{1,12}[：:](?!\d)/;

/** Cleans an indicator noun phrase of lead-ins, labels and linking words. */
export function cleanIndicator(raw: string): string {
  let s = raw.trim();
  const label = LABEL.exec(s);
  if (label) s = s.slice(label[0].length);
  for (let guard = 0; guard < 20; guard++) {
    const m = LEAD_INS.exec(s);
    if (!m || m[0].length === 0) break;
    s = s.slice(m[0].length);
  }
  return stripTrailers(s).trim();
}

/** The words a measurable indicator ends with: a rate, a share, a level, a count or a density. */
const MEASURABLE_WORDS = ['率', '比例', '比重', '比', '水平', '素养', '寿命', '人数', '数', '量', '覆盖面', '床位'];
/** How a measurable indicator ends (MEASURABLE_WORDS). */
export const MEASURABLE_END = new RegExp(`(?:${MEASURABLE_WORDS.join('|')})$`);
/** The last characters of MEASURABLE_WORDS: a text without any holds no measurable noun. */
const MEASURABLE_LAST = new RegExp(`[${MEASURABLE_WORDS.map((word) => word.at(-1)).join('')}]`);

/**
 * `A、B分别达到70%、90%` → [A, B] when the indicator lists as many items as there are values and
 * every item is itself an indicator (知晓率、治疗率). When the items share a head or a tail
 * (`提供艾滋病、梅毒咨询检测服务的比例`), where one item ends cannot be told without a lexicon:
 * every value then keeps the whole indicator rather than a wrong fragment.
 */
function splitIndicator(indicator: string, count: number): string[] {
  // 知晓率、治疗率, 婴儿死亡率和5岁以下儿童死亡率: each item an indicator of its own.
  const listed = listedIndicators(indicator, count);
  if (listed.length > 0) return listed;
  // 高血压、2型糖尿病患者规范管理率, 孕产妇和婴儿死亡率: items that name whom or what, before a
  // tail that says what is measured of them (患者规范管理率, 死亡率), shared by all.
  const parts = indicator.split(LIST_JOINT);
  const last = parts[parts.length - 1];
  const tail = parts.length === count && count > 1 && parts.slice(0, -1).every((p) => p.length >= 2 && p.length <= MAX_LISTED_ITEM && !MEASURABLE_END.test(p)) ? SHARED_TAIL.exec(last.slice(1)) : null;
  if (tail) return [...parts.slice(0, -1).map((p) => p + last.slice(1 + tail.index)), last];
  return Array.from({ length: count }, () => indicator);
}

/**
 * A listed item before a shared tail is a short name (高血压, 2型糖尿病, 孕产妇); a longer one may
 * carry a head the others share too (适龄儿童乙肝、麻疹疫苗接种率), which cannot be told apart.
 */
const MAX_LISTED_ITEM = 5;
/** Where the shared tail of a list of indicators starts: the group measured, or the rate itself. */
const SHARED_TAIL = /患者|人群|病人|(?:死亡|发病|患病|知晓|治疗|控制|管理|筛查|接种|覆盖|检出|达标|普及|治愈|感染)率/;

/** A rate or share and the number right after it, no verb between (`合格率95%以上`). */
const RATE_BEFORE_LEVEL = /^(\s*(?:\d{1,2}[．.、]|[（(]\d{1,2}[)）])?[^，。；：:\d]{2,40}?(?:率|比例|比重|覆盖面))\s?(?=\d)/;
/** Units of a level that a plan commits to wherever it is written: rates, densities, ratios. */
export function isRateUnit(unit: string | null): boolean {
  return unit !== null && (unit === '%' || unit === '百分点' || unit === '‰' || unit === '‱' || unit === 'ratio' || unit.includes('/'));
}

/** An indicator written before 均/都 (`A、B均达到90%`): the one value is each one's; 人均 is a word of its own. */
const SHARED_VALUE = /(?<!人)(?:均|都)\s*$/;
/**
 * Where a list of indicators parts: 、 and the words that join its last item (`A率和B率`) — not
 * the 及 of 及时率 or 普及率, words of their own.
 */
const LIST_JOINT = /、|以及|和|与|(?<!普)及(?!时)/;

/**
 * The indicators a list names when each of its items is one: parted at 、 (an item may hold 和,
 * `感染者和病人接受治疗比例、治疗成功率`), else at 和/及/与 too (`A率和B率`); none otherwise.
 * With `count` (one value per item), only a parting into that many items.
 */
function listedIndicators(indicator: string, count?: number): string[] {
  for (const joint of ['、', LIST_JOINT]) {
    const items = indicator.split(joint);
    if (items.length > 1 && (count === undefined || items.length === count) && items.every((item) => MEASURABLE_END.test(item))) return items;
  }
  return [];
}

/** Measure words of counted things: the noun they count follows the number (配备1名专职人员). */
const COUNT_UNITS = new Set(['名', '人', '家', '所', '个', '项', '支', '台', '辆', '张']);
/** An indicator that ends in a verb of providing (配备, 设立, 建成): its object follows the count. */
const PROVIDING_VERB_END = /(?:配备|配置|配齐|设立|设置|建立|建成|建设|开设|新建|培养|培训|招聘|招收|引进)$/;
/** The noun after a count, up to the next clause-like joint (或, 并, 、). */
const COUNTED_NOUN = /^[\u4e00-\u9fff（）]{2,20}?(?=或|并|、|$)/;

/**
 * `基层医疗卫生机构要配备至少1名专职人员`: the verb before the number leaves the indicator
 * without its noun; the counted noun after the number completes it (`…配备专职人员`).
 */
function withCountedNoun(indicator: string, readings: ReadonlyArray<{ unit: string | null }>, after: string): string {
  if (!PROVIDING_VERB_END.test(indicator) || readings.length !== 1 || !COUNT_UNITS.has(readings[0].unit ?? '')) return indicator;
  const noun = COUNTED_NOUN.exec(after);
  return noun ? `${indicator.replace(/(?:要|应|须|需)(?=[\u4e00-\u9fff]{1,3}$)/, '')}${noun[0]}` : indicator;
}

/** A place or unit each of which a count applies to (每个区县, 每个市（州）, 各乡镇), and nothing measured. */
const DISTRIBUTIVE = /^(?:每一?个?|各)[\u4e00-\u9fff（）()、]{1,10}?(?:都|均)?(?:要|应)?(?:至少)?(?:有|设|配|建成|建立|设立|组建)?$/;

/** A count of things each place is to have, the things named after it: a provision, not a level to reach. */
function isProvision(indicator: string, readings: ReadonlyArray<{ unit: string | null }>, after: string): boolean {
  return DISTRIBUTIVE.test(indicator) && !MEASURABLE_END.test(indicator) && readings.length === 1 && COUNT_UNITS.has(readings[0].unit ?? '') && /^[\u4e00-\u9fff]/.test(after);
}

/** A clause that names a measurable subject without a value (进一步提高公众的心理健康知识知晓率). */
const SUBJECT_VERB = /^(?:进一步|不断|持续|逐步|稳步|努力)?(?:提高|提升|降低|减少|控制|增加)/;

/** The measurable noun a value-less clause names, for the values of the clauses after it, or null. */
function subjectOf(clause: string): string | null {
  if (!MEASURABLE_LAST.test(clause)) return null;
  const q = qualitativeGoal(clause);
  const noun = cleanIndicator(q ? q[1] : clause.replace(SUBJECT_VERB, ''));
  return noun.length >= 2 && noun.length <= 40 && MEASURABLE_END.test(noun) ? noun : null;
}

/** The measurable noun a fact clause states a value of (目前全省孕产妇死亡率为9.8/10万), or null. */
function factSubject(clause: string): string | null {
  const m = FACT.exec(clause);
  const noun = m ? cleanIndicator(m[1].replace(PRESENT_CUES, '')) : '';
  return noun.length >= 2 && MEASURABLE_END.test(noun) ? noun : null;
}
const FACT = /^([^，。；]{2,40}?)(?:已经|已)?(?:为|是|达到|达)\s?\d/;

/** A clause of the sentence with its offset. */
interface Clause {
  text: string;
  start: number;
}

function clausesOf(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = -1; i < sentence.length;) {
    i = nextOf(sentence, i + 1, CLAUSE_BREAK);
    if (i > start) clauses.push({ text: sentence.slice(start, i), start });
    start = i + 1;
  }
  return clauses;
}

/** A measurable noun (…率, …比例) that improves or worsens, with no number: a qualitative goal. */
const QUALITATIVE_VERBS = ['提高', '提升', '增强', '下降', '降低', '减少', '增加', '扩大', '改善'];
const QUALITATIVE = new RegExp(`^([\\s\\S]{2,40}?(?:率|比例|比重|水平|素养|寿命|人数|覆盖面))(?:明显|显著|进一步|稳步|持续|逐步|不断|大幅度?|普遍)(?:${QUALITATIVE_VERBS.join('|')})$`);

/** The codes of the last characters of QUALITATIVE_VERBS (codes: a one-character string per clause would be garbage). */
const QUALITATIVE_LAST = new Set(QUALITATIVE_VERBS.map((verb) => verb.charCodeAt(verb.length - 1)));

/** The qualitative goal a clause states (QUALITATIVE), or null; the pattern runs only on clauses that end as one of its verbs does. */
function qualitativeGoal(clause: string): RegExpExecArray | null {
  const text = clause.trim();
  return QUALITATIVE_LAST.has(text.charCodeAt(text.length - 1)) ? QUALITATIVE.exec(text) : null;
}
/**
 * `建成5个以上国家区域医疗中心`, `新建3所社区卫生服务中心`: a count of things to build, the value
 * between the verb and what is built. The indicator is the verb with its object.
 */
const BUILD = /(建成|新建|建设|创建|打造|培育|设立|组建|新增|遴选|认定|开展)(?=[\d一二三四五六七八九十两百])/;
const COUNTED = /^(?:个|所|家|支|项|座|处|条|张|名|人|类|种)$/;
/** A phrase of manner or means before a verb (按照规范, 通过…), never the subject of a count. */
const MANNER = /^(?:按照|依照|根据|通过|围绕|结合|利用|依托)/;
/** What a value written first starts with (`50%以上的…`, `百分之五十的…`). */
const VALUE_FIRST_START = /[\d百千]/;
/** `50%以上的居家患者接受社区康复服务`: the value comes first, the indicator after 的. */
const VALUE_FIRST_TAIL = /^的([\s\S]+)$/;
/**
 * `100%的乡镇卫生院能够提供中医药服务`: a share written without 以上 is a goal (at least that
 * share) when what follows says what the share is to do or have, not what it is.
 */
const VALUE_FIRST_GOAL = /能够|能|可以|达到|实现|提供|开展|具备|建立|设置|配备|纳入|享有|接受|参加|掌握/;
/**
 * `由2015年的18%提高到25%`, `从2020年的78.3岁提高到79岁`: the base of a change written before it,
 * its year in group 1 and its value from `index + [0].length`.
 */
const FROM_BASE = /(?:由|从)\s?(\d{4})\s?年(?:底|末)?的?(?=[\d.]+)/;

/** The due years a sentence states, clause by clause: what parseSentence gives as `years`, without reading its targets. */
export function statedYears(sentence: string): number[] {
  return clausesOf(sentence).flatMap((clause) => dueYearsIn(clause.text));
}

/**
 * Parses a sentence into targets. `contextYears` are the due years in force before the sentence
 * (a lead-in's `到2022年和2030年`, an earlier sentence's pair, or the plan's end year); years the
 * sentence states itself win. Values as many as the years in force go to the years in order.
 */
export function parseSentence(sentence: string, contextYears: readonly number[]): SentenceParse {
  const targets: SentenceTarget[] = [];
  const sentenceYears: number[] = [];
  let years: readonly number[] = contextYears;
  let reportsFacts = false;
  // The measurable noun named by an earlier clause without a value: 人均预期寿命稳步提升，预计到2025年达到81.37岁.
  let subject: string | null = null;
  // The clauses since then that may name a later one (a fact's noun, or a value-less clause's),
  // read only when a value needs the subject: most sentences have no such value.
  let namingClauses: Array<{ text: string; fact: boolean }> = [];
  const currentSubject = (): string | null => {
    for (let k = namingClauses.length - 1; k >= 0; k--) {
      const { text, fact } = namingClauses[k];
      const named = fact ? factSubject(text) : subjectOf(text);
      if (named !== null) {
        subject = named;
        break;
      }
    }
    namingClauses = [];
    return subject;
  };
  for (const clause of clausesOf(sentence)) {
    const stated = dueYearsIn(clause.text);
    if (stated.length > 0) {
      years = stated;
      sentenceYears.push(...stated);
    }
    const yearStated = sentenceYears.length > 0;
    // 目前…为12/10万，到2025年下降到10/10万: the present before the sentence names a due year is a fact.
    if (!yearStated && (reportsPast(clause.text, years) || PRESENT_CUES.test(clause.text))) {
      reportsFacts = true;
      // 目前孕产妇死亡率为9.8/10万，到2025年下降到9/10万: the fact names the subject of the goal after it.
      namingClauses.push({ text: clause.text, fact: true });
      continue;
    }
    const text = clause.text;
    // A clause with no character a number is written with (most clauses) states no base and no
    // value: only a qualitative goal, or the subject of the values after it.
    if (!mayHoldNumber(text)) {
      const q = qualitativeGoal(text);
      if (q) targets.push(qualitativeTarget(q, sentence, years[years.length - 1] ?? null, yearStated));
      namingClauses.push({ text, fact: false });
      continue;
    }
    const fromBase = text.includes('年') ? FROM_BASE.exec(text) : null;
    const baseValue = fromBase ? readValues(text, fromBase.index + fromBase[0].length, null).readings[0] ?? null : null;
    const baselineYear = fromBase ? Number(fromBase[1]) : baselineYearIn(text);
    const baseline: Baseline | null = baselineYear === null && baseValue === null ? null
      : { value: baseValue?.value ?? null, unit: baseValue?.unit ?? null, year: baselineYear };
    /** Where the indicator before position `i` ends: before a `由2015年的X` base, when there is one. */
    const indicatorEnd = (from: number, i: number): number => (fromBase && fromBase.index >= from && fromBase.index < i ? fromBase.index : i);
    const dueYear = (): number | null => years[years.length - 1] ?? null;
    let indicatorStart = 0;
    let found = false;
    /** An indicator without a measurable noun (城市, or nothing) names a part of the subject, or nothing. */
    const withSubject = (indicator: string): string => {
      if (MEASURABLE_END.test(indicator) || indicator.length > 6) return indicator;
      const whole = currentSubject();
      if (whole === null) return indicator;
      // The value-less clause was a qualitative goal; now that it has a value, it is not one.
      const qualitative = targets.findIndex((t) => t.comparator === 'qualitative' && t.indicator === whole);
      if (qualitative >= 0) targets.splice(qualitative, 1);
      return indicator === '' ? whole : `${whole}（${indicator}）`;
    };
    // The value-first form: 50%以上的居家患者接受社区康复服务.
    // Only a clause with a number can open with one (cleanIndicator only takes words off).
    const lead = VALUE_FIRST_START.test(text) ? cleanIndicator(text) : '';
    const leadAt = lead.length > 0 && VALUE_FIRST_START.test(lead[0]) ? text.indexOf(lead) : -1;
    if (leadAt >= 0) {
      const { readings, end } = readValues(text, leadAt, null);
      const tail = VALUE_FIRST_TAIL.exec(text.slice(end));
      const r = readings[0];
      const isGoal = r !== undefined && (r.comparator !== 'eq' || (r.unit === '%' && tail !== null && VALUE_FIRST_GOAL.test(tail[1])));
      if (readings.length === 1 && tail && isGoal) {
        const comparator = r.comparator === 'eq' ? 'gte' : r.comparator;
        targets.push(clauseTarget(r, clause.start, { comparator, indicator: cleanIndicator(tail[1]), year: dueYear(), baseline, yearStated, verb: null }));
        continue;
      }
    }
    for (let i = nextVerbStart(text, 0); i < text.length; i = nextVerbStart(text, i + 1)) {
      const verb = verbAt(text, i);
      if (!verb) continue;
      let valueAt = i + verb.verb.length;
      if (text[valueAt] === '了') valueAt++;
      if (verb.verb === '至少' || verb.verb === '不少于') {
        // 至少能够提供10项: a few words may stand between 至少 and its number.
        const gap = /^[\u4e00-\u9fff]{0,6}?(?=\d)/.exec(text.slice(valueAt, valueAt + 8));
        if (gap) valueAt += gap[0].length;
      }
      const { readings, end } = readValues(text, valueAt, verb.kind);
      if (readings.length === 0) continue;
      const written = text.slice(indicatorStart, indicatorEnd(indicatorStart, i));
      const indicator = withCountedNoun(withSubject(cleanIndicator(written)), readings, text.slice(end));
      // 每个区县至少有1家医疗机构设置精神科病房: a facility to provide in each place, a norm.
      if (isProvision(indicator, readings, text.slice(end))) {
        indicatorStart = end;
        i = end - 1;
        continue;
      }
      // 到2022年和2030年，…分别达到37%及以上和40%及以上: one value per year, in order — unless
      // the years are only in force from before and the indicator lists as many items (知晓率、治疗率).
      const split = splitIndicator(indicator, readings.length);
      const listsItems = split.length > 1 && split[0] !== split[1];
      const perYear = readings.length > 1 && years.length === readings.length && (yearStated || !listsItems);
      // 申报率、监测合格率均达到90%以上: one value for each indicator of the list — each item one
      // (a list of the groups measured, 流动人口、青年学生…知晓率均达90%, stays one indicator).
      const items = readings.length === 1 && SHARED_VALUE.test(written) ? listedIndicators(indicator) : [];
      const valued: Array<{ indicator: string; r: ValueReading; k: number }> = [];
      if (items.length > 1) for (const item of items) valued.push({ indicator: item, r: readings[0], k: 0 });
      else readings.forEach((r, k) => valued.push({ indicator: perYear ? indicator : split[k], r, k }));
      // 到2025年和2030年，…每万人配备营养指导员不少于1名 (or …均达到90%): one value the sentence
      // sets for each of its due years holds at each of them.
      const eachYear = readings.length === 1 && yearStated && years.length > 1;
      for (const { indicator: measured, r, k } of valued) {
        for (const year of perYear ? [years[k]] : eachYear ? years : [dueYear()]) {
          targets.push(clauseTarget(r, clause.start, { indicator: measured, year, baseline, yearStated, verb: verb.verb }));
        }
      }
      found = true;
      // 增加到190名以上，不低于0.38名/万人口: a later value without a noun measures the same thing.
      if (MEASURABLE_END.test(indicator)) {
        subject = indicator;
        namingClauses = [];
      }
      indicatorStart = end;
      i = end - 1;
    }
    if (!found) {
      // 饮用水水质合格率95%以上, 检测能力达标率100%: a rate with its level right after it and no
      // verb, the whole clause (a goals list's item).
      // The level of a rate and a growth of staff are written in digits.
      const hasDigit = /\d/.test(text);
      const rate = hasDigit ? RATE_BEFORE_LEVEL.exec(text) : null;
      if (rate) {
        const { readings, end } = readValues(text, rate[0].length, null);
        if (readings.length === 1 && isRateUnit(readings[0].unit) && /^[\s。；;，,]*$/.test(text.slice(end))) {
          const about = { indicator: cleanIndicator(rate[1]), year: dueYear(), baseline, yearStated, verb: null, verbless: true };
          targets.push(clauseTarget(readings[0], clause.start, about));
          continue;
        }
      }
      const growth = hasDigit ? readStaffGrowth(text, clause.start, dueYear(), baseline, yearStated) : null;
      if (growth) {
        targets.push(growth);
        continue;
      }
      const built = readBuilt(text, clause.start, dueYear(), baseline, yearStated);
      if (built) {
        targets.push(built);
        continue;
      }
      const q = qualitativeGoal(text);
      if (q) targets.push(qualitativeTarget(q, sentence, dueYear(), yearStated));
      namingClauses.push({ text, fact: false });
    }
  }
  const past = reportsFacts && sentenceYears.length === 0;
  return { targets: targets.filter((t) => t.indicator.length > 0), targetLike: TARGET_LIKE.test(sentence), past, years: sentenceYears };
}

/** The target of a qualitative goal (qualitativeGoal) read in `sentence`: its range is the whole sentence. */
function qualitativeTarget(goal: RegExpExecArray, sentence: string, year: number | null, yearStated: boolean): SentenceTarget {
  return {
    indicator: cleanIndicator(goal[1]), comparator: 'qualitative', value: null, valueMax: null, unit: null,
    year, baseline: null, range: [0, sentence.length], yearStated, verb: null, verbless: false,
  };
}

/** The build-count form of a clause (see BUILD) that starts at `clauseStart` in its sentence, or null. */
function readBuilt(text: string, clauseStart: number, year: number | null, baseline: Baseline | null, yearStated: boolean): SentenceTarget | null {
  const built = BUILD.exec(text);
  if (!built) return null;
  const { readings, end } = readValues(text, built.index + built[0].length, 'floor');
  if (readings.length !== 1 || !COUNTED.test(readings[0].unit ?? '')) return null;
  const object = cleanIndicator(text.slice(end).replace(/^的/, ''));
  if (object.length < 2 || object.length > 30) return null;
  const r = readings[0];
  // 市级建成1所…, 每个市州建成1支…: a short subject says where or per what the count holds.
  const before = text.slice(0, built.index);
  const subject = cleanIndicator(before);
  // 按照…规范开展6类: a manner, not who builds; a long subject is a clause of its own.
  const where = subject.length <= 10 && !MANNER.test(before.trim()) ? subject : '';
  return clauseTarget(r, clauseStart, { indicator: `${where}${built[1]}${object}`, year, baseline, yearStated, verb: built[1] });
}

/**
 * `三年内新增心理治疗师50名`, `增加全科医生200人`: a growth of the staff named between the verb and
 * the count, which ends the clause. The indicator is the verb with the staff.
 */
const STAFF_GROWTH = /(新增|增加)([\u4e00-\u9fff（）]{2,16}?)(?=\d)/;
/** Counts of people (名, 人). */
const STAFF_UNITS: ReadonlySet<string> = new Set(['名', '人']);

/** A growth of staff (新增心理治疗师50名, 增加200人): a level of staffing to reach. */
export const isStaffGrowth = (target: SentenceTarget): boolean =>
  target.comparator === 'increase' && STAFF_UNITS.has(target.unit ?? '') && (target.verb === '新增' || target.verb === '增加');

/** The staff-growth form of a clause (see STAFF_GROWTH) that starts at `clauseStart` in its sentence, or null. */
function readStaffGrowth(text: string, clauseStart: number, year: number | null, baseline: Baseline | null, yearStated: boolean): SentenceTarget | null {
  const growth = STAFF_GROWTH.exec(text);
  if (!growth) return null;
  const { readings, end } = readValues(text, growth.index + growth[0].length, 'increase');
  if (readings.length !== 1 || !STAFF_UNITS.has(readings[0].unit ?? '') || text.slice(end).trim() !== '') return null;
  const about = { indicator: `${growth[1]}${growth[2]}`, year, baseline, yearStated, verb: growth[1] };
  return clauseTarget(readings[0], clauseStart, about);
}

function offset(range: [number, number], by: number): [number, number] {
  return [range[0] + by, range[1] + by];
}
