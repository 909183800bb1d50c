import { Tag } from 'antd';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@evalflow/domain';

export const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'geekblue',
  returned: 'orange',
  approved: 'green',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{REPORT_STATUS_LABELS[status] ?? status}</Tag>;
}
