import { Descriptions } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import { NATURE_LABELS, type FundingColumns, type Indicator, type ScoreTablePart } from '@evalflow/domain';
import { formatMoney, formatPercent, textOrDash } from '../fields/format';
import { EvidenceButton } from '../evidence/evidence-button';
import { useEvidence } from '../evidence/evidence-context';
import { Subsection } from './paragraphs';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';

const FUNDING_ROWS = [
  { key: 'total', label: '年度资金总额' },
  { key: 'currentYearAppropriation', label: '其中：本年财政拨款' },
  { key: 'carryover', label: '上年结转资金' },
  { key: 'other', label: '其他资金' },
] as const;

type FundingRow = { key: string; label: string; columns: FundingColumns };

/** 绩效自评表: the funding rows (万元) and the scored indicators. */
export function ScoreTableView({ content }: { content: ScoreTablePart }) {
  const { funding } = content;
  const rows: FundingRow[] = FUNDING_ROWS.map(({ key, label }) => ({ key, label, columns: funding[key] }));
  // on a report page: each row's 佐证材料 beside it (not on a public or frozen view)
  const withEvidence = useEvidence() !== null;
  return (
    <>
      <Subsection title="预算执行情况（万元）">
        <ResponsiveTable<FundingRow>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: '资金', dataIndex: 'label', width: 170 },
            {
              title: '年初预算数',
              key: 'initialBudget',
              align: 'right',
              render: (_, r) => formatMoney(r.columns.initialBudget),
            },
            {
              title: '全年预算数',
              key: 'adjustedBudget',
              align: 'right',
              render: (_, r) => formatMoney(r.columns.adjustedBudget),
            },
            { title: '全年执行数', key: 'executed', align: 'right', render: (_, r) => formatMoney(r.columns.executed) },
          ]}
          style={{ marginBottom: 8 }}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'executionRate', label: '执行率', children: formatPercent(funding.executionRate) },
            { key: 'weight', label: '分值', children: textOrDash(funding.weight) },
            { key: 'score', label: '得分', children: textOrDash(funding.score) },
            { key: 'deviationNote', label: '偏差说明', children: textOrDash(funding.deviationNote), span: 'filled' },
          ]}
        />
      </Subsection>
      <Subsection title="绩效指标">
        <ResponsiveTable<Indexed<Indicator>>
          size="small"
          pagination={false}
          bordered
          rowKey="rowIndex"
          dataSource={indexed(content.indicators)}
          onRow={rowAnchor('scoreTable.indicators')}
          locale={{ emptyText: '未填写绩效指标' }}
          scroll={{ x: withEvidence ? 1200 : 1100 }}
          columns={[
            { title: '一级指标', dataIndex: 'level1', width: 90, render: textOrDash },
            { title: '二级指标', dataIndex: 'level2', width: 110, render: textOrDash },
            { title: '三级指标', dataIndex: 'level3', width: 180, render: textOrDash },
            {
              title: '指标性质',
              dataIndex: 'nature',
              width: 80,
              align: 'center',
              render: (n: Indicator['nature']) => NATURE_LABELS[n] ?? n,
            },
            {
              title: '年度指标值',
              key: 'target',
              width: 110,
              render: (_, r) => textOrDash(r.target && `${r.target}${r.unit}`),
            },
            {
              title: '实际完成值',
              key: 'actual',
              width: 110,
              render: (_, r) => textOrDash(r.actual && `${r.actual}${r.unit}`),
            },
            { title: '分值', dataIndex: 'weight', width: 70, align: 'right', render: textOrDash },
            { title: '得分', dataIndex: 'score', width: 70, align: 'right', render: textOrDash },
            { title: '偏差原因分析及改进措施', dataIndex: 'deviationNote', width: 220, render: textOrDash },
            ...(withEvidence
              ? [
                  {
                    title: '佐证材料',
                    key: 'evidenceFiles',
                    width: 100,
                    render: (_: unknown, r: Indexed<Indicator>) => <EvidenceButton indicator={r.level3} />,
                  },
                ]
              : []),
          ]}
        />
      </Subsection>
    </>
  );
}
