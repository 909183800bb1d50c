import { useState } from 'react';
import { Flex, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { permissionsOf } from '../auth/permissions';
import { useSignedIn } from '../auth/session-context';
import { activeNavPath, navItemsFor } from './nav-items';
import { NotificationBell } from './notification-bell';
import { UnreadNotificationsProvider } from './unread-notifications';
import { UserMenu } from './user-menu';

export const PRODUCT_NAME = 'EvalFlow 预算绩效自评';

/** The frame of every signed-in page: header with who and where, menu by abilities, page on the right. */
export function AppShell() {
  const { me, ability } = useSignedIn();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const permissions = permissionsOf(ability, me);
  const items = navItemsFor(permissions);
  const active = activeNavPath(location.pathname, items);

  const shell = (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="app-header">
        <Flex align="center" gap={16} style={{ minWidth: 0 }}>
          <Link to="/" className="app-brand">
            {PRODUCT_NAME}
          </Link>
          <Typography.Text className="app-place" ellipsis>
            {me.tenant ? `${me.tenant.name}（${me.tenant.regionCode}）` : '平台运维'}
            {me.department && ` · ${me.department.name}`}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8}>
          {permissions.notifications && <NotificationBell />}
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={200}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
        >
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={active ? [active] : []}
              style={{ borderInlineEnd: 'none' }}
              items={items.map((item) => ({
                key: item.path,
                icon: item.icon,
                label: <Link to={item.path}>{item.label}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
  return permissions.notifications ? <UnreadNotificationsProvider>{shell}</UnreadNotificationsProvider> : shell;
}
