import { describe, expect, it } from 'vitest';
import { findPersonalData, protectPrivacy } from '../src/stages/privacy.js';
import { identityText } from '../src/text/mapped-text.js';
import type { StageDiagnostic } from '../src/model/stages.js';

const kinds = (text: string) => findPersonalData(text).map((p) => [p.kind, text.slice(...p.range)]);

describe('findPersonalData', () => {
  it('finds a contact person, a mobile number and an e-mail address in a contact block', () => {
    // Wording as in 004's contact block, with another name, number and address.
    expect(kinds('（联系人：王小明，联系电话：13912345678，电子邮箱wxm_2020@example.com.cn）')).toEqual([
      ['contact-person', '王小明'],
      ['mobile', '13912345678'],
      ['email', 'wxm_2020@example.com.cn'],
    ]);
  });
  it('reads other layouts: 联系人: with an ASCII colon and a title, +86 and spaced numbers', () => {
    expect(kinds('联系人:李娜同志 手机 +86 138 0013 8000')).toEqual([
      ['contact-person', '李娜'],
      ['mobile', '+86 138 0013 8000'],
    ]);
  });
  it('leaves office landlines, long digit runs, decimals and years alone', () => {
    expect(kinds('办公电话：0477-8581234，编号320106198001011234，比例13.5812345678，2017年')).toEqual([]);
  });
  it('stays linear on adversarial input (a long run of e-mail characters without a domain)', () => {
    const text = 'a'.repeat(200_000) + '@' + 'b'.repeat(200_000);
    const start = performance.now();
    expect(findPersonalData(text)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('protectPrivacy', () => {
  it('reports each item without the data itself, and redacts when asked', () => {
    const text = identityText('请联系（联系人：赵六，电话13512345678）。');
    const reported: StageDiagnostic[] = [];
    const ctx = { file: 'x', report: (d: StageDiagnostic) => void reported.push(d) };
    const kept = protectPrivacy(text, false, ctx);
    expect(kept.text.text).toBe(text.text);
    expect(reported.map((d) => d.code)).toEqual(['PLN702', 'PLN702']);
    expect(reported.every((d) => !d.message.includes('赵六') && !d.message.includes('13512345678'))).toBe(true);
    const redacted = protectPrivacy(text, true, ctx);
    expect(redacted.text.text).toBe('请联系（联系人：[联系人]，电话[手机号码]）。');
    expect(JSON.stringify(redacted.fixes)).not.toMatch(/赵六|13512345678/);
    // The placeholder points at the redacted characters in the source.
    expect(redacted.text.origin[redacted.text.text.indexOf('[手机号码]')]).toBe(text.text.indexOf('135'));
  });
});

// Each form the reliability campaign found unrecognised, in wordings of other provinces' notices.
describe('findPersonalData: the forms a contact block takes', () => {
  it('the name after 负责人： and 经办人：', () => {
    expect(kinds('项目负责人：陈建国，办公电话：020-83841234')).toEqual([['contact-person', '陈建国']]);
    expect(kinds('经办人:刘芳')).toEqual([['contact-person', '刘芳']]);
  });
  it('a name followed by a bracket (full-width or ASCII)', () => {
    expect(kinds('联系人：周敏（医政医管处）')).toEqual([['contact-person', '周敏']]);
    expect(kinds('联系人：欧阳志远(疾控科)')).toEqual([['contact-person', '欧阳志远']]);
  });
  it('every name of a list joined by 、 or 和', () => {
    expect(kinds('联系人：孙丽、郑伟，电话：0871-67195123')).toEqual([['contact-person', '孙丽'], ['contact-person', '郑伟']]);
    expect(kinds('联系人：马超同志和黄蓉同志')).toEqual([['contact-person', '马超'], ['contact-person', '黄蓉']]);
  });
  it('a name after 联系人 without a colon, when a phone or honorific follows', () => {
    expect(kinds('联系人吴强，联系电话0591-87654321')).toEqual([['contact-person', '吴强']]);
    expect(kinds('联系人 何静 手机13700001111')).toEqual([['contact-person', '何静'], ['mobile', '13700001111']]);
  });
  it('but not ordinary prose about contact persons or heads', () => {
    expect(kinds('建立联系人制度，落实主要负责人第一责任，党政负责人亲自抓。')).toEqual([]);
  });
  it('an e-mail address with a full-width ＠', () => {
    expect(kinds('邮箱：hnwjw_yzc＠163.com')).toEqual([['email', 'hnwjw_yzc＠163.com']]);
  });
  it('a mobile number in groups of 3-4-4, by spaces, hyphens or full-width digits', () => {
    expect(kinds('手机：186 0731 2345；备用：186-0731-2346；')).toEqual([['mobile', '186 0731 2345'], ['mobile', '186-0731-2346']]);
    expect(kinds('手机：１５９８８８８７７７７')).toEqual([['mobile', '１５９８８８８７７７７']]);
  });
});
