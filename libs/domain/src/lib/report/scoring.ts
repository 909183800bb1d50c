import { dec, percentOf, roundHalfUp, type Dec } from '../money/decimal';
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

/** The score a quantitative indicator earns by the formula, or null when it cannot be computed. */
export function expectedIndicatorScore(indicator: Indicator): Dec | null {
  if (indicator.nature === 'qualitative' || indicator.weight === null) return null;
  const target = numericValue(indicator.target);
  const actual = numericValue(indicator.actual);
  if (target === null || actual === null) return null;
  const weight = dec(indicator.weight);
  // the ratio as numerator / denominator, multiplied by the weight before the one division (exact halves stay exact)
  let numerator: Dec;
  let denominator: Dec;
  if (indicator.nature === '>=') {
    if (actual.greaterThanOrEqualTo(target)) return weight;
    if (target.isZero()) return null;
    [numerator, denominator] = [actual, target];
  } else if (indicator.nature === '<=') {
    if (actual.lessThanOrEqualTo(target)) return weight;
    if (actual.isZero()) return null;
    [numerator, denominator] = [target, actual];
  } else {
    if (actual.equals(target)) return weight;
    if (target.isZero()) return null;
    [numerator, denominator] = actual.abs().greaterThan(target.abs()) ? [target, actual] : [actual, target];
  }
  return roundHalfUp(numerator.times(weight).div(denominator), 2);
}

/** 总得分 = 预算执行率得分 + 各指标得分. */
export function totalScore(table: ScoreTablePart): Dec {
  return table.indicators.reduce((acc, ind) => acc.plus(ind.score ?? 0), dec(table.funding.score ?? 0));
}

export function totalWeight(table: ScoreTablePart): Dec {
  return table.indicators.reduce((acc, ind) => acc.plus(ind.weight ?? 0), dec(table.funding.weight ?? 0));
}
