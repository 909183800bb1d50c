import { chinaDate } from '@evalflow/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, login, loginAll, patchCurrent, startSeededApi, versionOf, type Session } from './support/harness';

describe('tenant isolation and administration (real API, pool of ONE connection)', () => {
  let app: NestFastifyApplication;
  let db: TestDatabase;
  let close: () => Promise<unknown>;
  let zx: Session;
  let lc: Session;

  beforeAll(async () => {
    // One pooled connection: any tenant setting that outlived its transaction would show up here.
    ({ app, db, close } = await startSeededApi({ DATABASE_POOL_SIZE: '1' }));
    [zx, lc] = await loginAll(app, ['zhaoxian.admin', 'luancheng.admin']);
  });
  afterAll(async () => {
    await close?.();
  });

  const get = (s: Session, url: string) => as(app, s)({ method: 'GET', url });
  const post = (s: Session, url: string, payload: object) => as(app, s)({ method: 'POST', url, payload });

  it('interleaved requests of two counties never see each other’s rows', async () => {
    const calls = Array.from({ length: 40 }, (_, i) => {
      const session = i % 2 ? lc : zx;
      const url = ['/api/departments', '/api/users', '/api/tenants', '/api/audit-log'][i % 4];
      return get(session, url).then((res) => ({ county: i % 2 ? 'lc' : 'zx', url, res }));
    });
    for (const { county, url, res } of await Promise.all(calls)) {
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      const tenantId = (county === 'lc' ? lc : zx).me.tenant?.id;
      const body = res.json();
      const rows: Array<{ tenantId?: string; id?: string }> = Array.isArray(body) ? body : body.items;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(url === '/api/tenants' ? row.id : row.tenantId).toBe(tenantId);
      }
    }
  });

  it('lists return only what the role may read', async () => {
    const editor = await login(app, 'zhaoxian.union.editor');
    const reviewer = await login(app, 'zhaoxian.finance.reviewer');
    const platform = await login(app, 'platform.admin');
    const names = async (s: Session, url: string) => {
      const body = (await get(s, url)).json();
      return (Array.isArray(body) ? body : body.items).map(
        (r: { name?: string; username?: string }) => r.name ?? r.username,
      );
    };
    expect(await names(editor, '/api/departments')).toEqual(['赵县总工会']);
    expect(await names(reviewer, '/api/departments')).toEqual(['赵县财政局', '赵县总工会']);
    expect(await names(editor, '/api/users')).toEqual(['zhaoxian.union.editor']);
    expect(await names(editor, '/api/tenants')).toEqual(['赵县']);
    expect((await names(platform, '/api/tenants')).sort()).toEqual(['栾城区', '赵县']);
    expect((await names(zx, '/api/users')).length).toBe(5);
  });

  it('shows an account less to its owner than to the county administrator', async () => {
    const editor = await login(app, 'zhaoxian.union.editor');
    const own = (await get(editor, `/api/users/${editor.me.user.id}`)).json();
    expect(Object.keys(own).sort()).toEqual([
      'departmentId',
      'departmentName',
      'displayName',
      'email',
      'id',
      'roles',
      'tenantId',
      'username',
    ]);
    const byAdmin = (await get(zx, `/api/users/${editor.me.user.id}`)).json();
    expect(byAdmin).toMatchObject({ active: true, version: expect.any(Number), lastLoginAt: expect.any(String) });
  });

  it('platform and county audit trails are separate', async () => {
    const platform = await login(app, 'platform.admin');
    const platformEntries = (await get(platform, '/api/audit-log?limit=200')).json().items;
    expect(platformEntries.length).toBeGreaterThan(0);
    expect(platformEntries.every((e: { tenantId: string | null }) => e.tenantId === null)).toBe(true);
    const countyEntries = (await get(zx, '/api/audit-log?action=auth.login')).json().items;
    expect(countyEntries.length).toBeGreaterThan(0);
    expect(countyEntries.every((e: { tenantId: string }) => e.tenantId === zx.me.tenant?.id)).toBe(true);
  });

  it('the audit trail is read by whole days in China Standard Time', async () => {
    // today's logins in Beijing time are there; a day long past holds none of them
    const today = chinaDate(new Date());
    const todays = (await get(zx, `/api/audit-log?action=auth.login&from=${today}&to=${today}`)).json().items;
    expect(todays.length).toBeGreaterThan(0);
    expect(todays.every((e: { occurredAt: string }) => chinaDate(new Date(e.occurredAt)) === today)).toBe(true);
    expect((await get(zx, '/api/audit-log?from=2020-01-01&to=2020-01-31')).json().items).toEqual([]);
    const reversed = await get(zx, '/api/audit-log?from=2025-05-02&to=2025-05-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '结束日期不能早于开始日期' });
    expect((await get(zx, '/api/audit-log?from=2025-02-30')).json().message).toBe('开始日期无效');
  });

  describe('concurrent edits', () => {
    it('two administrators editing from the same version: one wins, the other gets 412 with the current state', async () => {
      const other = await login(app, 'zhaoxian.admin');
      const id = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
      const version = await versionOf(db, 'departments', id);
      const ifMatch = { 'if-match': `"${version}"` };
      const patch = (s: Session, payload: object) =>
        as(app, s)({ method: 'PATCH', url: `/api/departments/${id}`, headers: ifMatch, payload });
      const [a, b] = await Promise.all([patch(zx, { unitLevel: '副处级' }), patch(other, { fundingForm: '财政补助' })]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses).toEqual([200, 412]);
      const loser = a.statusCode === 412 ? a : b;
      const winner = a.statusCode === 200 ? a : b;
      expect(loser.json()).toMatchObject({
        code: 'VERSION_MISMATCH',
        details: { currentVersion: version + 1, current: winner.json() },
      });
      expect(winner.headers.etag).toBe(`"${version + 1}"`);
      // nothing of the loser's change was written
      const row = await db.owner(
        async (c) => (await c.query(`SELECT unit_level, funding_form FROM departments WHERE id = $1`, [id])).rows[0],
      );
      expect([row.unit_level === '副处级', row.funding_form === '财政补助'].filter(Boolean)).toHaveLength(1);
    });

    it('a change without If-Match is refused with 428', async () => {
      const id = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
      const res = await as(
        app,
        zx,
      )({ method: 'PATCH', url: `/api/departments/${id}`, payload: { unitLevel: '正科级' } });
      expect(res.statusCode).toBe(428);
      expect(res.json().code).toBe('VERSION_REQUIRED');
    });
  });

  describe('administration rules', () => {
    it('department names are unique within a county, not across counties', async () => {
      const dup = await post(zx, '/api/departments', { name: '赵县财政局', kind: 'finance_bureau' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toEqual({ code: 'DEPARTMENT_NAME_TAKEN', message: '本县（区）已有同名部门' });
      const elsewhere = await post(lc, '/api/departments', { name: '赵县财政局', kind: 'budget_department' });
      expect(elsewhere.statusCode).toBe(201);
    });

    it('a county administrator cannot change its own roles or deactivate itself', async () => {
      const res = await patchCurrent(app, zx, db, 'users', zx.me.user.id, { active: false });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        code: 'FIELD_FORBIDDEN',
        message: '您无权修改以下字段：active',
        details: { fields: ['active'] },
      });
    });

    it('roles must fit the department, with the reason in Chinese', async () => {
      const union = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
      const res = await post(zx, '/api/users', {
        username: 'wrong.place',
        displayName: '放错',
        departmentId: union,
        roles: ['finance_approver'],
        password: 'Wrong#Place2025',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'ROLE_ASSIGNMENT_INVALID',
        message: '角色与所在部门不匹配：「财政局领导」角色只能授予财政局的人员',
      });
    });

    it('a department of another county cannot be given to a user (it does not exist here)', async () => {
      const foreign = await idOf(db, `SELECT id FROM departments WHERE name = '栾城区总工会'`);
      const res = await post(zx, '/api/users', {
        username: 'cross.county',
        displayName: '跨县',
        departmentId: foreign,
        roles: ['dept_editor'],
        password: 'Cross#County2025',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'departmentId', rule: 'exists', message: '部门不存在或已停用' }]);
      const none = await db.owner(
        async (c) => (await c.query(`SELECT count(*)::int AS n FROM users WHERE username = 'cross.county'`)).rows[0].n,
      );
      expect(none).toBe(0);
    });

    it('a change that changes nothing keeps the version and writes no audit entry', async () => {
      const id = await idOf(db, `SELECT id FROM departments WHERE name = '赵县财政局'`);
      const before = await versionOf(db, 'departments', id);
      const audits = async () =>
        db.owner(
          async (c) => (await c.query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [id])).rows[0].n,
        );
      const auditsBefore = await audits();
      const res = await patchCurrent(app, zx, db, 'departments', id, { name: '赵县财政局', kind: 'finance_bureau' });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe(`"${before}"`);
      expect(await versionOf(db, 'departments', id)).toBe(before);
      expect(await audits()).toBe(auditsBefore);
    });

    it('staff of a deactivated department keep it and can still have their roles changed', async () => {
      const created = await post(zx, '/api/departments', { name: '赵县档案馆', kind: 'budget_department' });
      const deptId = created.json().id;
      const user = await post(zx, '/api/users', {
        username: 'archive.editor',
        displayName: '档案馆编制人',
        departmentId: deptId,
        roles: ['dept_editor'],
        password: 'Archive#Editor2025',
      });
      expect(user.statusCode).toBe(201);
      expect((await patchCurrent(app, zx, db, 'departments', deptId, { active: false })).statusCode).toBe(200);
      const promote = await patchCurrent(app, zx, db, 'users', user.json().id, { roles: ['dept_editor', 'dept_head'] });
      expect(promote.statusCode).toBe(200);
      expect(promote.json().roles).toEqual(['dept_editor', 'dept_head']);
      // but nobody can be moved into it
      const other = await idOf(db, `SELECT id FROM users WHERE username = 'zhaoxian.union.head'`);
      const move = await patchCurrent(app, zx, db, 'users', other, { departmentId: deptId });
      expect(move.statusCode).toBe(400);
      expect(move.json().details).toEqual([{ field: 'departmentId', rule: 'exists', message: '部门不存在或已停用' }]);
    });

    it('usernames are unique across the platform', async () => {
      const res = await post(zx, '/api/users', {
        username: 'luancheng.admin',
        displayName: '重名',
        roles: ['tenant_admin'],
        password: 'Same#Name-2025',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('USERNAME_TAKEN');
    });

    it('creates a county, its first administrator, who can then sign in and manage only it', async () => {
      const platform = await login(app, 'platform.admin');
      const created = await post(platform, '/api/tenants', {
        name: '藁城区',
        regionCode: '130109',
        city: '石家庄市',
        province: '河北省',
      });
      expect(created.statusCode).toBe(201);
      const tenant = created.json();
      const taken = await post(platform, '/api/tenants', {
        name: '重复',
        regionCode: '130109',
        city: '石家庄市',
        province: '河北省',
      });
      expect(taken.json().code).toBe('REGION_CODE_TAKEN');
      const weak = await post(platform, `/api/tenants/${tenant.id}/admins`, {
        username: 'gaocheng.admin',
        displayName: '藁城区管理员',
        password: 'password',
      });
      expect(weak.json().code).toBe('PASSWORD_POLICY');
      const admin = await post(platform, `/api/tenants/${tenant.id}/admins`, {
        username: 'gaocheng.admin',
        displayName: '藁城区管理员',
        password: 'Gaocheng#Admin2025',
      });
      expect(admin.statusCode).toBe(201);
      const gc = await login(app, 'gaocheng.admin', 'Gaocheng#Admin2025');
      expect(gc.me.tenant).toMatchObject({ name: '藁城区', regionCode: '130109' });
      // the platform operator chose this password: its holder replaces it before anything else
      expect((await get(gc, '/api/departments')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await post(gc, '/api/auth/password', {
        currentPassword: 'Gaocheng#Admin2025',
        newPassword: 'Gaocheng#Own-2025x',
      });
      expect(changed.statusCode).toBe(204);
      expect((await get(gc, '/api/departments')).json()).toEqual([]);
      const dept = await post(gc, '/api/departments', { name: '藁城区财政局', kind: 'finance_bureau' });
      expect(dept.statusCode).toBe(201);
      expect((await get(zx, `/api/departments/${dept.json().id}`)).statusCode).toBe(404);
    });
  });
});
