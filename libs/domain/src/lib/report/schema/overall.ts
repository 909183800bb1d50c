import { z } from 'zod';
import type { OverallPart } from '../parts';
import { count, list, money, percent, text } from './primitives';
import { conclusionSchema, scoreTableSchema } from './score-table';

/**
 * The 部门整体支出绩效自评报告 and its 绩效自评表 as data, schema version 2. The shape is checked here
 * (types, formats, lengths); whether a draft is complete and consistent is the rules' job, so a
 * half-written draft still saves. Version 2 adds what many reports carry and the sample does not: 编制数
 * and 实有人数 per category, the year's 收入 and 支出, and each project line's 执行数.
 */
export const OVERALL_SCHEMA_VERSION = 2;

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

/** One category of staff (行政、事业、工勤…): 编制数 and 实有人数 at year end. */
export const staffCategorySchema = z.strictObject({
  /** e.g. 行政人员 */
  category: text(30),
  /** 编制数 */
  authorized: count.nullable(),
  /** 实有人数 */
  actual: count.nullable(),
});

export const basicInfoSchema = z.strictObject({
  /** 部门职能, one entry per paragraph */
  functions: list(text(4000), 50),
  orgUnits: list(orgUnitSchema, 100),
  staffing: z.strictObject({
    asOf: text(30),
    /** the year-end headcount is the sum of the categories' 实有人数 */
    categories: list(staffCategorySchema, 20),
    /** 上年末实有人数 */
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

/** A figure of the year: the year-start budget (年初预算数) beside the actual (决算数), either may be absent. */
export const plannedActualSchema = z.strictObject({
  budget: money.nullable(),
  actual: money.nullable(),
});

export const budgetLineSchema = z.strictObject({
  name: text(300),
  /** 年初预算数 */
  amount: money,
  /** 全年执行数, where the report gives it per project */
  spent: money.nullable(),
  /** funding document number, e.g. 冀财行【2023】98号 */
  documentNumber: text(60),
});

/** （二）部门收支预决算情况: the year's money, and the project lines that make up 项目支出. */
export const budgetSchema = z.strictObject({
  income: z.strictObject({
    /** 财政拨款收入 */
    appropriation: plannedActualSchema,
    /** 其他收入 */
    other: plannedActualSchema,
    /** 本年收入合计 */
    total: plannedActualSchema,
  }),
  /** 年初结转结余 */
  carryover: money.nullable(),
  expenditure: z.strictObject({
    /** 人员经费 */
    personnel: plannedActualSchema,
    /** 公用经费 */
    publicExpense: plannedActualSchema,
    /** 基本支出 = 人员经费 + 公用经费 */
    basic: plannedActualSchema,
    /** 项目支出: budget is 年初项目预算, actual is 当年项目支出 */
    project: plannedActualSchema,
    /** 本年支出合计 = 基本支出 + 项目支出 */
    total: plannedActualSchema,
  }),
  lines: list(budgetLineSchema, 300),
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

export const OVERALL_PART_SCHEMAS = {
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
} as const satisfies Record<OverallPart, z.ZodType>;

export const overallContentSchema = z.strictObject({
  kind: z.literal('department_overall'),
  schemaVersion: z.literal(OVERALL_SCHEMA_VERSION),
  ...OVERALL_PART_SCHEMAS,
});

export type OverallReportContent = z.infer<typeof overallContentSchema>;
export type HeaderPart = z.infer<typeof headerSchema>;
export type BasicInfoPart = z.infer<typeof basicInfoSchema>;
export type StaffCategory = z.infer<typeof staffCategorySchema>;
export type BudgetPart = z.infer<typeof budgetSchema>;
export type PlannedActual = z.infer<typeof plannedActualSchema>;
export type BudgetLine = z.infer<typeof budgetLineSchema>;
export type GoalsPart = z.infer<typeof goalsSchema>;
export type SelfEvaluationPart = z.infer<typeof selfEvaluationSchema>;
export type ResultsPart = z.infer<typeof resultsSchema>;
export type ProblemsPart = z.infer<typeof problemsSchema>;
export type TeamPart = z.infer<typeof teamSchema>;
export type AssetFigures = z.infer<typeof assetFiguresSchema>;
