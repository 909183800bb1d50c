import { Descriptions, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import { MONEY_PATTERN, sum, sumIfAll, type BudgetPart } from '@evalflow/domain';
import { formatMoney, textOrDash } from '../fields/format';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';
import { Subsection } from './paragraphs';
import { PlannedActualTable } from './planned-actual-table';

type Line = BudgetPart['lines'][number];

/** A sum shown only when every value is an amount (a draft may hold anything), or null. */
function totalOf(values: Array<string | null>): string | null {
  if (values.some((v) => v !== null && !MONEY_PATTERN.test(v))) return null;
  return sumIfAll(values)?.toFixed() ?? null;
}

/** （二）部门收支预决算情况: the year's income and spending, and the project lines that make up 项目支出. */
export function BudgetView({ content }: { content: BudgetPart }) {
  const { income, expenditure: e } = content;
  const amounts = content.lines.map((l) => l.amount);
  const linesTotal = amounts.every((a) => MONEY_PATTERN.test(a)) ? sum(amounts).toFixed() : null;
  const spentTotal = totalOf(content.lines.map((l) => l.spent));
  return (
    <>
      <Subsection title="本年收入">
        <PlannedActualTable
          title="收入"
          rows={[
            { key: 'appropriation', label: '财政拨款收入', figure: income.appropriation },
            { key: 'other', label: '其他收入', figure: income.other },
            { key: 'total', label: '本年收入合计', figure: income.total, total: true },
          ]}
        />
        <Descriptions
          size="small"
          items={[{ key: 'carryover', label: '年初结转结余', children: `${formatMoney(content.carryover)} 万元` }]}
        />
      </Subsection>
      <Subsection title="本年支出">
        <PlannedActualTable
          title="支出"
          rows={[
            { key: 'personnel', label: '人员经费', figure: e.personnel },
            { key: 'publicExpense', label: '公用经费', figure: e.publicExpense },
            { key: 'basic', label: '基本支出', figure: e.basic, total: true },
            { key: 'project', label: '项目支出', figure: e.project, total: true },
            { key: 'total', label: '本年支出合计', figure: e.total, total: true },
          ]}
        />
      </Subsection>
      <Subsection title="项目预算明细">
        <ResponsiveTable<Indexed<Line>>
          size="small"
          pagination={false}
          rowKey="rowIndex"
          dataSource={indexed(content.lines)}
          onRow={rowAnchor('budget.lines')}
          locale={{ emptyText: '未填写项目预算明细' }}
          columns={[
            { title: '序号', dataIndex: 'rowIndex', width: 60, render: (i: number) => i + 1 },
            { title: '项目名称', dataIndex: 'name', render: textOrDash },
            { title: '年初预算数（万元）', dataIndex: 'amount', width: 150, align: 'right', render: formatMoney },
            { title: '执行数（万元）', dataIndex: 'spent', width: 140, align: 'right', render: formatMoney },
            { title: '资金文号', dataIndex: 'documentNumber', width: 180, render: textOrDash },
          ]}
          summary={() =>
            content.lines.length > 0 && (
              <ResponsiveTable.Summary.Row>
                <ResponsiveTable.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>合计</Typography.Text>
                </ResponsiveTable.Summary.Cell>
                <ResponsiveTable.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{formatMoney(linesTotal)}</Typography.Text>
                </ResponsiveTable.Summary.Cell>
                <ResponsiveTable.Summary.Cell index={3} align="right">
                  <Typography.Text strong>{formatMoney(spentTotal)}</Typography.Text>
                </ResponsiveTable.Summary.Cell>
                <ResponsiveTable.Summary.Cell index={4} />
              </ResponsiveTable.Summary.Row>
            )
          }
        />
      </Subsection>
    </>
  );
}
