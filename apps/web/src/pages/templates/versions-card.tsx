import { Card, Table } from 'antd';
import type { TemplateVersionUse } from '../../api/template-types';
import { DateTime } from '../../components/date-time';

/** 版本记录: each published version and how many reports were created under it. */
export function VersionsCard({ versions }: { versions: TemplateVersionUse[] }) {
  return (
    <Card title="版本记录" size="small">
      <Table<TemplateVersionUse>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        locale={{ emptyText: '尚未发布过' }}
        columns={[
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
          { title: '发布时间', dataIndex: 'publishedAt', render: (v: string) => <DateTime value={v} /> },
          { title: '报告数', dataIndex: 'reports', width: 70 },
        ]}
      />
    </Card>
  );
}
