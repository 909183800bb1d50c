import type { ReportContent } from '../schema';
import type { Finding, Rule } from './rule';

const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

/** What a report cannot be submitted without. */
function missing(c: ReportContent): Finding[] {
  const f: Finding[] = [];
  const need = (cond: boolean, path: string, what: string) => {
    if (cond) f.push({ path, message: `请填写${what}` });
  };
  need(blank(c.header.departmentName), 'header.departmentName', '部门名称');
  need(blank(c.header.title), 'header.title', '报告标题');
  need(c.basicInfo.functions.every(blank), 'basicInfo.functions', '部门职能');
  need(c.basicInfo.orgUnits.length === 0, 'basicInfo.orgUnits', '部门机构设置情况（至少一个单位）');
  c.basicInfo.orgUnits.forEach((u, i) =>
    need(blank(u.name), `basicInfo.orgUnits.${i}.name`, `第 ${i + 1} 个单位的名称`),
  );
  need(c.basicInfo.staffing.headcount === null, 'basicInfo.staffing.headcount', '年末实有人数');
  need(c.basicInfo.assets.current === null, 'basicInfo.assets.current', '年末资产、负债和净资产');
  need(c.budget.projectBudgetTotal === null, 'budget.projectBudgetTotal', '年初项目预算总额');
  need(c.budget.projectSpent === null, 'budget.projectSpent', '当年项目支出');
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
  need(
    c.scoreTable.funding.total.adjustedBudget === null,
    'scoreTable.funding.total.adjustedBudget',
    '绩效自评表的全年预算数',
  );
  need(c.scoreTable.funding.total.executed === null, 'scoreTable.funding.total.executed', '绩效自评表的全年执行数');
  need(c.scoreTable.indicators.length === 0, 'scoreTable.indicators', '绩效自评表的绩效指标');
  c.scoreTable.indicators.forEach((ind, i) => {
    need(blank(ind.level3), `scoreTable.indicators.${i}.level3`, `第 ${i + 1} 个指标的三级指标名称`);
    need(ind.weight === null, `scoreTable.indicators.${i}.weight`, `第 ${i + 1} 个指标的分值`);
    need(ind.score === null, `scoreTable.indicators.${i}.score`, `第 ${i + 1} 个指标的得分`);
  });
  return f;
}

export const REQUIRED_RULES: Rule[] = [
  { id: 'report.required-fields', severity: 'error', title: '必填内容已填写', check: missing },
  {
    id: 'team.has-members',
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
