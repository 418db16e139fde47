import { describe, expect, it } from 'vitest';
import { orderByHeadings } from '../src/stages/split/heading-order.js';
import { identityText } from '../src/text/mapped-text.js';

/** Heading markers at line starts, in text order. */
const markers = (text: string) => text.split('\n').map((l) => /^([一二三四五六七八九十]、|（[一二三四五六七八九十]）|\d{1,2}．)/.exec(l)?.[1]).filter(Boolean);

describe('orderByHeadings', () => {
  it('restores the numbering order of a scrambled plan, keeping unnumbered text with its heading', () => {
    const text = [
      '某市高血压防治方案',
      '一、目标。高血压知晓率稳步提高。',
      '二、措施（一）规范高血压筛查。',
      '2．开展社区筛查。社区每年筛查一次。',
      '（二）加强高血压随访。1．建立随访台账。随访覆盖全部患者。',
      '1．推行首诊测血压。门诊首诊必测。',
      '三、保障。各区落实经费。',
    ].join('\n');
    const out = orderByHeadings(identityText(text), text.indexOf('\n') + 1);
    expect(markers(out.text)).toEqual(['一、', '二、', '（一）', '1．', '2．', '（二）', '1．', '三、']);
    // Every character but the inserted line breaks keeps its origin; nothing is lost.
    expect(out.text.replace(/\n/g, '').length).toBe(text.replace(/\n/g, '').length);
    for (let i = 0; i < out.text.length; i++) if (out.text[i] !== '\n') expect(text[out.origin[i]]).toBe(out.text[i]);
    expect(out.text).toContain('1．推行首诊测血压。门诊首诊必测。');
  });

  it('moves a repeated item number to the heading whose title it echoes', () => {
    const text = [
      '某县免疫规划工作计划',
      '一、任务',
      '（一）提高疫苗接种率。',
      '1．开展查漏补种。',
      '（二）加强冷链管理。',
      '1．更新冷链设备。',
      '2．规范冷链温度监测。',
      '2．强化疫苗接种门诊建设。',
    ].join('\n');
    const out = orderByHeadings(identityText(text), text.indexOf('\n') + 1);
    const lines = out.text.split('\n').filter((l) => l !== '');
    expect(lines.indexOf('2．强化疫苗接种门诊建设。')).toBe(lines.indexOf('1．开展查漏补种。') + 1);
    expect(lines.slice(-3)).toEqual(['（二）加强冷链管理。', '1．更新冷链设备。', '2．规范冷链温度监测。']);
  });

  it('leaves text without headings alone and stays linear on odd input', () => {
    const plain = identityText('各单位要加强管理。落实责任。');
    expect(orderByHeadings(plain, 0)).toBe(plain);
    const many = '（一）'.repeat(50_000) + '\n1．'.repeat(50_000);
    const started = Date.now();
    expect(orderByHeadings(identityText(many), 0).text.replace(/\n/g, '')).toBe(many.replace(/\n/g, ''));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
