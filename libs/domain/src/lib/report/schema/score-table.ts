import { z } from 'zod';
import { list, money, percent, score, text } from './primitives';

/**
 * The 绩效自评表's money and indicators, the same in every kind that has one (the 部门整体 report's
 * appendix and the 项目支出绩效自评表): 财预〔2020〕10号 and the provinces' copies of it.
 */
export const fundingColumnsSchema = z.strictObject({
  /** 年初预算数 */
  initialBudget: money.nullable(),
  /** 全年预算数 */
  adjustedBudget: money.nullable(),
  /** 全年执行数 */
  executed: money.nullable(),
});

export const INDICATOR_NATURES = ['=', '>=', '<=', 'qualitative'] as const;
export type IndicatorNature = (typeof INDICATOR_NATURES)[number];

export const indicatorSchema = z.strictObject({
  level1: text(50),
  level2: text(50),
  level3: text(200),
  /** 指标性质: ＝, ≥, ≤, or a qualitative indicator */
  nature: z.enum(INDICATOR_NATURES, { error: '指标性质只能是 =、>=、<= 或 qualitative' }),
  /** 年度指标值 */
  target: text(100),
  unit: text(20),
  /** 实际完成值 */
  actual: text(100),
  /** 分值 */
  weight: score.nullable(),
  /** 得分 */
  score: score.nullable(),
  /** 偏差原因分析及改进措施 */
  deviationNote: text(2000),
  /** what proves the value (documents, records) */
  evidence: text(1000),
  /** the 指标库 entry the row was picked from, if any (the row keeps its own copy of the texts) */
  libraryEntryId: z.uuid({ error: '指标库条目编号无效' }).nullable().optional(),
});

export const scoreTableSchema = z.strictObject({
  funding: z.strictObject({
    /** 年度资金总额 */
    total: fundingColumnsSchema,
    /** 其中：本年财政拨款 */
    currentYearAppropriation: fundingColumnsSchema,
    /** 上年结转资金 */
    carryover: fundingColumnsSchema,
    /** 其他资金 */
    other: fundingColumnsSchema,
    /** 执行率 (%) of the total row, as stated */
    executionRate: percent.nullable(),
    /** 分值 and 得分 of the 预算执行率 row */
    weight: score.nullable(),
    score: score.nullable(),
    /** reason, required by some provinces below 90 % */
    deviationNote: text(2000),
  }),
  indicators: list(indicatorSchema, 200),
});

export const GRADE_KEYS = ['excellent', 'good', 'fair', 'poor'] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

/** 总分 and 评价等级, as the report states them. */
export const conclusionSchema = z.strictObject({
  totalScore: score.nullable(),
  grade: z.enum(GRADE_KEYS, { error: '等级只能是 excellent、good、fair 或 poor' }).nullable(),
  basis: text(500),
});

export type FundingColumns = z.infer<typeof fundingColumnsSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ScoreTablePart = z.infer<typeof scoreTableSchema>;
export type ConclusionPart = z.infer<typeof conclusionSchema>;
