import { useState } from 'react';
import { CheckOutlined, MessageOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { COMMENT_THREAD_STATE_LABELS, MAX_COMMENT_LENGTH, type ReportKind } from '@evalflow/domain';
import { messageOf, type ApiClient } from '../../../api/client';
import { replyToThread, setThreadStatus } from '../../../api/comments-api';
import { latestFromConflict } from '../../../api/error-details';
import type { CommentThread, CommentView } from '../../../api/report-types';
import { DateTime } from '../../../components/date-time';
import { fieldDomId } from '../editor/field-dom';
import { useLocateField } from './locate-context';
import { anchorLabel } from './thread-anchor';

export interface ThreadPermissions {
  /** May add to the discussion (anyone who reads the report, until it is approved). */
  canReply: boolean;
  /** May mark threads resolved or open again (the finance bureau, until the report is approved). */
  canResolve: boolean;
  /** The report is approved: its open threads are closed (已关闭), not 未解决. */
  closed?: boolean;
}

interface CommentThreadCardProps extends ThreadPermissions {
  /** The report's kind, which names its parts and fields. */
  kind: ReportKind;
  thread: CommentThread;
  api: ApiClient;
  /** Name the part as well as the field (in the list of every thread of the report). */
  showPart?: boolean;
  onChange: (thread: CommentThread) => void;
}

const SIDE_TAGS = {
  finance: <Tag color="red">财政局</Tag>,
  department: <Tag color="blue">部门</Tag>,
};

function CommentItem({ comment }: { comment: CommentView }) {
  return (
    <div role="listitem">
      <Flex align="center" gap={4} wrap>
        <Typography.Text strong>{comment.authorName}</Typography.Text>
        {SIDE_TAGS[comment.side]}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <DateTime value={comment.createdAt} />
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{comment.body}</Typography.Paragraph>
    </div>
  );
}

/** One comment thread: where it points, the discussion, a reply box, resolve / reopen. */
export function CommentThreadCard({
  kind,
  thread,
  api,
  showPart = false,
  canReply,
  canResolve,
  closed = false,
  onChange,
}: CommentThreadCardProps) {
  const locate = useLocateField();
  const { message } = App.useApp();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'reply' | 'status' | null>(null);
  const open = thread.status === 'open';
  const state = open && closed ? 'closed' : thread.status;
  const where = anchorLabel(kind, thread, showPart);
  // the field (or, for a thread on a whole part, the part) the thread is about
  const target = thread.fieldPath ?? thread.part;

  const sendReply = async () => {
    const body = text.trim();
    if (!body) {
      message.warning('请填写回复内容');
      return;
    }
    setBusy('reply');
    try {
      onChange(await replyToThread(api, thread.reportId, thread.id, body));
      setText('');
      setReplying(false);
      message.success('已回复');
    } catch (e) {
      message.error(messageOf(e, '回复失败，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  const toggleStatus = async () => {
    setBusy('status');
    try {
      const updated = await setThreadStatus(api, thread.reportId, thread, open ? 'resolved' : 'open');
      onChange(updated);
      message.success(open ? '已标记为已解决' : '已重新打开');
    } catch (e) {
      const latest = latestFromConflict<CommentThread>(e);
      if (latest) {
        onChange(latest);
        message.warning('该意见已被他人处理，已显示最新状态');
      } else {
        message.error(messageOf(e));
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      role="article"
      data-thread={thread.id}
      aria-label={`意见：${where}`}
      title={
        <Flex align="center" gap={4} wrap style={{ fontWeight: 'normal' }}>
          <MessageOutlined />
          <a
            href={`#${fieldDomId(target)}`}
            title={`定位到「${where}」`}
            style={{
              fontWeight: 600,
              maxWidth: 360,
              display: 'inline-block',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              verticalAlign: 'bottom',
            }}
            onClick={(e) => {
              e.preventDefault();
              locate(target);
            }}
          >
            {where}
          </a>
        </Flex>
      }
      extra={
        <Flex gap={4} align="center">
          {thread.revisionNumber !== null && <Tag>第 {thread.revisionNumber} 版</Tag>}
          <Tag color={state === 'open' ? 'orange' : state === 'closed' ? 'default' : 'green'}>
            {COMMENT_THREAD_STATE_LABELS[state]}
          </Tag>
        </Flex>
      }
      style={{ opacity: state === 'open' ? 1 : 0.8 }}
    >
      <Flex vertical gap={10} role="list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} />
        ))}
      </Flex>
      {!open && thread.resolvedBy && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {thread.resolvedBy} 于 <DateTime value={thread.resolvedAt} /> 标记为已解决
        </Typography.Text>
      )}
      {replying && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            aria-label="回复内容"
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_COMMENT_LENGTH}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="回复这条意见"
          />
          <Flex gap={8} justify="flex-end">
            <Button size="small" onClick={() => setReplying(false)}>
              取消
            </Button>
            <Button size="small" type="primary" loading={busy === 'reply'} onClick={sendReply}>
              发送回复
            </Button>
          </Flex>
        </Flex>
      )}
      {(canReply || canResolve) && !replying && (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
          {canReply && (
            <Button size="small" icon={<MessageOutlined />} onClick={() => setReplying(true)}>
              回复
            </Button>
          )}
          {canResolve && (
            <Button
              size="small"
              icon={open ? <CheckOutlined /> : <UndoOutlined />}
              loading={busy === 'status'}
              onClick={toggleStatus}
            >
              {open ? '标记已解决' : '重新打开'}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
