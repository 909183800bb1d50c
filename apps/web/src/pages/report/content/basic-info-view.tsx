import { Descriptions, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import {
  authorizedHeadcount,
  yearEndHeadcount,
  type AssetFigures,
  type BasicInfoPart,
  type StaffCategory,
} from '@evalflow/domain';
import { EMPTY, formatMoney, formatPercent, textOrDash } from '../fields/format';
import { Paragraphs, Subsection } from './paragraphs';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';

const ASSET_ROWS = [
  { key: 'totalAssets', label: '资产总额' },
  { key: 'totalLiabilities', label: '负债总额' },
  { key: 'netAssets', label: '净资产' },
] as const;

type AssetKey = (typeof ASSET_ROWS)[number]['key'];

export function BasicInfoView({ content }: { content: BasicInfoPart }) {
  const { staffing, assets } = content;
  const figure = (figures: AssetFigures | null, key: AssetKey) => (figures ? formatMoney(figures[key]) : EMPTY);
  return (
    <>
      <Subsection title="（一）部门职能">
        {content.functions.length === 0 ? (
          <Paragraphs text="" />
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 24 }}>
            {content.functions.map((text, i) => (
              <li key={i} style={{ marginBottom: 6 }}>
                {textOrDash(text)}
              </li>
            ))}
          </ol>
        )}
      </Subsection>
      <Subsection title="组织机构">
        <ResponsiveTable
          size="small"
          pagination={false}
          rowKey="rowIndex"
          dataSource={indexed(content.orgUnits)}
          onRow={rowAnchor('basicInfo.orgUnits')}
          locale={{ emptyText: '未填写' }}
          columns={[
            { title: '单位名称', dataIndex: 'name', render: textOrDash },
            { title: '单位性质', dataIndex: 'nature', width: 110, render: textOrDash },
            { title: '单位规格', dataIndex: 'level', width: 110, render: textOrDash },
            { title: '经费保障形式', dataIndex: 'fundingForm', width: 130, render: textOrDash },
          ]}
        />
      </Subsection>
      <Subsection title="人员情况">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          统计时点：{textOrDash(staffing.asOf)}；单位：人
        </Typography.Paragraph>
        <ResponsiveTable<Indexed<StaffCategory>>
          size="small"
          bordered
          pagination={false}
          rowKey="rowIndex"
          dataSource={indexed(staffing.categories)}
          onRow={rowAnchor('basicInfo.staffing.categories')}
          locale={{ emptyText: '未填写人员情况' }}
          style={{ marginBottom: 8 }}
          columns={[
            { title: '人员类别', dataIndex: 'category', render: textOrDash },
            { title: '编制数', dataIndex: 'authorized', width: 110, align: 'right', render: textOrDash },
            { title: '实有人数', dataIndex: 'actual', width: 110, align: 'right', render: textOrDash },
          ]}
          summary={() =>
            staffing.categories.length > 0 && (
              <ResponsiveTable.Summary.Row>
                <ResponsiveTable.Summary.Cell index={0}>
                  <Typography.Text strong>合计</Typography.Text>
                </ResponsiveTable.Summary.Cell>
                <ResponsiveTable.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{textOrDash(authorizedHeadcount(staffing))}</Typography.Text>
                </ResponsiveTable.Summary.Cell>
                <ResponsiveTable.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{textOrDash(yearEndHeadcount(staffing))}</Typography.Text>
                </ResponsiveTable.Summary.Cell>
              </ResponsiveTable.Summary.Row>
            )
          }
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'previousHeadcount', label: '上年末实有人数', children: textOrDash(staffing.previousHeadcount) },
            { key: 'changeReason', label: '人数变动原因', children: textOrDash(staffing.changeReason), span: 'filled' },
          ]}
        />
      </Subsection>
      <Subsection title="资产情况">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          统计时点：{textOrDash(assets.asOf)}；计价口径：{textOrDash(assets.valuationBasis)}；单位：万元
        </Typography.Paragraph>
        <ResponsiveTable
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={[...ASSET_ROWS]}
          columns={[
            { title: '项目', dataIndex: 'label' },
            {
              title: '本年末',
              key: 'current',
              align: 'right',
              render: (_, row) => figure(assets.current, row.key),
            },
            {
              title: '上年末',
              key: 'previous',
              align: 'right',
              render: (_, row) => figure(assets.previous, row.key),
            },
            {
              title: '同比增减',
              key: 'yoy',
              align: 'right',
              render: (_, row) => formatPercent(assets.yoy[row.key]),
            },
          ]}
        />
      </Subsection>
    </>
  );
}
