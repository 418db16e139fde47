import { describe, expect, it } from 'vitest';
import { extractMeasures, isMeasuresTitle } from '../src/stages/measures.js';
import type { DocumentPart, StageContext } from '../src/model/stages.js';
import { identityText } from '../src/text/mapped-text.js';
import { buildTree } from './helpers/section-tree.js';

function doc(text: string): DocumentPart {
  return { kind: 'plan', text: identityText(text), title: '', titleRange: [0, 0], titleTruncated: false };
}

const ctx: StageContext = { file: 'test.txt', report: () => undefined };

describe('isMeasuresTitle', () => {
  it('accepts measures and tasks chapters, also in wordings not in the samples', () => {
    for (const t of ['防治措施', '策略与措施', '重点任务', '主要任务', '行动措施', '具体措施', '工作措施', '保障措施', '主要举措', '重点工作', '实施专项行动', '主要目标和重点任务']) {
      expect(isMeasuresTitle(t), t).toBe(true);
    }
  });
  it('rejects goals, background and evaluation chapters', () => {
    for (const t of ['行动目标', '目标任务', '工作目标', '防治现状', '总体要求', '督导与评估', '实施步骤', '明确职责']) {
      expect(isMeasuresTitle(t), t).toBe(false);
    }
  });
});

describe('extractMeasures', () => {
  const text = [
    '一、防治现状',
    '现状。',
    '二、主要任务',
    '（一）完善服务体系。',
    '1．健全服务网络。建设区域中心。（区卫健委负责）',
    '2．加强队伍建设。配齐人员。',
    '（二）强化宣传教育。开展宣传周活动。',
    '专栏1 重点项目',
    '项目清单。',
    '（三）推进信息化。总的要求是互联互通。',
    '1．建设平台。建成全民健康信息平台。',
    '三、督导评估',
    '1．开展评估。每年一次。',
  ].join('\n');
  const tree = buildTree(text, [
    { level: 1, marker: '一、', title: '防治现状' },
    {
      level: 1,
      marker: '二、',
      title: '主要任务',
      children: [
        { level: 2, marker: '（一）', title: '完善服务体系', children: [
          { level: 3, marker: '1．', title: '健全服务网络' },
          { level: 3, marker: '2．', title: '加强队伍建设' },
        ] },
        { level: 2, marker: '（二）', title: '强化宣传教育', children: [{ level: 0, marker: '专栏1', title: ' 重点项目' }] },
        { level: 2, marker: '（三）', title: '推进信息化', children: [{ level: 3, marker: '1．', title: '建设平台' }] },
      ],
    },
    { level: 1, marker: '三、', title: '督导评估', children: [{ level: 3, marker: '1．', title: '开展评估' }] },
  ]);
  const measures = extractMeasures(doc(text), tree, ctx);

  it('takes the deepest numbered items under the measures chapter, with their parent as section', () => {
    expect(measures.map((m) => m.title)).toEqual(['健全服务网络', '加强队伍建设', '强化宣传教育', '推进信息化', '建设平台']);
    expect(measures.map((m) => m.section.title)).toEqual(['完善服务体系', '完善服务体系', '主要任务', '主要任务', '推进信息化']);
  });

  it('gives the full item text after the marker and a range covering the item', () => {
    expect(measures[0].text).toBe('健全服务网络。建设区域中心。（区卫健委负责）');
    expect(text.slice(...measures[0].range)).toBe('1．健全服务网络。建设区域中心。（区卫健委负责）');
  });

  it('leaves 专栏 boxes out: an item whose only child is a box is itself a measure', () => {
    expect(measures[2].text).toBe('强化宣传教育。开展宣传周活动。');
  });

  it('keeps a parent with its own text as a measure that ends where its first child starts', () => {
    expect(text.slice(...measures[3].range)).toBe('（三）推进信息化。总的要求是互联互通。');
    for (let k = 1; k < measures.length; k++) expect(measures[k].range[0]).toBeGreaterThanOrEqual(measures[k - 1].range[1]);
  });

  it('returns nothing for an empty tree or a tree without a measures chapter', () => {
    expect(extractMeasures(doc(text), { sections: [], preambleRange: [0, text.length] }, ctx)).toEqual([]);
    expect(extractMeasures(doc('一、背景\n内容'), buildTree('一、背景\n内容', [{ level: 1, marker: '一、', title: '背景' }]), ctx)).toEqual([]);
  });

  it('handles a deep chain and many items quickly', () => {
    const items = Array.from({ length: 20_000 }, (_, k) => `${k + 1}．措施${k + 1}。内容。`);
    const big = ['一、重点任务', ...items].join('\n');
    const bigTree = buildTree(big, [{ level: 1, marker: '一、', title: '重点任务', children: items.map((_, k) => ({ level: 3, marker: `${k + 1}．`, title: `措施${k + 1}` })) }]);
    const t0 = Date.now();
    expect(extractMeasures(doc(big), bigTree, ctx)).toHaveLength(20_000);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
