import {
  authorizedHeadcount,
  bandFor,
  dec,
  executionRate,
  expectedFundingScore,
  MONEY_PATTERN,
  percentChange,
  percentOf,
  PLANNED_ACTUAL_COLUMNS,
  roundHalfUp,
  SCORE_PATTERN,
  sum,
  sumIfAll,
  totalCapFor,
  totalScore,
  totalWeight,
  yearEndHeadcount,
  type BasicInfoPart,
  type BudgetPart,
  type Dec,
  type GradeBand,
  type PlannedActual,
  type ReportPart,
  type ScoreTablePart,
  type TemplateDefinition,
} from '@evalflow/domain';
import { formatMoney } from '../fields/format';

/** One computed figure shown under a part while it is edited. */
export interface Figure {
  label: string;
  value: string;
}

const isMoney = (v: unknown): v is string => typeof v === 'string' && MONEY_PATTERN.test(v);
const pct = (v: Dec | null) => (v === null ? '—' : `${roundHalfUp(v, 2).toFixed(2)}%`);
const money = (v: Dec | string) => formatMoney(typeof v === 'string' ? v : v.toString());
const wan = (v: Dec | string) => `${money(v)} 万元`;

/**
 * What figures add up to, column by column (年初预算数, 决算数): shown for a column once every
 * figure states it, as the rule compares it with the stated total.
 */
function addedUp(label: string, figures: PlannedActual[]): Figure[] {
  return PLANNED_ACTUAL_COLUMNS.flatMap(({ key, label: column }) => {
    const values = figures.map((f) => f[key]);
    if (!values.every((v) => v === null || isMoney(v))) return [];
    const total = sumIfAll(values);
    return total === null ? [] : [{ label: `${label}（${column}）`, value: wan(total) }];
  });
}

function budgetFigures(b: BudgetPart): Figure[] {
  const { income, expenditure: e } = b;
  const figures: Figure[] = [
    ...addedUp('财政拨款收入 + 其他收入', [income.appropriation, income.other]),
    ...addedUp('人员经费 + 公用经费', [e.personnel, e.publicExpense]),
    ...addedUp('基本支出 + 项目支出', [e.basic, e.project]),
  ];
  const amounts = b.lines.map((l) => l.amount).filter(isMoney);
  const planned = sum(amounts);
  figures.push({ label: '项目预算明细合计', value: wan(planned) });
  const { budget: projectBudget, actual: projectActual } = e.project;
  if (isMoney(projectBudget)) {
    figures.push({ label: '与年初项目预算差额', value: wan(planned.minus(projectBudget).abs()) });
  }
  const spent = b.lines.map((l) => l.spent);
  if (spent.some((s) => s !== null) && spent.every((s) => s === null || isMoney(s))) {
    const total = sumIfAll(spent);
    figures.push({ label: '各项目执行数合计', value: total === null ? '—（有项目未填执行数）' : wan(total) });
  }
  if (isMoney(projectBudget) && isMoney(projectActual)) {
    figures.push({
      label: '项目支出执行率（决算数 ÷ 年初预算数）',
      value: pct(percentOf(projectActual, projectBudget)),
    });
  }
  return figures;
}

function staffingFigures({ staffing }: BasicInfoPart): Figure[] {
  const figures: Figure[] = [];
  const actual = yearEndHeadcount(staffing);
  const authorized = authorizedHeadcount(staffing);
  if (actual !== null) figures.push({ label: '年末实有人数（各类合计）', value: `${actual} 人` });
  if (authorized !== null) figures.push({ label: '编制数合计', value: `${authorized} 人` });
  if (actual !== null && staffing.previousHeadcount !== null) {
    const change = actual - staffing.previousHeadcount;
    figures.push({ label: '较上年末增减', value: `${change > 0 ? '+' : ''}${change} 人` });
  }
  return figures;
}

function assetFigures(info: BasicInfoPart): Figure[] {
  const { current, previous } = info.assets;
  const net = (f: typeof current) =>
    f && isMoney(f.totalAssets) && isMoney(f.totalLiabilities) ? dec(f.totalAssets).minus(f.totalLiabilities) : null;
  const figures: Figure[] = [];
  const now = net(current);
  const before = net(previous);
  if (now) figures.push({ label: '本年末净资产（资产−负债）', value: wan(now) });
  if (before) figures.push({ label: '上年末净资产', value: wan(before) });
  if (current && previous) {
    const yoy = (key: 'totalAssets' | 'totalLiabilities') =>
      isMoney(current[key]) && isMoney(previous[key]) ? pct(percentChange(current[key], previous[key])) : '—';
    figures.push({ label: '资产总额同比', value: yoy('totalAssets') });
    figures.push({ label: '负债总额同比', value: yoy('totalLiabilities') });
    if (now && before) figures.push({ label: '净资产同比', value: pct(percentChange(now, before)) });
  }
  return figures;
}

const validScores = (t: ScoreTablePart) =>
  [t.funding.weight, t.funding.score, ...t.indicators.flatMap((i) => [i.weight, i.score])].every(
    (v) => v === null || SCORE_PATTERN.test(v),
  );

/**
 * The 绩效自评表 of either kind: 执行率, what the 预算执行率 row earns, the weights, 总分 and its grade, and
 * the cap on the total when the template's scoring caps it at this 执行率.
 */
function scoreFigures(t: ScoreTablePart, bands: GradeBand[], template: TemplateDefinition | undefined): Figure[] {
  const { adjustedBudget, executed } = t.funding.total;
  const amounts = isMoney(adjustedBudget) && isMoney(executed);
  const rate = amounts ? executionRate(t) : null;
  const figures: Figure[] = [{ label: '执行率（全年执行数 ÷ 全年预算数）', value: amounts ? pct(rate) : '—' }];
  const cap = rate !== null && template ? totalCapFor(rate, template.scoring.totalCaps) : null;
  const capped: Figure[] =
    cap === null ? [] : [{ label: '总分上限（按本年度执行率规则）', value: `${cap.toString()} 分` }];
  if (!validScores(t)) return [...figures, ...capped];
  const fundingScore = amounts ? expectedFundingScore(t) : null;
  const score = totalScore(t);
  figures.push({
    label: '预算执行率得分（执行率 × 分值）',
    value: fundingScore === null ? '—' : `${fundingScore.toFixed(2)} 分`,
  });
  figures.push({ label: '分值合计', value: `${totalWeight(t).toFixed(2)} 分` });
  figures.push({ label: '总分（各项得分之和）', value: `${score.toFixed(2)} 分` });
  figures.push({ label: '对应评价等级', value: bandFor(score.toFixed(2), bands).label });
  return [...figures, ...capped];
}

/**
 * What the editor computes as the user types: totals, 执行率, 人数, 净资产, 同比, 总分 and 等级. Parts
 * are named alike in both kinds only where they are the same part (scoreTable, conclusion).
 */
export function liveFigures(
  part: ReportPart,
  drafts: Partial<Record<ReportPart, unknown>>,
  bands: GradeBand[],
  template?: TemplateDefinition,
): Figure[] {
  try {
    switch (part) {
      case 'budget':
        return budgetFigures(drafts.budget as BudgetPart);
      case 'basicInfo':
        return [
          ...staffingFigures(drafts.basicInfo as BasicInfoPart),
          ...assetFigures(drafts.basicInfo as BasicInfoPart),
        ];
      case 'scoreTable':
      case 'conclusion':
        return scoreFigures(drafts.scoreTable as ScoreTablePart, bands, template);
      default:
        return [];
    }
  } catch {
    return []; // a half-typed value the domain cannot read yet
  }
}
