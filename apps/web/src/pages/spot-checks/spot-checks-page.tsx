import { useCallback, useState } from 'react';
import { Button, Flex, Modal, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ApiClient } from '../../api/client';
import {
  getBatch,
  listBatches,
  listRectifications,
  type SelectedReport,
  type SpotCheckBatch,
} from '../../api/spot-checks-api';
import { useSession } from '../../auth/session-context';
import { formatDateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';
import { OverdueList } from './overdue-list';
import { reportColumns, SelectionForm } from './selection-form';

/** /spot-checks: the finance bureau's 抽评 page. */
export function SpotChecksPage() {
  return <SpotChecks api={useSession()} />;
}

const yearsUpTo = (now: Date) => Array.from({ length: 6 }, (_, i) => now.getFullYear() - 1 - i);

/** 抽评 batches of a year with their reports and the progress of their 整改; new batches by hand or by rule. */
export function SpotChecks({ api, now = new Date() }: { api: ApiClient; now?: Date }) {
  const [fiscalYear, setFiscalYear] = useState(now.getFullYear() - 1);
  const [creating, setCreating] = useState(false);
  const load = useCallback((signal: AbortSignal) => listBatches(api, fiscalYear, signal), [api, fiscalYear]);
  const batches = useRemote(load);
  const loadOverdue = useCallback(
    (signal: AbortSignal) => listRectifications(api, { fiscalYear, overdue: true }, signal),
    [api, fiscalYear],
  );
  const overdue = useRemote(loadOverdue);

  return (
    <>
      <PageHeader
        title="抽评"
        description="选取报告进行重点评价（抽评），记录发现的问题，提出整改事项并跟踪办结"
        extra={
          <>
            <Select
              aria-label="年度"
              value={fiscalYear}
              onChange={setFiscalYear}
              options={yearsUpTo(now).map((y) => ({ value: y, label: `${y}年度` }))}
            />
            <Button type="primary" onClick={() => setCreating(true)}>
              新建抽评
            </Button>
          </>
        }
      />
      <OverdueList items={overdue.data} />
      {batches.error !== undefined && <LoadError error={batches.error} onRetry={batches.reload} />}
      <Table<SpotCheckBatch>
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data ?? []}
        locale={{ emptyText: '本年度尚无抽评批次' }}
        expandable={{ expandedRowRender: (b) => <BatchReports api={api} id={b.id} /> }}
        columns={[
          { title: '批次', dataIndex: 'name' },
          { title: '抽取方式', dataIndex: 'ruleText' },
          { title: '报告', dataIndex: 'reportCount', width: 70, align: 'right' },
          {
            title: '整改进度',
            key: 'items',
            render: (_, b) => <ItemProgress total={b.items.total} closed={b.items.closed} overdue={b.items.overdue} />,
          },
          { title: '创建', key: 'by', render: (_, b) => `${b.createdByName} ${formatDateTime(b.createdAt)}` },
        ]}
      />
      <Modal
        title={`新建抽评（${fiscalYear}年度）`}
        open={creating}
        footer={null}
        width={760}
        destroyOnHidden
        onCancel={() => setCreating(false)}
      >
        <SelectionForm
          api={api}
          fiscalYear={fiscalYear}
          onCreated={() => {
            setCreating(false);
            batches.reload();
          }}
        />
      </Modal>
    </>
  );
}

function ItemProgress({ total, closed, overdue }: { total: number; closed: number; overdue: number }) {
  if (!total) return <Typography.Text type="secondary">尚无整改事项</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      <Tag color={closed === total ? 'green' : 'blue'}>
        已办结 {closed}/{total}
      </Tag>
      {overdue > 0 && <Tag color="red">逾期 {overdue}</Tag>}
    </Flex>
  );
}

function BatchReports({ api, id }: { api: ApiClient; id: string }) {
  const load = useCallback((signal: AbortSignal) => getBatch(api, id, signal), [api, id]);
  const batch = useRemote(load);
  if (batch.error !== undefined) return <LoadError error={batch.error} onRetry={batch.reload} />;
  return (
    <Table<SelectedReport>
      size="small"
      rowKey="id"
      pagination={false}
      loading={batch.loading}
      dataSource={batch.data?.reports ?? []}
      columns={[
        ...reportColumns,
        {
          title: '整改',
          key: 'items',
          render: (_, r) => (
            <ItemProgress
              total={r.items ?? 0}
              closed={(r.items ?? 0) - (r.openItems ?? 0)}
              overdue={r.overdueItems ?? 0}
            />
          ),
        },
        { title: '', key: 'open', width: 80, render: (_, r) => <Link to={`/reports/${r.id}`}>查看</Link> },
      ]}
    />
  );
}
