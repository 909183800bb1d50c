import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '../test/session-fixtures';
import { RequireAuth, safeNextPath } from './require-auth';
import { Session } from './session';
import { SessionProvider } from './session-context';

function LoginProbe() {
  const location = useLocation();
  return <p data-testid="login">{location.pathname + location.search}</p>;
}

describe('RequireAuth', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor without a session to the login page with the path to come back to', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(errorResponse(401, 'SESSION_ENDED', '登录状态已失效，请重新登录')),
    );
    const session = new Session();
    await session.restore();
    render(
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={['/users?role=dept_editor']}>
          <Routes>
            <Route path="/login" element={<LoginProbe />} />
            <Route path="*" element={<RequireAuth>秘密内容</RequireAuth>} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>,
    );
    expect(screen.getByTestId('login').textContent).toBe('/login?next=%2Fusers%3Frole%3Ddept_editor');
    expect(screen.queryByText('秘密内容')).toBeNull();
  });

  it('accepts only paths of this app as the place to return to', () => {
    expect(safeNextPath('/departments?kind=finance_bureau')).toBe('/departments?kind=finance_bureau');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
