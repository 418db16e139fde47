/**
 * The administrative level of a plan, read from its region (`天津市蓟州区` → county), else its
 * issuer (`国务院办公厅` → national, `区卫计委` → county), and the order of plans in a series:
 * national, province, city, county, then by period.
 */
import type { PlanDocument } from '../model/schemas.js';
import { documentLevel, type AdminLevel } from '../model/admin-level.js';

/** A plan's level (see documentLevel). */
export function planLevel(doc: Pick<PlanDocument, 'issuer' | 'region'> & { title?: string | null }): AdminLevel | null {
  return documentLevel(doc.region, doc.title ?? '', doc.issuer).level;
}

// Sorts after every real year.
const NO_YEAR = 1e9;

const RANK: Record<AdminLevel, number> = { national: 0, province: 1, city: 2, county: 3 };

/** Orders plans from the top level down (unknown level last), then by period start and end (none last). */
export function compareByLevelAndPeriod(
  a: { level: AdminLevel | null; period: { start: number; end: number } | null },
  b: { level: AdminLevel | null; period: { start: number; end: number } | null },
): number {
  const rank = (x: typeof a) => (x.level === null ? 4 : RANK[x.level]);
  const start = (x: typeof a) => x.period?.start ?? NO_YEAR;
  const end = (x: typeof a) => x.period?.end ?? NO_YEAR;
  return rank(a) - rank(b) || start(a) - start(b) || end(a) - end(b);
}
