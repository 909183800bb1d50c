import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { REPORT_KIND_SHORT_LABELS, REPORT_STATUS_LABELS } from '@evalflow/domain';
import { Link } from 'react-router-dom';
import type { HomeDraft } from '../../api/home-api';
import { DeadlineTag } from '../reports/deadline-tag';

/** What a draft still lacks, in words: 「还需填写 18 项，另有 2 处错误」, or that it may be submitted. */
export function lacksText(d: Pick<HomeDraft, 'missing' | 'errors' | 'warnings' | 'openComments'>): string {
  const parts: string[] = [];
  if (d.missing) parts.push(`还需填写 ${d.missing} 项`);
  if (d.errors) parts.push(`${d.missing ? '另有' : '有'} ${d.errors} 处检查未通过`);
  if (d.openComments) parts.push(`${d.openComments} 条审核意见待处理`);
  if (!parts.length) return d.warnings ? `可以提交（${d.warnings} 条提示）` : '可以提交';
  return parts.join('，');
}

const title = (d: HomeDraft) =>
  `${d.fiscalYear}年度${REPORT_KIND_SHORT_LABELS[d.kind]}${d.projectName ? `「${d.projectName}」` : ''}`;

/** The department's drafts and returned reports, nearest deadline first, each with what it still lacks. */
export function DepartmentTodo({ drafts }: { drafts: HomeDraft[] }) {
  return (
    <Card title="待办：本部门的报告" extra={<Link to="/reports">全部报告</Link>}>
      {drafts.length === 0 ? (
        <Empty description="没有待填报或被退回的报告" />
      ) : (
        <List
          dataSource={drafts}
          rowKey="id"
          renderItem={(d) => (
            <List.Item
              actions={[
                <Link
                  key="open"
                  to={`/reports/${d.id}`}
                  aria-label={`${d.status === 'returned' ? '修改' : '填写'} ${title(d)}`}
                >
                  {d.status === 'returned' ? '修改' : '填写'}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={8}>
                    <Link to={`/reports/${d.id}`}>{title(d)}</Link>
                    <Tag color={d.status === 'returned' ? 'orange' : 'default'}>{REPORT_STATUS_LABELS[d.status]}</Tag>
                    <DeadlineTag deadline={d.deadline} />
                  </Space>
                }
                description={
                  <Typography.Text type={d.missing || d.errors ? 'secondary' : 'success'} data-lacks>
                    {lacksText(d)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
