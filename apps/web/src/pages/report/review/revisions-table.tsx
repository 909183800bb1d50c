import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import type { RevisionView } from '../../../api/report-types';
import { DateTime } from '../../../components/date-time';
import { revisionLabel } from './revision-label';

/**
 * Each frozen revision, newest first: a submission with who submitted it and its sign-offs (部门负责人签核,
 * 评价工作组确认), or the draft's content an import replaced (「导入前的内容」, with who confirmed the import;
 * never signed off).
 */
export function RevisionsTable({
  revisions,
  expanded,
}: {
  revisions: RevisionView[];
  /** What a revision shows when its row is opened (the 佐证材料 frozen with it, an import's too). */
  expanded?: (revision: RevisionView) => ReactNode;
}) {
  return (
    <ResponsiveTable<RevisionView>
      expandable={
        expanded && {
          expandedRowRender: (r) => expanded(r),
        }
      }
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...revisions].sort((a, b) => b.number - a.number)}
      locale={{ emptyText: '报告尚未提交过' }}
      scroll={{ x: 800 }}
      columns={[
        {
          title: '版本',
          key: 'label',
          width: 140,
          render: (_, r) =>
            r.reason === 'import' ? (
              <Flex vertical>
                <Typography.Text>{revisionLabel(r)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  第 {r.number} 版 · 确认导入时保存
                </Typography.Text>
              </Flex>
            ) : (
              revisionLabel(r)
            ),
        },
        { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => <DateTime value={v} /> },
        { title: '提交人或导入人', dataIndex: 'createdBy', width: 120, render: (v: string | null) => v ?? '—' },
        {
          title: '部门负责人签核',
          key: 'head',
          width: 200,
          render: (_, r) =>
            r.reason === 'import' ? (
              '—'
            ) : r.signOffs?.head ? (
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
            r.reason === 'import' ? (
              '—'
            ) : r.signOffs?.team ? (
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
