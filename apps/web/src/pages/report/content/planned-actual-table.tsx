import { ResponsiveTable } from '../../../components/responsive-table';
import { PLANNED_ACTUAL_COLUMNS, type PlannedActual } from '@evalflow/domain';
import { formatMoney } from '../fields/format';

export interface PlannedActualRow {
  key: string;
  label: string;
  figure: PlannedActual;
  /** A total row (合计), set in bold. */
  total?: boolean;
}

/** Figures of the year as the report prints them: a row each, 年初预算数 beside 决算数 (万元). */
export function PlannedActualTable({ title, rows }: { title: string; rows: PlannedActualRow[] }) {
  return (
    <ResponsiveTable<PlannedActualRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      aria-label={title}
      style={{ marginBottom: 16 }}
      columns={[
        {
          title,
          dataIndex: 'label',
          render: (label: string, row) => (row.total ? <strong>{label}</strong> : label),
        },
        ...PLANNED_ACTUAL_COLUMNS.map(({ key, label }) => ({
          title: `${label}（万元）`,
          key,
          width: 160,
          align: 'right' as const,
          render: (_: unknown, row: PlannedActualRow) =>
            row.total ? <strong>{formatMoney(row.figure[key])}</strong> : formatMoney(row.figure[key]),
        })),
      ]}
    />
  );
}
