/**
 * series: many files' ExtractResults → one indicator per row, one plan per column.
 *
 * Plans (documents of kind `plan`) are ordered by administrative level, then period. Within a
 * plan, targets with the same normalised indicator form one cell (its due years, or the values of
 * one sentence). Cells are then aligned across plans in column order with the diff's machinery:
 * bigram Dice of the normalised indicators above {@link TARGET_THRESHOLD}, compatible units, and a
 * greedy best-first assignment, each row taking at most one cell of each plan. Due years are not
 * required to match: following an indicator from 2020 to 2025 is the point of a series.
 */
import type { ExtractResult, PlanDocument, Target } from '../model/schemas.js';
import { compareTargets, TARGET_THRESHOLD } from '../diff/align-targets.js';
import { bigrams, dice, normaliseForMatch, normaliseIndicator, withoutRegion, type Bigrams } from '../diff/similarity.js';
import { assignGreedy, type Candidate } from '../diff/assign.js';
import { SeriesResultSchema, type SeriesCell, type SeriesPlan, type SeriesResult, type SeriesRow, type SeriesStep } from './model.js';
import { compareByLevelAndPeriod, planLevel } from './level.js';

/** Options of {@link buildSeries}. */
export interface SeriesOptions {
  /** Keep only the rows where some plan's indicator contains this text (compared without spaces and punctuation). */
  indicator?: string;
}

/** A cell while rows are built: its normalised indicator and units for matching. */
interface Group {
  cell: SeriesCell;
  grams: Bigrams;
  /** Units of its quantitative targets, NFKC-folded; empty for qualitative targets only. */
  units: Set<string>;
}

interface BuildingRow {
  groups: Group[];
}

const byYearThenSource = (a: Target, b: Target) =>
  (a.year ?? Infinity) - (b.year ?? Infinity) || a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;

const unitKey = (unit: string) => unit.normalize('NFKC').replace(/\s+/g, '');

/**
 * The cells of one plan: its targets grouped by normalised indicator (without the plan's own
 * region in front), in order of first appearance.
 */
function groupsOf(doc: PlanDocument, plan: number): Group[] {
  const byKey = new Map<string, Target[]>();
  for (const target of doc.targets) {
    const key = normaliseIndicator(withoutRegion(target.indicator, doc.region));
    if (key.length === 0) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), target]);
  }
  return [...byKey].map(([key, targets]) => ({
    cell: { plan, indicator: targets[0].indicator, targets: [...targets].sort(byYearThenSource) },
    grams: bigrams(key),
    units: new Set(targets.flatMap((t) => (t.unit === null || t.comparator === 'qualitative' ? [] : [unitKey(t.unit)]))),
  }));
}

/** Units are compatible when either side states none, or they share one. */
function unitsCompatible(a: Set<string>, b: Set<string>): boolean {
  return a.size === 0 || b.size === 0 || [...a].some((u) => b.has(u));
}

/** How well a plan's cell matches a row: the best Dice against the row's cells, 0 when the units differ. */
function rowScore(group: Group, row: BuildingRow): number {
  let best = 0;
  for (const other of row.groups) if (unitsCompatible(group.units, other.units)) best = Math.max(best, dice(group.grams, other.grams));
  return best;
}

/** Aligns the cells of the plans, taken in column order, into rows. */
function alignRows(groupsByPlan: Group[][]): BuildingRow[] {
  const rows: BuildingRow[] = [];
  for (const groups of groupsByPlan) {
    const candidates: Candidate[] = [];
    groups.forEach((group, g) =>
      rows.forEach((row, r) => {
        const score = rowScore(group, row);
        if (score >= TARGET_THRESHOLD) candidates.push({ child: g, parent: r, childPart: -1, parentPart: -1, score, rank: score });
      }),
    );
    const placed = new Set<number>();
    for (const m of assignGreedy(candidates, groups.length, rows.length)) {
      rows[m.parent].groups.push(groups[m.child]);
      placed.add(m.child);
    }
    groups.forEach((group, g) => placed.has(g) || rows.push({ groups: [group] }));
  }
  return rows;
}

/** The latest due year among targets, or null. */
const latestYear = (targets: readonly Target[]) => targets.reduce<number | null>((y, t) => (t.year !== null && (y === null || t.year > y) ? t.year : y), null);

/**
 * The verdict of a cell against the previous one: the targets of the latest year both set, else
 * each cell's latest target; `stricter` when the later plan commits to more.
 */
export function compareCells(earlier: SeriesCell, later: SeriesCell): SeriesStep {
  const years = new Set(earlier.targets.map((t) => t.year));
  const shared = latestYear(later.targets.filter((t) => t.year !== null && years.has(t.year)));
  const pick = (cell: SeriesCell): Target => {
    const year = shared ?? latestYear(cell.targets);
    return cell.targets.find((t) => t.year === year) ?? cell.targets[cell.targets.length - 1];
  };
  const [from, to] = [pick(earlier), pick(later)];
  const verdict = compareTargets(to, from);
  return { from: earlier.plan, to: later.plan, fromYear: from.year, toYear: to.year, verdict: verdict === 'added' || verdict === 'dropped' ? 'changed' : verdict };
}

function toRow(building: BuildingRow): SeriesRow {
  const cells = building.groups.map((g) => g.cell).sort((a, b) => a.plan - b.plan);
  const steps = cells.slice(1).map((cell, k) => compareCells(cells[k], cell));
  return { indicator: cells[0].indicator, cells, steps };
}

/**
 * The series of the plans in `results` (in input order; ties of level and period keep it). The
 * result is validated against {@link SeriesResultSchema}.
 */
export function buildSeries(results: readonly ExtractResult[], options: SeriesOptions = {}): SeriesResult {
  const docs = results.flatMap((r) => r.documents.filter((d) => d.kind === 'plan').map((doc) => ({ file: r.source.path, doc })));
  const plans: { plan: SeriesPlan; doc: PlanDocument }[] = docs
    .map(({ file, doc }) => ({
      plan: { file, documentId: doc.id, title: doc.title, issuer: doc.issuer, region: doc.region, level: planLevel(doc), period: doc.period },
      doc,
    }))
    .sort((a, b) => compareByLevelAndPeriod(a.plan, b.plan));
  const rows = alignRows(plans.map((p, index) => groupsOf(p.doc, index)))
    .map((row, order) => ({ row: toRow(row), order }))
    // Indicators shared by more plans first; otherwise in order of first appearance.
    .sort((a, b) => b.row.cells.length - a.row.cells.length || a.order - b.order)
    .map((r) => r.row);
  const wanted = options.indicator === undefined ? null : normaliseForMatch(options.indicator);
  return SeriesResultSchema.parse({
    plans: plans.map((p) => p.plan),
    rows: wanted === null ? rows : rows.filter((row) => row.cells.some((c) => normaliseForMatch(c.indicator).includes(wanted))),
  });
}
