import { useCallback, useState } from 'react';
import { App, Button, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/client';
import { listPublications, withdrawPublication, type PublicationView } from '../../api/publications-api';
import { permissionsOf } from '../../auth/permissions';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DateTime, formatDate } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { WithdrawModal } from './withdraw-modal';

const DOCUMENT_STATE: Record<PublicationView['documentStatus'], { label: string; color: string }> = {
  queued: { label: '公开版排队生成', color: 'default' },
  rendering: { label: '公开版生成中', color: 'processing' },
  done: { label: '公开中', color: 'green' },
  failed: { label: '公开版生成失败', color: 'red' },
};

/** 公开登记: what the finance bureau published, when and by whom; the approver withdraws with a reason. */
export function PublicationsPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { message } = App.useApp();
  const canWithdraw = permissionsOf(ability, me).publishReports;
  const [includeWithdrawn, setIncludeWithdrawn] = useState(true);
  const load = useCallback(
    (signal: AbortSignal) => listPublications(session, { includeWithdrawn }, signal),
    [session, includeWithdrawn],
  );
  const list = useRemote(load);
  const withdrawal = useModalTarget<PublicationView>();

  const withdraw = async (reason: string): Promise<boolean> => {
    const target = withdrawal.target;
    if (!target) return false;
    try {
      const updated = await withdrawPublication(session, target.id, reason);
      list.setData((rows) => rows?.map((r) => (r.id === updated.id ? updated : r)));
      message.success('已撤销公开');
      return true;
    } catch (e) {
      message.error(messageOf(e, '撤销失败，请稍后重试'));
      list.reload();
      return false;
    }
  };

  const columns: TableColumnsType<PublicationView> = [
    {
      title: '报告',
      key: 'report',
      render: (_, p) => <Link to={`/reports/${p.reportId}`}>{p.reportName}</Link>,
    },
    { title: '年度', dataIndex: 'fiscalYear', width: 80 },
    { title: '公开版本', dataIndex: 'revision', width: 90, render: (n: number) => `第 ${n} 版` },
    { title: '公开日期', dataIndex: 'publishedOn', width: 130, render: (d: string) => formatDate(d) },
    {
      title: '公开人 / 时间',
      key: 'by',
      width: 200,
      render: (_, p) => (
        <Flex vertical>
          <span>{p.publishedByName}</span>
          <Typography.Text type="secondary">
            <DateTime value={p.publishedAt} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 240,
      render: (_, p) =>
        p.withdrawnAt ? (
          <Flex vertical>
            <span>
              <Tag color="orange">已撤销</Tag>
              {p.withdrawnByName}
            </span>
            <Typography.Text type="secondary">
              <DateTime value={p.withdrawnAt} />：{p.withdrawalReason}
            </Typography.Text>
          </Flex>
        ) : (
          <Tag color={DOCUMENT_STATE[p.documentStatus].color}>{DOCUMENT_STATE[p.documentStatus].label}</Tag>
        ),
    },
    ...(canWithdraw
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_: unknown, p: PublicationView) =>
              p.withdrawnAt ? null : (
                <Button danger size="small" onClick={() => withdrawal.show(p)}>
                  撤销公开
                </Button>
              ),
          },
        ]
      : []),
  ];

  const code = me.tenant?.regionCode;
  return (
    <>
      <PageHeader
        title="公开登记"
        description="随决算公开的报告：公开了什么、何时、由谁公开，以及撤销的时间和原因"
        extra={
          code && (
            <Link to={`/gongkai/${code}`} target="_blank">
              查看公开页面
            </Link>
          )
        }
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Switch checked={includeWithdrawn} onChange={setIncludeWithdrawn} aria-label="包括已撤销" />
        <span>包括已撤销</span>
      </Flex>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: '尚未公开任何报告' }}
        scroll={{ x: 900 }}
      />
      <WithdrawModal publication={withdrawal.target} {...withdrawal.dialog} onSubmit={withdraw} />
    </>
  );
}
