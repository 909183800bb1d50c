import { decimalsOf, formatWan, sum, sumIfAll, type BudgetPart, type PlannedActual } from '@evalflow/domain';
import { BLANK, wan } from './chinese';
import type { TableCell, TableModel } from './document';
import { cell, head, spanning } from './table-cells';

/** （二）部门收支预决算情况: the year's money, the project sentence and the project lines. */

const isStated = (s: string | null): s is string => s !== null;

/** 「年初预算数150万元、决算数152.5万元」 after the label, or whichever of the two is stated; null for neither. */
function figure(label: string, f: PlannedActual): string | null {
  const stated = [
    f.budget === null ? null : `年初预算数${wan(f.budget)}万元`,
    f.actual === null ? null : `决算数${wan(f.actual)}万元`,
  ].filter(isStated);
  return stated.length > 0 ? `${label}${stated.join('、')}` : null;
}

/** 「合计…，其中a，b」, or the parts alone when the total is not stated; null when nothing is. */
function withParts(total: string | null, parts: Array<string | null>): string | null {
  const stated = parts.filter(isStated);
  if (total === null) return stated.length > 0 ? stated.join('，') : null;
  return stated.length > 0 ? `${total}，其中${stated.join('，')}` : total;
}

/**
 * The year's 收入 and 支出, only what the report states (a missing figure is left out, never blanked):
 * 「本年收入合计…，其中财政拨款收入…，其他收入…；年初结转结余…万元。本年支出合计…，其中基本支出…（人员经费…，
 * 公用经费…），项目支出…。」 Null when the report states neither, as the sample does (its project money is the
 * next sentence's): 项目支出 alone makes no 支出 sentence.
 */
export function incomeAndExpenditure(b: BudgetPart): string | null {
  const income = withParts(figure('本年收入合计', b.income.total), [
    figure('财政拨款收入', b.income.appropriation),
    figure('其他收入', b.income.other),
  ]);
  const carryover = b.carryover === null ? null : `年初结转结余${wan(b.carryover)}万元`;
  const incomeSentence = [income, carryover].filter(isStated).join('；');

  const e = b.expenditure;
  const basicParts = [figure('人员经费', e.personnel), figure('公用经费', e.publicExpense)].filter(isStated);
  const basicTotal = figure('基本支出', e.basic);
  const basic =
    basicTotal !== null && basicParts.length > 0
      ? `${basicTotal}（${basicParts.join('，')}）`
      : (basicTotal ?? (basicParts.join('，') || null));
  const total = figure('本年支出合计', e.total);
  const expenditureSentence =
    total === null && basic === null ? '' : (withParts(total, [basic, figure('项目支出', e.project)]) ?? '');

  const sentences = [incomeSentence, expenditureSentence].filter(Boolean).map((s) => `${s}。`);
  return sentences.length > 0 ? sentences.join('') : null;
}

const wanOrBlank = (value: string | null) => (value === null ? BLANK : `${wan(value)}万元`);

/** The sample's sentence: 「2024年年初项目预算178.646万元，其中…（文号）10.336万元，…，当年项目支出178.646万元。」 */
export function projectBudgetSentence(b: BudgetPart, fiscalYear: number): string {
  const lines = b.lines.map(
    (l) => `${l.name.trim()}${l.documentNumber.trim() ? `（${l.documentNumber.trim()}）` : ''}${wan(l.amount)}万元`,
  );
  return (
    `${fiscalYear}年年初项目预算${wanOrBlank(b.expenditure.project.budget)}` +
    (lines.length > 0 ? `，其中${lines.join('，')}` : '') +
    `，当年项目支出${wanOrBlank(b.expenditure.project.actual)}。`
  );
}

/** A column's total with the most decimals any of its amounts has: 47 + 2.82 + 10.336 → 「60.156」. */
function columnTotal(values: string[]): string {
  return formatWan(sum(values), Math.max(0, ...values.map(decimalsOf)));
}

/**
 * 项目预算明细: 序号, 项目名称, 资金文号, the amount; a 执行数 column only when a line states one. The 合计 row
 * adds each column exactly; 执行数 only when every line states it (a partial sum would mislead).
 */
export function budgetTable(b: BudgetPart): TableModel {
  const lines = b.lines;
  const withSpent = lines.some((l) => l.spent !== null);
  const amountTotal = lines.length > 0 ? columnTotal(lines.map((l) => l.amount)) : '';
  const spentValues = lines.map((l) => l.spent);
  const spentTotal = sumIfAll(spentValues) === null ? '' : columnTotal(spentValues as string[]);
  const spentCells = (value: string): TableCell[] => (withSpent ? [cell(value, 'right')] : []);
  return {
    widths: withSpent ? [0.9, 4.4, 3.3, 2.2, 2.2] : [0.9, 5.3, 3.7, 2.5],
    size: 'normal',
    headerRows: 1,
    rows: [
      [
        head('序号'),
        head('项目名称'),
        head('资金文号'),
        ...(withSpent ? [head('年初预算数（万元）'), head('执行数（万元）')] : [head('金额（万元）')]),
      ],
      ...lines.map((l, i) => [
        cell(String(i + 1)),
        cell(l.name, 'left'),
        cell(l.documentNumber),
        cell(wan(l.amount), 'right'),
        ...spentCells(l.spent === null ? '' : wan(l.spent)),
      ]),
      [...spanning(head('合计'), 3), cell(amountTotal, 'right'), ...spentCells(spentTotal)],
    ],
  };
}
