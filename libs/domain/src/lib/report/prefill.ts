import { emptyProjectContent, emptyReportContent, type ProjectIdentity } from './empty-report';
import { yearEndHeadcount } from './figures';
import type { Indicator, OverallReportContent, ProjectReportContent } from './schema';

export interface PrefillNote {
  path: string;
  /** what was carried over, in Chinese, for the editor to show */
  note: string;
}

/** Last year's indicator tree with its weights and targets; what was measured and scored starts empty. */
const indicatorsToMeasureAgain = (indicators: Indicator[]): Indicator[] =>
  indicators.map((ind) => ({ ...ind, actual: '', score: null, deviationNote: '', evidence: '' }));

/**
 * A new draft from the same department's approved report of the previous year: what rarely
 * changes is carried over (functions, org units, team, policy basis, the indicator tree with its
 * weights), and last year's year-end figures become this year's "previous year" figures.
 * Values that must be measured anew (amounts, scores, results) start empty.
 */
export function prefillFromPreviousYear(
  previous: { fiscalYear: number; content: OverallReportContent },
  input: Parameters<typeof emptyReportContent>[0],
): { content: OverallReportContent; carriedOver: PrefillNote[] } {
  const last = previous.content;
  const draft = emptyReportContent(input);
  const carriedOver: PrefillNote[] = [];
  const carry = (path: string, note: string) => carriedOver.push({ path, note });
  const from = `${previous.fiscalYear} 年度报告`;

  draft.header = {
    ...last.header,
    // the year's template decides the heading; without one, last year's 附件 label stays
    title: draft.header.title,
    attachmentLabel: input.document ? draft.header.attachmentLabel : last.header.attachmentLabel,
    departmentName: input.departmentName,
  };
  carry('header', `标题以外的依据文件、原则沿用${from}`);
  draft.basicInfo.functions = [...last.basicInfo.functions];
  carry('basicInfo.functions', `部门职能沿用${from}`);
  draft.basicInfo.orgUnits = last.basicInfo.orgUnits.map((u) => ({ ...u }));
  carry('basicInfo.orgUnits', `机构设置沿用${from}`);
  const lastStaff = last.basicInfo.staffing.categories;
  // the categories and their 编制数 carry over; 实有人数 is counted anew
  draft.basicInfo.staffing.categories = lastStaff.map((c) => ({ ...c, actual: null }));
  if (lastStaff.length) carry('basicInfo.staffing.categories', `人员类别和编制数沿用${from}，实有人数需重新填写`);
  const lastHeadcount = yearEndHeadcount(last.basicInfo.staffing);
  draft.basicInfo.staffing.previousHeadcount = lastHeadcount;
  if (lastHeadcount !== null) {
    carry('basicInfo.staffing.previousHeadcount', `上年人数取自${from}的年末实有人数 ${lastHeadcount} 人`);
  }
  draft.basicInfo.assets.valuationBasis = last.basicInfo.assets.valuationBasis;
  draft.basicInfo.assets.previous = last.basicInfo.assets.current ? { ...last.basicInfo.assets.current } : null;
  if (last.basicInfo.assets.current) carry('basicInfo.assets.previous', `上年资产、负债、净资产取自${from}的年末数`);
  draft.selfEvaluation = { ...last.selfEvaluation };
  carry('selfEvaluation', `自评组织和方法沿用${from}，请按今年情况修改`);
  draft.team.members = last.team.members.map((m) => ({ ...m }));
  carry('team.members', `评价工作组沿用${from}，请核对人员变动`);
  draft.scoreTable.funding.weight = last.scoreTable.funding.weight;
  draft.scoreTable.indicators = indicatorsToMeasureAgain(last.scoreTable.indicators);
  if (last.scoreTable.indicators.length)
    carry('scoreTable.indicators', `指标体系与分值沿用${from}，完成值和得分需重新填写`);
  return { content: draft, carriedOver };
}

/**
 * A new 项目支出绩效自评表 from the same project's approved table of the previous year: the project,
 * its goals and its indicator tree carry over; money, results and scores are this year's to fill in.
 */
export function prefillProjectFromPreviousYear(
  previous: { fiscalYear: number; content: ProjectReportContent },
  input: { departmentName: string; project: ProjectIdentity },
): { content: ProjectReportContent; carriedOver: PrefillNote[] } {
  const last = previous.content;
  const from = `${previous.fiscalYear} 年度自评表`;
  const draft = emptyProjectContent({
    departmentName: input.departmentName,
    project: {
      ...input.project,
      supervisingDepartment: input.project.supervisingDepartment || last.projectInfo.supervisingDepartment,
      implementingUnit: input.project.implementingUnit || last.projectInfo.implementingUnit,
    },
  });
  const carriedOver: PrefillNote[] = [{ path: 'projectInfo', note: `主管部门和实施单位沿用${from}` }];
  const goals = last.objectives.items.filter((g) => g.expected.trim());
  if (goals.length) {
    draft.objectives.items = goals.map((g) => ({ expected: g.expected, actual: '' }));
    carriedOver.push({ path: 'objectives.items', note: `预期目标沿用${from}，实际完成情况需重新填写` });
  }
  draft.scoreTable.funding.weight = last.scoreTable.funding.weight;
  draft.scoreTable.indicators = indicatorsToMeasureAgain(last.scoreTable.indicators);
  if (last.scoreTable.indicators.length)
    carriedOver.push({
      path: 'scoreTable.indicators',
      note: `指标体系、指标值与分值沿用${from}，完成值和得分需重新填写`,
    });
  draft.preparers = { ...last.preparers, filledOn: '' };
  carriedOver.push({ path: 'preparers', note: `填报人信息沿用${from}，请核对` });
  return { content: draft, carriedOver };
}
