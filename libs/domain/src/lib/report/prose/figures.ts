import { dec, decimalsOf, formatWan, percentChange, type Dec } from '../../money/decimal';
import { authorizedHeadcount, yearEndHeadcount } from '../figures';
import { executionRate, totalScore } from '../scoring';
import type { AssetFigures, OverallReportContent, PlannedActual, ReportContent } from '../schema';
import type { ProseNumberKind } from './numbers';

/** The figure families the prose rules check, one rule each. */
export type ProseFamily = 'assets' | 'staffing' | 'orgUnits' | 'budget' | 'score';

/** A structured figure a number in the prose may refer to: what it is called, where it is, its values. */
export interface StructuredFigure {
  family: ProseFamily;
  kind: ProseNumberKind;
  /** e.g. 资产情况表中的净资产 */
  name: string;
  /** e.g. 部门基本情况 · 资产情况 */
  where: string;
  /** the values the message names: the prose agrees with any of them */
  values: Array<{ label?: string; value: Dec }>;
  /** values the prose may also mean, not named (a 项目预算 of one budget line) */
  alsoAccepted?: Dec[];
  /** a change against last year: shown as 增加/减少 */
  change?: boolean;
  /** the figures a change is computed from, e.g. 本年 400.21 万元，上年 407.95 万元 */
  detail?: string;
  /** what a following 比上年增加/减少 refers to (assets.netAssets, staffing.total) */
  topic?: string;
}

const plainWan = (v: string) => `${formatWan(v, decimalsOf(v))} 万元`;

const ASSETS_WHERE = '部门基本情况 · 资产情况';
const STAFF_WHERE = '部门基本情况 · 人员情况';
const BUDGET_WHERE = '（二）部门收支预决算情况';

const ASSET_LABELS: Record<keyof AssetFigures, string> = {
  totalAssets: '资产总额',
  totalLiabilities: '负债总额',
  netAssets: '净资产',
};

function present(values: Array<{ label?: string; value: string | null | undefined }>) {
  return values.flatMap((v) =>
    v.value === null || v.value === undefined ? [] : [{ label: v.label, value: dec(v.value) }],
  );
}

function figure(f: Omit<StructuredFigure, 'values'> & { values: Array<{ label?: string; value: Dec }> }) {
  return f.values.length === 0 ? null : f;
}

export function assetFigure(c: OverallReportContent, key: keyof AssetFigures): StructuredFigure | null {
  const current = c.basicInfo.assets.current;
  if (!current) return null;
  return figure({
    family: 'assets',
    kind: 'amount',
    name: `资产情况表中的${ASSET_LABELS[key]}`,
    where: ASSETS_WHERE,
    values: [{ value: dec(current[key]) }],
    topic: `assets.${key}`,
  });
}

/** 比上年增加/减少 of an asset figure: the exact % change, or the amount (万元) it changed by. */
export function assetChange(
  c: OverallReportContent,
  key: keyof AssetFigures,
  kind: 'percent' | 'amount',
): StructuredFigure | null {
  const { current, previous, yoy } = c.basicInfo.assets;
  const label = ASSET_LABELS[key];
  if (kind === 'amount') {
    if (!current || !previous) return null;
    return figure({
      family: 'assets',
      kind,
      name: `资产情况表中${label}的变化`,
      where: ASSETS_WHERE,
      values: [{ value: dec(current[key]).minus(previous[key]) }],
      change: true,
      detail: `本年 ${plainWan(current[key])}，上年 ${plainWan(previous[key])}`,
    });
  }
  const exact =
    current && previous ? percentChange(current[key], previous[key]) : yoy[key] === null ? null : dec(yoy[key]);
  if (exact === null) return null;
  return figure({
    family: 'assets',
    kind,
    name: `资产情况表中${label}的同比变化`,
    where: ASSETS_WHERE,
    values: [{ value: exact }],
    change: true,
    detail:
      current && previous ? `本年 ${plainWan(current[key])}，上年 ${plainWan(previous[key])}` : '按填报的同比变化',
  });
}

/** Category stems a sentence may name: 实有行政人员 4 人 is the 行政 category's, not the total. */
const CATEGORY_WORDS = ['行政', '事业', '工勤', '参公', '参照公务员', '机关', '退休', '离退休'];
const stem = (category: string) => category.trim().replace(/(人员|编制)$/, '');

/** 实有人数/编制数 of the whole department, or of the category the window names; null when it names one not stated. */
export function staffFigure(
  c: OverallReportContent,
  which: 'actual' | 'authorized' | 'retired',
  window: string,
): StructuredFigure | null {
  const { categories } = c.basicInfo.staffing;
  const named = CATEGORY_WORDS.filter((w) => window.includes(w));
  const wanted = which === 'retired' ? ['退休'] : named;
  const column = which === 'authorized' ? 'authorized' : 'actual';
  const columnLabel = which === 'authorized' ? '编制数' : '实有人数';
  if (wanted.length > 0) {
    const category = categories.find((cat) => wanted.some((w) => stem(cat.category).includes(w)));
    if (!category || category[column] === null) return null;
    return figure({
      family: 'staffing',
      kind: 'count',
      name: `人员情况中${category.category.trim()}的${columnLabel}`,
      where: STAFF_WHERE,
      values: [{ value: dec(category[column] as number) }],
      topic: categories.length === 1 ? 'staffing.total' : undefined,
    });
  }
  const total =
    which === 'authorized' ? authorizedHeadcount(c.basicInfo.staffing) : yearEndHeadcount(c.basicInfo.staffing);
  if (total === null) return null;
  return figure({
    family: 'staffing',
    kind: 'count',
    name: which === 'authorized' ? '人员情况中的编制数合计' : '人员情况中的年末实有人数',
    where: STAFF_WHERE,
    values: [{ value: dec(total) }],
    topic: which === 'actual' ? 'staffing.total' : undefined,
  });
}

/** 比上年增加/减少 N 人: the year-end headcount against last year's. */
export function staffChange(c: OverallReportContent): StructuredFigure | null {
  const now = yearEndHeadcount(c.basicInfo.staffing);
  const before = c.basicInfo.staffing.previousHeadcount;
  if (now === null || before === null) return null;
  return figure({
    family: 'staffing',
    kind: 'count',
    name: '人员情况中的人数变化',
    where: STAFF_WHERE,
    values: [{ value: dec(now - before) }],
    change: true,
    detail: `年末实有 ${now} 人，上年 ${before} 人`,
  });
}

/** The rows of 部门机构设置情况; a row that is the department itself may be counted or not (下设 N 个单位). */
export function orgUnitFigure(c: OverallReportContent): StructuredFigure | null {
  const rows = c.basicInfo.orgUnits.filter((u) => u.name.trim() !== '');
  if (rows.length === 0) return null;
  const own = rows.some((u) => u.name.trim() === c.header.departmentName.trim());
  return figure({
    family: 'orgUnits',
    kind: 'count',
    name: '部门机构设置情况表中的单位数',
    where: '部门基本情况 · 机构设置',
    values: [{ value: dec(rows.length) }],
    alsoAccepted: own ? [dec(rows.length - 1)] : [],
  });
}

const PA_LABELS = { budget: '年初预算数', actual: '决算数' } as const;

/** A figure of section (二): either column may be meant. */
export function budgetFigure(
  c: OverallReportContent,
  label: string,
  pa: PlannedActual | null,
): StructuredFigure | null {
  if (!pa) return null;
  return figure({
    family: 'budget',
    kind: 'amount',
    name: `收支预决算情况中的${label}`,
    where: BUDGET_WHERE,
    values: present([
      { label: PA_LABELS.budget, value: pa.budget },
      { label: PA_LABELS.actual, value: pa.actual },
    ]),
  });
}

export function carryoverFigure(c: OverallReportContent): StructuredFigure | null {
  return figure({
    family: 'budget',
    kind: 'amount',
    name: '收支预决算情况中的年初结转结余',
    where: BUDGET_WHERE,
    values: present([{ value: c.budget.carryover }]),
  });
}

/** 年初项目预算 / 当年项目支出 of section (二); a 项目预算 may also be one line's. */
export function projectMoneyFigure(c: OverallReportContent, column: 'budget' | 'actual', lines: boolean) {
  const p = c.budget.expenditure.project;
  return figure({
    family: 'budget',
    kind: 'amount',
    name: column === 'budget' ? '收支预决算情况中的年初项目预算' : '收支预决算情况中的当年项目支出',
    where: BUDGET_WHERE,
    values: present([{ value: p[column] }]),
    alsoAccepted: lines
      ? c.budget.lines.flatMap((l) =>
          present([{ value: column === 'budget' ? l.amount : l.spent }]).map((v) => v.value),
        )
      : [],
  });
}

const FUNDING_LABELS = { initialBudget: '年初预算数', adjustedBudget: '全年预算数', executed: '全年执行数' } as const;
type FundingColumn = keyof typeof FUNDING_LABELS;

const fundingWhere = (c: ReportContent) => (c.kind === 'project' ? '项目资金和绩效指标' : '绩效自评表');

/** The 绩效自评表's 年度资金总额 in the given columns; for the 部门整体 report also section (二)'s 支出合计. */
export function fundingFigure(c: ReportContent, columns: FundingColumn[]): StructuredFigure | null {
  const total = c.scoreTable.funding.total;
  const also =
    c.kind === 'department_overall'
      ? present(
          columns.map((col) => ({
            value:
              col === 'executed'
                ? c.budget.expenditure.total.actual
                : col === 'initialBudget'
                  ? c.budget.expenditure.total.budget
                  : null,
          })),
        ).map((v) => v.value)
      : [];
  const values = present(columns.map((col) => ({ label: FUNDING_LABELS[col], value: total[col] })));
  return figure({
    family: 'budget',
    kind: 'amount',
    name:
      values.length === 1
        ? `${fundingWhere(c)}中年度资金总额的${values[0].label}`
        : `${fundingWhere(c)}中的年度资金总额`,
    where: c.kind === 'project' ? '项目资金' : '绩效自评表 · 年度资金总额',
    values: values.length === 1 ? [{ value: values[0].value }] : values,
    alsoAccepted: also,
  });
}

/** 执行率: 全年执行数 ÷ 全年预算数 exactly, or the stated rate where the figures are missing. */
export function executionRateFigure(c: ReportContent): StructuredFigure | null {
  const stated = c.scoreTable.funding.executionRate;
  const rate = executionRate(c.scoreTable) ?? (stated === null ? null : dec(stated));
  if (rate === null) return null;
  return figure({
    family: 'budget',
    kind: 'percent',
    name: `${fundingWhere(c)}中的执行率`,
    where: c.kind === 'project' ? '项目资金' : '绩效自评表 · 年度资金总额',
    values: [{ value: rate }],
  });
}

/** 总得分 as the conclusion states it, or the table's sum while none is stated. */
export function totalScoreFigure(c: ReportContent): StructuredFigure | null {
  const stated = c.conclusion.totalScore;
  const value = stated !== null ? dec(stated) : c.scoreTable.indicators.length > 0 ? totalScore(c.scoreTable) : null;
  if (value === null) return null;
  return figure({
    family: 'score',
    kind: 'score',
    name: stated !== null ? '评价结论中的总得分' : '绩效自评表各项得分合计',
    where: c.kind === 'project' ? '总分和评价等级' : '四、评价结论和评价等级',
    values: [{ value }],
  });
}

/** 预算执行率得分 of the 绩效自评表. */
export function fundingScoreFigure(c: ReportContent): StructuredFigure | null {
  return figure({
    family: 'score',
    kind: 'score',
    name: `${fundingWhere(c)}中的预算执行率得分`,
    where: c.kind === 'project' ? '项目资金' : '绩效自评表 · 年度资金总额',
    values: present([{ value: c.scoreTable.funding.score }]),
  });
}
