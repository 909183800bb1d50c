import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RectificationListItem } from '../../api/spot-checks-api';

/** 整改事项 past due and not closed: the inbox of either side (the API answers each its own). */
export function OverdueList({ items }: { items: RectificationListItem[] | undefined }) {
  if (!items?.length) return null;
  return (
    <Card
      size="small"
      title={<Typography.Text type="danger">逾期未办结的整改事项（{items.length}）</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {items.map((i) => (
          <li key={i.id}>
            <Link to={`/reports/${i.reportId}`}>{i.departmentName}</Link>：{i.title}（责任人 {i.ownerName}，期限{' '}
            {i.dueOn}）
          </li>
        ))}
      </ul>
    </Card>
  );
}
