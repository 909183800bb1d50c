import {
  bandFor,
  gradeLabel,
  sum,
  type ConclusionPart,
  type FundingColumns,
  type GradeBand,
  type Indicator,
  type ScoreTablePart,
} from '@evalflow/domain';
import { BLANK, wan } from './chinese';
import type { TableCell } from './document';
import { cell, head, mergeRuns } from './table-cells';

/**
 * The rows of the 绩效自评表 (财预〔2020〕10号) that both kinds print: the 部门整体 report's appendix and
 * the 项目支出绩效自评表 put them on their own grids, so each piece is a list of cells they place.
 */

/** The head of the money rows, after the row label. */
export const fundingHead = (): TableCell[] =>
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map((t) => head(t));

const money = (v: string | null) => (v === null ? '' : wan(v));

/**
 * 年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金: a label, the three amounts, then 分值, 执行率 and
 * 得分 on the total row and 「—」 on the others (the form scores the total only). Seven cells a row.
 */
export function fundingRows(f: ScoreTablePart['funding']): TableCell[][] {
  const row = (label: string, cols: FundingColumns, total: boolean): TableCell[] => [
    cell(label, 'left'),
    cell(money(cols.initialBudget), 'right'),
    cell(money(cols.adjustedBudget), 'right'),
    cell(money(cols.executed), 'right'),
    cell(total ? (f.weight ?? '') : '—'),
    cell(total ? (f.executionRate === null ? '' : `${f.executionRate}%`) : '—'),
    cell(total ? (f.score ?? '') : '—'),
  ];
  return [
    row('年度资金总额', f.total, true),
    row('其中：本年财政拨款', f.currentYearAppropriation, false),
    row('上年结转资金', f.carryover, false),
    row('其他资金', f.other, false),
  ];
}

export const indicatorHead = (): TableCell[] =>
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((t) =>
    head(t),
  );

const NATURE_SIGN: Record<Indicator['nature'], string> = { '=': '', '>=': '≥', '<=': '≤', qualitative: '' };

function withUnit(value: string, ind: Indicator): string {
  if (!value.trim()) return '';
  return ind.nature === 'qualitative' ? value : `${value}${ind.unit}`;
}

/**
 * One row of eight cells an indicator (一级, 二级, 三级, 年度指标值 with its sign, 实际完成值, 分值, 得分,
 * 偏差原因), runs of equal 一级 and of equal 一级 + 二级 merged down; a blank row when there is none.
 */
export function indicatorRows(indicators: Indicator[]): Array<Array<TableCell | null>> {
  if (indicators.length === 0) return [[cell(BLANK), ...Array.from({ length: 7 }, () => cell(''))]];
  const rows: Array<Array<TableCell | null>> = indicators.map((ind) => {
    const target = withUnit(ind.target, ind);
    return [
      cell(ind.level1),
      cell(ind.level2),
      cell(ind.level3, 'left'),
      cell(target ? `${NATURE_SIGN[ind.nature]}${target}` : ''),
      cell(withUnit(ind.actual, ind)),
      cell(ind.weight ?? ''),
      cell(ind.score ?? ''),
      cell(ind.deviationNote, 'left'),
    ];
  });
  mergeRuns(rows, indicators, 0, (i) => i.level1);
  mergeRuns(rows, indicators, 1, (i) => `${i.level1}\u0000${i.level2}`);
  return rows;
}

/** 分值 of the money row and the indicators added up, exactly; '' when none is stated. */
export function totalWeight(table: ScoreTablePart): string {
  const weights = [table.funding.weight, ...table.indicators.map((i) => i.weight)].filter(
    (w): w is string => w !== null,
  );
  return weights.length > 0 ? sum(weights).toString() : '';
}

/** The county's label of the stated grade, else of the band the total score falls in; null when neither is given. */
export function gradeText(conclusion: ConclusionPart, bands: GradeBand[]): string | null {
  const { grade, totalScore } = conclusion;
  if (grade) return gradeLabel(grade, bands);
  return totalScore !== null ? bandFor(totalScore, bands).label : null;
}
