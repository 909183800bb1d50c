import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './login-page';

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'zhaoxian.union.editor' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-password' } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for both fields in Chinese before calling the server', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<LoginPage />);
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the server's Chinese message when login fails", async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValue(
          new Response(JSON.stringify({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' }), { status: 401 }),
        ),
    );
    render(<LoginPage />);
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码不正确');
  });

  it('calls onLoggedIn after a successful login', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ accessToken: 't' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const onLoggedIn = vi.fn();
    render(<LoginPage onLoggedIn={onLoggedIn} />);
    fillAndSubmit();
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledOnce());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(JSON.parse(init.body)).toEqual({ username: 'zhaoxian.union.editor', password: 'wrong-password' });
  });
});
