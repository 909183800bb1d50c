import { useCallback } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { listDeadlines } from '../../api/settings-api';
import type { DeadlineView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DataTable } from '../../components/data-table';
import { DateTime, formatDate } from '../../components/date-time';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { DeadlineModal } from './deadline-modal';

type DeadlineRow = DeadlineView & { id: string };

/** 填报截止日期 per fiscal year: reports not submitted by it show as overdue. */
export function DeadlinesCard() {
  const session = useSession();
  const deadlines = useRemote(useCallback((signal: AbortSignal) => listDeadlines(session, signal), [session]));
  const editor = useModalTarget<DeadlineView | 'new'>();
  const rows: DeadlineRow[] = [...(deadlines.data ?? [])]
    .sort((a, b) => b.fiscalYear - a.fiscalYear)
    .map((d) => ({ ...d, id: String(d.fiscalYear) }));

  const { setData } = deadlines;
  const saved = useCallback(
    (deadline: DeadlineView) =>
      setData((list = []) => [...list.filter((d) => d.fiscalYear !== deadline.fiscalYear), deadline]),
    [setData],
  );

  return (
    <Card
      title="填报截止日期"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => editor.show('new')}>
          设置年度截止日期
        </Button>
      }
    >
      <DataTable<DeadlineRow>
        size="small"
        pagination={false}
        dataSource={deadlines.error !== undefined ? [] : rows}
        loading={deadlines.loading}
        error={deadlines.error}
        onRetry={deadlines.reload}
        empty="尚未设置任何年度的截止日期"
        columns={[
          { title: '年度', dataIndex: 'fiscalYear', width: 100, render: (y: number) => `${y} 年度` },
          { title: '填报截止日期', dataIndex: 'dueOn', width: 160, render: (d: string) => formatDate(d) },
          { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => <DateTime value={v} /> },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => editor.show(d)}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {editor.target !== null && (
        <DeadlineModal
          deadline={editor.target === 'new' ? undefined : editor.target}
          existing={deadlines.data ?? []}
          onSaved={saved}
          {...editor.dialog}
        />
      )}
    </Card>
  );
}
