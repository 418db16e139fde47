import { describe, expect, it } from 'vitest';
import { documentLevel, levelOfPrefix } from '../src/model/admin-level.js';

describe('documentLevel', () => {
  it('reads the level from the region a plan names', () => {
    expect(documentLevel('四川省', '四川省“十四五”卫生健康发展规划', null)).toEqual({ level: 'province', municipal: false });
    expect(documentLevel('广西壮族自治区', '', null).level).toBe('province');
    expect(documentLevel('重庆市', '', null)).toEqual({ level: 'province', municipal: true });
    expect(documentLevel('北京', '', null)).toEqual({ level: 'province', municipal: true });
    expect(documentLevel('成都市', '', null).level).toBe('city');
    expect(documentLevel('恩施土家族苗族自治州', '', null).level).toBe('city');
    expect(documentLevel('锡林郭勒盟', '', null).level).toBe('city');
    expect(documentLevel('长阳土家族自治县', '', null).level).toBe('county');
    expect(documentLevel('宜宾市翠屏区', '', null).level).toBe('county');
    expect(documentLevel('上海市浦东新区', '', null)).toEqual({ level: 'county', municipal: true });
    expect(documentLevel('准格尔旗', '', null).level).toBe('county');
  });

  it('takes a plan without a region for national by its title or issuer, else by its issuer\'s level prefix, else unknown', () => {
    expect(documentLevel(null, '全国精神卫生工作规划（2015—2020年）', null).level).toBe('national');
    expect(documentLevel(null, '健康儿童行动提升计划（2021—2025年）', '国家卫生健康委办公厅').level).toBe('national');
    expect(documentLevel(null, '中国防治慢性病中长期规划（2017—2025年）', null).level).toBe('national');
    expect(documentLevel(null, '关于做好春季传染病防控工作的通知', null).level).toBeNull();
    expect(documentLevel(null, '', '县卫生健康局').level).toBe('county');
    expect(documentLevel(null, '', '市场监管局').level).toBeNull();
  });
});

describe('levelOfPrefix', () => {
  const city = documentLevel('宜昌市', '', null);
  const municipal = documentLevel('天津市河西区', '', null);

  it('gives each prefix its level', () => {
    const cases: [string, string][] = [
      ['国家', 'national'], ['省', 'province'], ['省委', 'province'], ['自治区', 'province'], ['市', 'city'], ['市级', 'city'],
      ['州', 'city'], ['自治州', 'city'], ['区', 'county'], ['县委', 'county'], ['旗', 'county'], ['自治县', 'county'],
    ];
    for (const [prefix, level] of cases) expect(levelOfPrefix(prefix, city), prefix).toBe(level);
  });

  it('reads 市 in a plan of a municipality as the municipality, of provincial rank', () => {
    expect(levelOfPrefix('市', municipal)).toBe('province');
    expect(levelOfPrefix('区', municipal)).toBe('county');
  });

  it('gives a township or no prefix no level', () => {
    expect(levelOfPrefix('镇', city)).toBeNull();
    expect(levelOfPrefix('街道', city)).toBeNull();
    expect(levelOfPrefix('', city)).toBeNull();
  });
});
