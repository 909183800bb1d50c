import { unpackRules } from '@casl/ability/extra';
import { abilityFromRules, type AppAbility } from '@evalflow/domain';
import { ApiError, apiCall, type ApiClient, type ApiResponse, type RequestOptions } from '../api/client';
import type { MeView, TokenView } from '../api/types';

export type SessionState =
  | { status: 'restoring' }
  | {
      status: 'signed-out';
      /** Why the user must sign in again (shown on the login page). */
      notice?: string;
      /** Signed out on purpose: the login page should not offer to come back. */
      loggedOut?: boolean;
    }
  | { status: 'signed-in'; me: MeView; ability: AppAbility };

/** Refresh this long before the access token expires, so requests rarely meet an expired one. */
const REFRESH_LEAD_MS = 60_000;
const MIN_REFRESH_DELAY_MS = 5_000;
/** After a refresh failed for want of a network, try again this much later. */
const RETRY_REFRESH_MS = 30_000;
const REFRESH_LOCK = 'evalflow-refresh';
/**
 * Set while this browser holds a session (no secret: the refresh cookie stays httpOnly). Without it a
 * page does not ask /api/auth/refresh, whose 401 the browser would log as an error on every fresh visit.
 */
const SESSION_HINT = 'evalflow-session';

/** localStorage where the browser allows it; a private window may refuse it, and then nothing is hinted. */
const hint = {
  present: (): boolean => {
    try {
      return localStorage.getItem(SESSION_HINT) !== null;
    } catch {
      return true;
    }
  },
  set: (on: boolean): void => {
    try {
      if (on) localStorage.setItem(SESSION_HINT, '1');
      else localStorage.removeItem(SESSION_HINT);
    } catch {
      // without storage the page asks the cookie every time, as before
    }
  },
};

export function abilityOf(me: MeView): AppAbility {
  return abilityFromRules(unpackRules(me.abilities));
}

/**
 * The signed-in session. The access token lives only in this object's memory (never in storage,
 * where scripts could read it); the refresh token is an httpOnly cookie the browser sends to
 * /api/auth. Refreshing rotates that cookie and a reused one revokes the whole session, so at most
 * one refresh is ever in flight.
 */
export class Session implements ApiClient {
  private token: string | null = null;
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private inFlightRefresh: Promise<void> | null = null;
  private restoring: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the session ends, so a refresh answered afterwards cannot revive it. */
  private generation = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  /**
   * On page load: trade the refresh cookie, if any, for an access token. Runs once per page. Without
   * the hint that this browser signed in (a first visit, after signing out) there is no cookie to
   * trade: the page is signed out at once, with no request.
   */
  restore(): Promise<void> {
    if (!this.restoring && !hint.present()) {
      this.restoring = Promise.resolve();
      if (this.state.status === 'restoring') this.setState({ status: 'signed-out' });
    }
    // StrictMode mounts twice; a second refresh with the same cookie would count as reuse
    this.restoring ??= this.refreshOnce().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) hint.set(false);
      if (this.state.status !== 'restoring') return;
      // no valid cookie simply means "not signed in": no notice for that
      const notice = error instanceof ApiError && error.status !== 401 ? error.message : undefined;
      this.setState({ status: 'signed-out', notice });
    });
    return this.restoring;
  }

  async login(username: string, password: string): Promise<void> {
    const { data } = await apiCall<TokenView>('/auth/login', { method: 'POST', body: { username, password } });
    this.accept(data);
  }

  /** Ends the session here at once, then tells the server (which also clears the cookie). */
  async logout(): Promise<void> {
    const token = this.token;
    const sent = apiCall<void>('/auth/logout', {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    try {
      await sent;
    } catch {
      // the server ends an unused session at expiry anyway; locally it ends now regardless
    }
    this.end({ loggedOut: true });
  }

  /** A new access token for the same session; concurrent callers share one request. */
  refresh(): Promise<void> {
    return this.refreshOnce().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) this.end({ notice: error.message });
      throw error;
    });
  }

  /** Re-reads who the user is (after changing one's own name, say). */
  async reloadMe(): Promise<void> {
    const { data } = await this.request<MeView>('/auth/me');
    if (this.state.status === 'signed-in') this.setState({ status: 'signed-in', me: data, ability: abilityOf(data) });
  }

  /**
   * A request as the signed-in user. An expired access token is refreshed and the request retried
   * once; any other 401 means the session is over and the user must sign in again.
   */
  request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.send<T>(path, options, false);
  }

  /** Stops the refresh timer (tests, and pages that throw the session away). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private async send<T>(path: string, options: RequestOptions, retried: boolean): Promise<ApiResponse<T>> {
    const token = this.token;
    if (!token) throw new ApiError(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    try {
      return await apiCall<T>(path, { ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      if (error.code === 'TOKEN_EXPIRED' && !retried) {
        // another request may have refreshed while this one was on its way
        if (this.token === token) await this.refresh();
        return this.send<T>(path, options, true);
      }
      // a stale token's 401 says nothing about the session that replaced it
      if (this.token === token) this.end({ notice: error.message });
      throw error;
    }
  }

  private refreshOnce(): Promise<void> {
    if (!this.inFlightRefresh) {
      const generation = this.generation;
      this.inFlightRefresh = withRefreshLock(() => apiCall<TokenView>('/auth/refresh', { method: 'POST' }))
        .then(({ data }) => {
          if (generation !== this.generation) {
            throw new ApiError(401, { code: 'SESSION_ENDED', message: '已退出登录' });
          }
          this.accept(data);
        })
        .finally(() => {
          this.inFlightRefresh = null;
        });
    }
    return this.inFlightRefresh;
  }

  private accept(tokens: TokenView): void {
    this.token = tokens.accessToken;
    hint.set(true);
    const current = this.state;
    // a refresh usually returns the same person: keep the state object so nothing re-renders
    const unchanged = current.status === 'signed-in' && JSON.stringify(current.me) === JSON.stringify(tokens.me);
    if (!unchanged) this.setState({ status: 'signed-in', me: tokens.me, ability: abilityOf(tokens.me) });
    this.schedule(Math.max(tokens.expiresIn * 1000 - REFRESH_LEAD_MS, MIN_REFRESH_DELAY_MS));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.refresh().catch((error: unknown) => {
        // 401s ended the session already; for an unreachable server, try again shortly
        if (!(error instanceof ApiError && error.status === 401) && this.token) this.schedule(RETRY_REFRESH_MS);
      });
    }, delayMs);
  }

  private end(how: { notice?: string; loggedOut?: boolean }): void {
    this.generation++;
    this.token = null;
    hint.set(false);
    clearTimeout(this.timer);
    this.setState({ status: 'signed-out', ...how });
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/**
 * Serialises refreshes across the tabs of this browser: they share the cookie, so two tabs
 * refreshing at the same moment would send the same token twice and revoke the session.
 */
function withRefreshLock<T>(exchange: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request(REFRESH_LOCK, exchange) as Promise<T>) : exchange();
}
