import { useState } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import type { ReportKind, ReportPart } from '@evalflow/domain';
import type { ApiClient } from '../../api/client';
import type { CommentThread, PartView } from '../../api/report-types';
import type { PartFinding } from './checks/check-findings';
import { PartFindings } from './checks/part-findings';
import type { ThreadPermissions } from './comments/comment-thread-card';
import { CommentThreadList } from './comments/comment-thread-list';
import { NewThreadForm } from './comments/new-thread-form';

interface PartSideProps extends ThreadPermissions {
  api: ApiClient;
  kind: ReportKind;
  reportId: string;
  part: ReportPart;
  parts: Partial<Record<ReportPart, PartView>>;
  findings: PartFinding[];
  /** This part's threads. */
  threads: CommentThread[];
  canStart: boolean;
  onChange: (thread: CommentThread) => void;
}

/** Beside a part: its failed checks and its comment threads (open ones; resolved on request). */
export function PartSide({
  api,
  kind,
  reportId,
  part,
  parts,
  findings,
  threads,
  canStart,
  onChange,
  ...can
}: PartSideProps) {
  const [adding, setAdding] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((t) => t.status === 'open');
  const resolved = threads.filter((t) => t.status === 'resolved');
  return (
    // part-side: left out of print (styles.css), the part then takes the whole width
    <Flex vertical gap={12} className="part-side">
      {findings.length > 0 && (
        <Card size="small" title="检查问题">
          <PartFindings kind={kind} findings={findings} />
        </Card>
      )}
      <CommentThreadList api={api} kind={kind} threads={open} {...can} onChange={onChange} />
      {resolved.length > 0 && (
        <Button
          type="link"
          size="small"
          style={{ alignSelf: 'flex-start', padding: 0 }}
          onClick={() => setShowResolved((v) => !v)}
        >
          {showResolved ? '收起已解决的意见' : `显示已解决的意见（${resolved.length}）`}
        </Button>
      )}
      {showResolved && <CommentThreadList api={api} kind={kind} threads={resolved} {...can} onChange={onChange} />}
      {canStart &&
        (adding ? (
          <Card size="small" title="对本部分提意见">
            <NewThreadForm
              api={api}
              kind={kind}
              reportId={reportId}
              parts={parts}
              part={part}
              onCreated={(thread) => {
                onChange(thread);
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          </Card>
        ) : (
          <Button icon={<CommentOutlined />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
            对本部分提意见
          </Button>
        ))}
    </Flex>
  );
}
