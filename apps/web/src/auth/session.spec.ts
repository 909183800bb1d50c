import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { errorResponse, jsonResponse, meFor, PRINCIPALS, tokensFor } from '../test/session-fixtures';
import { Session } from './session';

const me = meFor(PRINCIPALS.tenantAdmin);

type FetchArgs = [string, RequestInit];
const authOf = (init: RequestInit) => (init.headers as Record<string, string>)['authorization'];

/** A server whose access tokens expire: "token-1" is stale, "token-2" (from refresh) is good. */
function serverWithExpiredToken(options: { refresh?: () => Promise<Response> } = {}) {
  return vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/auth/login') return jsonResponse(tokensFor(me, 'token-1'));
    if (url === '/api/auth/refresh') {
      return options.refresh ? options.refresh() : jsonResponse(tokensFor(me, 'token-2'));
    }
    if (authOf(init) === 'Bearer token-2') return jsonResponse({ ok: url });
    return errorResponse(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
  });
}

async function signedIn(fetchMock: ReturnType<typeof vi.fn>): Promise<Session> {
  vi.stubGlobal('fetch', fetchMock);
  const session = new Session();
  await session.login('zhaoxian.admin', 'evalflow-demo');
  return session;
}

const refreshCalls = (fetchMock: ReturnType<typeof vi.fn>) =>
  (fetchMock.mock.calls as unknown as FetchArgs[]).filter(([url]) => url === '/api/auth/refresh');

describe('Session', () => {
  let session: Session | undefined;
  beforeEach(() => {
    session = undefined;
  });
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('refreshes once on TOKEN_EXPIRED and retries the request with the new token', async () => {
    const fetchMock = serverWithExpiredToken();
    session = await signedIn(fetchMock);

    const { data } = await session.request<{ ok: string }>('/departments');

    expect(data).toEqual({ ok: '/api/departments' });
    expect(refreshCalls(fetchMock)).toHaveLength(1);
    const departmentCalls = (fetchMock.mock.calls as unknown as FetchArgs[]).filter(
      ([url]) => url === '/api/departments',
    );
    expect(departmentCalls.map(([, init]) => authOf(init))).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(session.getState().status).toBe('signed-in');
  });

  it('shares one refresh between two requests that meet an expired token at the same time', async () => {
    let answerRefresh: (response: Response) => void = () => undefined;
    const fetchMock = serverWithExpiredToken({
      refresh: () => new Promise<Response>((resolve) => (answerRefresh = resolve)),
    });
    session = await signedIn(fetchMock);

    const first = session.request<{ ok: string }>('/departments');
    const second = session.request<{ ok: string }>('/users');
    // let both 401s arrive while the refresh is still unanswered
    await vi.waitFor(() => expect(refreshCalls(fetchMock)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(refreshCalls(fetchMock)).toHaveLength(1);
    answerRefresh(jsonResponse(tokensFor(me, 'token-2')));

    await expect(first).resolves.toMatchObject({ data: { ok: '/api/departments' } });
    await expect(second).resolves.toMatchObject({ data: { ok: '/api/users' } });
    expect(refreshCalls(fetchMock)).toHaveLength(1);
  });

  it('clears the session on a 401 other than TOKEN_EXPIRED, keeping the message for the login page', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === '/api/auth/login'
        ? jsonResponse(tokensFor(me))
        : errorResponse(401, 'TENANT_SUSPENDED', '所在县（区）已停用，请联系平台管理员'),
    );
    session = await signedIn(fetchMock);

    await expect(session.request('/users')).rejects.toMatchObject({ status: 401, code: 'TENANT_SUSPENDED' });

    expect(refreshCalls(fetchMock)).toHaveLength(0);
    expect(session.getState()).toEqual({ status: 'signed-out', notice: '所在县（区）已停用，请联系平台管理员' });
    // without a token nothing more is sent in the user's name
    await expect(session.request('/users')).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('ends the session when the refresh after TOKEN_EXPIRED is refused', async () => {
    const fetchMock = serverWithExpiredToken({
      refresh: async () => errorResponse(401, 'SESSION_ENDED', '登录状态已失效，请重新登录'),
    });
    session = await signedIn(fetchMock);

    await expect(session.request('/users')).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(session.getState()).toEqual({ status: 'signed-out', notice: '登录状态已失效，请重新登录' });
  });

  it('restores a session from the cookie with a single refresh, however often restore() is called', async () => {
    localStorage.setItem('evalflow-session', '1');
    const fetchMock = vi.fn(async () => jsonResponse(tokensFor(me)));
    vi.stubGlobal('fetch', fetchMock);
    session = new Session();
    expect(session.getState().status).toBe('restoring');

    await Promise.all([session.restore(), session.restore()]);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual(['/api/auth/refresh', expect.objectContaining({ method: 'POST' })]);
    const state = session.getState();
    expect(state.status === 'signed-in' && state.me.user.username).toBe('zhaoxian.admin');
  });

  it('shows the login page without a notice when there is no session to restore', async () => {
    localStorage.setItem('evalflow-session', '1');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => errorResponse(401, 'SESSION_ENDED', '登录状态已失效，请重新登录')),
    );
    session = new Session();
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signed-out', notice: undefined });
    // the cookie is gone: the next page does not ask again
    expect(localStorage.getItem('evalflow-session')).toBeNull();
  });

  it('does not ask /api/auth/refresh on a page of a browser that holds no session (no 401 in the console)', async () => {
    localStorage.removeItem('evalflow-session');
    const fetchMock = vi.fn(async () => errorResponse(401, 'SESSION_ENDED', '登录状态已失效，请重新登录'));
    vi.stubGlobal('fetch', fetchMock);
    session = new Session();
    await session.restore();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('hints at a session from sign-in until sign-out', async () => {
    localStorage.removeItem('evalflow-session');
    session = await signedIn(vi.fn(async () => jsonResponse(tokensFor(me))));
    expect(localStorage.getItem('evalflow-session')).toBe('1');
    await session.logout();
    expect(localStorage.getItem('evalflow-session')).toBeNull();
  });

  it('refreshes 60 seconds before the access token expires', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(async (url: string) =>
      jsonResponse(tokensFor(me, url === '/api/auth/login' ? 'token-1' : 'token-2')),
    );
    session = await signedIn(fetchMock);

    await vi.advanceTimersByTimeAsync(839_000);
    expect(refreshCalls(fetchMock)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refreshCalls(fetchMock)).toHaveLength(1);

    // and the next request already carries the new token
    await session.request('/departments');
    expect(authOf((fetchMock.mock.calls as unknown as FetchArgs[]).at(-1)?.[1] ?? {})).toBe('Bearer token-2');
  });

  it('logs out with the access token and forgets the session', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === '/api/auth/logout' ? new Response(null, { status: 204 }) : jsonResponse(tokensFor(me)),
    );
    session = await signedIn(fetchMock);

    await session.logout();

    const [url, init] = (fetchMock.mock.calls as unknown as FetchArgs[]).at(-1) ?? [];
    expect(url).toBe('/api/auth/logout');
    expect(init && authOf(init)).toBe('Bearer token-1');
    expect(session.getState()).toEqual({ status: 'signed-out', loggedOut: true });
  });
});
