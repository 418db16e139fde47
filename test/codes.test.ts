/**
 * The diagnostics catalogue: every code is listed in the README, and every code has an input here
 * that triggers it (the stage tests check the finer behaviour).
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { CODES, type DiagnosticCode } from '../src/diagnostics/codes.js';
import { extract, InputError } from '../src/pipeline.js';
import { processInput } from '../src/cli/run-inputs.js';
import { validate } from '../src/stages/validate.js';
import { extractAsync } from '../src/pipeline.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The codes an input gives: its diagnostics, or the code of the InputError that refused it. */
function codesOf(bytes: Uint8Array, path = 'x.txt', options = {}): DiagnosticCode[] {
  try {
    return extract(bytes, path, options).diagnostics.map((d) => d.code as DiagnosticCode);
  } catch (error) {
    if (error instanceof InputError) return [error.code];
    throw error;
  }
}

/** The same for inputs of any format (PDF and Word too), through the async entry. */
async function asyncCodesOf(bytes: Uint8Array, path: string, options = {}): Promise<DiagnosticCode[]> {
  try {
    return (await extractAsync(bytes, path, options)).diagnostics.map((d) => d.code as DiagnosticCode);
  } catch (error) {
    if (error instanceof InputError) return [error.code];
    throw error;
  }
}

// A small plan of our own (another county, another topic) that later cases vary.
const PLAN = [
  '某某县高血压防治工作方案',
  '县卫生健康局',
  '为加强高血压防治工作，制定本方案。',
  '一、工作目标',
  '到2025年，高血压患者规范管理率达到70%以上。',
  '二、主要措施',
  '（一）加强筛查。开展35岁以上人群首诊测血压（县卫生健康局负责）。',
  '（二）规范管理。基层医疗卫生机构做好随访服务。',
  '三、保障措施',
  '（一）加强领导。各乡镇要高度重视。',
].join('\n');

const TRIGGERS: Record<DiagnosticCode, () => DiagnosticCode[] | Promise<DiagnosticCode[]>> = {
  PLN001: async () => {
    const outcome = await processInput({ display: 'gone.txt', absolute: '/nonexistent/gone.txt', relative: 'gone.txt' }, { maxBytes: 1e6 });
    return 'code' in outcome ? [outcome.code] : [];
  },
  PLN002: () => codesOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
  PLN003: () => codesOf(utf8(' \n\t\n')),
  PLN004: () => codesOf(utf8(PLAN), 'x.txt', { encoding: 'utf-16be' }),
  PLN005: () => codesOf(Buffer.concat([utf8(PLAN.slice(0, 40)), Buffer.from([0xff]), utf8(PLAN.slice(40))])),
  PLN006: () => codesOf(utf8(`<html><body>${PLAN.split('\n').map((l) => `${l}<br>`).join('')}</body></html>`), 'x.html'),
  PLN007: async () => {
    const outcome = await processInput({ display: 'f', absolute: 'fixtures/004_52bb338bf9d79d54.txt', relative: 'f' }, { maxBytes: 10 });
    return 'code' in outcome ? [outcome.code] : [];
  },
  PLN008: () => codesOf(utf8(`<html><head><meta charset="gbk"></head><body><article><p>${PLAN.replace(/\n/g, '</p><p>')}</p></article></body></html>`), 'x.html'),
  PLN009: () => asyncCodesOf(utf8('not a zip'), 'x.docx'),
  PLN010: () => asyncCodesOf(readFileSync('test/fixtures-read/encrypted.pdf'), 'x.pdf'),
  PLN011: () => asyncCodesOf(readFileSync('test/fixtures-read/scanned.pdf'), 'x.pdf'),
  PLN012: () => asyncCodesOf(readFileSync('fixtures/formats/numbered-table-plan.pdf'), 'x.pdf', { maxPages: 0 }),
  PLN013: () => asyncCodesOf(readFileSync('fixtures/formats/numbered-table-plan.docx'), 'x.docx', { maxBytes: 1000 }),
  PLN101: () => codesOf(utf8(PLAN.replace('基层医疗卫生机构', '基層醫療衛生機構'))),
  PLN201: () => {
    const passage = '（二）规范管理。基层医疗卫生机构做好随访服务，每年至少面对面随访四次。县疾控中心每季度开展一次质量控制，并通报结果。';
    return codesOf(utf8(PLAN + '\n' + passage + passage.slice(0, 30) + passage + '\n'));
  },
  PLN301: () => codesOf(utf8(' 工作方案\n为加强高血压防治，制定本方案。\n一、工作目标\n到2025年，规范管理率达到70%以上。\n二、工作要求\n各乡镇要严格按照《某某县创建高血压防治示范区工作方案》要求推进。')),
  PLN302: () => codesOf(utf8('这是一段没有标题的文字，说明各项工作的进展情况。\n另一段文字。')),
  PLN401: () => codesOf(utf8(PLAN.replace('三、保障措施', '四、保障措施'))),
  PLN402: () => codesOf(utf8(PLAN.replace('三、保障措施', '二、保障措施'))),
  PLN403: () => codesOf(utf8(PLAN.replace('（一）加强领导。', '（1）加强领导。'))),
  PLN404: () =>
    codesOf(utf8(PLAN.replace('（二）规范管理。基层医疗卫生机构做好随访服务。', '（2）规范管理。基层医疗卫生机构做好随访服务。\n（三）强化宣传。开展健康教育。'))),
  PLN405: () => codesOf(utf8(PLAN + '\n' + '（一）加强筛查。\n'.repeat(5001))),
  PLN501: () => codesOf(utf8(PLAN.replace('到2025年，高血压患者规范管理率达到70%以上。', '到2025年，高血压患者规范管理率达到省定标准。'))),
  PLN503: () => codesOf(utf8(PLAN.replace('三、保障措施', '三、保障措施\n到2025年，高血压患者规范管理率达到70%以上。'))),
  PLN504: () => codesOf(utf8(PLAN.replace('高血压防治工作方案', '高血压防治工作方案（2021—2025年）').replace('到2025年，', '到2035年，'))),
  PLN502: () => codesOf(utf8(PLAN.replace('一、工作目标\n', '一、工作目标\n主要指标\t基线\t2020年\t2025年\n高血压患者规范管理率（%）\t50\t60\t70\n高血压知晓率（%）\t40\t55\n'))),
  PLN601: () => codesOf(utf8(PLAN.replace('（县卫生健康局负责）', '（县星空观测站负责）'))),
  PLN701: () => {
    const result = extract(utf8(PLAN), 'x.txt');
    const broken = { ...result, documents: [{ ...result.documents[0], date: '21 March' }] };
    return validate(broken, 'x.txt').diagnostics.map((d) => d.code as DiagnosticCode);
  },
  PLN702: () => codesOf(utf8(PLAN + '\n联系人：周敏，联系电话：13600001111。')),
  PLN703: async () => {
    vi.resetModules();
    vi.doMock('../src/stages/segment.js', () => ({
      segment: () => {
        throw new Error('boom');
      },
    }));
    const { processInput: isolated } = await import('../src/cli/run-inputs.js');
    const outcome = await isolated({ display: 'f', absolute: 'fixtures/004_52bb338bf9d79d54.txt', relative: 'f' }, { maxBytes: 1e6 });
    vi.doUnmock('../src/stages/segment.js');
    vi.resetModules();
    return 'code' in outcome ? [outcome.code] : [];
  },
};

describe('every diagnostic code', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const [code, info] of Object.entries(CODES) as [DiagnosticCode, (typeof CODES)[DiagnosticCode]][]) {
    it(`${code} ${info.alias} is listed in the README and triggered by its input`, async () => {
      expect(readme).toMatch(new RegExp(`\\| ${code} \\| \`${info.alias}\` \\| ${info.severity} \\|`));
      expect(await TRIGGERS[code]()).toContain(code);
    });
  }
});
