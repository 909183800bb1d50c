import { useEffect, useState } from 'react';
import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { permissionsOf } from '../auth/permissions';
import { useSignedIn } from '../auth/session-context';
import { useViewport } from '../hooks/use-viewport';
import { activeNavPath, navItemsFor, type NavItem } from './nav-items';
import { NotificationBell } from './notification-bell';
import { UnreadNotificationsProvider } from './unread-notifications';
import { useAccountMenu, UserMenu } from './user-menu';

export const PRODUCT_NAME = 'EvalFlow 预算绩效自评';

/**
 * The frame of every signed-in page: header with who and where, menu by abilities, page on the right.
 * Below 768 px the header keeps the product and the bell; the menu, the place and the account fold
 * into a drawer behind a menu button, and the page takes the whole width.
 */
export function AppShell() {
  const { me, ability } = useSignedIn();
  const location = useLocation();
  const { narrow } = useViewport();
  const [collapsed, setCollapsed] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const permissions = permissionsOf(ability, me);
  const items = navItemsFor(permissions);
  const active = activeNavPath(location.pathname, items);
  const place = (
    <>
      {me.tenant ? `${me.tenant.name}（${me.tenant.regionCode}）` : '平台运维'}
      {me.department && ` · ${me.department.name}`}
    </>
  );
  // a tap on an entry leads to another page: the drawer has done its work
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const shell = (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className={narrow ? 'app-header app-header-narrow' : 'app-header'}>
        <Flex align="center" gap={narrow ? 8 : 16} style={{ minWidth: 0 }}>
          {narrow && (
            <Button
              type="text"
              aria-label="打开菜单"
              aria-expanded={menuOpen}
              className="header-menu-button"
              icon={<MenuOutlined />}
              onClick={() => setMenuOpen(true)}
            />
          )}
          <Link to="/" className="app-brand">
            {PRODUCT_NAME}
          </Link>
          {!narrow && (
            <Typography.Text className="app-place" ellipsis>
              {place}
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={8} style={{ flex: 'none' }}>
          {permissions.notifications && <NotificationBell />}
          {!narrow && <UserMenu />}
        </Flex>
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider
            theme="light"
            width={200}
            breakpoint="lg"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
          >
            <NavMenu items={items} active={active} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          size={280}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={<Typography.Text ellipsis>{place}</Typography.Text>}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu items={items} active={active} />
          <AccountSection onDone={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
  return permissions.notifications ? <UnreadNotificationsProvider>{shell}</UnreadNotificationsProvider> : shell;
}

function NavMenu({ items, active }: { items: NavItem[]; active: string | undefined }) {
  return (
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
  );
}

/** In the drawer: who is signed in, and the account's entries. */
function AccountSection({ onDone }: { onDone: () => void }) {
  const { name, roles, items, onClick } = useAccountMenu();
  return (
    <section aria-label="账号" className="drawer-account">
      <Flex align="center" gap={8} className="drawer-account-who">
        <UserOutlined />
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {roles}
          </Typography.Text>
        </Flex>
      </Flex>
      <Menu
        mode="inline"
        selectable={false}
        style={{ borderInlineEnd: 'none' }}
        items={items}
        onClick={(info) => {
          if (info.key !== 'logout') onDone();
          void onClick?.(info);
        }}
      />
    </section>
  );
}
