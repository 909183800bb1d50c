import { emptyReportContent } from './empty-report';
import type { ReportContent } from './schema';

export interface PrefillNote {
  path: string;
  /** what was carried over, in Chinese, for the editor to show */
  note: string;
}

/**
 * A new draft from the same department's approved report of the previous year: what rarely
 * changes is carried over (functions, org units, team, policy basis, the indicator tree with its
 * weights), and last year's year-end figures become this year's "previous year" figures.
 * Values that must be measured anew (amounts, scores, results) start empty.
 */
export function prefillFromPreviousYear(
  previous: { fiscalYear: number; content: ReportContent },
  input: Parameters<typeof emptyReportContent>[0],
): { content: ReportContent; carriedOver: PrefillNote[] } {
  const last = previous.content;
  const draft = emptyReportContent(input);
  const carriedOver: PrefillNote[] = [];
  const carry = (path: string, note: string) => carriedOver.push({ path, note });
  const from = `${previous.fiscalYear} 年度报告`;

  draft.header = {
    ...last.header,
    title: `${input.fiscalYear}年度整体支出绩效自评报告`,
    departmentName: input.departmentName,
  };
  carry('header', `标题以外的依据文件、原则沿用${from}`);
  draft.basicInfo.functions = [...last.basicInfo.functions];
  carry('basicInfo.functions', `部门职能沿用${from}`);
  draft.basicInfo.orgUnits = last.basicInfo.orgUnits.map((u) => ({ ...u }));
  carry('basicInfo.orgUnits', `机构设置沿用${from}`);
  draft.basicInfo.staffing.category = last.basicInfo.staffing.category;
  draft.basicInfo.staffing.previousHeadcount = last.basicInfo.staffing.headcount;
  if (last.basicInfo.staffing.headcount !== null) {
    carry(
      'basicInfo.staffing.previousHeadcount',
      `上年人数取自${from}的年末人数 ${last.basicInfo.staffing.headcount} 人`,
    );
  }
  draft.basicInfo.assets.valuationBasis = last.basicInfo.assets.valuationBasis;
  draft.basicInfo.assets.previous = last.basicInfo.assets.current ? { ...last.basicInfo.assets.current } : null;
  if (last.basicInfo.assets.current) carry('basicInfo.assets.previous', `上年资产、负债、净资产取自${from}的年末数`);
  draft.selfEvaluation = { ...last.selfEvaluation };
  carry('selfEvaluation', `自评组织和方法沿用${from}，请按今年情况修改`);
  draft.team.members = last.team.members.map((m) => ({ ...m }));
  carry('team.members', `评价工作组沿用${from}，请核对人员变动`);
  draft.scoreTable.funding.weight = last.scoreTable.funding.weight;
  draft.scoreTable.indicators = last.scoreTable.indicators.map((ind) => ({
    ...ind,
    actual: '',
    score: null,
    deviationNote: '',
    evidence: '',
  }));
  if (last.scoreTable.indicators.length)
    carry('scoreTable.indicators', `指标体系与分值沿用${from}，完成值和得分需重新填写`);
  return { content: draft, carriedOver };
}
