import { z } from 'zod';
import { dec, roundHalfUp, SCORE_PATTERN, type Dec } from '../money/decimal';
import {
  completionRate,
  hasEvidence,
  hasEvidenceFiles,
  hasFullMarks,
  type IndicatorFactsRow,
} from '../report/indicator-facts';

/**
 * Score-inflation flags (虚高预警) of 县级概览: signs that a department graded itself too kindly, each
 * explained in Chinese with its numbers, each red or yellow by thresholds the county sets. A department's
 * light is red with any red flag, yellow with any yellow one, else green.
 *
 * The rules read a department's 部门整体 report of the year and of the year before (its summary columns and
 * its indicator rows). Pure: the API reads the rows in SQL, the web shows what the API says.
 *
 * 「自评得分高于复核得分」 reads the finance bureau's re-score total (财政复核评分) beside the stated total.
 */

export const FLAG_SEVERITIES = ['red', 'yellow'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
export const TRAFFIC_LIGHTS = ['red', 'yellow', 'green'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];
export const TRAFFIC_LIGHT_LABELS: Record<TrafficLight, string> = { red: '红', yellow: '黄', green: '绿' };

export const INFLATION_RULE_IDS = [
  'all-complete-little-evidence',
  'high-score-low-execution',
  'score-up-execution-down',
  'copied-full-marks',
  'self-above-rescore',
  'full-marks-without-files',
] as const;
export type InflationRuleId = (typeof INFLATION_RULE_IDS)[number];
export const INFLATION_RULE_TITLES: Record<InflationRuleId, string> = {
  'all-complete-little-evidence': '指标完成率全部为 100% 而佐证不足',
  'high-score-low-execution': '高分而执行率偏低',
  'score-up-execution-down': '得分上升而执行率下降',
  'copied-full-marks': '指标照搬上年且得满分',
  'self-above-rescore': '自评得分高于复核得分超过阈值',
  'full-marks-without-files': '满分指标未附佐证材料',
};

export interface InflationFlag {
  rule: InflationRuleId;
  severity: FlagSeverity;
  /** the explanation, with the numbers */
  message: string;
}

/** Percentages and scores are decimal strings (0–100, at most 2 decimals); counts are whole numbers. */
export interface InflationThresholds {
  allComplete: {
    /** the rule looks at a table only with at least this many quantitative rows with a 完成率 */
    minIndicators: number;
    /** share (%) of those rows without 佐证材料 from which the flag is yellow, red */
    yellowShare: string;
    redShare: string;
  };
  highScoreLowRate: {
    /** 总分 from which (inclusive) a score counts as high */
    minScore: string;
    /** 执行率 (%) below which (exclusive) the flag is yellow, red */
    yellowRateBelow: string;
    redRateBelow: string;
  };
  scoreUpRateDown: {
    /** the rise of 总分 over last year (points, inclusive) that counts */
    minScoreRise: string;
    /** the fall of 执行率 (percentage points, inclusive) from which the flag is yellow, red */
    yellowRateFall: string;
    redRateFall: string;
  };
  copiedFullMarks: {
    /** rows the same as last year's and at full marks, from which the flag is yellow, red */
    yellowCount: number;
    redCount: number;
  };
  selfAboveReScore: {
    /** self-score minus the finance bureau's re-score (points) above which (exclusive) the flag is yellow, red */
    yellowGap: string;
    redGap: string;
  };
  fullMarksWithoutFiles: {
    /** indicator rows at full marks with no 佐证材料 file attached, from which the flag is yellow, red */
    yellowCount: number;
    redCount: number;
  };
}

export const DEFAULT_INFLATION_THRESHOLDS: InflationThresholds = {
  allComplete: { minIndicators: 3, yellowShare: '50', redShare: '80' },
  highScoreLowRate: { minScore: '95', yellowRateBelow: '90', redRateBelow: '80' },
  scoreUpRateDown: { minScoreRise: '3', yellowRateFall: '5', redRateFall: '10' },
  copiedFullMarks: { yellowCount: 5, redCount: 10 },
  selfAboveReScore: { yellowGap: '5', redGap: '10' },
  fullMarksWithoutFiles: { yellowCount: 3, redCount: 8 },
};

/** Labels of the thresholds, as the settings page and the error messages name them. */
export const INFLATION_THRESHOLD_LABELS = {
  'allComplete.minIndicators': '参与判断的最少定量指标数',
  'allComplete.yellowShare': '未附佐证指标占比（黄）',
  'allComplete.redShare': '未附佐证指标占比（红）',
  'highScoreLowRate.minScore': '高分线',
  'highScoreLowRate.yellowRateBelow': '执行率低于（黄）',
  'highScoreLowRate.redRateBelow': '执行率低于（红）',
  'scoreUpRateDown.minScoreRise': '得分升高至少',
  'scoreUpRateDown.yellowRateFall': '执行率下降至少（黄）',
  'scoreUpRateDown.redRateFall': '执行率下降至少（红）',
  'copiedFullMarks.yellowCount': '照搬且满分的指标数（黄）',
  'copiedFullMarks.redCount': '照搬且满分的指标数（红）',
  'selfAboveReScore.yellowGap': '自评高于复核超过（黄）',
  'selfAboveReScore.redGap': '自评高于复核超过（红）',
  'fullMarksWithoutFiles.yellowCount': '满分未附佐证的指标数（黄）',
  'fullMarksWithoutFiles.redCount': '满分未附佐证的指标数（红）',
} as const;

const upTo100 = (what: string) =>
  z
    .string({ error: `${what}应为 0–100 的数，最多 2 位小数` })
    .regex(SCORE_PATTERN, { error: `${what}应为 0–100 的数，最多 2 位小数` })
    .refine((v) => !SCORE_PATTERN.test(v) || dec(v).lessThanOrEqualTo(100), {
      error: `${what}应为 0–100 的数，最多 2 位小数`,
    });
const above0upTo100 = (what: string) =>
  upTo100(what).refine((v) => !SCORE_PATTERN.test(v) || dec(v).greaterThan(0), {
    error: `${what}应大于 0 且不超过 100`,
  });
const rowCount = (what: string) =>
  z
    .number({ error: `${what}应为 1–200 的整数` })
    .int({ error: `${what}应为 1–200 的整数` })
    .min(1, { error: `${what}应为 1–200 的整数` })
    .max(200, { error: `${what}应为 1–200 的整数` });

const L = INFLATION_THRESHOLD_LABELS;
/** Whether red is no milder than yellow; a value already refused for its own form is not compared again. */
const notMilder = (red: string, yellow: string, redAtLeast: boolean) =>
  !SCORE_PATTERN.test(red) ||
  !SCORE_PATTERN.test(yellow) ||
  (redAtLeast ? dec(red).greaterThanOrEqualTo(yellow) : dec(red).lessThanOrEqualTo(yellow));
const GROUP = { error: '应为一组阈值（对象）' };
const thresholdsSchema = z.strictObject(
  {
    allComplete: z
      .strictObject(
        {
          minIndicators: rowCount(L['allComplete.minIndicators']),
          yellowShare: above0upTo100(L['allComplete.yellowShare']),
          redShare: above0upTo100(L['allComplete.redShare']),
        },
        GROUP,
      )
      .refine((t) => notMilder(t.redShare, t.yellowShare, true), {
        error: '红灯的未附佐证占比不能低于黄灯的',
        path: ['redShare'],
      }),
    highScoreLowRate: z
      .strictObject(
        {
          minScore: above0upTo100(L['highScoreLowRate.minScore']),
          yellowRateBelow: above0upTo100(L['highScoreLowRate.yellowRateBelow']),
          redRateBelow: above0upTo100(L['highScoreLowRate.redRateBelow']),
        },
        GROUP,
      )
      .refine((t) => notMilder(t.redRateBelow, t.yellowRateBelow, false), {
        error: '红灯的执行率界限不能高于黄灯的',
        path: ['redRateBelow'],
      }),
    scoreUpRateDown: z
      .strictObject(
        {
          minScoreRise: above0upTo100(L['scoreUpRateDown.minScoreRise']),
          yellowRateFall: above0upTo100(L['scoreUpRateDown.yellowRateFall']),
          redRateFall: above0upTo100(L['scoreUpRateDown.redRateFall']),
        },
        GROUP,
      )
      .refine((t) => notMilder(t.redRateFall, t.yellowRateFall, true), {
        error: '红灯的执行率降幅不能低于黄灯的',
        path: ['redRateFall'],
      }),
    copiedFullMarks: z
      .strictObject(
        {
          yellowCount: rowCount(L['copiedFullMarks.yellowCount']),
          redCount: rowCount(L['copiedFullMarks.redCount']),
        },
        GROUP,
      )
      .refine((t) => t.redCount >= t.yellowCount, { error: '红灯的指标数不能少于黄灯的', path: ['redCount'] }),
    selfAboveReScore: z
      .strictObject(
        {
          yellowGap: above0upTo100(L['selfAboveReScore.yellowGap']),
          redGap: above0upTo100(L['selfAboveReScore.redGap']),
        },
        GROUP,
      )
      .refine((t) => notMilder(t.redGap, t.yellowGap, true), {
        error: '红灯的分差不能小于黄灯的',
        path: ['redGap'],
      }),
    fullMarksWithoutFiles: z
      .strictObject(
        {
          yellowCount: rowCount(L['fullMarksWithoutFiles.yellowCount']),
          redCount: rowCount(L['fullMarksWithoutFiles.redCount']),
        },
        GROUP,
      )
      .refine((t) => t.redCount >= t.yellowCount, { error: '红灯的指标数不能少于黄灯的', path: ['redCount'] }),
  },
  GROUP,
);

export interface ThresholdProblem {
  /** dotted path, e.g. highScoreLowRate.redRateBelow */
  path: string;
  message: string;
}

export type ThresholdValidation =
  | { ok: true; thresholds: InflationThresholds }
  | { ok: false; problems: ThresholdProblem[] };

/** Thresholds as a county may set them: every one given, each in range, red no milder than yellow. */
export function validateInflationThresholds(input: unknown): ThresholdValidation {
  const parsed = thresholdsSchema.safeParse(input);
  if (parsed.success) return { ok: true, thresholds: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.code === 'unrecognized_keys' ? `不认识的阈值：${i.keys.join('、')}` : i.message,
    })),
  };
}

/** What the rules read of one 部门整体 report. */
export interface FlagReport {
  totalScore: string | null;
  executionRate: string | null;
  /** the finance bureau's re-score total (复核得分), null or absent while not re-scored */
  reScore?: string | null;
  indicators: Array<IndicatorFactsRow & { level3: string }>;
}

export interface FlagInput {
  /** the report of the year */
  current: FlagReport;
  /** the same department's report of the year before, if any */
  previous: FlagReport | null;
}

/** Scores as written: 96, 95.5 (no trailing zeros). */
const points = (v: Dec) => v.toString();
/** Percentages to two places: 84.50. */
const pct = (v: Dec) => roundHalfUp(v, 2).toFixed(2);

function allCompleteLittleEvidence(r: FlagReport, t: InflationThresholds['allComplete']): InflationFlag | null {
  const rated = r.indicators.flatMap((ind) => {
    const rate = completionRate(ind);
    return rate === null ? [] : [{ ind, rate }];
  });
  if (rated.length < t.minIndicators || !rated.every(({ rate }) => rate.equals(100))) return null;
  const without = rated.filter(({ ind }) => !hasEvidence(ind)).length;
  const share = dec(without).times(100).div(rated.length);
  const severity = share.greaterThanOrEqualTo(t.redShare)
    ? 'red'
    : share.greaterThanOrEqualTo(t.yellowShare)
      ? 'yellow'
      : null;
  if (!severity) return null;
  return {
    rule: 'all-complete-little-evidence',
    severity,
    message: `全部 ${rated.length} 项定量指标完成率均为 100%，其中 ${without} 项未附佐证`,
  };
}

function highScoreLowExecution(r: FlagReport, t: InflationThresholds['highScoreLowRate']): InflationFlag | null {
  if (r.totalScore === null || r.executionRate === null) return null;
  const score = dec(r.totalScore);
  const rate = dec(r.executionRate);
  if (score.lessThan(t.minScore)) return null;
  const severity = rate.lessThan(t.redRateBelow) ? 'red' : rate.lessThan(t.yellowRateBelow) ? 'yellow' : null;
  if (!severity) return null;
  const bound = severity === 'red' ? t.redRateBelow : t.yellowRateBelow;
  return {
    rule: 'high-score-low-execution',
    severity,
    message: `总分 ${points(score)} 分而执行率仅 ${pct(rate)}%（低于 ${points(dec(bound))}%）`,
  };
}

function scoreUpExecutionDown(
  r: FlagReport,
  last: FlagReport | null,
  t: InflationThresholds['scoreUpRateDown'],
): InflationFlag | null {
  if (!last || [r.totalScore, r.executionRate, last.totalScore, last.executionRate].some((v) => v === null))
    return null;
  const rise = dec(r.totalScore as string).minus(last.totalScore as string);
  const fall = dec(last.executionRate as string).minus(r.executionRate as string);
  if (rise.lessThan(t.minScoreRise)) return null;
  const severity = fall.greaterThanOrEqualTo(t.redRateFall)
    ? 'red'
    : fall.greaterThanOrEqualTo(t.yellowRateFall)
      ? 'yellow'
      : null;
  if (!severity) return null;
  return {
    rule: 'score-up-execution-down',
    severity,
    message: `得分较上年升高 ${points(rise)} 分，而执行率较上年下降 ${pct(fall)} 个百分点`,
  };
}

const rowKey = (ind: { level3: string; target: string; actual: string }) =>
  JSON.stringify([ind.level3.trim(), ind.target.trim(), ind.actual.trim()]);

function copiedFullMarks(
  r: FlagReport,
  last: FlagReport | null,
  t: InflationThresholds['copiedFullMarks'],
): InflationFlag | null {
  if (!last) return null;
  // each of last year's rows matches at most one of this year's
  const left = new Map<string, number>();
  for (const ind of last.indicators) {
    if (ind.level3.trim()) left.set(rowKey(ind), (left.get(rowKey(ind)) ?? 0) + 1);
  }
  let copied = 0;
  for (const ind of r.indicators) {
    const key = rowKey(ind);
    const n = left.get(key) ?? 0;
    if (!ind.level3.trim() || n === 0 || !hasFullMarks(ind)) continue;
    left.set(key, n - 1);
    copied++;
  }
  const severity = copied >= t.redCount ? 'red' : copied >= t.yellowCount ? 'yellow' : null;
  if (!severity) return null;
  return { rule: 'copied-full-marks', severity, message: `${copied} 项指标与上年完全相同且均得满分` };
}

function selfAboveReScore(r: FlagReport, t: InflationThresholds['selfAboveReScore']): InflationFlag | null {
  if (r.totalScore === null || r.reScore === null || r.reScore === undefined) return null;
  const gap = dec(r.totalScore).minus(r.reScore);
  const severity = gap.greaterThan(t.redGap) ? 'red' : gap.greaterThan(t.yellowGap) ? 'yellow' : null;
  if (!severity) return null;
  const bound = severity === 'red' ? t.redGap : t.yellowGap;
  return {
    rule: 'self-above-rescore',
    severity,
    message: `自评得分 ${points(dec(r.totalScore))} 分，财政复核得分 ${points(dec(r.reScore))} 分，高出 ${points(gap)} 分（超过 ${points(dec(bound))} 分）`,
  };
}

/**
 * Rows at full marks with no file attached, counted only where the reader knows the files (the dashboard does):
 * a 100% said without anything to show for it.
 */
function fullMarksWithoutFiles(r: FlagReport, t: InflationThresholds['fullMarksWithoutFiles']): InflationFlag | null {
  const bare = r.indicators.filter((ind) => ind.level3.trim() && hasFullMarks(ind) && hasEvidenceFiles(ind) === false);
  const count = bare.length;
  const severity = count >= t.redCount ? 'red' : count >= t.yellowCount ? 'yellow' : null;
  if (!severity) return null;
  const named = bare.slice(0, 3).map((ind) => `「${ind.level3.trim()}」`).join('、');
  return {
    rule: 'full-marks-without-files',
    severity,
    message: `${count} 项指标得满分而未附佐证材料（如${named}）`,
  };
}

/** Every flag a department's report of the year raises, in the order of INFLATION_RULE_IDS. */
export function inflationFlags(input: FlagInput, thresholds: InflationThresholds): InflationFlag[] {
  const { current, previous } = input;
  return [
    allCompleteLittleEvidence(current, thresholds.allComplete),
    highScoreLowExecution(current, thresholds.highScoreLowRate),
    scoreUpExecutionDown(current, previous, thresholds.scoreUpRateDown),
    copiedFullMarks(current, previous, thresholds.copiedFullMarks),
    selfAboveReScore(current, thresholds.selfAboveReScore),
    fullMarksWithoutFiles(current, thresholds.fullMarksWithoutFiles),
  ].filter((f): f is InflationFlag => f !== null);
}

/** Red with any red flag, yellow with any yellow one, else green. */
export function trafficLight(flags: InflationFlag[]): TrafficLight {
  if (flags.some((f) => f.severity === 'red')) return 'red';
  return flags.length ? 'yellow' : 'green';
}
