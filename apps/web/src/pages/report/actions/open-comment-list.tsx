import { Typography } from 'antd';
import type { ReportKind } from '@evalflow/domain';
import type { OpenComment } from '../../../api/report-types';
import { anchorLabel } from '../comments/thread-anchor';

/** The still-open comments a move concerns, each with where it points; `title` says what becomes of them. */
export function OpenCommentList({
  kind,
  comments,
  title,
  label,
}: {
  kind: ReportKind;
  comments: OpenComment[];
  title: string;
  /** the list's accessible name */
  label: string;
}) {
  if (comments.length === 0) return null;
  return (
    <div aria-label={label} style={{ marginTop: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <ol style={{ paddingInlineStart: 20, margin: '8px 0 0', maxHeight: 240, overflowY: 'auto' }}>
        {comments.map((c) => (
          <li key={c.id} style={{ marginBottom: 6 }}>
            <Typography.Text type="secondary">{anchorLabel(kind, c, true)}：</Typography.Text>
            {c.body}
          </li>
        ))}
      </ol>
    </div>
  );
}
