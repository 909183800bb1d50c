import { dec, percentOf, roundHalfUp, type Dec } from '../money/decimal';
import type { DeviationBand, ScoringSettings, TotalCap } from '../template/definition';
import { DEFAULT_SCORING } from '../template/defaults';
import type { Indicator, ScoreTablePart } from './schema';

/**
 * Scoring of the 绩效自评表 (财预〔2020〕10号 and the published county tables):
 * budget row = 执行率 × 分值, capped at 分值; a quantitative indicator met scores its full weight,
 * otherwise 完成值/指标值 × 分值 (for ≥) or 指标值/完成值 × 分值 (for ≤). Scores to 2 places, half-up.
 */
export function executionRate(table: ScoreTablePart): Dec | null {
  const { adjustedBudget, executed } = table.funding.total;
  if (adjustedBudget === null || executed === null) return null;
  return percentOf(executed, adjustedBudget);
}

export function expectedFundingScore(table: ScoreTablePart): Dec | null {
  const { adjustedBudget, executed } = table.funding.total;
  const weight = table.funding.weight;
  if (adjustedBudget === null || executed === null || weight === null || dec(adjustedBudget).isZero()) return null;
  // multiply before dividing: an exact half (7/12 × 15.06 = 8.785) must not become 8.78499… and round down
  const raw = dec(executed).times(weight).div(adjustedBudget);
  return roundHalfUp(raw.greaterThan(weight) ? dec(weight) : raw, 2);
}

/** Reads a number out of an indicator value such as "≥300", "95%" or "1,200". */
export function numericValue(text: string): Dec | null {
  const match = /-?\d[\d,]*(?:\.\d+)?/.exec(text.replace(/\s/g, ''));
  if (!match) return null;
  try {
    return dec(match[0].replace(/,/g, ''));
  } catch {
    return null;
  }
}

/** Whether the value meets the target in the indicator's sense (≥, ≤, =). */
function meets(nature: Indicator['nature'], actual: Dec, target: Dec): boolean {
  if (nature === '>=') return actual.greaterThanOrEqualTo(target);
  if (nature === '<=') return actual.lessThanOrEqualTo(target);
  return actual.equals(target);
}

/** 完成值/指标值 (≥), 指标值/完成值 (≤) or the smaller over the larger (=), as numerator and denominator. */
function proportional(indicator: Indicator, target: Dec, actual: Dec, weight: Dec): Dec | null {
  let numerator: Dec;
  let denominator: Dec;
  if (indicator.nature === '>=') {
    if (target.isZero()) return null;
    [numerator, denominator] = [actual, target];
  } else if (indicator.nature === '<=') {
    if (actual.isZero()) return null;
    [numerator, denominator] = [target, actual];
  } else {
    if (target.isZero()) return null;
    [numerator, denominator] = actual.abs().greaterThan(target.abs()) ? [target, actual] : [actual, target];
  }
  // multiplied by the weight before the one division: exact halves stay exact
  return roundHalfUp(numerator.times(weight).div(denominator), 2);
}

/** |完成值 − 指标值| ÷ 指标值, in %; null for a zero target. */
export function deviationPercent(target: Dec, actual: Dec): Dec | null {
  if (target.isZero()) return null;
  return actual.minus(target).abs().times(100).div(target.abs());
}

function byDeviationBands(target: Dec, actual: Dec, weight: Dec, bands: DeviationBand[]): Dec | null {
  const deviation = deviationPercent(target, actual);
  if (deviation === null) return null;
  const ordered = [...bands].sort((a, b) => dec(a.upTo).comparedTo(dec(b.upTo)));
  const band = ordered.find((b) => deviation.lessThanOrEqualTo(b.upTo));
  if (!band) return dec(0);
  return roundHalfUp(weight.times(dec(100).minus(band.deduct)).div(100), 2);
}

/** The scores an indicator may be given under the template's scoring: one value, or a range for a qualitative grade. */
export interface ScoreRange {
  min: Dec;
  max: Dec;
  /** how it was computed, in Chinese, for findings and the editor */
  how: string;
}

const HOW: Record<Exclude<Indicator['nature'], 'qualitative'>, string> = {
  '>=': '完成值 ÷ 指标值 × 分值',
  '<=': '指标值 ÷ 完成值 × 分值',
  '=': '完成值与指标值之比 × 分值',
};

/**
 * What an indicator should score under the template's scoring, or null when it cannot be told (no
 * weight, no numbers, a qualitative 完成情况 that is not one of the template's grades).
 */
export function indicatorScoreRange(
  indicator: Indicator,
  scoring: ScoringSettings = DEFAULT_SCORING,
): ScoreRange | null {
  if (indicator.weight === null) return null;
  const weight = dec(indicator.weight);
  if (indicator.nature === 'qualitative') {
    const grade = scoring.qualitative.find((g) => g.label === indicator.actual.trim());
    if (!grade) return null;
    const share = (p: string) => roundHalfUp(weight.times(p).div(100), 2);
    const range = grade.minShare === grade.maxShare ? `${grade.minShare}%` : `${grade.minShare}%–${grade.maxShare}%`;
    return { min: share(grade.minShare), max: share(grade.maxShare), how: `「${grade.label}」得分值的 ${range}` };
  }
  const target = numericValue(indicator.target);
  const actual = numericValue(indicator.actual);
  if (target === null || actual === null) return null;
  if (meets(indicator.nature, actual, target)) return { min: weight, max: weight, how: '达到指标值得满分' };
  const value =
    scoring.quantitative === 'deviationBands'
      ? byDeviationBands(target, actual, weight, scoring.deviationBands)
      : proportional(indicator, target, actual, weight);
  if (value === null) return null;
  const how =
    scoring.quantitative === 'deviationBands'
      ? `偏差率 ${roundHalfUp(deviationPercent(target, actual) as Dec, 2).toFixed(2)}%，按偏差档次扣分`
      : HOW[indicator.nature];
  return { min: value, max: value, how };
}

/** The score a quantitative indicator earns by the formula, or null when it cannot be computed. */
export function expectedIndicatorScore(indicator: Indicator, scoring: ScoringSettings = DEFAULT_SCORING): Dec | null {
  if (indicator.nature === 'qualitative') return null;
  return indicatorScoreRange(indicator, scoring)?.min ?? null;
}

/** The cap an 执行率 puts on the total (the tightest band it falls below), or null when none applies. */
export function totalCapFor(rate: Dec, caps: TotalCap[]): Dec | null {
  const applying = caps.filter((c) => rate.lessThan(c.rateBelow)).map((c) => dec(c.maxTotal));
  return applying.length === 0 ? null : applying.reduce((a, b) => (a.lessThan(b) ? a : b));
}

/** 总得分 = 预算执行率得分 + 各指标得分. */
export function totalScore(table: ScoreTablePart): Dec {
  return table.indicators.reduce((acc, ind) => acc.plus(ind.score ?? 0), dec(table.funding.score ?? 0));
}

export function totalWeight(table: ScoreTablePart): Dec {
  return table.indicators.reduce((acc, ind) => acc.plus(ind.weight ?? 0), dec(table.funding.weight ?? 0));
}
