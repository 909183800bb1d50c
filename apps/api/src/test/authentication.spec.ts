import { sign } from 'jsonwebtoken';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, cookieOf, idOf, login, loginAll, patchCurrent, startSeededApi, type Session } from './support/harness';

const DEV_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';

describe('authentication and sessions (real API and PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: TestDatabase;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    ({ app, db, close } = await startSeededApi({ LOGIN_MAX_FAILURES_PER_ADDRESS: '12' }));
  });
  afterAll(async () => {
    await close?.();
  });

  const post = (url: string, payload?: object, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url, payload, ...extra });
  /** A sign-in attempt, from `remoteAddress` when one is given. */
  const attempt = (username: string, password: string, remoteAddress?: string) =>
    post('/api/auth/login', { username, password }, remoteAddress === undefined ? {} : { remoteAddress });
  const refresh = (cookie?: string) =>
    post('/api/auth/refresh', undefined, cookie === undefined ? {} : { cookies: { evalflow_refresh: cookie } });
  const whoAmI = (s: Session) => as(app, s)({ method: 'GET', url: '/api/auth/me' });
  const auditOf = (action: string, username: string) =>
    db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT tenant_id, outcome, details, host(client_ip) AS ip, request_id FROM audit_log
              WHERE action = $1 AND actor_username = $2 ORDER BY id`,
            [action, username],
          )
        ).rows,
    );

  describe('login', () => {
    it('returns a short-lived access token, sets the refresh cookie httpOnly and strict, and says who you are', async () => {
      const res = await attempt('zhaoxian.union.editor', 'evalflow-demo');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(body.me).toMatchObject({
        user: { username: 'zhaoxian.union.editor', roles: ['dept_editor'] },
        tenant: { name: '赵县', regionCode: '130133' },
        department: { name: '赵县总工会', kind: 'budget_department' },
      });
      expect(Array.isArray(body.me.abilities)).toBe(true);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^evalflow_refresh=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/api/auth');
      expect(res.headers['cache-control']).toBe('no-store');
      const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims).toMatchObject({ iss: 'evalflow', aud: 'evalflow-api' });
    });

    it('answers an unknown user exactly like a wrong password', async () => {
      const unknown = await attempt('no.such.user', 'whatever-Password1');
      const wrong = await attempt('zhaoxian.union.head', 'whatever-Password1');
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' });
      expect(wrong.json()).toEqual(unknown.json());
    });

    it('audits success and failure with the client address and request id', async () => {
      await attempt('luancheng.union.head', 'nope-nope-1A', '10.1.2.3');
      await attempt('luancheng.union.head', 'evalflow-demo', '10.1.2.3');
      const entries = await auditOf('auth.login', 'luancheng.union.head');
      expect(entries.map((e) => [e.outcome, e.details.reason ?? 'ok', e.ip])).toEqual([
        ['failure', 'wrong_password', '10.1.2.3'],
        ['success', 'ok', '10.1.2.3'],
      ]);
      const luancheng = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`);
      expect(entries.every((e) => e.tenant_id === luancheng && typeof e.request_id === 'string')).toBe(true);
    });
  });

  describe('throttling', () => {
    it('locks an account after 5 failures, even for the right password, with 429 and when to retry', async () => {
      const username = 'zhaoxian.finance.approver';
      for (let i = 0; i < 5; i++) {
        const res = await attempt(username, `wrong-${i}`, `10.9.0.${i}`);
        expect(res.statusCode).toBe(401);
      }
      const locked = await attempt(username, 'evalflow-demo', '10.9.1.1');
      expect(locked.statusCode).toBe(429);
      const body = locked.json();
      expect(body.code).toBe('LOGIN_THROTTLED');
      expect(body.message).toMatch(/^登录失败次数过多，请于 1 分钟后（\d{2}:\d{2}）再试$/);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
      // another account is not affected
      expect((await attempt('zhaoxian.union.head', 'evalflow-demo', '10.9.1.1')).statusCode).toBe(200);
    });

    it('grows the lock with each further failure after it expires, and a success clears it', async () => {
      const username = 'zhaoxian.finance.approver';
      const expire = () =>
        db.owner((c) => c.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`));
      await expire();
      await attempt(username, 'wrong-again', '10.9.2.1');
      const minutes = await db.owner(
        async (c) =>
          (
            await c.query(
              `SELECT round(extract(epoch FROM locked_until - now()) / 60) AS m, failures FROM login_throttle WHERE key LIKE 'account:%' AND failures >= 6`,
            )
          ).rows[0],
      );
      expect(minutes).toEqual({ m: '2', failures: 6 });
      await expire();
      expect((await attempt(username, 'evalflow-demo', '10.9.2.2')).statusCode).toBe(200);
      const left = await db.owner(
        async (c) =>
          (await c.query(`SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE 'account:%' AND failures >= 5`))
            .rows[0].n,
      );
      expect(left).toBe(0);
    });

    it('counts a guess before checking it: a parallel burst gets no more tries than a sequence', async () => {
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) => attempt('luancheng.finance.reviewer', `burst-${i}`, `10.6.0.${i}`)),
      );
      const statuses = burst.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    });

    it('audits one entry per lock, with the count of refused tries, instead of one entry per refused try', async () => {
      const username = 'luancheng.health.editor';
      const countOf = async (action: string) => (await auditOf(action, username)).length;
      for (let i = 0; i < 5; i++) expect((await attempt(username, `wrong-${i}`, `10.5.0.${i}`)).statusCode).toBe(401);
      expect(await countOf('auth.login')).toBe(5);
      const [lock] = await auditOf('auth.login.locked', username);
      const luancheng = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`);
      expect(lock).toMatchObject({
        tenant_id: luancheng,
        outcome: 'denied',
        details: { kind: 'account', failures: 5, refusedDuringPreviousLock: 0 },
      });
      for (let i = 0; i < 7; i++)
        expect((await attempt(username, 'evalflow-demo', `10.5.1.${i}`)).statusCode).toBe(429);
      expect(await countOf('auth.login')).toBe(5);
      expect(await countOf('auth.login.locked')).toBe(1);
      // the lock runs out; the next failure starts a longer one, whose entry says how many were refused before
      await db.owner((c) => c.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second'`));
      expect((await attempt(username, 'wrong-again', '10.5.2.1')).statusCode).toBe(401);
      const locks = await auditOf('auth.login.locked', username);
      expect(locks).toHaveLength(2);
      expect(locks[1].details).toMatchObject({ kind: 'account', failures: 6, refusedDuringPreviousLock: 7 });
    });

    it('gives an office its attempt back on a successful sign-in', async () => {
      const address = '10.4.4.4';
      for (let i = 0; i < 11; i++) await attempt(`office.typo.${i}`, 'Typo-password1', address);
      // 11 of 12 used; 5 colleagues sign in from the same office without using any up
      for (const name of [
        'zhaoxian.admin',
        'zhaoxian.union.editor',
        'zhaoxian.union.head',
        'luancheng.admin',
        'luancheng.union.head',
      ]) {
        expect((await attempt(name, 'evalflow-demo', address)).statusCode).toBe(200);
      }
      expect((await attempt('office.typo.last', 'Typo-password1', address)).statusCode).toBe(401);
      expect((await attempt('zhaoxian.admin', 'evalflow-demo', address)).statusCode).toBe(429);
    });

    it('locks unknown usernames the same way (the answer reveals nothing)', async () => {
      for (let i = 0; i < 5; i++) await attempt('ghost.user', 'x', `10.8.0.${i}`);
      const res = await attempt('ghost.user', 'x', '10.8.1.1');
      expect(res.statusCode).toBe(429);
    });

    it('locks a client address that fails across many accounts', async () => {
      const address = '10.7.7.7';
      for (let i = 0; i < 12; i++) {
        await attempt(`spray.${i}`, 'Spray-password1', address);
      }
      const res = await attempt('luancheng.admin', 'evalflow-demo', address);
      expect(res.statusCode).toBe(429);
      const elsewhere = await attempt('luancheng.admin', 'evalflow-demo', '10.7.7.8');
      expect(elsewhere.statusCode).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use; reusing a used one revokes the whole family at once', async () => {
      const first = await login(app, 'zhaoxian.finance.reviewer');
      const r1 = await refresh(first.refreshCookie);
      expect(r1.statusCode).toBe(200);
      const second = cookieOf(r1) as string;
      expect(second).not.toBe(first.refreshCookie);
      const r2 = await refresh(second);
      expect(r2.statusCode).toBe(200);
      const third = cookieOf(r2) as string;

      // the first token is presented again: a copy is in someone else's hands
      const reused = await refresh(first.refreshCookie);
      expect(reused.statusCode).toBe(401);
      expect(reused.json().code).toBe('REFRESH_TOKEN_REUSED');
      // the newest token of the family is dead too, and so is every access token of the session
      const afterwards = await refresh(third);
      expect(afterwards.json().code).toBe('SESSION_ENDED');
      const me = await whoAmI({ ...first, accessToken: r2.json().accessToken });
      expect(me.statusCode).toBe(401);
      expect(me.json().code).toBe('SESSION_ENDED');
      expect((await auditOf('auth.refresh_reused', 'zhaoxian.finance.reviewer')).map((e) => e.outcome)).toEqual([
        'denied',
      ]);
    });

    it('a missing or unknown refresh cookie is refused', async () => {
      expect((await refresh()).json().code).toBe('SESSION_ENDED');
      const res = await refresh('A'.repeat(43));
      expect(res.statusCode).toBe(401);
    });
  });

  describe('ending access at once', () => {
    it('logout ends the session: its access token and refresh token stop working immediately', async () => {
      const s = await login(app, 'luancheng.union.editor');
      expect((await whoAmI(s)).statusCode).toBe(200);
      expect((await as(app, s)({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      expect((await whoAmI(s)).json().code).toBe('SESSION_ENDED');
      expect((await refresh(s.refreshCookie)).statusCode).toBe(401);
    });

    it('deactivating a user cuts off its next request; reactivating does not revive old sessions', async () => {
      const [admin, victim] = await loginAll(app, ['luancheng.admin', 'luancheng.finance.approver']);
      const id = victim.me.user.id;
      const deactivate = await patchCurrent(app, admin, db, 'users', id, { active: false });
      expect(deactivate.statusCode).toBe(200);
      const cut = await whoAmI(victim);
      expect(cut.statusCode).toBe(401);
      expect(cut.json()).toEqual({ code: 'ACCOUNT_DISABLED', message: '账号已停用，请联系本县（区）管理员' });
      const relogin = await attempt('luancheng.finance.approver', 'evalflow-demo');
      expect(relogin.json().code).toBe('ACCOUNT_DISABLED');
      await patchCurrent(app, admin, db, 'users', id, { active: true });
      expect((await whoAmI(victim)).json().code).toBe('SESSION_ENDED');
      expect((await attempt('luancheng.finance.approver', 'evalflow-demo')).statusCode).toBe(200);
    });

    it('suspending a county cuts off all its users at once, and only them', async () => {
      const platform = await login(app, 'platform.admin');
      const zhaoxian = await login(app, 'zhaoxian.admin');
      const luancheng = await login(app, 'luancheng.union.head');
      const county = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`);
      const suspend = await patchCurrent(app, platform, db, 'tenants', county, { status: 'suspended' });
      expect(suspend.statusCode).toBe(200);
      expect(suspend.json().status).toBe('suspended');
      const cut = await whoAmI(luancheng);
      expect(cut.json()).toEqual({ code: 'TENANT_SUSPENDED', message: '所在县（区）已停用，请联系平台管理员' });
      expect((await attempt('luancheng.union.head', 'evalflow-demo')).json().code).toBe('TENANT_SUSPENDED');
      expect((await whoAmI(zhaoxian)).statusCode).toBe(200);
      expect((await as(app, platform)({ method: 'GET', url: '/api/tenants' })).statusCode).toBe(200);
      const reactivate = await patchCurrent(app, platform, db, 'tenants', county, { status: 'active' });
      expect(reactivate.statusCode).toBe(200);
      expect((await whoAmI(luancheng)).statusCode).toBe(200);
      const audit = await db.owner(
        async (c) =>
          (
            await c.query(
              `SELECT action, tenant_id, actor_username FROM audit_log
                WHERE target_id = $1 AND action LIKE 'tenant.%' ORDER BY id`,
              [county],
            )
          ).rows,
      );
      // platform administration lands in the platform's own trail
      expect(audit).toEqual([
        { action: 'tenant.suspended', tenant_id: null, actor_username: 'platform.admin' },
        { action: 'tenant.activated', tenant_id: null, actor_username: 'platform.admin' },
      ]);
    });

    it("an administrator's password reset ends the user's sessions", async () => {
      const [admin, user] = await loginAll(app, ['zhaoxian.admin', 'zhaoxian.union.head']);
      const reset = await as(
        app,
        admin,
      )({
        method: 'POST',
        url: `/api/users/${user.me.user.id}/password`,
        payload: { newPassword: 'Union#Head-2025' },
      });
      expect(reset.statusCode).toBe(204);
      expect((await whoAmI(user)).json().code).toBe('SESSION_ENDED');
      expect((await attempt('zhaoxian.union.head', 'evalflow-demo')).statusCode).toBe(401);
      expect((await attempt('zhaoxian.union.head', 'Union#Head-2025')).statusCode).toBe(200);
    });

    it('a role taken away applies to the very next request', async () => {
      const [admin, reviewer] = await loginAll(app, ['zhaoxian.admin', 'zhaoxian.finance.reviewer']);
      expect((await as(app, reviewer)({ method: 'GET', url: '/api/departments' })).statusCode).toBe(200);
      const id = reviewer.me.user.id;
      const financeDept = await idOf(db, `SELECT id FROM departments WHERE name = '赵县财政局'`);
      const change = await patchCurrent(app, admin, db, 'users', id, {
        roles: ['dept_editor'],
        departmentId: await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`),
      });
      expect(change.statusCode).toBe(200);
      const list = await as(app, reviewer)({ method: 'GET', url: '/api/departments' });
      expect(list.json().map((d: { name: string }) => d.name)).toEqual(['赵县总工会']);
      await patchCurrent(app, admin, db, 'users', id, { roles: ['finance_reviewer'], departmentId: financeDept });
    });
  });

  describe('a password an administrator set', () => {
    it('must be changed at first sign-in: until then the session may only read who it is and change it', async () => {
      const admin = await login(app, 'zhaoxian.admin');
      const created = await as(
        app,
        admin,
      )({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'zhaoxian.union.clerk',
          displayName: '工会文员',
          departmentId: await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`),
          roles: ['dept_editor'],
          password: 'Given#ByAdmin-2025',
        },
      });
      expect(created.statusCode).toBe(201);
      const clerk = await login(app, 'zhaoxian.union.clerk', 'Given#ByAdmin-2025');
      expect(clerk.me.user.mustChangePassword).toBe(true);
      const me = await whoAmI(clerk);
      expect(me.statusCode).toBe(200);
      expect(me.json().user.mustChangePassword).toBe(true);
      for (const url of ['/api/reports', '/api/departments', '/api/notifications']) {
        const refused = await as(app, clerk)({ method: 'GET', url });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({
          code: 'PASSWORD_CHANGE_REQUIRED',
          message: '密码由管理员设置，须先修改密码才能继续使用',
        });
      }
      const changed = await as(
        app,
        clerk,
      )({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'Given#ByAdmin-2025', newPassword: 'Clerk#Own-Secret9' },
      });
      expect(changed.statusCode).toBe(204);
      // the same session goes on, now with everything its roles allow
      expect((await whoAmI(clerk)).json().user.mustChangePassword).toBe(false);
      expect((await as(app, clerk)({ method: 'GET', url: '/api/reports' })).statusCode).toBe(200);

      // a reset by the administrator asks for a change again
      const reset = await as(
        app,
        admin,
      )({
        method: 'POST',
        url: `/api/users/${created.json().id}/password`,
        payload: { newPassword: 'Reset#ByAdmin-2025' },
      });
      expect(reset.statusCode).toBe(204);
      const again = await login(app, 'zhaoxian.union.clerk', 'Reset#ByAdmin-2025');
      expect(again.me.user.mustChangePassword).toBe(true);
      expect((await as(app, again)({ method: 'GET', url: '/api/reports' })).json().code).toBe(
        'PASSWORD_CHANGE_REQUIRED',
      );
      // the demo users chose their own: nothing is asked of them
      expect((await login(app, 'zhaoxian.union.editor')).me.user.mustChangePassword).toBe(false);
    });
  });

  describe('password change', () => {
    it('checks the current password and the policy, then ends the other sessions but not this one', async () => {
      const [here, elsewhere] = await loginAll(app, ['luancheng.union.head', 'luancheng.union.head']);
      const change = (currentPassword: string, newPassword: string) =>
        as(app, here)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });

      const wrong = await change('not-it', 'Luancheng#Head-2025');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().code).toBe('CURRENT_PASSWORD_WRONG');
      const weak = await change('evalflow-demo', 'luancheng123');
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toMatchObject({
        code: 'PASSWORD_POLICY',
        message: '密码不符合要求：应至少包含大写字母、小写字母、数字、符号中的三类',
        details: [{ field: 'newPassword', rule: 'classes' }],
      });
      expect((await change('evalflow-demo', 'Luancheng#Head-2025')).statusCode).toBe(204);
      expect((await whoAmI(here)).statusCode).toBe(200);
      expect((await whoAmI(elsewhere)).json().code).toBe('SESSION_ENDED');
      expect((await attempt('luancheng.union.head', 'Luancheng#Head-2025')).statusCode).toBe(200);
    });
  });

  describe('access tokens', () => {
    let session: Session;
    beforeAll(async () => {
      session = await login(app, 'zhaoxian.admin');
    });
    const me = (token: string) =>
      app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    const claims = () => JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());

    it('an expired token says so, so the client can refresh', async () => {
      const { sub, sid, tid } = claims();
      const expired = sign({ sub, sid, tid }, DEV_ACCESS_SECRET, {
        issuer: 'evalflow',
        audience: 'evalflow-api',
        expiresIn: -10,
      });
      expect((await me(expired)).json()).toEqual({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    });

    it.each([
      [
        'alg none',
        () =>
          `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${session.accessToken.split('.')[1]}.`,
      ],
      ['a forged signature', () => `${session.accessToken.slice(0, -4)}AAAA`],
      [
        'another audience',
        () => {
          const { sub, sid, tid } = claims();
          return sign({ sub, sid, tid }, DEV_ACCESS_SECRET, { audience: 'other', issuer: 'evalflow', expiresIn: 60 });
        },
      ],
      [
        'another secret',
        () =>
          sign({ sub: 'x', sid: 'y', tid: null }, 'x'.repeat(40), {
            audience: 'evalflow-api',
            issuer: 'evalflow',
            expiresIn: 60,
          }),
      ],
    ])('a token with %s is refused', async (_name, make) => {
      const res = await me(make());
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('TOKEN_INVALID');
    });

    it('a missing or malformed Authorization header is 401 UNAUTHENTICATED', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).json().code).toBe('UNAUTHENTICATED');
      const basic = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic abc' } });
      expect(basic.json().code).toBe('UNAUTHENTICATED');
    });
  });
});
