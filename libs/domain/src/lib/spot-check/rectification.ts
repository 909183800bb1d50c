import { chinaDate } from '../review/deadlines';

/**
 * A 整改事项 (rectification item) of a report selected for 抽评: the bureau sets it (open), the department
 * answers it with text and evidence (answered), the bureau closes it (closed) or reopens it with a reason.
 * Past its due date and not closed it is overdue (逾期), a view rather than a state.
 */
export const RECTIFICATION_STATUSES = ['open', 'answered', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  answered: '已答复',
  closed: '已办结',
};

export const RECTIFICATION_ACTIONS = ['answer', 'close', 'reopen'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];
export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction | 'create' | 'edit', string> = {
  create: '提出',
  edit: '修改',
  answer: '答复',
  close: '办结',
  reopen: '重新打开',
};

/** Who takes an action: the department answers; the finance bureau closes and reopens. */
export type RectificationSide = 'department' | 'finance';
const ACTION_SIDE: Record<RectificationAction, RectificationSide> = {
  answer: 'department',
  close: 'finance',
  reopen: 'finance',
};

/** From which statuses each action may be taken, and where it leads. */
const TRANSITIONS: Record<RectificationAction, { from: readonly RectificationStatus[]; to: RectificationStatus }> = {
  // an answer may be amended until the bureau decides on it
  answer: { from: ['open', 'answered'], to: 'answered' },
  // the bureau may close an item it finds settled without an answer
  close: { from: ['open', 'answered'], to: 'closed' },
  reopen: { from: ['answered', 'closed'], to: 'open' },
};

export type RectificationStep =
  | { ok: true; to: RectificationStatus }
  | { ok: false; reason: 'wrong_side' | 'wrong_status' | 'reason_required'; message: string };

export const REOPEN_REASON_MAX = 1000;

/** Whether `side` may take `action` on an item in `status`; a reopen needs a reason. */
export function rectificationStep(
  status: RectificationStatus,
  action: RectificationAction,
  side: RectificationSide,
  reason?: string | null,
): RectificationStep {
  if (ACTION_SIDE[action] !== side) {
    return {
      ok: false,
      reason: 'wrong_side',
      message: side === 'department' ? '只有财政局可以办结或重新打开整改事项' : '整改事项由部门答复',
    };
  }
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return {
      ok: false,
      reason: 'wrong_status',
      message: `整改事项「${RECTIFICATION_STATUS_LABELS[status]}」，不能${RECTIFICATION_ACTION_LABELS[action]}`,
    };
  }
  if (action === 'reopen' && !(reason ?? '').trim()) {
    return { ok: false, reason: 'reason_required', message: '重新打开时请写明原因' };
  }
  return { ok: true, to: t.to };
}

/** Past its due date (China Standard Time) and not closed. */
export function isRectificationOverdue(item: { status: RectificationStatus; dueOn: string }, now: Date): boolean {
  return item.status !== 'closed' && item.dueOn < chinaDate(now);
}
