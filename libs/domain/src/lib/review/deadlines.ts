/**
 * Deadlines (填报截止日期): one per county and fiscal year. A report first submitted on or before the
 * day meets it; one not yet submitted is due soon within DUE_SOON_DAYS and overdue after it.
 * Days are counted in China Standard Time (UTC+8, no daylight saving), where the counties are.
 */
export const DUE_SOON_DAYS = 3;
export const DEADLINE_STATES = ['open', 'due_soon', 'overdue', 'met', 'late'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  open: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
  met: '按时提交',
  late: '逾期提交',
};

const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of an instant in China Standard Time, as YYYY-MM-DD. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A deadline for the self-evaluation of a fiscal year falls in that year or the next (when the evaluation is done). */
export function checkDeadline(fiscalYear: number, dueOn: unknown): string | null {
  if (!isIsoDate(dueOn)) return '截止日期应为有效日期，格式为 YYYY-MM-DD';
  const year = Number(dueOn.slice(0, 4));
  if (year < fiscalYear || year > fiscalYear + 1)
    return `${fiscalYear}年度的截止日期应在${fiscalYear}年或${fiscalYear + 1}年内`;
  return null;
}

/** A deadline closer than this many days from today (or past) is set only when the administrator confirms it. */
export const MIN_DEADLINE_NOTICE_DAYS = 7;

/**
 * Why a deadline needs the administrator's explicit confirmation, or null: a day already past makes every open
 * report of the year overdue at once, and one within MIN_DEADLINE_NOTICE_DAYS leaves the departments no time.
 */
export function deadlineConfirmationReason(dueOn: string, today: string): string | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) {
    return `截止日期 ${dueOn} 已过去 ${-days} 天：设置后本年度尚未提交的报告将立即显示为已逾期。确认要设置吗？`;
  }
  if (days < MIN_DEADLINE_NOTICE_DAYS) {
    const when = days === 0 ? '就是今天' : `距今只有 ${days} 天`;
    return `截止日期 ${dueOn} ${when}（少于 ${MIN_DEADLINE_NOTICE_DAYS} 天），各部门可能来不及填报。确认要设置吗？`;
  }
  return null;
}

export interface DeadlineStatus {
  dueOn: string;
  state: DeadlineState;
  /**
   * Not yet submitted: days from today to the deadline (negative once past). Submitted: days from
   * the first submission to the deadline (how early; negative: how late).
   */
  daysLeft: number;
}

export function deadlineStatus(dueOn: string, firstSubmittedAt: Date | null, now: Date): DeadlineStatus {
  if (firstSubmittedAt) {
    const margin = daysBetween(chinaDate(firstSubmittedAt), dueOn);
    return { dueOn, daysLeft: margin, state: margin >= 0 ? 'met' : 'late' };
  }
  const daysLeft = daysBetween(chinaDate(now), dueOn);
  const state: DeadlineState = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open';
  return { dueOn, daysLeft, state };
}
