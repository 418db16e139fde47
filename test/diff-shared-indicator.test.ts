/**
 * Targets that share an indicator (the values of one `分别` sentence, one indicator due in several
 * years) are aligned value with value, never crosswise; identical sentences give `same`. Plans
 * written for the test: three indicators with two values each, the parent's list in another order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { alignTargets } from '../src/diff/align-targets.js';
import { diffResults } from '../src/diff/diff.js';
import { normaliseForMatch } from '../src/diff/similarity.js';
import { extract } from '../src/index.js';
import type { Target } from '../src/model/schemas.js';
import { alignMeasures } from '../src/diff/align-measures.js';
import { doc, measure, target } from './fixtures-diff/build.js';

const BEDS = '到2025年，城市和农村每千人口医疗卫生机构床位数分别达到7张、5张。';
const DELIVERY = '城市和农村孕产妇住院分娩率分别不低于99%、97%。';
const FLU = '重点人群流感疫苗接种率2022年达到40%，2025年达到60%。';

/** The six targets of the three sentences, as the extractor reads them (same indicator for both values). */
function plan(text: { beds: string; delivery: string; flu: string }, values: number[], line: number): Target[] {
  return [
    target('城市和农村每千人口医疗卫生机构床位数', 'gte', values[0], { unit: '张', text: text.beds, line, column: 30 }),
    target('城市和农村每千人口医疗卫生机构床位数', 'gte', values[1], { unit: '张', text: text.beds, line, column: 33 }),
    target('城市和农村孕产妇住院分娩率', 'gte', values[2], { text: text.delivery, line: line + 1, column: 20 }),
    target('城市和农村孕产妇住院分娩率', 'gte', values[3], { text: text.delivery, line: line + 1, column: 24 }),
    target('重点人群流感疫苗接种率', 'gte', values[4], { text: text.flu, line: line + 2, column: 12, year: 2022 }),
    target('重点人群流感疫苗接种率', 'gte', values[5], { text: text.flu, line: line + 2, column: 26, year: 2025 }),
  ];
}

const SENTENCES = { beds: BEDS, delivery: DELIVERY, flu: FLU };
const rowsOf = (rows: ReturnType<typeof alignTargets>) => rows.map((r) => [r.child?.value ?? null, r.parent?.value ?? null, r.verdict]);

describe('targets sharing an indicator', () => {
  const parentOrders: [string, (t: Target[]) => Target[]][] = [
    ['as written', (t) => t],
    ['reversed', (t) => [...t].reverse()],
    ['values of each sentence swapped', (t) => [t[1], t[0], t[3], t[2], t[5], t[4]]],
  ];

  it.each(parentOrders)('identical sentences are all `same`, whatever the order of the parent list (%s)', (_name, order) => {
    const child = plan(SENTENCES, [7, 5, 99, 97, 40, 60], 10);
    const parent = order(plan(SENTENCES, [7, 5, 99, 97, 40, 60], 50));
    const rows = alignTargets(child, parent);
    expect(rowsOf(rows)).toEqual([
      [7, 7, 'same'],
      [5, 5, 'same'],
      [99, 99, 'same'],
      [97, 97, 'same'],
      [40, 40, 'same'],
      [60, 60, 'same'],
    ]);
  });

  it.each(parentOrders)('reworded sentences pair the k-th value with the k-th, by year first (%s)', (_name, order) => {
    // The child raises the first value of each sentence; a crosswise pairing would show a false
    // looser/stricter pair instead of one stricter and one same.
    const child = plan(
      { beds: BEDS.replace('7张', '7.5张'), delivery: DELIVERY.replace('99%', '99.5%'), flu: FLU.replace('40%', '45%') },
      [7.5, 5, 99.5, 97, 45, 60],
      10,
    );
    const parent = order(plan(SENTENCES, [7, 5, 99, 97, 40, 60], 50));
    expect(rowsOf(alignTargets(child, parent))).toEqual([
      [7.5, 7, 'stricter'],
      [5, 5, 'same'],
      [99.5, 99, 'stricter'],
      [97, 97, 'same'],
      [45, 40, 'stricter'],
      [60, 60, 'same'],
    ]);
  });
});

describe('the district and municipal 十三五 TB and HIV plans (fixtures 000, 003)', () => {
  const read = (file: string) => extract(readFileSync(file), file);
  const diff = diffResults(read('fixtures/000_a55dad31d5b2c431.txt'), read('fixtures/003_dda57fd9192b6255.txt'));

  it('targets with identical sentences are `same`: the 分别达到70%、90% values pair 70 with 70, 90 with 90', () => {
    const identical = diff.pairs.flatMap((p) => p.targets).filter((t) => t.child && t.parent && t.child.text === t.parent.text);
    expect(identical.filter((t) => t.verdict !== 'same')).toEqual([]);
    // The district HIV plan copies all 15 municipal targets (000 lines 123–131 and 190, 003 lines 5–23).
    const hiv = diff.pairs.find((p) => p.child.title.includes('艾滋病'))!;
    expect(hiv.targets.map((t) => t.verdict)).toEqual(Array(15).fill('same'));
    const shared = identical.filter((t) => t.indicator === '性病诊疗机构主动提供艾滋病、梅毒咨询检测服务的比例');
    expect(shared.map((t) => [t.child!.value, t.parent!.value])).toEqual([
      [70, 70],
      [90, 90],
    ]);
  });

  it('no measure is listed both as added and as dropped (部门协同，减少注射吸毒传播 keeps its name in both)', () => {
    for (const pair of diff.pairs) {
      const added = pair.measures.filter((m) => m.verdict === 'added').map((m) => normaliseForMatch(m.title));
      const dropped = pair.measures.filter((m) => m.verdict === 'dropped').map((m) => normaliseForMatch(m.title));
      expect(added.filter((t) => dropped.includes(t)), pair.child.title).toEqual([]);
    }
    const hiv = diff.pairs.find((p) => p.child.title.includes('艾滋病'))!;
    expect(hiv.measures.find((m) => m.title === '部门协同，减少注射吸毒传播')?.verdict).toBe('edited');
  });
});

describe('a measure appears once', () => {
  it('a measure moved to another chapter and rewritten keeps its row by its title', () => {
    const child = doc('d1', '某县健康规划', {
      measures: [
        measure('m1', '完善分级诊疗制度', '县医院牵头组建医疗共同体，乡镇卫生院承担常见病诊治。', { line: 10 }),
        measure('m2', '强化家庭医生签约服务', '每个村卫生室至少配备一名签约医生，重点人群签约率逐年提高。', { line: 80 }),
      ],
    });
    const parent = doc('d2', '某市健康规划', {
      measures: [
        measure('m1', '强化家庭医生签约服务', '以慢性病患者、老年人、孕产妇为重点，推进个性化签约。', { line: 12 }),
        measure('m2', '推进分级诊疗', '建立双向转诊通道，完善上下联动的协作机制。', { line: 40 }),
      ],
    });
    const rows = alignMeasures(child, parent).map((m) => [m.child?.id ?? null, m.parent?.id ?? null, m.verdict]);
    expect(rows).toEqual([
      ['m1', null, 'added'],
      ['m2', 'm1', 'edited'],
      [null, 'm2', 'dropped'],
    ]);
  });

  it('a short generic title alone does not pair two different measures', () => {
    const child = doc('d1', '某县规划', { measures: [measure('m1', '其他', '建立健全考核评估制度。')] });
    const parent = doc('d2', '某市规划', { measures: [measure('m1', '其他', '加大财政投入力度，保障经费。')] });
    expect(alignMeasures(child, parent).map((m) => m.verdict)).toEqual(['added', 'dropped']);
  });
});
