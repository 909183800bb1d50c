import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../auth/session';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../test/session-fixtures';
import { emulateWidth, restoreViewport } from '../test/viewport';
import { AppShell } from './app-shell';

async function menuLabelsFor(principal: (typeof PRINCIPALS)[keyof typeof PRINCIPALS]) {
  const session = await signedInSession(meFor(principal));
  // the header's bell asks for the unread count
  const fetchMock = vi.fn().mockImplementation(async () => jsonResponse({ items: [], unread: 3 }));
  vi.stubGlobal('fetch', fetchMock);
  renderWithSession(
    <Routes>
      <Route path="/" element={<AppShell />}>
        <Route index element={<p>首页内容</p>} />
      </Route>
    </Routes>,
    session,
  );
  const menu = await screen.findByRole('navigation', { name: '主菜单' });
  const labels = within(menu)
    .getAllByRole('link')
    .map((link) => link.textContent);
  return { session, labels, fetchMock };
}

describe('AppShell menu', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('offers 县（区）管理 to a platform administrator', async () => {
    const result = await menuLabelsFor(PRINCIPALS.platformAdmin);
    session = result.session;
    expect(result.labels).toEqual(['首页', '县（区）管理', '审计日志']);
    expect(screen.getByText('平台运维')).toBeTruthy();
    // no county, no inbox
    expect(screen.queryByRole('link', { name: /消息通知/ })).toBeNull();
    expect(result.fetchMock).not.toHaveBeenCalled();
  });

  it('offers a department editor its reports and the bell with its unread count', async () => {
    const result = await menuLabelsFor(PRINCIPALS.deptEditor);
    session = result.session;
    expect(result.labels).toEqual(['首页', '我的报告', '报告模板', '指标库']);
    expect(result.labels).not.toContain('县（区）管理');
    // the header says who and where
    expect(screen.getByText('李编制')).toBeTruthy();
    expect(screen.getByText('编制人')).toBeTruthy();
    expect(screen.getByText(/赵县（130133）/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: '消息通知（3 条未读）' })).toBeTruthy();
    expect(String(result.fetchMock.mock.calls[0][0])).toBe('/api/notifications?unread=true');
  });

  it('offers a county administrator its departments, users, webhooks, audit log and settings', async () => {
    const result = await menuLabelsFor(PRINCIPALS.tenantAdmin);
    session = result.session;
    expect(result.labels).toEqual([
      '首页',
      '部门管理',
      '用户管理',
      '报告模板',
      '指标库',
      '代理人',
      'API 密钥',
      '推送地址',
      '审计日志',
      '设置',
    ]);
  });

  it('offers the finance bureau its to-do home, the county overview, the review queue and a read-only department list', async () => {
    const result = await menuLabelsFor(PRINCIPALS.financeReviewer);
    session = result.session;
    expect(result.labels).toEqual([
      '首页',
      '县级概览',
      '待审报告',
      '抽评',
      '公开登记',
      '部门',
      '报告模板',
      '指标库',
      '代理人',
    ]);
  });

  /** Opens the header's account menu and lists its entries. */
  async function accountMenu(): Promise<Array<string | null>> {
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '账号菜单' })));
    const dropdown = await waitFor(() => {
      const menu = document.querySelector<HTMLElement>('.ant-dropdown-menu');
      if (!menu) throw new Error('the account menu is not open');
      return menu;
    });
    return within(dropdown)
      .getAllByRole('menuitem')
      .map((item) => item.textContent);
  }

  it('offers 通知设置 in the account menu to whoever has an inbox', async () => {
    const editor = await menuLabelsFor(PRINCIPALS.deptEditor);
    session = editor.session;
    expect(await accountMenu()).toEqual(['通知设置', '修改密码', '退出登录']);
  });

  it('leaves 通知设置 out of the platform administrator’s account menu (no inbox)', async () => {
    const operator = await menuLabelsFor(PRINCIPALS.platformAdmin);
    session = operator.session;
    expect(await accountMenu()).toEqual(['修改密码', '退出登录']);
  });

  it('keeps the account in the header and no menu button on a desktop', async () => {
    const reviewer = await menuLabelsFor(PRINCIPALS.financeReviewer);
    session = reviewer.session;
    expect(screen.getByRole('button', { name: '账号菜单' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '打开菜单' })).toBeNull();
  });
});

describe('AppShell on a phone (390 px)', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
    restoreViewport();
  });

  it('folds the menu, the place and the account into a drawer behind a menu button', async () => {
    emulateWidth(390);
    session = await signedInSession(meFor(PRINCIPALS.financeReviewer));
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(async () => jsonResponse({ items: [], unread: 0 })),
    );
    renderWithSession(
      <Routes>
        <Route path="/" element={<AppShell />}>
          <Route index element={<p>首页内容</p>} />
        </Route>
      </Routes>,
      session,
    );
    const open = await screen.findByRole('button', { name: '打开菜单' });
    // the header holds the product, the button and the bell only: no sidebar, no account button, no place
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
    expect(screen.queryByRole('button', { name: '账号菜单' })).toBeNull();
    expect(document.querySelector('.ant-layout-sider')).toBeNull();
    expect(screen.getByRole('link', { name: '消息通知' })).toBeTruthy();
    expect(open.getAttribute('aria-expanded')).toBe('false');

    await act(async () => fireEvent.click(open));
    const drawer = await screen.findByRole('dialog');
    const menu = within(drawer).getByRole('navigation', { name: '主菜单' });
    expect(
      within(menu)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['首页', '县级概览', '待审报告', '抽评', '公开登记', '部门', '报告模板', '指标库', '代理人']);
    expect(within(drawer).getByText(/赵县（130133）/)).toBeTruthy();
    const account = within(drawer).getByRole('region', { name: '账号' });
    expect(within(account).getByText(PRINCIPALS.financeReviewer.displayName)).toBeTruthy();
    expect(
      within(account)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['通知设置', '修改密码', '退出登录']);
  });
});
