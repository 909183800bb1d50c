import { z } from 'zod';
import type { ProjectPart } from '../parts';
import { list, text } from './primitives';
import { conclusionSchema, scoreTableSchema } from './score-table';

/**
 * The 项目支出绩效自评表 (财预〔2020〕10号 附件 and the provinces' copies of it) as data: one per project a
 * department ran in the year, keyed by the project's code (项目编码). Its money and indicator rows and
 * its 总分 are the same parts, with the same rules, as the 部门整体 report's 绩效自评表.
 */
export const PROJECT_SCHEMA_VERSION = 1;

/** 项目编码 as budget systems print them: letters, digits and - _ . (e.g. 13013324T000000012345). */
export const PROJECT_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$/;
export const PROJECT_CODE_MESSAGE = '项目编码应为 1–50 位字母、数字或 - _ .，如 13013324T000000012345';
export const projectCodeSchema = z.string().regex(PROJECT_CODE_PATTERN, { error: PROJECT_CODE_MESSAGE });
export const projectNameSchema = z
  .string()
  .max(200, { error: '不能超过 200 个字符' })
  .refine((v) => v.trim() !== '', { error: '请填写项目名称' });

/** YYYY-MM-DD, or empty while not filled in. */
const isoDate = z.string().refine((v) => v === '' || isValidDate(v), { error: '应为日期，如 2025-04-20' });

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const projectInfoSchema = z.strictObject({
  /** 项目名称 */
  name: projectNameSchema,
  /** 项目编码: with the department and year, the report's key */
  code: projectCodeSchema,
  /** 主管部门 */
  supervisingDepartment: text(100),
  /** 实施单位 */
  implementingUnit: text(100),
});

/** 年度总体目标: what was planned beside what was achieved, one row a goal. */
export const objectiveSchema = z.strictObject({
  /** 预期目标 */
  expected: text(4000),
  /** 实际完成情况 */
  actual: text(4000),
});
export const objectivesSchema = z.strictObject({ items: list(objectiveSchema, 20) });

/** Who filled the table in, as the form's foot asks. */
export const preparersSchema = z.strictObject({
  /** 填表人 */
  preparer: text(50),
  /** 联系电话 */
  phone: text(30),
  /** 填报日期 */
  filledOn: isoDate,
  /** 单位负责人 */
  unitHead: text(50),
  /** 财务负责人 */
  financeHead: text(50),
});

export const PROJECT_PART_SCHEMAS = {
  projectInfo: projectInfoSchema,
  objectives: objectivesSchema,
  scoreTable: scoreTableSchema,
  conclusion: conclusionSchema,
  preparers: preparersSchema,
} as const satisfies Record<ProjectPart, z.ZodType>;

export const projectContentSchema = z.strictObject({
  kind: z.literal('project'),
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  ...PROJECT_PART_SCHEMAS,
});

export type ProjectReportContent = z.infer<typeof projectContentSchema>;
export type ProjectInfoPart = z.infer<typeof projectInfoSchema>;
export type ObjectivesPart = z.infer<typeof objectivesSchema>;
export type PreparersPart = z.infer<typeof preparersSchema>;
