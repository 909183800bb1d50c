import type { ScoringSettings } from './definition';

/**
 * Scoring as 财预〔2020〕10号 states it, with nothing a county adds: a quantitative indicator scores
 * 完成值/指标值 × 分值, no cap on the total, qualitative indicators scored by the reviewer's judgement.
 */
export const DEFAULT_SCORING: ScoringSettings = {
  totalCaps: [],
  quantitative: 'proportional',
  deviationBands: [],
  qualitative: [],
};
