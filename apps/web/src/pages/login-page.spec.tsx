import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { errorResponse, jsonResponse, meFor, PRINCIPALS, tokensFor } from '../test/session-fixtures';
import { LoginPage } from './login-page';

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

/** The login page with a session that has found no cookie to restore. */
async function renderLogin(route = '/login') {
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(errorResponse(401, 'SESSION_ENDED', '登录状态已失效，请重新登录')));
  const session = new Session();
  await session.restore();
  vi.unstubAllGlobals();
  render(
    <AntApp>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </AntApp>,
  );
  return session;
}

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'zhaoxian.union.editor' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password' } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('LoginPage', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('asks for both fields in Chinese before calling the server', async () => {
    session = await renderLogin();
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server's Chinese message when login fails", async () => {
    session = await renderLogin();
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(errorResponse(401, 'INVALID_CREDENTIALS', '用户名或密码不正确')));
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码不正确');
    expect(session.getState().status).toBe('signed-out');
  });

  it('keeps the button shut while the server asks to wait after too many failures', async () => {
    session = await renderLogin();
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse({ code: 'LOGIN_THROTTLED', message: '登录失败次数过多，请 5 分钟后再试' }, 429, {
          'retry-after': '300',
        }),
      ),
    );
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toContain('请 5 分钟后再试');
    const button = await screen.findByRole('button', { name: /300 秒后重试/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('signs in and goes where the visitor was heading', async () => {
    session = await renderLogin('/login?next=%2Fusers%3Factive%3Dfalse');
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(tokensFor(meFor(PRINCIPALS.tenantAdmin))));
    vi.stubGlobal('fetch', fetchMock);
    fillAndSubmit();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/users?active=false'));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(init.body)).toEqual({ username: 'zhaoxian.union.editor', password: 'wrong-password' });
    expect(session.getState().status).toBe('signed-in');
  });

  it('never follows a `next` that leads off this site', async () => {
    session = await renderLogin('/login?next=%2F%2Fevil.example%2Fphish');
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(tokensFor(meFor(PRINCIPALS.tenantAdmin)))));
    fillAndSubmit();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/'));
  });
});
