import { useState } from 'react';
import { DownOutlined, KeyOutlined, LogoutOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { App, Dropdown, Flex, Spin, Typography, type MenuProps } from 'antd';
import { ROLE_LABELS } from '@evalflow/domain';
import { useNavigate } from 'react-router-dom';
import { permissionsOf } from '../auth/permissions';
import { useSession, useSignedIn } from '../auth/session-context';

/** The account's entries (通知设置 for who has an inbox, 修改密码, 退出登录), for the header's menu or the phone's drawer. */
export function useAccountMenu() {
  const { me, ability } = useSignedIn();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);
  const roles = me.user.roles.map((role) => ROLE_LABELS[role] ?? role).join('、');

  const items: MenuProps['items'] = [
    ...(permissionsOf(ability, me).notifications
      ? [{ key: 'notifications', icon: <MailOutlined />, label: '通知设置' }]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'notifications') navigate('/account/notifications');
    if (key === 'password') navigate('/account/password');
    if (key === 'logout') {
      setLeaving(true);
      await session.logout();
      message.success('已退出登录');
    }
  };
  return { name: me.user.displayName, roles, items, onClick, leaving };
}

/** The signed-in user in the header, with 通知设置 (who has an inbox), 修改密码 and 退出登录. */
export function UserMenu() {
  const { name, roles, items, onClick, leaving } = useAccountMenu();
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" aria-label="账号菜单" className="header-account">
        <Flex align="center" gap={8}>
          {leaving ? <Spin size="small" /> : <UserOutlined />}
          <Flex vertical style={{ lineHeight: 1.3, textAlign: 'left' }}>
            <Typography.Text style={{ color: 'inherit', whiteSpace: 'nowrap' }} strong>
              {name}
            </Typography.Text>
            <Typography.Text style={{ color: 'inherit', fontSize: 12, opacity: 0.85, whiteSpace: 'nowrap' }}>
              {roles}
            </Typography.Text>
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </button>
    </Dropdown>
  );
}
