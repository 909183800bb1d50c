import { isPartOf, type ReportKind, type ReportPart, type ReportStatus } from '../report/parts';
import type { Role } from '../tenancy/roles';

/** Review comments (审核意见): threads anchored to a part of the report and, optionally, a field path inside it. */
export const COMMENT_THREAD_STATUSES = ['open', 'resolved'] as const;
export type CommentThreadStatus = (typeof COMMENT_THREAD_STATUSES)[number];
export const COMMENT_THREAD_STATUS_LABELS: Record<CommentThreadStatus, string> = { open: '未解决', resolved: '已解决' };

/**
 * How a thread stands for its readers: an open thread of an approved report is closed (已关闭) — the approval
 * ended the discussion, so it is neither counted nor shown as 未解决; a reopening makes it open again.
 */
export type CommentThreadState = CommentThreadStatus | 'closed';
export const COMMENT_THREAD_STATE_LABELS: Record<CommentThreadState, string> = {
  ...COMMENT_THREAD_STATUS_LABELS,
  closed: '已关闭',
};

/** Comments are closed on an approved report (no new threads, replies or resolving). */
export const commentsClosed = (reportStatus: ReportStatus): boolean => reportStatus === 'approved';

export function commentThreadState(status: CommentThreadStatus, reportStatus: ReportStatus): CommentThreadState {
  return status === 'open' && commentsClosed(reportStatus) ? 'closed' : status;
}

export const MAX_COMMENT_LENGTH = 2000;
const MAX_FIELD_PATH_LENGTH = 200;
/** The same dotted paths the revision diff prints: budget.lines.2.amount */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.(?:[A-Za-z][A-Za-z0-9]*|0|[1-9]\d{0,4}))*$/;

export type CommentSide = 'department' | 'finance';

export function commentSide(roles: readonly Role[]): CommentSide {
  return roles.some((r) => r === 'finance_reviewer' || r === 'finance_approver') ? 'finance' : 'department';
}

export interface CommentAnchor {
  part: ReportPart;
  fieldPath: string | null;
}

/** Checks where a comment points: a part the report's kind has, and a path inside that part. */
export function checkCommentAnchor(
  kind: ReportKind,
  part: unknown,
  fieldPath: unknown,
): { ok: true; anchor: CommentAnchor } | { ok: false; message: string } {
  if (!isPartOf(kind, part)) return { ok: false, message: '请选择意见所指的报告部分' };
  if (fieldPath === undefined || fieldPath === null || fieldPath === '')
    return { ok: true, anchor: { part, fieldPath: null } };
  if (typeof fieldPath !== 'string' || fieldPath.length > MAX_FIELD_PATH_LENGTH || !FIELD_PATH.test(fieldPath)) {
    return { ok: false, message: '字段路径格式不正确' };
  }
  if (fieldPath !== part && !fieldPath.startsWith(`${part}.`)) {
    return { ok: false, message: '字段不在所选的报告部分中' };
  }
  return { ok: true, anchor: { part, fieldPath } };
}

/** A comment's text, trimmed; null when empty or too long. */
export function normaliseCommentBody(body: unknown): string | null {
  if (typeof body !== 'string') return null;
  const text = body.trim();
  return text && text.length <= MAX_COMMENT_LENGTH ? text : null;
}
