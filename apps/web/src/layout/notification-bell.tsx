import { BellOutlined } from '@ant-design/icons';
import { Badge, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useUnreadNotifications } from './unread-notifications';

/** The header's bell: the unread count, a link to the inbox. */
export function NotificationBell() {
  const { unread } = useUnreadNotifications();
  const label = unread ? `消息通知（${unread} 条未读）` : '消息通知';
  return (
    <Tooltip title={label}>
      <Link to="/notifications" aria-label={label} className="header-bell">
        <Badge count={unread ?? 0} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
