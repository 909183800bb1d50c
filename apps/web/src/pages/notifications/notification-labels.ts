import { isTransitionAction, TRANSITIONS } from '@evalflow/domain';

const OTHER_KINDS: Record<string, { label: string; color: string }> = {
  'comment.added': { label: '新的审核意见', color: 'orange' },
  'deadline.due_soon': { label: '填报即将截止', color: 'red' },
  'rectification.overdue': { label: '整改事项逾期', color: 'red' },
};

const ACTION_COLORS: Record<string, string> = { return: 'orange', reopen: 'orange', approve: 'green' };

/** A notification's kind in words: 报告退回修改 (from the workflow's own labels), 新的审核意见, … */
export function notificationKind(kind: string): { label: string; color: string } {
  if (kind.startsWith('report.')) {
    const action = kind.slice('report.'.length);
    if (isTransitionAction(action)) {
      return { label: `报告${TRANSITIONS[action].label}`, color: ACTION_COLORS[action] ?? 'blue' };
    }
  }
  return OTHER_KINDS[kind] ?? { label: '通知', color: 'default' };
}
