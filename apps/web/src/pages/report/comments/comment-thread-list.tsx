import { Empty, Flex } from 'antd';
import type { ReportKind } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { CommentThread } from '../../../api/report-types';
import { CommentThreadCard, type ThreadPermissions } from './comment-thread-card';

interface CommentThreadListProps extends ThreadPermissions {
  kind: ReportKind;
  threads: CommentThread[];
  api: ApiClient;
  showPart?: boolean;
  /** Said when there is no thread; nothing is shown when absent. */
  empty?: string;
  onChange: (thread: CommentThread) => void;
}

/** Comment threads, one card each, in the order given. */
export function CommentThreadList({ threads, empty, ...card }: CommentThreadListProps) {
  if (threads.length === 0) {
    return empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : null;
  }
  return (
    <Flex vertical gap={12}>
      {threads.map((thread) => (
        <CommentThreadCard key={thread.id} thread={thread} {...card} />
      ))}
    </Flex>
  );
}
