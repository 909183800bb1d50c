import { z } from 'zod';
import { GRADE_KEYS } from '../report/schema/score-table';
import { REPORT_KINDS } from '../report/parts';
import { percent, score, text } from '../report/schema/primitives';
import { NUMBERING_STYLES } from './numbering';

/**
 * A county's form for one kind of report, as its finance bureau's notice sets it for a year: the
 * outline, the indicator framework, the scoring rules and which checks apply. Stored as JSON in a
 * template version (immutable once published); a report pins the version it was created with.
 */

/** A heading of the outline with the sections under it and, below it, its sub-headings (at most three levels). */
export interface OutlineNode {
  title: string;
  /** section ids (OVERALL_SECTIONS, PROJECT_SECTIONS), shown under this heading before its sub-headings */
  sections: string[];
  children: OutlineNode[];
}

export const outlineNodeSchema: z.ZodType<OutlineNode> = z.lazy(() =>
  z.strictObject({
    title: text(100).trim().min(1, { error: '请填写标题' }),
    sections: z.array(z.string().max(60)).max(20, { error: '一个标题下最多 20 个内容块' }),
    children: z.array(outlineNodeSchema).max(20, { error: '最多 20 个下级标题' }),
  }),
);

export const frameworkLevel1Schema = z.strictObject({
  /** 一级指标, e.g. 产出指标 */
  name: text(50).trim().min(1, { error: '请填写一级指标名称' }),
  /** 分值 of all its indicators together */
  weight: score,
  /** 二级指标 each report must have under it, e.g. 数量指标 */
  requiredLevel2: z.array(text(50).trim().min(1)).max(10),
});

export const frameworkSchema = z.strictObject({
  /** 分值 of the 预算执行率 row */
  executionWeight: score,
  level1: z.array(frameworkLevel1Schema).min(1, { error: '至少一个一级指标' }).max(8),
  /** error: a report whose weights differ cannot be submitted; warning: 原则上 (the national table allows adjustments) */
  enforcement: z.enum(['error', 'warning']),
});

/** 执行率 below rateBelow caps the total at maxTotal (e.g. below 80 % → at most 89). */
export const totalCapSchema = z.strictObject({ rateBelow: percent, maxTotal: score });

/** A deviation of up to upTo % (|完成值 − 指标值| ÷ 指标值) loses deduct % of the indicator's weight. */
export const deviationBandSchema = z.strictObject({ upTo: percent, deduct: percent });

/** A qualitative indicator's 完成情况 and the share of its weight it earns, as a range the reviewer scores in. */
export const qualitativeGradeSchema = z.strictObject({
  label: text(20).trim().min(1, { error: '请填写完成情况的名称' }),
  minShare: percent,
  maxShare: percent,
});

export const scoringSchema = z.strictObject({
  totalCaps: z.array(totalCapSchema).max(10),
  /** proportional: 完成值 ÷ 指标值 × 分值; deviationBands: points lost by band of deviation */
  quantitative: z.enum(['proportional', 'deviationBands']),
  deviationBands: z.array(deviationBandSchema).max(10),
  qualitative: z.array(qualitativeGradeSchema).max(8),
});

export const ruleSettingSchema = z.strictObject({
  enabled: z.boolean(),
  /** the rule's own severity when absent */
  severity: z.enum(['error', 'warning']).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const gradeBandSchema = z.strictObject({
  grade: z.enum(GRADE_KEYS),
  label: text(10).trim().min(1),
  min: score,
});

export const RESCORING_MODES = ['replace', 'weighted'] as const;
export type RescoringMode = (typeof RESCORING_MODES)[number];
/** The re-score's share in weighted mode: an exact decimal in (0, 1], at most 4 places, e.g. "0.6". */
export const RESCORING_WEIGHT_PATTERN = /^(0\.\d{1,4}|1(\.0{1,4})?)$/;

/**
 * How the finance bureau's re-score (财政复核评分) counts: replace — a row's re-score replaces its self-score
 * where given; weighted — final = weight × re-score + (1 − weight) × self-score. Versions frozen before the
 * setting existed have none: they follow 'replace' (rescoringRuleOf).
 */
export const rescoringSchema = z.strictObject({
  mode: z.enum(RESCORING_MODES, { error: '复核评分方式只能是 replace（替换）或 weighted（加权）' }),
  weight: z
    .string()
    .regex(RESCORING_WEIGHT_PATTERN, { error: '复核得分权重应为大于 0、不超过 1 的小数，最多 4 位小数，如 0.6' })
    .nullable(),
});

export const templateDefinitionSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  name: text(60).trim().min(1, { error: '请填写模板名称' }),
  description: text(500),
  document: z.strictObject({
    /** 「附件4」 at the top left; empty for none */
    attachmentLabel: text(20),
    /** the report's title, with {部门} {年度} {项目名称} */
    titlePattern: text(100).trim().min(1, { error: '请填写标题格式' }),
    /** the 绩效自评表's title (部门整体: the appendix; 项目: the form) */
    tableTitle: text(60).trim().min(1, { error: '请填写自评表标题' }),
  }),
  numbering: z.strictObject({
    level1: z.enum(NUMBERING_STYLES),
    level2: z.enum(NUMBERING_STYLES),
    level3: z.enum(NUMBERING_STYLES),
  }),
  outline: z.array(outlineNodeSchema).min(1, { error: '至少一个一级标题' }).max(20),
  framework: frameworkSchema,
  scoring: scoringSchema,
  rules: z.record(z.string().max(80), ruleSettingSchema),
  /** null: the county's 评价等级划分 (本县设置) */
  gradeBands: z.array(gradeBandSchema).length(4, { error: '应恰好包含四个等级' }).nullable(),
  /** absent in versions frozen before re-scoring existed: 'replace' */
  rescoring: rescoringSchema.optional(),
});

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type Framework = TemplateDefinition['framework'];
export type FrameworkLevel1 = Framework['level1'][number];
export type ScoringSettings = TemplateDefinition['scoring'];
export type TotalCap = z.infer<typeof totalCapSchema>;
export type DeviationBand = z.infer<typeof deviationBandSchema>;
export type QualitativeGrade = z.infer<typeof qualitativeGradeSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type RescoringRule = z.infer<typeof rescoringSchema>;
