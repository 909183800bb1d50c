import { Descriptions } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import type { ObjectivesPart, PreparersPart, ProjectInfoPart } from '@evalflow/domain';
import { formatDate } from '../../../components/date-time';
import { textOrDash } from '../fields/format';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';

/** The parts only the 项目支出绩效自评表 has, laid out as the national form prints them. */

export function ProjectInfoView({ content }: { content: ProjectInfoPart }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '项目名称', children: textOrDash(content.name), span: 'filled' },
        { key: 'code', label: '项目编码', children: textOrDash(content.code), span: 'filled' },
        { key: 'supervisingDepartment', label: '主管部门', children: textOrDash(content.supervisingDepartment) },
        { key: 'implementingUnit', label: '实施单位', children: textOrDash(content.implementingUnit) },
      ]}
    />
  );
}

type Objective = ObjectivesPart['items'][number];

/** 年度总体目标: what was planned beside what was achieved, one row a goal. */
export function ObjectivesView({ content }: { content: ObjectivesPart }) {
  return (
    <ResponsiveTable<Indexed<Objective>>
      size="small"
      bordered
      pagination={false}
      rowKey="rowIndex"
      dataSource={indexed(content.items)}
      onRow={rowAnchor('objectives.items')}
      locale={{ emptyText: '未填写年度总体目标' }}
      columns={[
        { title: '序号', dataIndex: 'rowIndex', width: 60, render: (i: number) => i + 1 },
        { title: '预期目标', dataIndex: 'expected', render: textOrDash },
        { title: '实际完成情况', dataIndex: 'actual', render: textOrDash },
      ]}
    />
  );
}

export function PreparersView({ content }: { content: PreparersPart }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'preparer', label: '填表人', children: textOrDash(content.preparer) },
        { key: 'phone', label: '联系电话', children: textOrDash(content.phone) },
        {
          key: 'filledOn',
          label: '填报日期',
          children: /^\d{4}-\d{2}-\d{2}$/.test(content.filledOn)
            ? formatDate(content.filledOn)
            : textOrDash(content.filledOn),
        },
        { key: 'unitHead', label: '单位负责人', children: textOrDash(content.unitHead) },
        { key: 'financeHead', label: '财务负责人', children: textOrDash(content.financeHead) },
      ]}
    />
  );
}
