import type { OverallReportContent, ProjectReportContent } from '../schema';

/** A narrative text field of a report: its path (where the editor points), its place in Chinese, its text. */
export interface NarrativeField {
  path: string;
  place: string;
  text: string;
}

const nth = (i: number) => `第 ${i + 1} `;

/** The 部门整体 report's narrative: every free text a clerk writes figures into, in reading order. */
export function overallNarrative(c: OverallReportContent): NarrativeField[] {
  return [
    ...c.basicInfo.functions.map((text, i) => ({
      path: `basicInfo.functions.${i}`,
      place: `部门职能${nth(i)}段`,
      text,
    })),
    { path: 'basicInfo.staffing.changeReason', place: '人员变动情况及原因', text: c.basicInfo.staffing.changeReason },
    ...c.goals.items.map((g, i) => ({ path: `goals.items.${i}.text`, place: `绩效目标${nth(i)}项`, text: g.text })),
    { path: 'selfEvaluation.organization', place: '自评的组织工作', text: c.selfEvaluation.organization },
    { path: 'selfEvaluation.methodAndProcess', place: '自评的方法和过程', text: c.selfEvaluation.methodAndProcess },
    { path: 'results.overall', place: '总体绩效目标实现情况', text: c.results.overall },
    ...c.results.items.flatMap((r, i) => [
      { path: `results.items.${i}.text`, place: `分项绩效目标实现情况${nth(i)}项`, text: r.text },
      { path: `results.items.${i}.explanation`, place: `分项绩效目标实现情况${nth(i)}项的说明`, text: r.explanation },
    ]),
    { path: 'conclusion.basis', place: '评价结论', text: c.conclusion.basis },
    { path: 'problems.problems', place: '存在的问题', text: c.problems.problems },
    { path: 'problems.measures', place: '改进措施', text: c.problems.measures },
    {
      path: 'scoreTable.funding.deviationNote',
      place: '绩效自评表预算执行偏差原因',
      text: c.scoreTable.funding.deviationNote,
    },
  ].filter((f) => f.text.trim() !== '');
}

/** The 项目支出绩效自评表's narrative: its 年度总体目标 rows, the 总分's basis and the funding's deviation note. */
export function projectNarrative(c: ProjectReportContent): NarrativeField[] {
  return [
    ...c.objectives.items.flatMap((o, i) => [
      { path: `objectives.items.${i}.expected`, place: `年度总体目标${nth(i)}项的预期目标`, text: o.expected },
      { path: `objectives.items.${i}.actual`, place: `年度总体目标${nth(i)}项的实际完成情况`, text: o.actual },
    ]),
    { path: 'conclusion.basis', place: '评价结论', text: c.conclusion.basis },
    {
      path: 'scoreTable.funding.deviationNote',
      place: '项目资金执行偏差原因',
      text: c.scoreTable.funding.deviationNote,
    },
  ].filter((f) => f.text.trim() !== '');
}
