import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { waitFor } from '@evalflow/testing';
import type { Client } from 'pg';
import { SessionCache } from '../auth/session-cache';
import { as, login, startApi, startSeededApi, type Session } from './support/harness';

const sessionIdOf = (s: Session) =>
  JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString()).sid as string;

/**
 * Session checks answered from memory, never stale: a change made by this instance empties its cache before the
 * changing request answers; a change made by another instance arrives by NOTIFY; without its listener the cache holds
 * nothing. Two API instances on one database, in-process.
 */
describe('the session cache (two API instances, real PostgreSQL)', () => {
  let db: TestDatabase;
  let one: NestFastifyApplication;
  let two: NestFastifyApplication;
  let close: () => Promise<unknown>;
  const me = (app: NestFastifyApplication, s: Session) => as(app, s)({ method: 'GET', url: '/api/auth/me' });
  const cacheOf = (app: NestFastifyApplication) => app.get(SessionCache);
  /** the listener's own connection (to stop it hearing other instances, or to cut it) */
  const listenerOf = (app: NestFastifyApplication) => (cacheOf(app) as unknown as { client: Client }).client;

  beforeAll(async () => {
    ({ db, app: one, close } = await startSeededApi());
    two = await startApi(db);
    await waitFor(async () => (cacheOf(one).active && cacheOf(two).active ? true : undefined), 'both listening');
  });

  afterAll(async () => {
    await two?.close();
    await close?.();
  });

  it('answers a known session from memory, and forgets it the moment this instance ends it', async () => {
    const s = await login(one, 'zhaoxian.union.editor');
    expect((await me(one, s)).statusCode).toBe(200);
    expect(cacheOf(one).get(sessionIdOf(s))).toBeDefined();
    // this instance no longer hears the others: only its own commit can make it forget
    await listenerOf(one).query('UNLISTEN *');
    try {
      expect((await as(one, s)({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      expect(cacheOf(one).get(sessionIdOf(s))).toBeUndefined();
      expect((await me(one, s)).json().code).toBe('SESSION_ENDED');
    } finally {
      await listenerOf(one).query('LISTEN evalflow_auth_changed');
    }
  });

  it('hears a change committed by another instance, and refuses the session there too', async () => {
    const [admin, victim] = [await login(two, 'zhaoxian.admin'), await login(one, 'zhaoxian.finance.approver')];
    expect((await me(one, victim)).statusCode).toBe(200);
    expect(cacheOf(one).get(sessionIdOf(victim))).toBeDefined();
    const before = cacheOf(one).generation;
    const version = (await as(two, admin)({ method: 'GET', url: `/api/users/${victim.me.user.id}` })).json().version;
    const deactivated = await as(
      two,
      admin,
    )({
      method: 'PATCH',
      url: `/api/users/${victim.me.user.id}`,
      headers: { 'if-match': `"${version}"` },
      payload: { active: false },
    });
    expect(deactivated.statusCode).toBe(200);
    // instance one learns it from PostgreSQL's NOTIFY: wait for that, not for a time
    await waitFor(async () => (cacheOf(one).generation > before ? true : undefined), 'instance one to hear');
    expect(cacheOf(one).get(sessionIdOf(victim))).toBeUndefined();
    expect((await me(one, victim)).json().code).toBe('ACCOUNT_DISABLED');
  });

  it('holds nothing while its listener is down, and starts again empty once it is back', async () => {
    const s = await login(one, 'zhaoxian.union.head');
    const pid = ((await listenerOf(one).query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
    await db.owner((c) => c.query('SELECT pg_terminate_backend($1)', [pid]));
    await waitFor(async () => (cacheOf(one).active ? undefined : true), 'the cache to turn off');
    expect((await me(one, s)).statusCode).toBe(200);
    expect(cacheOf(one).get(sessionIdOf(s))).toBeUndefined();
    await waitFor(async () => (cacheOf(one).active ? true : undefined), 'the listener to come back');
    expect((await me(one, s)).statusCode).toBe(200);
    expect(cacheOf(one).get(sessionIdOf(s))).toBeDefined();
  });

  it('never keeps a row read before a change came in', () => {
    const cache = cacheOf(one);
    const generation = cache.generation;
    cache.forget();
    cache.put('00000000-0000-4000-8000-00000000c0de', { stale: true }, generation);
    expect(cache.get('00000000-0000-4000-8000-00000000c0de')).toBeUndefined();
    cache.put('00000000-0000-4000-8000-00000000c0de', { fresh: true }, cache.generation);
    expect(cache.get('00000000-0000-4000-8000-00000000c0de')).toEqual({ fresh: true });
  });
});
