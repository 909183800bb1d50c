import { useCallback, useState } from 'react';
import { App, Badge, Button, Segmented, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { messageOf } from '../../api/client';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../../api/notifications-api';
import type { NotificationView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useUnreadNotifications } from '../../layout/unread-notifications';
import { notificationKind } from './notification-labels';

type Filter = 'all' | 'unread';

/** The signed-in user's notifications: what happened to which report; mark read, open the report. */
export function NotificationsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { unread, refresh } = useUnreadNotifications();
  const [filter, setFilter] = useState<Filter>('all');
  const [marking, setMarking] = useState<string | null>(null);
  const loadPage = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const page = await listNotifications(session, { unreadOnly: filter === 'unread', cursor }, signal);
      return { items: page.items, next: page.nextCursor ?? null };
    },
    [session, filter],
  );
  const list = useCursorList<NotificationView>(loadPage);

  const markRead = async (n: NotificationView): Promise<boolean> => {
    if (n.readAt) return true;
    setMarking(n.id);
    try {
      list.upsert(await markNotificationRead(session, n.id));
      refresh();
      return true;
    } catch (e) {
      message.error(messageOf(e, '标记失败，请稍后重试'));
      return false;
    } finally {
      setMarking(null);
    }
  };

  const [markingAll, setMarkingAll] = useState(false);
  const markAllRead = async () => {
    setMarkingAll(true);
    try {
      const { marked } = await markAllNotificationsRead(session);
      message.success(marked ? `已将 ${marked} 条消息标为已读` : '没有未读消息');
      list.reload();
      refresh();
    } catch (e) {
      message.error(messageOf(e, '标记失败，请稍后重试'));
    } finally {
      setMarkingAll(false);
    }
  };

  const open = async (n: NotificationView) => {
    await markRead(n);
    if (n.reportId) navigate(`/reports/${n.reportId}`);
  };

  const columns: TableColumnsType<NotificationView> = [
    {
      title: '',
      key: 'unread',
      width: 32,
      render: (_, n) => (n.readAt ? null : <Badge status="processing" title="未读" />),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      render: (kind: string) => {
        const { label, color } = notificationKind(kind);
        return <Tag color={color}>{label}</Tag>;
      },
    },
    {
      title: '内容',
      key: 'content',
      render: (_, n) => (
        <div>
          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          {n.body && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2 }}>
              {n.body}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => <DateTime value={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, n) => (
        <Space size={0}>
          {n.reportId && (
            <Button type="link" size="small" onClick={() => open(n)}>
              查看报告
            </Button>
          )}
          {!n.readAt && (
            <Button type="link" size="small" loading={marking === n.id} onClick={() => markRead(n)}>
              标为已读
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="消息通知"
        description={unread ? `${unread} 条未读` : '报告的提交、审核、退回与新的审核意见会通知到这里。'}
        extra={
          <>
            <Button onClick={() => navigate('/account/notifications')}>通知设置</Button>
            <Button loading={markingAll} disabled={!unread} onClick={markAllRead}>
              全部标为已读
            </Button>
          </>
        }
      />
      <FilterBar
        onRefresh={() => {
          list.reload();
          refresh();
        }}
      >
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '未读' },
          ]}
        />
      </FilterBar>
      <CursorTable<NotificationView>
        list={list}
        columns={columns}
        showHeader={false}
        empty={filter === 'unread' ? '没有未读消息' : '还没有消息'}
        shown={(n) => `已显示 ${n} 条`}
        onRow={(n) => ({ style: n.readAt ? undefined : { background: '#fffaf5' } })}
      />
    </>
  );
}
