import type { z } from 'zod';
import { isReportKind, type ReportKind, type ReportPart } from './parts';
import { CONTENT_SCHEMAS, partSchema, type ReportContent } from './schema';

export interface ShapeProblem {
  /** dotted path inside the report, e.g. budget.lines.2.amount */
  path: string;
  message: string;
}

const EXPECTED: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: '空值',
};

/** Chinese for the issues our schema does not word itself. */
function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : `类型不正确，应为${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `不允许的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return '不是允许的取值';
    default:
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确';
  }
}

function toProblems(error: z.ZodError, prefix: string): ShapeProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: messageOf(issue),
  }));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ShapeProblem[] };

/**
 * Checks one part's shape before it is stored; unknown fields are refused, not dropped, so a body
 * written for another schema version is named field by field.
 */
export function validatePart(kind: ReportKind, part: ReportPart, value: unknown): Checked<unknown> {
  const schema = partSchema(kind, part);
  if (!schema) return { ok: false, problems: [{ path: part, message: '该类报告没有这一部分' }] };
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: toProblems(result.error, part) };
}

/** A whole content of either kind (its `kind` says which). */
export function validateContent(value: unknown): Checked<ReportContent> {
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (!isReportKind(kind)) return { ok: false, problems: [{ path: 'kind', message: '报告类型不正确' }] };
  const result = CONTENT_SCHEMAS[kind].safeParse(value, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data as ReportContent }
    : { ok: false, problems: toProblems(result.error, '') };
}
