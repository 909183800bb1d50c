import type { AssetFigures, OverallReportContent, ReportContent } from '../schema';
import {
  assetFigure,
  budgetFigure,
  carryoverFigure,
  executionRateFigure,
  fundingFigure,
  fundingScoreFigure,
  orgUnitFigure,
  projectMoneyFigure,
  staffFigure,
  totalScoreFigure,
  type StructuredFigure,
} from './figures';
import type { ProseNumber, ProseNumberKind } from './numbers';

/** Where a term stands: the text before it and the text after its number (for 下设 3 个「单位」). */
export interface TermSite {
  /** the clause before the term */
  before: string;
  /** the clause up to the number */
  window: string;
  /** between the term and the number */
  gap: string;
  /** the text right after the number and its unit */
  after: string;
  number: ProseNumber;
}

/** Words that name a structured figure when a number of `kind` follows them closely. */
export interface Term {
  words: string[];
  kind: ProseNumberKind;
  /** the figure meant, or null when the report states none (then the number is left alone) */
  figure(c: ReportContent, site: TermSite): StructuredFigure | null;
  /** false when the site shows the words mean something else (预算编制, 下设三个科室) */
  fits?(site: TermSite): boolean;
}

const overall =
  (f: (c: OverallReportContent, site: TermSite) => StructuredFigure | null) => (c: ReportContent, site: TermSite) =>
    c.kind === 'department_overall' ? f(c, site) : null;

/** 固定资产总额, 流动负债: a part of the figure, not the figure. */
const PART_OF_ASSETS = /(固定|流动|无形|在建|长期|短期|国有|其中)$/;
const asset = (words: string[], key: keyof AssetFigures): Term => ({
  words,
  kind: 'amount',
  fits: (site) => !PART_OF_ASSETS.test(site.before),
  figure: overall((c) => assetFigure(c, key)),
});

/** The noun after 下设 3 个: a unit of the 部门机构设置 table, not a 科室. */
export const UNIT_NOUN = /^(二级|下属|所属|预算|基层)*(单位|机构)/;
const isPeople = (site: TermSite) => site.number.unit === '人';
/** 该项目年初预算, 专项资金执行率: one project's money, not the year's total (in a 部门整体 report). */
const ofTheWhole = (c: ReportContent, site: TermSite) =>
  c.kind === 'project' || !/(项目|经费|资金|专项)$/.test(site.before);

export const TERMS: Term[] = [
  asset(['资产总额', '总资产'], 'totalAssets'),
  asset(['负债总额', '总负债', '负债'], 'totalLiabilities'),
  asset(['净资产'], 'netAssets'),
  {
    words: ['在职人数', '实有人数', '实有', '年末人数', '年末实有'],
    kind: 'count',
    fits: isPeople,
    figure: overall((c, site) => staffFigure(c, 'actual', site.window)),
  },
  {
    words: ['编制人数', '编制数', '核定编制', '人员编制', '编制'],
    kind: 'count',
    // 预算编制 is budgeting, not staff positions
    fits: (site) => isPeople(site) && !/预算$/.test(site.before),
    figure: overall((c, site) => staffFigure(c, 'authorized', site.window)),
  },
  {
    words: ['退休人员', '退休人数', '离退休人员', '离退休'],
    kind: 'count',
    fits: isPeople,
    figure: overall((c, site) => staffFigure(c, 'retired', site.window)),
  },
  {
    words: ['下设', '下属', '所属', '管辖'],
    kind: 'count',
    fits: (site) => (site.number.unit === '个' || site.number.unit === '家') && UNIT_NOUN.test(site.after),
    figure: overall((c) => orgUnitFigure(c)),
  },
  {
    words: ['所属单位', '下属单位', '下设单位', '二级单位', '所属二级单位', '下属二级单位'],
    kind: 'count',
    fits: (site) => site.number.unit === '个' || site.number.unit === '家',
    figure: overall((c) => orgUnitFigure(c)),
  },
  // section (二) of the 部门整体 report
  {
    words: ['年初项目预算', '本年项目预算', '当年项目预算'],
    kind: 'amount',
    figure: overall((c) => projectMoneyFigure(c, 'budget', false)),
  },
  {
    words: ['当年项目支出', '本年项目支出', '项目支出'],
    kind: 'amount',
    figure: (c) => (c.kind === 'project' ? fundingFigure(c, ['executed']) : projectMoneyFigure(c, 'actual', true)),
  },
  {
    words: ['项目预算', '项目资金'],
    kind: 'amount',
    figure: (c) =>
      c.kind === 'project'
        ? fundingFigure(c, ['adjustedBudget', 'initialBudget'])
        : projectMoneyFigure(c, 'budget', true),
  },
  {
    words: ['人员经费'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '人员经费', c.budget.expenditure.personnel)),
  },
  {
    words: ['公用经费'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '公用经费', c.budget.expenditure.publicExpense)),
  },
  {
    words: ['基本支出'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '基本支出', c.budget.expenditure.basic)),
  },
  {
    words: ['支出合计', '本年支出合计', '总支出'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '本年支出合计', c.budget.expenditure.total)),
  },
  {
    words: ['收入合计', '本年收入合计', '总收入'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '本年收入合计', c.budget.income.total)),
  },
  {
    words: ['财政拨款收入'],
    kind: 'amount',
    figure: overall((c) => budgetFigure(c, '财政拨款收入', c.budget.income.appropriation)),
  },
  { words: ['其他收入'], kind: 'amount', figure: overall((c) => budgetFigure(c, '其他收入', c.budget.income.other)) },
  { words: ['年初结转结余', '结转结余'], kind: 'amount', figure: overall((c) => carryoverFigure(c)) },
  // the 绩效自评表's 年度资金总额, in both kinds
  {
    words: ['年初预算', '年初预算数'],
    kind: 'amount',
    figure: (c, site) => (ofTheWhole(c, site) ? fundingFigure(c, ['initialBudget']) : null),
  },
  {
    words: ['全年预算', '全年预算数', '调整后预算'],
    kind: 'amount',
    figure: (c, site) => (ofTheWhole(c, site) ? fundingFigure(c, ['adjustedBudget']) : null),
  },
  {
    words: ['执行数', '全年执行数', '实际执行', '实际支出'],
    kind: 'amount',
    figure: (c, site) => (ofTheWhole(c, site) ? fundingFigure(c, ['executed']) : null),
  },
  {
    words: ['执行率', '预算执行率', '资金执行率'],
    kind: 'percent',
    figure: (c, site) => (ofTheWhole(c, site) ? executionRateFigure(c) : null),
  },
  {
    // not 最终得分: after re-scoring that is the finance bureau's figure, not the conclusion's
    words: ['总得分', '总分', '自评得分', '自评总分', '综合得分', '评价得分'],
    kind: 'score',
    // 总分值 100 分 is the scale, not the score
    fits: (site) => !site.gap.startsWith('值'),
    figure: (c) => totalScoreFigure(c),
  },
  { words: ['执行率得分', '预算执行率得分'], kind: 'score', figure: (c) => fundingScoreFigure(c) },
];

/** The subjects a 比上年增加/减少 may have, by the words naming them. */
export const CHANGE_SUBJECTS: Array<{ words: string[]; topic: string }> = [
  { words: ['资产总额', '总资产'], topic: 'assets.totalAssets' },
  { words: ['负债总额', '总负债', '负债'], topic: 'assets.totalLiabilities' },
  { words: ['净资产'], topic: 'assets.netAssets' },
  { words: ['在职人数', '实有人数', '人数', '人员'], topic: 'staffing.total' },
];
