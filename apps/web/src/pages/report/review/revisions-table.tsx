import { Flex, Table, Tag, Typography } from 'antd';
import type { RevisionView } from '../../../api/report-types';
import { DateTime } from '../../../components/date-time';

/** Each submitted revision with who submitted it and its sign-offs (部门负责人签核, 评价工作组确认). */
export function RevisionsTable({ revisions }: { revisions: RevisionView[] }) {
  return (
    <Table<RevisionView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...revisions].sort((a, b) => b.number - a.number)}
      locale={{ emptyText: '报告尚未提交过' }}
      scroll={{ x: 800 }}
      columns={[
        { title: '版本', dataIndex: 'number', width: 80, render: (n: number) => `第 ${n} 版` },
        { title: '提交时间', dataIndex: 'createdAt', width: 150, render: (v: string) => <DateTime value={v} /> },
        { title: '提交人', dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? '—' },
        {
          title: '部门负责人签核',
          key: 'head',
          width: 200,
          render: (_, r) =>
            r.signOffs?.head ? (
              <Flex vertical>
                <Typography.Text>
                  <Tag color="green">已签核</Tag>
                  {r.signOffs.head.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={r.signOffs.head.at} />
                </Typography.Text>
              </Flex>
            ) : (
              <Tag>未签核</Tag>
            ),
        },
        {
          title: '评价工作组确认',
          key: 'team',
          render: (_, r) =>
            r.signOffs?.team ? (
              <Flex vertical>
                <Typography.Text>{r.signOffs.team.members.join('、') || '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  由 {r.signOffs.team.confirmedBy} 于 <DateTime value={r.signOffs.team.at} /> 确认
                </Typography.Text>
              </Flex>
            ) : (
              <Tag>未确认</Tag>
            ),
        },
      ]}
    />
  );
}
