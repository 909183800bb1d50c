import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import {
  REPORT_STATUS_LABELS,
  transitionReasonLabel,
  TRANSITIONS,
  type ReportKind,
  type TransitionAction,
} from '@evalflow/domain';
import type { HistoryEntry } from '../../../api/report-types';
import { DateTime } from '../../../components/date-time';
import { anchorLabel } from '../comments/thread-anchor';

const COLORS: Record<TransitionAction, string> = {
  submit: 'blue',
  withdraw: 'gray',
  start_review: 'blue',
  return: 'red',
  approve: 'green',
  reopen: 'red',
};

/** Who moved the report when, why (or with what 审批意见), to which revision; a return with the open comments it carried. Newest first. */
export function HistoryTimeline({ kind, entries }: { kind: ReportKind; entries: HistoryEntry[] }) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有流程记录" />;
  return (
    <Timeline
      items={[...entries].reverse().map((entry) => ({
        key: entry.id,
        color: COLORS[entry.action] ?? 'gray',
        title: <DateTime value={entry.occurredAt} />,
        content: <HistoryItem kind={kind} entry={entry} />,
      }))}
    />
  );
}

function HistoryItem({ kind, entry }: { kind: ReportKind; entry: HistoryEntry }) {
  const label = TRANSITIONS[entry.action]?.label ?? entry.action;
  const comments = entry.openComments ?? [];
  return (
    <div data-action={entry.action}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{entry.actorLabel ?? entry.actorName}</Typography.Text>
        <Typography.Text>{label}</Typography.Text>
        <Typography.Text type="secondary">
          （{REPORT_STATUS_LABELS[entry.from] ?? entry.from} → {REPORT_STATUS_LABELS[entry.to] ?? entry.to}）
        </Typography.Text>
        {entry.revision !== null && <Tag>第 {entry.revision} 版</Tag>}
      </Flex>
      {entry.reason && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
          <Typography.Text type="secondary">{transitionReasonLabel(entry.action)}：</Typography.Text>
          {entry.reason}
        </Typography.Paragraph>
      )}
      {comments.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">
            随{label}发出的意见（{comments.length} 条）：
          </Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {comments.map((c) => (
              <li key={c.id}>
                <Typography.Text type="secondary">{anchorLabel(kind, c, true)}：</Typography.Text>
                {c.body}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
