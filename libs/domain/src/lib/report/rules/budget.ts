import { dec, formatWan, sum } from '../../money/decimal';
import type { Rule } from './rule';

export const BUDGET_RULES: Rule[] = [
  {
    id: 'budget.lines-sum-to-total',
    severity: 'error',
    title: '项目预算明细之和等于项目预算总额',
    check: ({ budget }) => {
      if (budget.projectBudgetTotal === null || budget.lines.length === 0) return [];
      const total = sum(budget.lines.map((l) => l.amount));
      return total.equals(budget.projectBudgetTotal)
        ? []
        : [
            {
              path: 'budget.projectBudgetTotal',
              message: `项目预算明细合计 ${formatWan(total)} 万元，与填报的项目预算总额 ${formatWan(budget.projectBudgetTotal)} 万元不一致`,
            },
          ];
    },
  },
  {
    id: 'budget.spent-within-budget',
    severity: 'error',
    title: '项目支出不超过项目预算',
    check: ({ budget }) =>
      budget.projectBudgetTotal !== null &&
      budget.projectSpent !== null &&
      dec(budget.projectSpent).greaterThan(budget.projectBudgetTotal)
        ? [
            {
              path: 'budget.projectSpent',
              message: `当年项目支出 ${formatWan(budget.projectSpent)} 万元，超过项目预算总额 ${formatWan(budget.projectBudgetTotal)} 万元`,
            },
          ]
        : [],
  },
];
