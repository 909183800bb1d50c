import { dec, formatAmount, sum } from '../../money/decimal';
import { PLANNED_ACTUAL_COLUMNS, sumIfAll } from '../figures';
import type { OverallReportContent, PlannedActual } from '../schema';
import type { Finding, Rule } from './rule';

type Overall = Rule<OverallReportContent>;

/** The figures of one column that must add up: `parts` to `total`, each with its label and path. */
function addsUp(
  parts: Array<{ label: string; path: string; figure: PlannedActual }>,
  total: { label: string; path: string; figure: PlannedActual },
): Finding[] {
  const findings: Finding[] = [];
  for (const { key, label } of PLANNED_ACTUAL_COLUMNS) {
    const stated = total.figure[key];
    const partsSum = sumIfAll(parts.map((p) => p.figure[key]));
    if (stated === null || partsSum === null || partsSum.equals(stated)) continue;
    const named = parts.map((p) => `${p.label} ${formatAmount(p.figure[key] as string)} 万元`).join(' + ');
    findings.push({
      path: `${total.path}.${key}`,
      message: `${label}：${named} = ${formatAmount(partsSum)} 万元，与填报的${total.label} ${formatAmount(stated)} 万元不一致`,
      remedy: `核对各分项，或把${total.label}改为 ${formatAmount(partsSum)} 万元`,
    });
  }
  return findings;
}

const at = (path: string) => `budget.${path}`;

export const BUDGET_RULES: Overall[] = [
  {
    id: 'budget.lines-sum-to-total',
    severity: 'error',
    title: '项目预算明细之和等于年初项目预算',
    check: ({ budget }) => {
      const stated = budget.expenditure.project.budget;
      if (stated === null || budget.lines.length === 0) return [];
      const total = sum(budget.lines.map((l) => l.amount));
      return total.equals(stated)
        ? []
        : [
            {
              path: 'budget.expenditure.project.budget',
              message: `项目预算明细合计 ${formatAmount(total)} 万元，与填报的年初项目预算 ${formatAmount(stated)} 万元不一致`,
              remedy: `核对各条预算明细的金额，或把年初项目预算改为 ${formatAmount(total)} 万元`,
            },
          ];
    },
  },
  {
    id: 'budget.lines-sum-to-spent',
    severity: 'error',
    title: '各项目执行数之和等于当年项目支出',
    check: ({ budget }) => {
      if (!budget.lines.some((l) => l.spent !== null)) return [];
      const missing = budget.lines.flatMap((l, i) =>
        l.spent === null
          ? [
              {
                path: `budget.lines.${i}.spent`,
                message: `第 ${i + 1} 条预算明细「${l.name || '未命名'}」未填报执行数，各项目执行数应逐条填报`,
              },
            ]
          : [],
      );
      if (missing.length) return missing;
      const total = sum(budget.lines.map((l) => l.spent as string));
      const stated = budget.expenditure.project.actual;
      if (stated === null || total.equals(stated)) return [];
      return [
        {
          path: 'budget.expenditure.project.actual',
          message: `各项目执行数合计 ${formatAmount(total)} 万元，与填报的当年项目支出 ${formatAmount(stated)} 万元不一致`,
          remedy: `核对各条预算明细的执行数，或把当年项目支出改为 ${formatAmount(total)} 万元`,
        },
      ];
    },
  },
  {
    id: 'budget.spent-within-budget',
    severity: 'error',
    title: '当年项目支出不超过年初项目预算',
    check: ({ budget }) => {
      const { budget: planned, actual } = budget.expenditure.project;
      return planned !== null && actual !== null && dec(actual).greaterThan(planned)
        ? [
            {
              path: 'budget.expenditure.project.actual',
              message: `当年项目支出 ${formatAmount(actual)} 万元，超过年初项目预算 ${formatAmount(planned)} 万元`,
            },
          ]
        : [];
    },
  },
  {
    id: 'budget.expenditure-adds-up',
    severity: 'error',
    title: '基本支出 = 人员经费 + 公用经费，支出合计 = 基本支出 + 项目支出',
    check: ({ budget }) => {
      const e = budget.expenditure;
      return [
        ...addsUp(
          [
            { label: '人员经费', path: at('expenditure.personnel'), figure: e.personnel },
            { label: '公用经费', path: at('expenditure.publicExpense'), figure: e.publicExpense },
          ],
          { label: '基本支出', path: at('expenditure.basic'), figure: e.basic },
        ),
        ...addsUp(
          [
            { label: '基本支出', path: at('expenditure.basic'), figure: e.basic },
            { label: '项目支出', path: at('expenditure.project'), figure: e.project },
          ],
          { label: '本年支出合计', path: at('expenditure.total'), figure: e.total },
        ),
      ];
    },
  },
  {
    id: 'budget.income-adds-up',
    severity: 'error',
    title: '本年收入合计 = 财政拨款收入 + 其他收入',
    check: ({ budget }) =>
      addsUp(
        [
          { label: '财政拨款收入', path: at('income.appropriation'), figure: budget.income.appropriation },
          { label: '其他收入', path: at('income.other'), figure: budget.income.other },
        ],
        { label: '本年收入合计', path: at('income.total'), figure: budget.income.total },
      ),
  },
  {
    id: 'budget.expenditure-within-income',
    severity: 'warning',
    title: '本年支出不超过本年收入与年初结转结余之和',
    check: ({ budget }) => {
      const spent = budget.expenditure.total.actual;
      const income = budget.income.total.actual;
      if (spent === null || income === null) return [];
      const available = dec(income).plus(budget.carryover ?? 0);
      if (!dec(spent).greaterThan(available)) return [];
      const carry =
        budget.carryover === null ? '（未填报年初结转结余）' : ` + 年初结转结余 ${formatAmount(budget.carryover)} 万元`;
      return [
        {
          path: 'budget.expenditure.total.actual',
          message: `本年支出合计 ${formatAmount(spent)} 万元，超过本年收入合计 ${formatAmount(income)} 万元${carry}，即 ${formatAmount(available)} 万元，请核对或说明资金来源`,
        },
      ];
    },
  },
];

/**
 * The 绩效自评表's 年度资金总额 covers what section (二) covers: the year's 支出合计 where the report
 * states it, else its 项目支出 (a report such as the sample gives only project money).
 */
export const FUNDING_MATCHES_BUDGET: Overall = {
  id: 'scoreTable.funding-matches-budget',
  severity: 'error',
  title: '绩效自评表的年度资金总额与（二）部门收支预决算情况一致',
  check: ({ budget, scoreTable }) => {
    const e = budget.expenditure;
    const whole = e.total.budget !== null || e.total.actual !== null;
    const scope = whole
      ? { figure: e.total, names: { budget: '本年支出合计的年初预算数', actual: '本年支出合计的决算数' } }
      : { figure: e.project, names: { budget: '年初项目预算', actual: '当年项目支出' } };
    const pairs = [
      { table: 'initialBudget', label: '年初预算数', key: 'budget' },
      { table: 'executed', label: '全年执行数', key: 'actual' },
    ] as const;
    return pairs.flatMap(({ table, label, key }) => {
      const stated = scoreTable.funding.total[table];
      const section = scope.figure[key];
      if (stated === null || section === null || dec(stated).equals(section)) return [];
      return [
        {
          path: `scoreTable.funding.total.${table}`,
          message: `绩效自评表年度资金总额的${label} ${formatAmount(stated)} 万元，与（二）部门收支预决算情况中的${scope.names[key]} ${formatAmount(section)} 万元不一致`,
        },
      ];
    });
  },
};
