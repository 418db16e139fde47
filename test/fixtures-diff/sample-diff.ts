/** A small DiffResult with every verdict, for the report tests (content written for the tests). */
import { diffResults } from '../../src/diff/diff.js';
import type { DiffResult } from '../../src/diff/model.js';
import { doc, measure, responsibility, result, target } from './build.js';

/** 某区 vs 某市 TB plans: targets same/stricter/looser/changed/added/dropped, measures same/edited/added/dropped. */
export function sampleDiff(): DiffResult {
  const child = result('child.txt', [
    doc('d2', '鹰潭市余江区“十四五”结核病防治规划 <b>', {
      targets: [
        target('报告肺结核患者和疑似患者总体到位率', 'gte', 95, { line: 20 }),
        target('肺结核患者成功治疗率', 'gte', 92, { line: 21 }),
        target('耐多药高危人群耐药筛查率', 'gte', 85, { line: 22 }),
        target('学校结核病疫情处置', 'qualitative', null, { unit: null, text: '学校结核病聚集性疫情得到有效处置', line: 23 }),
        target('=HYPERLINK("x")', 'gte', 60, { line: 24 }),
      ],
      measures: [
        measure('m1', '加强学校防控', '区教育局和区卫生健康委每学期开展一次学校结核病防控督导。', { responsibilityIds: ['r1'], line: 40 }),
        measure('m2', '保障抗结核药品供应', '区市场监管局加强抗结核药品质量抽检。', { line: 45 }),
        measure('m3', '推进信息化', '建立区级结核病患者管理信息平台，实现数据共享。', { line: 50 }),
      ],
      responsibilities: [responsibility('r1', 'm1', ['区教育局'], ['区卫生健康委'])],
    }),
  ]);
  const parent = result('parent.txt', [
    doc('d3', '鹰潭市“十四五”结核病防治规划', {
      targets: [
        target('报告肺结核患者和疑似患者总体到位率', 'gte', 95, { line: 30 }),
        target('肺结核患者成功治疗率', 'gte', 90, { line: 31 }),
        target('耐多药高危人群耐药筛查率', 'gte', 90, { line: 32 }),
        target('学校结核病疫情处置', 'gte', 100, { line: 33 }),
        target('公众结核病防治核心知识知晓率', 'gte', 85, { line: 34 }),
      ],
      measures: [
        measure('m1', '加强学校防控', '市教育局和市卫生健康委每年开展一次学校结核病防控督导。', { responsibilityIds: ['r1'], line: 60 }),
        measure('m2', '保障抗结核药品供应', '区市场监管局加强抗结核药品质量抽检。', { line: 65 }),
        measure('m3', '开展耐药监测', '在定点医院开展耐药结核病监测与分子诊断，提高检出能力和准确性。', { line: 70 }),
      ],
      responsibilities: [responsibility('r1', 'm1', ['市教育局'], ['市卫生健康委', '市财政局'])],
    }),
  ]);
  return diffResults(child, parent);
}
