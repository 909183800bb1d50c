import { useState } from 'react';
import { Alert, Card, Col, Row, Segmented } from 'antd';
import { COMMENT_THREAD_STATUS_LABELS, type ReportKind, type ReportPart } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { CommentThread, PartView, ThreadStatus } from '../../../api/report-types';
import { LoadError } from '../../../components/load-error';
import type { ThreadPermissions } from './comment-thread-card';
import { CommentThreadList } from './comment-thread-list';
import { NewThreadForm } from './new-thread-form';
import { inReportOrder } from './thread-order';

type StatusFilter = ThreadStatus | 'all';

interface CommentsTabProps extends ThreadPermissions {
  api: ApiClient;
  kind: ReportKind;
  reportId: string;
  parts: Partial<Record<ReportPart, PartView>>;
  threads: CommentThread[];
  error: unknown;
  onRetry: () => void;
  /** May start threads (the finance bureau, until the report is approved). */
  canStart: boolean;
  /** Comments are closed (approved report). */
  closed: boolean;
  onChange: (thread: CommentThread) => void;
}

/** Every comment thread of the report, by status, with the form to start one. */
export function CommentsTab({
  api,
  kind,
  reportId,
  parts,
  threads,
  error,
  onRetry,
  canStart,
  closed,
  onChange,
  ...can
}: CommentsTabProps) {
  const [filter, setFilter] = useState<StatusFilter>('open');
  const count = (status: ThreadStatus) => threads.filter((t) => t.status === status).length;
  const shown = inReportOrder(kind, filter === 'all' ? threads : threads.filter((t) => t.status === filter));
  const list = (
    <>
      {error !== undefined && <LoadError title="审核意见加载失败" error={error} onRetry={onRetry} />}
      <Segmented<StatusFilter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 16 }}
        options={[
          { value: 'open', label: `${COMMENT_THREAD_STATUS_LABELS.open}（${count('open')}）` },
          { value: 'resolved', label: `${COMMENT_THREAD_STATUS_LABELS.resolved}（${count('resolved')}）` },
          { value: 'all', label: `全部（${threads.length}）` },
        ]}
      />
      <CommentThreadList
        api={api}
        kind={kind}
        threads={shown}
        showPart
        {...can}
        onChange={onChange}
        empty={filter === 'open' ? '没有未解决的意见' : filter === 'resolved' ? '没有已解决的意见' : '还没有意见'}
      />
    </>
  );
  return (
    <>
      {closed && (
        <Alert
          type="info"
          showIcon
          title="报告已审核通过，意见已关闭：不能再添加、回复或处理意见。"
          style={{ marginBottom: 16 }}
        />
      )}
      {canStart ? (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            {list}
          </Col>
          <Col xs={24} xl={10}>
            <Card title="添加意见" size="small">
              <NewThreadForm api={api} kind={kind} reportId={reportId} parts={parts} onCreated={onChange} />
            </Card>
          </Col>
        </Row>
      ) : (
        list
      )}
    </>
  );
}
