/**
 * The administrative level of a plan, read from its region (`天津市蓟州区` → county), else its
 * issuer (`国务院办公厅` → national, `区卫计委` → county), and the order of plans in a series:
 * national, province, city, county, then by period.
 */
import type { PlanDocument } from '../model/schemas.js';
import type { AdminLevel } from './model.js';

// National bodies and names: 国务院, 国家卫生健康委, 中共中央, 全国爱卫会, 中华人民共和国.
const NATIONAL = /^(?:国务院|国家|中共中央|中央|全国|中华人民共和国|中国)/;
// The four municipalities directly under the central government are province-level (their 区 are county-level).
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市$/;
// The last administrative unit of a region; 自治区 before 区, 自治州 before 州. 地区 and 盟 are prefecture-level.
const UNIT_LEVEL: [RegExp, AdminLevel][] = [
  [/(?:省|自治区|特别行政区)$/, 'province'],
  [/(?:自治州|地区|盟|市|州)$/, 'city'],
  [/(?:自治县|自治旗|县|区|旗)$/, 'county'],
];
// An issuer written with its level alone, as plans of one area do: 区卫计委, 县卫生健康局, 市政府, 省卫健委.
const ISSUER_LEVEL: [RegExp, AdminLevel][] = [
  [/^省/, 'province'],
  [/^市(?!场)/, 'city'],
  [/^(?:区|县|旗)/, 'county'],
];

/** The level of a region name, or null when it ends in no administrative unit. */
export function regionLevel(region: string): AdminLevel | null {
  const name = region.replace(/\s+/g, '');
  if (NATIONAL.test(name)) return 'national';
  if (MUNICIPALITY.test(name)) return 'province';
  for (const [unit, level] of UNIT_LEVEL) if (unit.test(name)) return level;
  return null;
}

/** A plan's level: national issuer first (a national plan may name no region), then region, then issuer. */
export function planLevel(doc: Pick<PlanDocument, 'issuer' | 'region'>): AdminLevel | null {
  const issuer = doc.issuer?.replace(/\s+/g, '') ?? '';
  if (NATIONAL.test(issuer)) return 'national';
  const fromRegion = doc.region ? regionLevel(doc.region) : null;
  if (fromRegion) return fromRegion;
  for (const [prefix, level] of ISSUER_LEVEL) if (prefix.test(issuer)) return level;
  return null;
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
