import { Alert, Typography } from 'antd';
import { TRANSITIONS } from '@evalflow/domain';
import type { HistoryEntry, ReportView } from '../../api/report-types';
import { DateTime } from '../../components/date-time';

/** On a returned report: who returned it, when and why, and where the open comments are. */
export function ReturnNotice({
  report,
  history,
  openThreads,
}: {
  report: ReportView;
  history: HistoryEntry[] | undefined;
  openThreads: number;
}) {
  if (report.status !== 'returned') return null;
  const entry = [...(history ?? [])].reverse().find((h) => h.to === 'returned');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        entry ? (
          <>
            {entry.actorLabel ?? entry.actorName} 于 <DateTime value={entry.occurredAt} />{' '}
            {TRANSITIONS[entry.action]?.label ?? '退回'}
            了报告
          </>
        ) : (
          '报告已退回修改'
        )
      }
      description={
        <>
          {entry?.reason && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
              <Typography.Text strong>原因：</Typography.Text>
              {entry.reason}
            </Typography.Paragraph>
          )}
          {openThreads > 0
            ? `还有 ${openThreads} 条未解决的审核意见，列在所指部分的右侧；请逐条修改、回复后重新提交。`
            : '请按原因修改后重新提交。'}
        </>
      }
    />
  );
}

/** Where the department head's sign-off stands, while the department may still change the report. */
export function SignOffNotice({ report }: { report: ReportView }) {
  const signOff = report.signOff;
  if (!signOff || (report.status !== 'draft' && report.status !== 'returned')) return null;
  const { required, head } = signOff;
  if (!required && !head) return null;
  const rule = required ? '本县要求提交前须经部门负责人签核。' : '';
  if (head?.current) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <>
            部门负责人 {head.name} 已于 <DateTime value={head.at} /> 签核当前内容
          </>
        }
      />
    );
  }
  return (
    <Alert
      type={required ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        head ? (
          <>
            部门负责人 {head.name} 曾于 <DateTime value={head.at} /> 签核，此后内容已修改，需重新签核
          </>
        ) : (
          '部门负责人尚未签核'
        )
      }
      description={rule || undefined}
    />
  );
}
