import type { OverallReportContent, ProjectReportContent, ScoreTablePart } from '../schema';
import type { Finding, Rule } from './rule';

const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

type Need = (cond: boolean, path: string, what: string) => void;

function collector(): { findings: Finding[]; need: Need } {
  const findings: Finding[] = [];
  return {
    findings,
    need: (cond, path, what) => {
      if (cond) findings.push({ path, message: `请填写${what}` });
    },
  };
}

/** The 绩效自评表's money and indicators, in either kind: every indicator measured (实际完成值) and scored. */
function scoreTableMissing(t: ScoreTablePart, need: Need, table: string): void {
  need(t.funding.total.adjustedBudget === null, 'scoreTable.funding.total.adjustedBudget', `${table}的全年预算数`);
  need(t.funding.total.executed === null, 'scoreTable.funding.total.executed', `${table}的全年执行数`);
  need(t.indicators.length === 0, 'scoreTable.indicators', `${table}的绩效指标`);
  t.indicators.forEach((ind, i) => {
    need(blank(ind.level3), `scoreTable.indicators.${i}.level3`, `第 ${i + 1} 个指标的三级指标名称`);
    need(blank(ind.actual), `scoreTable.indicators.${i}.actual`, `第 ${i + 1} 个指标的实际完成值`);
    need(ind.weight === null, `scoreTable.indicators.${i}.weight`, `第 ${i + 1} 个指标的分值`);
    need(ind.score === null, `scoreTable.indicators.${i}.score`, `第 ${i + 1} 个指标的得分`);
  });
}

/** What a 部门整体 report cannot be submitted without. */
function overallMissing(c: OverallReportContent): Finding[] {
  const { findings, need } = collector();
  need(blank(c.header.departmentName), 'header.departmentName', '部门名称');
  need(blank(c.header.title), 'header.title', '报告标题');
  need(c.basicInfo.functions.every(blank), 'basicInfo.functions', '部门职能');
  need(c.basicInfo.orgUnits.length === 0, 'basicInfo.orgUnits', '部门机构设置情况（至少一个单位）');
  c.basicInfo.orgUnits.forEach((u, i) =>
    need(blank(u.name), `basicInfo.orgUnits.${i}.name`, `第 ${i + 1} 个单位的名称`),
  );
  const { categories } = c.basicInfo.staffing;
  need(categories.length === 0, 'basicInfo.staffing.categories', '人员情况（至少一类人员的实有人数）');
  categories.forEach((s, i) => {
    need(blank(s.category), `basicInfo.staffing.categories.${i}.category`, `第 ${i + 1} 类人员的类别（如行政人员）`);
    need(s.actual === null, `basicInfo.staffing.categories.${i}.actual`, `第 ${i + 1} 类人员的实有人数`);
  });
  need(c.basicInfo.assets.current === null, 'basicInfo.assets.current', '年末资产、负债和净资产');
  need(c.budget.expenditure.project.budget === null, 'budget.expenditure.project.budget', '年初项目预算');
  need(c.budget.expenditure.project.actual === null, 'budget.expenditure.project.actual', '当年项目支出');
  c.budget.lines.forEach((l, i) => need(blank(l.name), `budget.lines.${i}.name`, `第 ${i + 1} 条预算明细的项目名称`));
  need(c.goals.items.length === 0 || c.goals.items.every((g) => blank(g.text)), 'goals.items', '绩效目标');
  need(blank(c.selfEvaluation.organization), 'selfEvaluation.organization', '自评的组织工作');
  need(blank(c.selfEvaluation.methodAndProcess), 'selfEvaluation.methodAndProcess', '自评的方法和过程');
  need(blank(c.results.overall), 'results.overall', '总体绩效目标实现情况');
  need(c.results.items.length === 0, 'results.items', '分项绩效目标实现情况');
  c.results.items.forEach((r, i) =>
    need(r.completionRate === null, `results.items.${i}.completionRate`, `第 ${i + 1} 项的完成率`),
  );
  need(c.conclusion.totalScore === null, 'conclusion.totalScore', '总得分');
  need(c.conclusion.grade === null, 'conclusion.grade', '评价等级');
  need(blank(c.problems.problems), 'problems.problems', '存在的主要问题');
  need(blank(c.problems.measures), 'problems.measures', '改进措施');
  scoreTableMissing(c.scoreTable, need, '绩效自评表');
  return findings;
}

/** What a 项目支出绩效自评表 cannot be submitted without. */
function projectMissing(c: ProjectReportContent): Finding[] {
  const { findings, need } = collector();
  need(blank(c.projectInfo.supervisingDepartment), 'projectInfo.supervisingDepartment', '主管部门');
  need(blank(c.projectInfo.implementingUnit), 'projectInfo.implementingUnit', '实施单位');
  const goals = c.objectives.items;
  need(
    goals.every((g) => blank(g.expected)),
    'objectives.items',
    '年度总体目标的预期目标',
  );
  goals.forEach((g, i) => {
    if (!blank(g.expected)) need(blank(g.actual), `objectives.items.${i}.actual`, `第 ${i + 1} 项目标的实际完成情况`);
  });
  scoreTableMissing(c.scoreTable, need, '自评表');
  c.scoreTable.indicators.forEach((ind, i) => {
    need(blank(ind.level1), `scoreTable.indicators.${i}.level1`, `第 ${i + 1} 个指标的一级指标`);
    need(blank(ind.level2), `scoreTable.indicators.${i}.level2`, `第 ${i + 1} 个指标的二级指标`);
  });
  need(c.conclusion.totalScore === null, 'conclusion.totalScore', '总分');
  need(c.conclusion.grade === null, 'conclusion.grade', '评价等级');
  need(blank(c.preparers.preparer), 'preparers.preparer', '填表人');
  need(blank(c.preparers.phone), 'preparers.phone', '联系电话');
  return findings;
}

/** The rule that lists the required fields still empty (what a draft still lacks). */
export const REQUIRED_ID = 'report.required-fields';
const TEAM_ID = 'team.has-members';

/** The rules whose findings say what is still to be filled in (a checklist while drafting, not errors). */
export const REQUIRED_RULE_IDS: readonly string[] = [REQUIRED_ID, TEAM_ID];
const REQUIRED_TITLE = '必填内容已填写';

export const OVERALL_REQUIRED_RULES: Rule<OverallReportContent>[] = [
  { id: REQUIRED_ID, severity: 'error', title: REQUIRED_TITLE, check: overallMissing },
  {
    id: TEAM_ID,
    severity: 'error',
    title: '评价工作组至少一人',
    check: (c) =>
      c.team.members.filter((m) => !blank(m.name)).length === 0
        ? [{ path: 'team.members', message: '评价工作组至少需要一名成员' }]
        : c.team.members.flatMap((m, i) =>
            blank(m.name) || blank(m.unit) || blank(m.position)
              ? [{ path: `team.members.${i}`, message: `第 ${i + 1} 名成员的姓名、工作单位和职务均需填写` }]
              : [],
          ),
  },
];

export const PROJECT_REQUIRED_RULES: Rule<ProjectReportContent>[] = [
  { id: REQUIRED_ID, severity: 'error', title: REQUIRED_TITLE, check: projectMissing },
];
