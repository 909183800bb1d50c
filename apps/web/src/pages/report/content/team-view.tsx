import { ResponsiveTable } from '../../../components/responsive-table';
import type { TeamPart } from '@evalflow/domain';
import { textOrDash } from '../fields/format';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';

type Member = TeamPart['members'][number];

export function TeamView({ content }: { content: TeamPart }) {
  return (
    <ResponsiveTable<Indexed<Member>>
      size="small"
      pagination={false}
      rowKey="rowIndex"
      dataSource={indexed(content.members)}
      onRow={rowAnchor('team.members')}
      locale={{ emptyText: '未填写评价工作组成员' }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 100, render: textOrDash },
        { title: '工作单位', dataIndex: 'unit', render: textOrDash },
        { title: '职务', dataIndex: 'position', width: 140, render: textOrDash },
        { title: '职称', dataIndex: 'title', width: 120, render: textOrDash },
      ]}
    />
  );
}
