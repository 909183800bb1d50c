import type { z } from 'zod';
import { PART_SCHEMAS, reportContentSchema, type ReportContent } from './schema';
import type { ReportPart } from './parts';

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

/** Checks one part's shape before it is stored; unknown fields are refused, not dropped. */
export function validatePart<P extends ReportPart>(
  part: P,
  value: unknown,
): Checked<z.infer<(typeof PART_SCHEMAS)[P]>> {
  const result = PART_SCHEMAS[part].safeParse(value, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data as z.infer<(typeof PART_SCHEMAS)[P]> }
    : { ok: false, problems: toProblems(result.error, part) };
}

export function validateContent(value: unknown): Checked<ReportContent> {
  const result = reportContentSchema.safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: toProblems(result.error, '') };
}
