/**
 * 催报: the finance bureau urges a department whose report of a year is overdue. One reminder per department and
 * year within REMINDER_INTERVAL_HOURS, so a click repeated (or two reviewers at once) cannot flood its inbox.
 */
export const REMINDER_INTERVAL_HOURS = 24;

/** When the next reminder may go, given the last one (null: now). */
export function nextReminderAllowedAt(lastSentAt: Date | null): Date | null {
  return lastSentAt ? new Date(lastSentAt.getTime() + REMINDER_INTERVAL_HOURS * 3600_000) : null;
}

/** Whether a reminder may go at `now`, and if not, in how many seconds (for Retry-After). */
export function reminderWait(lastSentAt: Date | null, now: Date): number {
  const next = nextReminderAllowedAt(lastSentAt);
  return next && next > now ? Math.ceil((next.getTime() - now.getTime()) / 1000) : 0;
}

/** The reminder's notification as the department reads it. */
export function reminderMessage(r: { fiscalYear: number; dueOn: string; departmentName: string; senderName: string }) {
  const [y, m, d] = r.dueOn.split('-').map(Number);
  return {
    title: `催报：${r.fiscalYear}年度绩效自评报告已于${y}年${m}月${d}日截止`,
    body: `${r.departmentName}的${r.fiscalYear}年度部门整体支出绩效自评报告尚未提交，请尽快完成填报并提交。（${r.senderName} 催报）`,
  };
}
