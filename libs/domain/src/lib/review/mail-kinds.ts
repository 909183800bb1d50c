/**
 * What a user may choose not to receive by e-mail, per kind of notification. The in-app inbox always
 * gets everything; only the e-mail copy is optional. Stored on the user as the kinds opted out of, so a
 * kind added later reaches everyone until they turn it off.
 */
export const MAIL_KINDS = ['returned', 'approved', 'deadline', 'comment', 'workflow'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, { label: string; description: string }> = {
  returned: { label: '报告退回', description: '报告被退回修改或重新打开' },
  approved: { label: '审核通过', description: '报告审核通过' },
  deadline: { label: '期限提醒', description: '填报即将截止、财政局催报、整改事项逾期' },
  comment: { label: '审核意见', description: '对方提出新的审核意见或回复' },
  workflow: { label: '其他流程变化', description: '报告提交、撤回、开始审核' },
};

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === 'string' && (MAIL_KINDS as readonly string[]).includes(value);
}

/** The opt-out kind a notification's kind (report.return, comment.added, …) belongs to. */
export function mailKindOf(notificationKind: string): MailKind {
  switch (notificationKind) {
    case 'report.return':
    case 'report.reopen':
      return 'returned';
    case 'report.approve':
      return 'approved';
    case 'deadline.due_soon':
    case 'department.reminder':
    case 'rectification.overdue':
      return 'deadline';
    case 'comment.added':
      return 'comment';
    default:
      return 'workflow';
  }
}

/** Whether a user who opted out of these kinds gets this notification by e-mail. */
export function wantsMail(optedOut: readonly string[], notificationKind: string): boolean {
  return !optedOut.includes(mailKindOf(notificationKind));
}
