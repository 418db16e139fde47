/** The administrative region a document governs: 天津市蓟州区, 连云港市, 内蒙古自治区, 东胜区. */

const HAN = '[\\u3400-\\u9fff]';
/** An autonomous unit: a long stem (宁夏回族, 克孜勒苏柯尔克孜) before 自治区/州/县/旗. */
const AUTONOMOUS_UNIT = new RegExp(`${HAN}{2,12}?(?:自治区|自治州|自治县|自治旗)`, 'y');
/** An ordinary unit: a 2–5 character stem (鄂尔多斯, 乌鲁木齐) before its level. */
const ORDINARY_UNIT = new RegExp(`${HAN}{2,5}?(?:地区|省|市|州|盟|县|区|旗)`, 'y');
/** A county with a one-character stem (沛县, 易县). */
const SHORT_COUNTY = new RegExp(`${HAN}县`, 'y');

/**
 * Words ending like a region that name a kind of area, not a region (社区, 城区, 示范区,
 * 开发区, 城市, 联盟); a unit ending in one of them ends the chain before it.
 */
const GENERIC_AREAS = ['社区', '城区', '市区', '辖区', '园区', '景区', '矿区', '牧区', '林区', '山区', '库区', '片区', '街区', '校区', '病区', '示范区', '试验区', '开发区', '功能区', '保护区', '城市', '都市', '联盟', '全省', '全市', '全区', '全县'];
/** Pieces that never occur inside a region's name but do in titles around it. */
const NOT_IN_NAMES = ['人民政府', '政府', '关于', '印发', '转发', '办公', '的'];
/** Words after which a region may start inside a title (`…关于印发天津市…`). */
const LEAD_INS = ['关于', '印发', '转发', '中共', '贯彻'];

/** Whether a region chain may start at `at` in `title`: its start, after a non-Han character, or after a lead-in. */
function mayStart(title: string, at: number): boolean {
  if (at === 0 || !/[\u3400-\u9fff]/.test(title[at - 1])) return true;
  return LEAD_INS.some((word) => title.endsWith(word, at));
}

/** The next unit at `at`, or null. */
function unitAt(title: string, at: number): string | null {
  for (const pattern of [AUTONOMOUS_UNIT, ORDINARY_UNIT, SHORT_COUNTY]) {
    pattern.lastIndex = at;
    const m = pattern.exec(title);
    if (!m) continue;
    const unit = m[0];
    if (GENERIC_AREAS.some((word) => unit.endsWith(word))) continue;
    if (NOT_IN_NAMES.some((word) => unit.includes(word))) continue;
    return unit;
  }
  return null;
}

/**
 * The longest chain of administrative units (省, 自治区, 市, 州, 盟, 地区, 县, 区, 旗, written one
 * after the other: 天津市蓟州区, 江苏省连云港市) that starts at the beginning of `title`, after a
 * non-Han character or after 关于/印发/转发; null when there is none (全国…, 国务院…).
 * There is no gazetteer: a unit is a short stem and a level word, which is how region names are
 * formed; generic area words (社区, 示范区) are excluded.
 */
export function regionInTitle(title: string): string | null {
  let best: string | null = null;
  const limit = Math.min(title.length, 400); // titles are short; keep odd input cheap
  for (let at = 0; at < limit; at++) {
    if (!mayStart(title, at)) continue;
    let chain = '';
    let unit: string | null;
    while ((unit = unitAt(title, at + chain.length)) !== null) chain += unit;
    if (chain.length > (best?.length ?? 0)) best = chain;
  }
  return best;
}
