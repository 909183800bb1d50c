import { useState } from 'react';
import { Alert, Card, Checkbox, Col, Flex, Row, Segmented } from 'antd';
import type { ReportKind, ReportPart } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { CommentThread, PartView } from '../../../api/report-types';
import { LoadError } from '../../../components/load-error';
import type { ThreadPermissions } from './comment-thread-card';
import { CommentThreadList } from './comment-thread-list';
import { NewThreadForm } from './new-thread-form';
import { inReportOrder, newestFirst } from './thread-order';

type Order = 'newest' | 'parts';

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

/**
 * Every comment thread of the report, newest first or part by part, only the open ones on request, with the
 * form to start one. On an approved report every thread is closed: none is offered as open.
 */
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
  const [order, setOrder] = useState<Order>('newest');
  const openCount = closed ? 0 : threads.filter((t) => t.status === 'open').length;
  const [onlyOpen, setOnlyOpen] = useState(openCount > 0);
  const filtered = onlyOpen && !closed ? threads.filter((t) => t.status === 'open') : threads;
  const shown = order === 'newest' ? newestFirst(filtered) : inReportOrder(kind, filtered);
  const list = (
    <>
      {error !== undefined && <LoadError title="审核意见加载失败" error={error} onRetry={onRetry} />}
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Segmented<Order>
          aria-label="意见排列顺序"
          value={order}
          onChange={setOrder}
          options={[
            { value: 'newest', label: '最新在前' },
            { value: 'parts', label: '按部分' },
          ]}
        />
        {!closed && (
          <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>
            只看未解决（{openCount}）
          </Checkbox>
        )}
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>共 {threads.length} 条</span>
      </Flex>
      <CommentThreadList
        api={api}
        kind={kind}
        threads={shown}
        showPart
        closed={closed}
        {...can}
        onChange={onChange}
        empty={onlyOpen && !closed ? '没有未解决的意见' : '还没有意见'}
      />
    </>
  );
  return (
    <>
      {closed && (
        <Alert
          type="info"
          showIcon
          title="报告已审核通过，意见已关闭：不能再添加、回复或处理意见；未解决的意见随之关闭。"
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
