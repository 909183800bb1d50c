import { ApiError } from './client';
import type { FieldProblem } from './types';

/** Shown when an edit was based on a version someone else has since replaced (HTTP 412). */
export const VERSION_CONFLICT_TITLE = '数据已被他人修改';
export const VERSION_CONFLICT_HINT = '已为您载入最新内容，请核对后重新提交。';

/** The latest state of the object a 412 VERSION_MISMATCH answer carries, if this is one. */
export function latestFromConflict<T>(error: unknown): T | undefined {
  if (!(error instanceof ApiError) || error.status !== 412 || error.code !== 'VERSION_MISMATCH') return undefined;
  const details = error.body.details as { current?: T } | undefined;
  return details?.current;
}

/** Field-level problems of a 400 (validation, password policy, role assignment). */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.details)) return [];
  return (error.body.details as unknown[]).filter(
    (d): d is FieldProblem =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as FieldProblem).field === 'string' &&
      typeof (d as FieldProblem).message === 'string',
  );
}

/**
 * The form fields a failed submit should mark: the API's field problems on fields the form has,
 * plus the one field a conflict code points at (say USERNAME_TAKEN → username). Empty when none
 * apply: the caller then shows the message on its own.
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  fieldOfCode: Partial<Record<string, F>> = {},
): Array<{ name: F; errors: string[] }> {
  if (!(error instanceof ApiError)) return [];
  const known = new Set<string>(fields);
  const byField = new Map<F, string[]>();
  for (const problem of fieldProblemsOf(error)) {
    if (!known.has(problem.field)) continue;
    const name = problem.field as F;
    byField.set(name, [...(byField.get(name) ?? []), problem.message]);
  }
  const codeField = fieldOfCode[error.code];
  if (codeField && !byField.has(codeField)) byField.set(codeField, [error.message]);
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
