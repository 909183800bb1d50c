import { REPORT_KIND_SHORT_LABELS } from '@evalflow/domain';
import type { ProgressWeek, ScatterPoint, YearFigures } from '../../api/dashboard-api';
import { formatPercent, formatScore } from './format';

/**
 * What each chart of 县级概览 plots, from the server's figures. Charts need numbers: the decimal strings
 * become numbers only here, for drawing; every label and tooltip shows the exact string.
 */

export interface GradeBar {
  label: string;
  count: number;
  /** e.g. 「90 分及以上」 */
  note: string;
}

export function gradeBars(figures: YearFigures): GradeBar[] {
  return figures.grades.map((g) => ({ label: g.label, count: g.count, note: `${g.min} 分及以上` }));
}

export function describeGrades(bars: GradeBar[]): string {
  return `等级分布：${bars.map((b) => `${b.label} ${b.count} 份`).join('，')}`;
}

export interface ScatterDot {
  executionRate: number;
  totalScore: number;
  /** 部门整体 or 项目支出; a score not yet handed in is a series of its own (…·自评未提交) */
  series: string;
  name: string;
  scoreText: string;
  rateText: string;
}

const SELF_SCORED = '·自评未提交';

export function scatterDots(points: ScatterPoint[]): ScatterDot[] {
  return points.map((p) => ({
    executionRate: Number(p.executionRate),
    totalScore: Number(p.totalScore),
    series: p.selfScored ? `${REPORT_KIND_SHORT_LABELS[p.kind]}${SELF_SCORED}` : REPORT_KIND_SHORT_LABELS[p.kind],
    name: p.projectName ? `${p.departmentName}·${p.projectName}` : p.departmentName,
    scoreText: formatScore(p.totalScore),
    rateText: formatPercent(p.executionRate),
  }));
}

export function describeScatter(dots: ScatterDot[]): string {
  const own = dots.filter((d) => d.series.endsWith(SELF_SCORED)).length;
  const apart = own ? `（其中 ${own} 份是尚未提交的自评得分，单独成组）` : '';
  return `执行率与得分：${dots.length} 份报告${apart}，${dots
    .slice(0, 20)
    .map((d) => `${d.name} 执行率 ${d.rateText}、得分 ${d.scoreText}`)
    .join('；')}${dots.length > 20 ? '；其余略' : ''}`;
}

export interface ProgressPoint {
  weekStart: string;
  series: '累计提交' | '累计通过';
  count: number;
}

/** Running totals per week, one line for submissions and one for approvals. */
export function progressPoints(weeks: ProgressWeek[]): ProgressPoint[] {
  return weeks.flatMap((w) => [
    { weekStart: w.weekStart, series: '累计提交' as const, count: w.submittedTotal },
    { weekStart: w.weekStart, series: '累计通过' as const, count: w.approvedTotal },
  ]);
}

export function describeProgress(weeks: ProgressWeek[]): string {
  const last = weeks[weeks.length - 1];
  return `逐周进度：自 ${weeks[0]?.weekStart} 当周起共 ${weeks.length} 周，累计提交 ${last?.submittedTotal ?? 0} 份，累计通过 ${last?.approvedTotal ?? 0} 份`;
}

export interface ComparisonBar {
  label: string;
  year: string;
  count: number;
}

/** The same bands for both years, side by side. */
export function comparisonBars(current: YearFigures, previous: YearFigures): ComparisonBar[] {
  return current.grades.flatMap((g) => [
    { label: g.label, year: `${previous.fiscalYear} 年度`, count: countOf(previous, g.grade) },
    { label: g.label, year: `${current.fiscalYear} 年度`, count: g.count },
  ]);
}

const countOf = (figures: YearFigures, grade: string) => figures.grades.find((g) => g.grade === grade)?.count ?? 0;

export function describeComparison(current: YearFigures, previous: YearFigures): string {
  const year = (f: YearFigures) =>
    `${f.fiscalYear} 年度 ${f.reports} 份，平均得分 ${formatScore(f.averageScore)}，平均执行率 ${formatPercent(
      f.averageExecutionRate,
    )}，${f.grades.map((g) => `${g.label} ${g.count} 份`).join('、')}`;
  return `与上一年度对比：${year(current)}；${year(previous)}`;
}
