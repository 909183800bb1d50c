import { dec, type Dec } from '../money/decimal';
import { numericValue } from './scoring';
import type { Indicator } from './schema';

/**
 * Facts about one indicator row that both the indicator-quality lint (one report, for its department)
 * and the score-inflation flags (县级概览, across the county) read, so that they judge a row the same way.
 */

/** The row fields these facts need: the flags read them from SQL without the rest of the row. */
export type IndicatorFactsRow = Pick<Indicator, 'nature' | 'target' | 'actual' | 'weight' | 'score' | 'evidence'> & {
  /** 佐证材料 files attached to the row, where the reader knows them (the county's flags do) */
  evidenceFiles?: number;
};

/** 得分 equals 分值. */
export const hasFullMarks = (ind: Pick<Indicator, 'weight' | 'score'>): boolean =>
  ind.score !== null && ind.weight !== null && dec(ind.score).equals(ind.weight);

/** Something is written in 佐证材料, or a file is attached to the row. */
export const hasEvidence = (ind: Pick<IndicatorFactsRow, 'evidence' | 'evidenceFiles'>): boolean =>
  ind.evidence.trim() !== '' || (ind.evidenceFiles ?? 0) > 0;

/** A file is attached to the row (only a reader that knows the files can tell; otherwise undefined). */
export const hasEvidenceFiles = (ind: Pick<IndicatorFactsRow, 'evidenceFiles'>): boolean | undefined =>
  ind.evidenceFiles === undefined ? undefined : ind.evidenceFiles > 0;

/**
 * 完成率 (%) of a quantitative row: 实际完成值 ÷ 年度指标值 (≥ and ＝), 年度指标值 ÷ 实际完成值 (≤);
 * null for a qualitative row, a value without a number, or a zero divisor.
 */
export function completionRate(ind: Pick<Indicator, 'nature' | 'target' | 'actual'>): Dec | null {
  if (ind.nature === 'qualitative') return null;
  const target = numericValue(ind.target);
  const actual = numericValue(ind.actual);
  if (target === null || actual === null) return null;
  const [numerator, denominator] = ind.nature === '<=' ? [target, actual] : [actual, target];
  return denominator.isZero() ? null : numerator.times(100).div(denominator);
}
