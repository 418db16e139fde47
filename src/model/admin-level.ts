/**
 * Administrative levels: of a document (from the region and issuer it names) and of a department
 * (from the level prefix it carries). A `市` is a city, except in a plan of a municipality
 * (北京, 天津, 上海, 重庆), where `市卫健委` is the municipality's, a body of provincial rank.
 */

export type AdminLevel = 'national' | 'province' | 'city' | 'county';

/** What a document says about its own level, for reading the departments it names. */
export interface DocumentLevel {
  level: AdminLevel | null;
  /** The document belongs to a municipality directly under the central government. */
  municipal: boolean;
}

const MUNICIPALITY = /^(?:北京|天津|上海|重庆)(?:市|$)/;
/** Issuers and titles of central documents (全国结核病防治规划, 国务院办公厅, 国家卫生健康委). */
const NATIONAL_TITLE = /^(?:全国|国家|中国|“健康中国)/;
const NATIONAL_ISSUER = /^(?:国务院|国家|中共中央|中央|全国|中华人民共和国)/;
const NATIONAL_REGION = /^(?:全国|中国|中华人民共和国)$/;
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

/** The level of a region name (`四川省`, `天津市`, `锡林郭勒盟`, `天津市蓟州区`), or null when it ends in no administrative unit. */
export function regionLevel(region: string): AdminLevel | null {
  const name = region.replace(/\s+/g, '');
  if (NATIONAL_REGION.test(name)) return 'national';
  // The four municipalities directly under the central government are province-level (their 区 are county-level).
  if (MUNICIPALITY.test(name) && /^.{2}市?$/.test(name)) return 'province';
  for (const [unit, level] of UNIT_LEVEL) if (unit.test(name)) return level;
  return null;
}

/**
 * The level a document says it has: a central issuer (a national plan may name no region), else
 * its region, else — with no region — a central title or an issuer written with its level alone.
 */
export function documentLevel(region: string | null, title: string, issuer: string | null): DocumentLevel {
  const name = region?.replace(/\s+/g, '') ?? '';
  const by = issuer?.replace(/\s+/g, '') ?? '';
  if (NATIONAL_ISSUER.test(by)) return { level: 'national', municipal: false };
  const municipal = MUNICIPALITY.test(name);
  if (name !== '') return { level: regionLevel(name), municipal };
  if (NATIONAL_TITLE.test(title)) return { level: 'national', municipal: false };
  for (const [prefix, level] of ISSUER_LEVEL) if (prefix.test(by)) return { level, municipal: false };
  return { level: null, municipal: false };
}

/** The level a department's prefix says (`国家`, `省`, `市委`, `区`, `县级` …); null for none or a township's. */
export function levelOfPrefix(prefix: string, doc: DocumentLevel): AdminLevel | null {
  if (prefix.startsWith('国家')) return 'national';
  if (prefix.startsWith('自治区') || prefix.startsWith('省')) return 'province';
  if (prefix.startsWith('自治州') || prefix.startsWith('州') || prefix.startsWith('盟')) return 'city';
  if (prefix.startsWith('市')) return doc.municipal ? 'province' : 'city';
  if (/^(?:自治县|自治旗|区|县|旗)/.test(prefix)) return 'county';
  return null;
}
