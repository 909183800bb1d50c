import { z } from 'zod';
import { MONEY_PATTERN, PERCENT_PATTERN, SCORE_PATTERN } from '../money/decimal';
import type { ReportPart } from './parts';

/**
 * The 部门整体支出绩效自评报告 and its 绩效自评表 as data. The shape is checked here (types,
 * formats, lengths); whether a draft is complete and consistent is the rules' job, so a half-written
 * draft still saves. Amounts are strings of exact decimals in 万元.
 */
export const REPORT_SCHEMA_VERSION = 1;

const text = (max: number) => z.string().max(max, { error: `不能超过 ${max} 个字符` });
const money = z.string().regex(MONEY_PATTERN, { error: '应为金额（万元），最多 4 位小数，如 178.646' });
const percent = z.string().regex(PERCENT_PATTERN, { error: '应为百分数，最多 2 位小数，如 -1.9' });
const score = z.string().regex(SCORE_PATTERN, { error: '应为 0–100 的分数，最多 2 位小数' });
const count = z.number({ error: '应为整数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).max(1_000_000);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `最多 ${max} 项` });

export const headerSchema = z.strictObject({
  /** 附件标签, e.g. 「附件 4」, from the year's notice of the finance bureau */
  attachmentLabel: text(20),
  /** as printed above the title (the fiscal year is the report's own, not repeated here) */
  departmentName: text(100),
  title: text(100),
  /** the policy the evaluation follows: issuer, document and its number */
  policyIssuer: text(100),
  policyTitle: text(200),
  policyNumber: text(50),
  principles: text(200),
});

export const orgUnitSchema = z.strictObject({
  name: text(100),
  /** 单位性质 */
  nature: text(30),
  /** 单位规格 */
  level: text(30),
  /** 经费保障形式 */
  fundingForm: text(30),
});

export const assetFiguresSchema = z.strictObject({
  totalAssets: money,
  totalLiabilities: money,
  netAssets: money,
});

export const basicInfoSchema = z.strictObject({
  /** 部门职能, one entry per paragraph */
  functions: list(text(4000), 50),
  orgUnits: list(orgUnitSchema, 100),
  staffing: z.strictObject({
    /** e.g. 行政人员 */
    category: text(30),
    asOf: text(30),
    headcount: count.nullable(),
    previousHeadcount: count.nullable(),
    changeReason: text(1000),
  }),
  assets: z.strictObject({
    asOf: text(30),
    /** e.g. 账面净值 */
    valuationBasis: text(30),
    current: assetFiguresSchema.nullable(),
    previous: assetFiguresSchema.nullable(),
    /** year-over-year change as stated in the report (signed, %) */
    yoy: z.strictObject({
      totalAssets: percent.nullable(),
      totalLiabilities: percent.nullable(),
      netAssets: percent.nullable(),
    }),
  }),
});

export const budgetLineSchema = z.strictObject({
  name: text(300),
  amount: money,
  /** funding document number, e.g. 冀财行【2023】98号 */
  documentNumber: text(60),
});

export const budgetSchema = z.strictObject({
  /** 年初项目预算 */
  projectBudgetTotal: money.nullable(),
  lines: list(budgetLineSchema, 300),
  /** 当年项目支出 */
  projectSpent: money.nullable(),
});

export const goalSchema = z.strictObject({ text: text(4000) });
export const goalsSchema = z.strictObject({ items: list(goalSchema, 100) });

export const selfEvaluationSchema = z.strictObject({
  organization: text(4000),
  methodAndProcess: text(8000),
});

export const resultItemSchema = z.strictObject({
  text: text(4000),
  /** 总体完成率 (%) */
  completionRate: percent.nullable(),
  /** required when the rate exceeds 100 */
  explanation: text(2000),
});

export const resultsSchema = z.strictObject({
  overall: text(8000),
  items: list(resultItemSchema, 100),
});

export const GRADE_KEYS = ['excellent', 'good', 'fair', 'poor'] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

export const conclusionSchema = z.strictObject({
  totalScore: score.nullable(),
  grade: z.enum(GRADE_KEYS, { error: '等级只能是 excellent、good、fair 或 poor' }).nullable(),
  basis: text(500),
});

export const problemsSchema = z.strictObject({
  problems: text(8000),
  measures: text(8000),
});

export const teamMemberSchema = z.strictObject({
  name: text(50),
  unit: text(100),
  position: text(100),
  /** 职称 */
  title: text(50),
});
export const teamSchema = z.strictObject({ members: list(teamMemberSchema, 50) });

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

export const PART_SCHEMAS = {
  header: headerSchema,
  basicInfo: basicInfoSchema,
  budget: budgetSchema,
  goals: goalsSchema,
  selfEvaluation: selfEvaluationSchema,
  results: resultsSchema,
  conclusion: conclusionSchema,
  problems: problemsSchema,
  team: teamSchema,
  scoreTable: scoreTableSchema,
} as const satisfies Record<ReportPart, z.ZodType>;

export const reportContentSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  ...PART_SCHEMAS,
});

export type ReportContent = z.infer<typeof reportContentSchema>;
export type HeaderPart = z.infer<typeof headerSchema>;
export type BasicInfoPart = z.infer<typeof basicInfoSchema>;
export type BudgetPart = z.infer<typeof budgetSchema>;
export type GoalsPart = z.infer<typeof goalsSchema>;
export type SelfEvaluationPart = z.infer<typeof selfEvaluationSchema>;
export type ResultsPart = z.infer<typeof resultsSchema>;
export type ConclusionPart = z.infer<typeof conclusionSchema>;
export type ProblemsPart = z.infer<typeof problemsSchema>;
export type TeamPart = z.infer<typeof teamSchema>;
export type ScoreTablePart = z.infer<typeof scoreTableSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type FundingColumns = z.infer<typeof fundingColumnsSchema>;
export type AssetFigures = z.infer<typeof assetFiguresSchema>;
