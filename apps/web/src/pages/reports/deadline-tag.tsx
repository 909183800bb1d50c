import { Tag, Tooltip, Typography } from 'antd';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '@evalflow/domain';
import type { ReportDeadline } from '../../api/report-types';
import { formatDate } from '../../components/date-time';

const COLORS: Record<DeadlineState, string> = {
  open: 'default',
  due_soon: 'orange',
  overdue: 'red',
  met: 'green',
  late: 'volcano',
};

/** What a report's deadline state says (the domain's label, with the days where they matter) and the tag's colour. */
export function deadlineText(deadline: ReportDeadline): { text: string; color: string } {
  const days = Math.abs(deadline.daysLeft);
  const label = DEADLINE_STATE_LABELS[deadline.state] ?? deadline.dueOn;
  const color = COLORS[deadline.state] ?? 'default';
  switch (deadline.state) {
    case 'open':
      return { text: `${label} · 剩 ${days} 天`, color };
    case 'due_soon':
      return { text: `${label} · ${deadline.daysLeft <= 0 ? '今日截止' : `剩 ${days} 天`}`, color };
    case 'overdue':
      return { text: days === 0 ? label : `${label} ${days} 天`, color };
    case 'late':
      return { text: `${label} · 晚 ${days} 天`, color };
    default:
      return { text: label, color };
  }
}

/** The report against the county's 填报截止日期: 未到期, 即将到期, 已逾期, 按时提交, 逾期提交. */
export function DeadlineTag({ deadline }: { deadline: ReportDeadline | null }) {
  if (!deadline) return <Typography.Text type="secondary">未设截止日期</Typography.Text>;
  const { text, color } = deadlineText(deadline);
  return (
    <Tooltip title={`填报截止日期：${formatDate(deadline.dueOn)}`}>
      <Tag color={color} data-deadline={deadline.state}>
        {text}
      </Tag>
    </Tooltip>
  );
}
