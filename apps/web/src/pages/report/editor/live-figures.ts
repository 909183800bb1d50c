import {
  bandFor,
  dec,
  executionRate,
  MONEY_PATTERN,
  percentChange,
  percentOf,
  roundHalfUp,
  SCORE_PATTERN,
  sum,
  totalScore,
  totalWeight,
  type BasicInfoPart,
  type BudgetPart,
  type Dec,
  type GradeBand,
  type ReportPart,
  type ScoreTablePart,
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

function budgetFigures(b: BudgetPart): Figure[] {
  const amounts = b.lines.map((l) => l.amount).filter(isMoney);
  const total = sum(amounts);
  const figures: Figure[] = [{ label: '预算明细合计', value: `${money(total)} 万元` }];
  if (isMoney(b.projectBudgetTotal)) {
    figures.push({ label: '与年初项目预算差额', value: `${money(total.minus(b.projectBudgetTotal).abs())} 万元` });
    if (isMoney(b.projectSpent)) {
      figures.push({ label: '执行率', value: pct(percentOf(b.projectSpent, b.projectBudgetTotal)) });
    }
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
  if (now) figures.push({ label: '本年末净资产（资产−负债）', value: `${money(now)} 万元` });
  if (before) figures.push({ label: '上年末净资产', value: `${money(before)} 万元` });
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

function scoreFigures(t: ScoreTablePart, bands: GradeBand[]): Figure[] {
  const { adjustedBudget, executed } = t.funding.total;
  const figures: Figure[] = [
    {
      label: '执行率（全年执行数 ÷ 全年预算数）',
      value: isMoney(adjustedBudget) && isMoney(executed) ? pct(executionRate(t)) : '—',
    },
  ];
  if (!validScores(t)) return figures;
  const score = totalScore(t);
  figures.push({ label: '分值合计', value: `${totalWeight(t).toFixed(2)} 分` });
  figures.push({ label: '得分合计', value: `${score.toFixed(2)} 分` });
  figures.push({ label: '对应等级', value: bandFor(score.toFixed(2), bands).label });
  return figures;
}

/** What the editor computes as the user types: totals, 执行率, 净资产, 同比, score and grade. */
export function liveFigures(part: ReportPart, drafts: Record<ReportPart, unknown>, bands: GradeBand[]): Figure[] {
  try {
    switch (part) {
      case 'budget':
        return budgetFigures(drafts.budget as BudgetPart);
      case 'basicInfo':
        return assetFigures(drafts.basicInfo as BasicInfoPart);
      case 'scoreTable':
      case 'conclusion':
        return scoreFigures(drafts.scoreTable as ScoreTablePart, bands);
      default:
        return [];
    }
  } catch {
    return []; // a half-typed value the domain cannot read yet
  }
}
