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
const NATIONAL_ISSUER = /^(?:国务院|国家|中共中央|中央|全国)/;

/** The level a document's region (`天津市蓟州区`, `四川省`, `绵阳市`) or, without one, its title and issuer say. */
export function documentLevel(region: string | null, title: string, issuer: string | null): DocumentLevel {
  if (region === null || region === '') {
    const national = NATIONAL_TITLE.test(title) || (issuer !== null && NATIONAL_ISSUER.test(issuer));
    return { level: national ? 'national' : null, municipal: false };
  }
  const municipal = MUNICIPALITY.test(region);
  if (/(?:省|自治区)$/.test(region) || (municipal && /^.{2}市?$/.test(region))) return { level: 'province', municipal };
  if (/(?:[区县旗]|自治县|自治旗)$/.test(region)) return { level: 'county', municipal };
  if (/[市州盟]$/.test(region)) return { level: 'city', municipal };
  return { level: null, municipal };
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
