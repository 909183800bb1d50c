import { ApiError } from '../../../api/client';

/** Failures of a workflow move after which the page must load the report again to show where it stands. */
const STALE_CODES = new Set([
  'REPORT_VERSION_CONFLICT',
  'TRANSITION_ILLEGAL',
  'REPORT_CHECKS_FAILING',
  'REPORT_SIGN_OFF_REQUIRED',
  'REPORT_NOT_EDITABLE',
  'REPORT_COMMENTS_CLOSED',
]);

export function needsReload(error: unknown): boolean {
  return error instanceof ApiError && STALE_CODES.has(error.code);
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'REPORT_VERSION_CONFLICT';
}

/** Said when someone else changed the report between loading it and acting on it. */
export const REPORT_CONFLICT_MESSAGE = '报告已被他人修改或状态已变化，已为您载入最新内容，请核对后再操作';
