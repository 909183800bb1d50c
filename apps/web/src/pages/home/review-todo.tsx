import { useState } from 'react';
import { App, Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../components/responsive-table';
import { REPORT_KIND_SHORT_LABELS, REPORT_STATUS_LABELS } from '@evalflow/domain';
import { Link } from 'react-router-dom';
import { messageOf, type ApiClient } from '../../api/client';
import { sendReminder, type HomeOverdueDepartment, type HomeView } from '../../api/home-api';
import { formatDate, formatDateTime } from '../../components/date-time';

type Review = NonNullable<HomeView['review']>;

/** The finance bureau's queue: reports waiting, the longest-waiting first. */
function ReviewQueue({ review }: { review: Review }) {
  const { queue, queueTotal } = review;
  return (
    <Card
      title={`待审报告（${queueTotal}）`}
      extra={<Link to="/reports">{queueTotal > queue.length ? `全部 ${queueTotal} 份` : '待审报告'}</Link>}
    >
      {queue.length === 0 ? (
        <Empty description="没有等待审核的报告" />
      ) : (
        <List
          dataSource={queue}
          rowKey="id"
          renderItem={(r) => (
            <List.Item
              actions={[
                <Link key="review" to={`/reports/${r.id}`}>
                  审核
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={8}>
                    <Link to={`/reports/${r.id}`}>
                      {r.departmentName} {r.fiscalYear}年度{REPORT_KIND_SHORT_LABELS[r.kind]}
                      {r.projectName ? `「${r.projectName}」` : ''}
                    </Link>
                    <Tag>{REPORT_STATUS_LABELS[r.status]}</Tag>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {r.submittedAt ? `提交于 ${formatDateTime(r.submittedAt)}` : '—'}
                    {r.openComments ? ` · ${r.openComments} 条审核意见未解决` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 催报 of one department: the button while allowed, else when it may be sent again. */
function RemindButton({
  api,
  row,
  onSent,
}: {
  api: ApiClient;
  row: HomeOverdueDepartment;
  onSent: (row: HomeOverdueDepartment, next: { sentAt: string; nextReminderAt: string }) => void;
}) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  if (row.nextReminderAt) {
    return (
      <Tooltip title={`同一部门 24 小时内只能催报一次，${formatDateTime(row.nextReminderAt)} 后可再次催报`}>
        <Button size="small" disabled aria-label={`已催报 ${row.departmentName}`}>
          已催报
        </Button>
      </Tooltip>
    );
  }
  const send = async () => {
    setSending(true);
    try {
      const sent = await sendReminder(api, { departmentId: row.departmentId, fiscalYear: row.fiscalYear });
      message.success(`已向${row.departmentName}发出催报`);
      onSent(row, sent);
    } catch (error) {
      message.error(messageOf(error, '催报失败，请稍后重试'));
    } finally {
      setSending(false);
    }
  };
  return (
    <Button size="small" loading={sending} onClick={() => void send()} aria-label={`催报 ${row.departmentName}`}>
      催报
    </Button>
  );
}

/** Departments that have not submitted a year's report past its deadline, with their reminders. */
function OverdueDepartments({ api, review }: { api: ApiClient; review: Review }) {
  const [rows, setRows] = useState(review.overdue);
  const sent = (row: HomeOverdueDepartment, next: { sentAt: string; nextReminderAt: string }) =>
    setRows((all) =>
      all.map((r) =>
        r === row
          ? { ...r, lastRemindedAt: next.sentAt, nextReminderAt: next.nextReminderAt, reminders: r.reminders + 1 }
          : r,
      ),
    );
  return (
    <Card title={`逾期未提交的部门（${rows.length}）`}>
      <ResponsiveTable<HomeOverdueDepartment>
        size="small"
        rowKey={(r) => `${r.fiscalYear}-${r.departmentId}`}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <Empty description="没有逾期的部门" /> }}
        columns={[
          { title: '部门', dataIndex: 'departmentName' },
          { title: '年度', dataIndex: 'fiscalYear', width: 80 },
          {
            title: '截止日期',
            key: 'due',
            render: (_, r) => (
              <Space size={4} wrap>
                {formatDate(r.dueOn)}
                <Tag color="red">已逾期 {r.daysOverdue} 天</Tag>
              </Space>
            ),
          },
          {
            title: '报告',
            key: 'report',
            render: (_, r) =>
              r.reportId && r.reportStatus ? (
                REPORT_STATUS_LABELS[r.reportStatus]
              ) : (
                <Typography.Text type="secondary">未创建</Typography.Text>
              ),
          },
          {
            title: '上次催报',
            key: 'last',
            render: (_, r) => (r.lastRemindedAt ? `${formatDateTime(r.lastRemindedAt)}（共 ${r.reminders} 次）` : '—'),
          },
          { title: '操作', key: 'remind', render: (_, r) => <RemindButton api={api} row={r} onSent={sent} /> },
        ]}
      />
    </Card>
  );
}

/** The finance bureau's home: what waits for review, and who is late (with 催报). */
export function ReviewTodo({ api, review }: { api: ApiClient; review: Review }) {
  return (
    <>
      <ReviewQueue review={review} />
      <OverdueDepartments api={api} review={review} />
    </>
  );
}
