import { useCallback, useMemo, useState } from 'react';
import { Empty, Flex, Select, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import type { ReportKind } from '@evalflow/domain';
import { getDiff } from '../../../api/reports-api';
import type { RevisionView } from '../../../api/report-types';
import { useSession } from '../../../auth/session-context';
import { DataTable } from '../../../components/data-table';
import { useRemote } from '../../../hooks/use-remote';
import { diffRows, type DiffRow } from './diff-rows';
import { revisionOptionLabel } from './revision-label';

const KIND_COLORS = { changed: 'blue', added: 'green', removed: 'red' } as const;

/**
 * The changes between two revisions: the previous and the latest submission unless chosen otherwise (the
 * content an import replaced can be chosen too, but is never the default).
 */
export function RevisionDiff({
  kind,
  reportId,
  revisions,
}: {
  kind: ReportKind;
  reportId: string;
  revisions: RevisionView[];
}) {
  const sorted = [...revisions].sort((a, b) => a.number - b.number);
  const numbers = sorted.map((r) => r.number);
  const submitted = sorted.filter((r) => r.reason !== 'import').map((r) => r.number);
  const defaults = submitted.length >= 2 ? submitted : numbers;
  const [from, setFrom] = useState<number | undefined>(defaults[defaults.length - 2]);
  const [to, setTo] = useState<number | undefined>(defaults[defaults.length - 1]);
  if (numbers.length < 2) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={submitted.length === 0 ? '报告尚未提交过，没有可对比的版本' : '报告只提交过一次，暂无可对比的修改'}
      />
    );
  }
  const options = sorted.map((r) => ({ value: r.number, label: revisionOptionLabel(r) }));
  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>对比</Typography.Text>
        <Select<number>
          aria-label="起始版本"
          style={{ width: 200 }}
          value={from}
          onChange={setFrom}
          options={options}
        />
        <Typography.Text>→</Typography.Text>
        <Select<number> aria-label="目标版本" style={{ width: 200 }} value={to} onChange={setTo} options={options} />
      </Flex>
      {from !== undefined && to !== undefined && from !== to ? (
        <DiffTable kind={kind} reportId={reportId} from={from} to={to} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请选择两个不同的版本" />
      )}
    </>
  );
}

function DiffTable({ kind, reportId, from, to }: { kind: ReportKind; reportId: string; from: number; to: number }) {
  const session = useSession();
  const load = useCallback(
    (signal: AbortSignal) => getDiff(session, reportId, from, to, signal),
    [session, reportId, from, to],
  );
  const diff = useRemote(load);
  const rows = useMemo(() => (diff.data ? diffRows(kind, diff.data.changes) : []), [kind, diff.data]);
  return (
    <DataTable<DiffRow>
      size="small"
      loading={diff.loading}
      error={diff.error}
      onRetry={diff.reload}
      empty={`第 ${from} 版与第 ${to} 版内容相同`}
      dataSource={rows}
      pagination={rows.length > 50 ? { defaultPageSize: 50 } : false}
      scroll={{ x: 900 }}
      columns={[
        { title: '部分', dataIndex: 'partLabel', width: 200 },
        { title: '位置', dataIndex: 'fieldLabel', width: 220 },
        {
          title: '变化',
          dataIndex: 'kind',
          width: 70,
          render: (_, r) => <Tag color={KIND_COLORS[r.kind]}>{r.kindLabel}</Tag>,
        },
        {
          title: `第 ${from} 版`,
          dataIndex: 'before',
          render: (v: string) =>
            v ? (
              <Typography.Text delete type="secondary">
                {v}
              </Typography.Text>
            ) : null,
        },
        {
          title: `第 ${to} 版`,
          dataIndex: 'after',
          render: (v: string) => (v ? <Typography.Text>{v}</Typography.Text> : null),
        },
      ]}
      summary={() =>
        rows.length > 0 && (
          <ResponsiveTable.Summary.Row>
            <ResponsiveTable.Summary.Cell index={0} colSpan={5}>
              <Typography.Text type="secondary">共 {rows.length} 处变化</Typography.Text>
            </ResponsiveTable.Summary.Cell>
          </ResponsiveTable.Summary.Row>
        )
      }
    />
  );
}
