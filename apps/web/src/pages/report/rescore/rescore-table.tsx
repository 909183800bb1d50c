import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import type { ColumnsType } from 'antd/es/table';
import type { RescoreRowResult } from '@evalflow/domain';
import { textOrDash } from '../fields/format';

/** A row as the table shows it: the row's own figures, and (while editing) its inputs. */
export type RescoreTableRow = RescoreRowResult & { scoreCell?: ReactNode; noteCell?: ReactNode };

/** 自评 / 复核 / 差异 per row of the 绩效自评表; the editor puts inputs in the 复核 columns. */
export function RescoreTable({ rows, label }: { rows: RescoreTableRow[]; label: string }) {
  const columns: ColumnsType<RescoreTableRow> = [
    {
      title: '指标',
      key: 'label',
      render: (_, r) => (
        <>
          <div>{r.row === 'funding' ? '预算执行率' : textOrDash(r.level3)}</div>
          {r.row !== 'funding' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.level1, r.level2].filter((t) => t.trim()).join(' / ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '分值', dataIndex: 'weight', width: 70, align: 'right', render: textOrDash },
    { title: '自评得分', dataIndex: 'selfScore', width: 90, align: 'right', render: textOrDash },
    {
      title: '复核得分',
      key: 'reScore',
      width: 130,
      align: 'right',
      render: (_, r) => r.scoreCell ?? textOrDash(r.reScore),
    },
    { title: '得分差', dataIndex: 'difference', width: 80, align: 'right', render: textOrDash },
    { title: '最终得分', dataIndex: 'final', width: 90, align: 'right', render: textOrDash },
    { title: '复核说明', key: 'note', width: 260, render: (_, r) => r.noteCell ?? textOrDash(r.note) },
  ];
  return (
    <ResponsiveTable<RescoreTableRow>
      aria-label={label}
      size="small"
      bordered
      pagination={false}
      rowKey="row"
      dataSource={rows}
      columns={columns}
      scroll={{ x: 900 }}
      style={{ marginBottom: 16 }}
    />
  );
}
