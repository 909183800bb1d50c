import { Descriptions, Table, Typography } from 'antd';
import { MONEY_PATTERN, sum, type BudgetPart } from '@evalflow/domain';
import { formatMoney, textOrDash } from '../fields/format';
import { indexed, type Indexed } from './indexed-rows';

type Line = BudgetPart['lines'][number];

/** 部门收支预决算: the project budget lines with their total, and what was spent. */
export function BudgetView({ content }: { content: BudgetPart }) {
  const amounts = content.lines.map((l) => l.amount);
  // the sum is shown only when every amount is one (a draft may hold anything)
  const linesTotal = amounts.every((a) => MONEY_PATTERN.test(a)) ? sum(amounts).toFixed() : null;
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'projectBudgetTotal',
            label: '年初项目预算总额',
            children: `${formatMoney(content.projectBudgetTotal)} 万元`,
          },
          { key: 'projectSpent', label: '当年项目支出', children: `${formatMoney(content.projectSpent)} 万元` },
        ]}
      />
      <Table<Indexed<Line>>
        size="small"
        pagination={false}
        rowKey="rowIndex"
        dataSource={indexed(content.lines)}
        locale={{ emptyText: '未填写预算明细' }}
        columns={[
          { title: '序号', dataIndex: 'rowIndex', width: 60, render: (i: number) => i + 1 },
          { title: '项目名称', dataIndex: 'name', render: textOrDash },
          { title: '金额（万元）', dataIndex: 'amount', width: 140, align: 'right', render: formatMoney },
          { title: '资金文号', dataIndex: 'documentNumber', width: 180, render: textOrDash },
        ]}
        summary={() =>
          content.lines.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{formatMoney(linesTotal)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
            </Table.Summary.Row>
          )
        }
      />
    </>
  );
}
