import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth } from '../auth/require-auth';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../test/session-fixtures';

const setByAdmin = () => {
  const me = meFor(PRINCIPALS.deptEditor);
  return { ...me, user: { ...me.user, mustChangePassword: true } };
};

async function renderGuarded() {
  const session = await signedInSession(setByAdmin());
  const fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  renderWithSession(
    <Routes>
      <Route path="*" element={<RequireAuth>我的报告列表</RequireAuth>} />
    </Routes>,
    session,
    '/reports',
  );
  return fetchMock;
}

describe('a password an administrator set', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is changed before anything else is shown, then the page asked for opens', async () => {
    const fetchMock = await renderGuarded();
    expect(screen.getByRole('heading', { name: '请先修改密码' })).toBeTruthy();
    expect(screen.queryByText('我的报告列表')).toBeNull();

    fetchMock
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse(meFor(PRINCIPALS.deptEditor)));
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Given#ByAdmin-2025' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'Mine#Only-2025x' } });
    fireEvent.change(screen.getByLabelText('确认密码'), { target: { value: 'Mine#Only-2025x' } });
    fireEvent.click(screen.getByRole('button', { name: '确认修改' }));

    await waitFor(() => expect(screen.getByText('我的报告列表')).toBeTruthy());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/auth/password');
    expect(JSON.parse(init.body as string)).toEqual({
      currentPassword: 'Given#ByAdmin-2025',
      newPassword: 'Mine#Only-2025x',
    });
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/me');
  });
});
