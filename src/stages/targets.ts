/**
 * targets: quantified goals from sentences and from indicator tables (read from the tables
 * stage's cells, targets/table.ts); the lines of indicator tables are skipped by the sentence
 * scan. Sentences are read in order, carrying the due years of the last lead-in
 * (`到2020年，实现以下工作指标：`) until a level-1 heading or another year, and the due years a
 * sentence states (`到2022年和2030年，…`) to the following sentences of its paragraph; sentences
 * under background headings (现状, 背景, 成就, 基础, 形势, 进展) or reporting the past or present are
 * skipped. Every target says where its year came from (`yearFrom`: text, section, table, period). A
 * target restated later (same indicator, comparator, value, unit, year) is kept once, at its first
 * place, and the later place reported (PLN503); a due year outside the plan period or before the
 * plan's date is reported (PLN504).
 *
 * Where a sentence stands decides what it can commit to. In a goals section (a heading with 目标 or
 * 指标: 规划目标, 工作指标, 行动目标) every quantified or qualitative goal counts. Elsewhere (措施,
 * 任务, 保障, 职责) the text describes practice and sets norms, so only two kinds count as targets:
 * - a level of a rate (`%`, `‰`, `1/10万`, a density `张/万人`, a ratio): `患龋率控制在30%以内`;
 * - any quantity whose sentence states its own due year: `到2020年，知晓率分别达到60%和70%`,
 *   `到2020年底，每千人口床位数达到6张`.
 * - a level the text says is to be reached (达到, 不少于, 不低于): `专职技术人员达到3至5人`,
 *   `检测人员不少于2人` (but not a standard to apply: `按照…不低于3.8名的标准配备`).
 * Counts and frequencies a measure prescribes (`每8万人口配备1个急救站点`, `每年至少开展1次宣传`,
 * `至少配备1名专职人员`, `培训每年不少于2次`) are norms of practice, not targets; qualitative
 * goals (`…比例明显提高`) count only in goals sections.
 */
import type { Nature, YearFrom } from '../model/schemas.js';
import type { DocumentMetadata, DocumentPart, SectionNode, SectionTree, StageContext, TableNode, TargetNode } from '../model/stages.js';
import { isRateUnit, isStaffGrowth, parseSentence, statedYears, type SentenceTarget } from './targets/sentence.js';
import { natureOf, readTables } from './targets/table.js';
import { dueYearProblem, withoutRestatements } from './targets/checks.js';
import { findTables } from './tables.js';
import { nextOf } from '../text/scan.js';

/**
 * A heading title that opens a background chapter (发展现状, 工作基础, 面临形势 …). 基础 counts
 * only as a noun of its own (发展基础, 基础与形势), not in 在现有基础上 or 基础设施; a title holding a
 * figure is a numbered goal, never a background heading.
 */
const BACKGROUND_WORDS = /现状|背景|成就|(?:发展|工作|现实|良好|坚实)基础|^基础|基础(?:与|和|及)|形势|进展|回顾|成效/;
const isBackgroundTitle = (title: string): boolean => BACKGROUND_WORDS.test(title) && !/\d|[%％‰]/.test(title);
/** A level-1 heading line (一、…): resets the year context and the background state. */
const TOP_HEADING = /^\s*[一二三四五六七八九十]+、/;
/** Any numbered heading line whose title may mark background: 一、 （一） */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])([^。]{0,30})/;
/**
 * Where a sentence ends (。！？!?, a line break, a tab). A TAB ends one too: the cells of a table
 * row that is no indicator table's (a duty table's task) are read one by one, so a goal's
 * indicator never runs across cells.
 */
const SENTENCE_END = /[。！？!?\n\t]/g;
/** A heading title that opens a goals section. */
const GOALS_TITLE = /目标|指标/;
/** Verbs that make a value a level to reach, not a count to provide. */
const LEVEL_VERBS: ReadonlySet<string> = new Set(['达到', '不少于', '不低于']);
/** A count per period (每年…2次) prescribes a practice. */
const FREQUENCY = /每[年月周季]|次/;
/** Per period, a count of people (每年培训转岗医师不少于30名, 每年筛查人数不少于3000人) is a level to reach, not a practice. */
const PEOPLE_UNITS: ReadonlySet<string> = new Set(['人', '名', '人次', '万人', '万人次']);

/** `…不低于3.8名的标准`: a staffing standard to apply, a norm rather than a level to reach. */
const STANDARD_AFTER = /^[^，；。]{0,6}标准/;

/**
 * Whether a value is a norm of practice rather than a goal: a frequency (每年…2次), a standard to
 * apply (`不低于3.8名的标准`) or a minimum to provide (`至少配备1名`). The target's range indexes `sentence`.
 */
function isNorm(sentence: string, target: SentenceTarget): boolean {
  const [valueStart, valueEnd] = target.range;
  if (target.verb === '至少') return true;
  const people = PEOPLE_UNITS.has(target.unit ?? '');
  if (!people && ((target.unit !== null && FREQUENCY.test(target.unit)) || FREQUENCY.test(sentence.slice(Math.max(0, valueStart - 12), valueStart)))) return true;
  return STANDARD_AFTER.test(sentence.slice(valueEnd, valueEnd + 10));
}

/** Whether a value in a measures section is a level to reach (人员达到3至5人), not a prescribed count. */
function isLevelToReach(sentence: string, target: SentenceTarget): boolean {
  return target.verb !== null && LEVEL_VERBS.has(target.verb) && target.unit !== null && !isNorm(sentence, target);
}

/** 约束性指标： or a heading 约束性指标 names the nature of the targets under it. */
const NATURE_LEAD_IN = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s?)?(?:约束性|预期性|倡导性)指标\s?(?:[：:]|$)/;
const NATURE_LABEL = /(约束性|预期性|倡导性)指标|[（(【\[]\s?(约束性|预期性|倡导性)\s?[）)】\]]/;

/** The nature a sentence names in a label (`（约束性）`) or lead-in (`约束性指标：`), or null. */
function natureLabelIn(sentence: string): Nature | null {
  const m = NATURE_LABEL.exec(sentence);
  return m ? natureOf(m[1] ?? m[2]) : null;
}

/**
 * The due years in force before a sentence and where they came from: an earlier sentence of the
 * paragraph or a lead-in above (`section`), else the plan period's end (`period`, a guess).
 */
function contextYears(paragraph: number[], lead: number[], planEnd: number | null): { years: number[]; from: YearFrom } {
  if (paragraph.length > 0) return { years: paragraph, from: 'section' };
  if (lead.length > 0) return { years: lead, from: 'section' };
  return { years: planEnd === null ? [] : [planEnd], from: 'period' };
}

/**
 * Running maximum of the range ends of a sibling list (index i: max of ends 0..i), or null when
 * the siblings are not in order of range start. Cached per list so a lookup costs O(log n).
 */
const endMaxima = new WeakMap<SectionNode[], Int32Array | null>();

function runningEndMax(level: SectionNode[]): Int32Array | null {
  let maxima = endMaxima.get(level);
  if (maxima !== undefined) return maxima;
  maxima = new Int32Array(level.length);
  for (let i = 0; i < level.length; i++) {
    if (i > 0 && level[i].range[0] < level[i - 1].range[0]) { maxima = null; break; }
    maxima[i] = Math.max(level[i].range[1], i > 0 ? maxima[i - 1] : -1);
  }
  endMaxima.set(level, maxima);
  return maxima;
}

/**
 * The first sibling (in list order) whose range holds `offset`, or undefined. Siblings in order
 * of start: the first whose end passes `offset` is where the running end maximum first does.
 */
function siblingAt(level: SectionNode[], offset: number): SectionNode | undefined {
  const maxima = runningEndMax(level);
  if (maxima === null) return level.find((s) => s.range[0] <= offset && offset < s.range[1]);
  let lo = 0;
  let hi = level.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxima[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  const hit = level[lo];
  return hit !== undefined && hit.range[0] <= offset ? hit : undefined;
}

/** The deepest section whose range holds `offset`, with its ancestors (outermost first). */
function sectionPath(sections: SectionNode[], offset: number): SectionNode[] {
  const path: SectionNode[] = [];
  let level = sections;
  for (;;) {
    const hit = siblingAt(level, offset);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/**
 * Extracts the targets of one document; ranges index `doc.text.text`. `found` are the document's
 * tables (the tables stage); indicator tables give table targets, and no table row is read again
 * as a sentence.
 */
export function extractTargets(
  doc: DocumentPart,
  tree: SectionTree,
  meta: DocumentMetadata,
  ctx: StageContext,
  found: readonly TableNode[] = findTables(doc.text.text),
): TargetNode[] {
  const text = doc.text.text;
  const planEnd = meta.period?.end ?? null;
  /** Each target with where its sentence or table row starts, to list them in reading order. */
  const targets: Array<{ at: number; target: TargetNode }> = [];
  const tables = readTables(text, { periodStart: meta.period?.start ?? null }, found);
  const sectionAt = (offset: number): SectionNode | null => sectionPath(tree.sections, offset).at(-1) ?? null;
  /** The due year in force where each table starts (a lead-in `到2020年，…：` before it). */
  const yearBeforeTable = new Map<TableNode, number | null>();
  for (const [start] of tables.badRows) {
    const end = text.indexOf('\n', start);
    ctx.report({
      code: 'PLN502', offset: doc.text.origin[start],
      message: 'Unexpected number of cells in indicator-table row, expected as many as the header',
      actual: text.slice(start, end < 0 ? text.length : end),
    });
  }

  /** Due years of the last lead-in (`到2020年，实现以下工作指标：`), in force until a level-1 heading. */
  let leadYears: number[] = [];
  /** Due years an earlier sentence of this paragraph stated (`到2022年和2030年，…。…分别达到…`). */
  let paragraphYears: number[] = [];
  /** 约束性/预期性 of a lead-in or heading above (`约束性指标：`), until the next heading. */
  let leadNature: Nature | null = null;
  let nextTable = 0;
  let background = false;
  // Without a section tree, the goals state follows the headings met in the text.
  let goalsTop = false;
  let goalsSub = false;
  let start = 0;
  for (let i = -1; i < text.length;) {
    i = nextOf(text, i + 1, SENTENCE_END);
    const end = i < text.length && text[i] !== '\n' ? i + 1 : i;
    const sentenceStart = start;
    start = i + 1;
    const raw = text.slice(sentenceStart, end);
    const trimmed = raw.trim();
    const paragraphEnds = i === text.length || text[i] === '\n';
    if (trimmed === '') {
      if (paragraphEnds) paragraphYears = [];
      continue;
    }
    // Indicator tables are in reading order and do not overlap, like the sentences.
    while (nextTable < tables.tables.length && tables.tables[nextTable].range[1] <= sentenceStart) nextTable++;
    const table = tables.tables[nextTable]?.range[0] <= sentenceStart ? tables.tables[nextTable] : undefined;
    if (table) {
      if (!yearBeforeTable.has(table)) yearBeforeTable.set(table, leadYears.at(-1) ?? null);
      continue;
    }
    const from = sentenceStart + raw.indexOf(trimmed);
    const path = sectionPath(tree.sections, from);
    let goals: boolean;
    if (path.length > 0) {
      background = path.some((s) => isBackgroundTitle(s.title));
      goals = path.some((s) => GOALS_TITLE.test(s.title));
    } else {
      const heading = HEADING.exec(trimmed);
      const top = TOP_HEADING.test(trimmed);
      if (top) leadYears = [];
      if (heading) {
        background = isBackgroundTitle(heading[1]);
        if (top) goalsTop = GOALS_TITLE.test(heading[1]);
        goalsSub = !top && GOALS_TITLE.test(heading[1]);
      }
      goals = goalsTop || goalsSub;
    }
    if (HEADING.test(trimmed)) leadNature = null;
    const nature = natureLabelIn(trimmed);
    if (nature && NATURE_LEAD_IN.test(trimmed)) leadNature = nature;
    const paragraphHadYears = paragraphYears.length > 0;
    const context = contextYears(paragraphYears, leadYears, planEnd);
    // Under a background heading only the years a sentence states count (for the sentences after it).
    const parse = background ? null : parseSentence(trimmed, context.years);
    const years = parse ? parse.years : statedYears(trimmed);
    // A lead-in that ends in a colon (到2020年，实现以下工作指标：) sets the year for what follows.
    if (years.length > 0 && /[：:]\s*$/.test(trimmed)) leadYears = years;
    else if (years.length > 0) paragraphYears = years;
    if (paragraphEnds) paragraphYears = [];
    if (parse === null || parse.past) continue;
    for (const t of parse.targets) {
      // A due year stated in this sentence or an earlier one of its paragraph makes it a dated goal.
      const dated = t.yearStated || (t.year !== null && context.from === 'section' && paragraphHadYears && !isNorm(trimmed, t));
      const commits = dated || isRateUnit(t.unit) || isLevelToReach(trimmed, t) || isStaffGrowth(t);
      // A level with no verb (`合格率95%以上`) reads as a fact outside a goals section.
      if (!goals && (t.comparator === 'qualitative' || !commits || t.verbless)) continue;
      targets.push({ at: from, target: {
        section: sectionAt(from), text: trimmed, indicator: t.indicator, comparator: t.comparator, value: t.value,
        valueMax: t.valueMax, unit: t.unit, year: t.year, yearFrom: t.year === null ? null : t.yearStated ? 'text' : context.from,
        baseline: t.baseline, nature: nature ?? leadNature, source: 'sentence', table: null, range: [from + t.range[0], from + t.range[1]],
      } });
    }
    if (parse.targets.length === 0 && parse.targetLike && /(?:达到|控制在|不低于|不超过|提高到|下降到)/.test(trimmed)) {
      ctx.report({
        code: 'PLN501', offset: doc.text.origin[from],
        message: 'Unexpected target-like sentence without a readable value, expected an indicator, a comparator and a number',
        actual: trimmed,
      });
    }
  }
  for (const t of tables.targets) {
    const leadYear = yearBeforeTable.get(t.table) ?? null;
    const year = t.year ?? leadYear ?? planEnd;
    const yearFrom: YearFrom | null = t.year !== null ? 'table' : leadYear !== null ? 'section' : year !== null ? 'period' : null;
    // Field by field: an object rest and spread here took the engine's slow generic copy.
    targets.push({ at: t.rowStart, target: {
      section: sectionAt(t.range[0]), text: t.text, indicator: t.indicator, comparator: t.comparator, value: t.value,
      valueMax: t.valueMax, unit: t.unit, year, yearFrom, baseline: t.baseline, nature: t.nature, source: 'table', table: t.table, range: t.range,
    } });
  }
  // In the order they are written, whichever way they were read (the sort is stable).
  const ordered = targets.sort((a, b) => a.at - b.at).map((t) => t.target);
  const kept = withoutRestatements(ordered, (restated) => ctx.report({
    code: 'PLN503', offset: doc.text.origin[restated.range[0]],
    message: 'Restated target kept once, expected each goal stated in one place',
    actual: restated.text,
  }));
  // One warning per due year, at its first target: a 2030 column gives one, not one per row.
  const byYear = new Map<number, TargetNode[]>();
  for (const t of kept) {
    if (t.year === null) continue;
    const due = byYear.get(t.year);
    if (due) due.push(t);
    else byYear.set(t.year, [t]);
  }
  for (const [year, due] of byYear) {
    const problem = dueYearProblem(year, meta);
    if (problem) ctx.report({ code: 'PLN504', offset: doc.text.origin[due[0].range[0]], message: `${problem} (${due.length} target${due.length > 1 ? 's' : ''})`, actual: due[0].text });
  }
  return kept;
}
