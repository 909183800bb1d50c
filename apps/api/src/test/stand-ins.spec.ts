import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, login, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/** 代理人 through the real API and database: each refusal, who sees what, and a stand-in's approval on record. */
describe('stand-ins (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let reviewer: Session;
  let approver: Session;
  let admin: Session;
  /** 张三: a second approver of 赵县, the stand-in */
  let zhang: Session;
  let foreignUser: string;
  let reportId: string;

  const today = chinaDate(new Date());
  const plusDays = (n: number) => chinaDate(new Date(Date.now() + n * 86_400_000));
  const create = (s: Session, payload: object) =>
    as(
      app,
      s,
    )({ method: 'POST', url: '/api/delegations', payload: { startsOn: today, endsOn: plusDays(3), ...payload } });
  const list = async (s: Session) =>
    ((await as(app, s)({ method: 'GET', url: '/api/delegations' })).json() as Array<{ id: string }>).map((d) => d.id);
  const version = async () =>
    (await as(app, editor)({ method: 'GET', url: `/api/reports/${reportId}` })).json().version as number;
  const act = async (s: Session, action: string, extra: { reason?: string; onBehalfOf?: string } = {}) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${reportId}/transitions`,
      payload: { action, expectedVersion: await version(), ...extra },
    });
  const refusal = (res: { statusCode: number; json: () => { code: string } }) => ({
    status: res.statusCode,
    code: res.json().code,
  });

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    // a second approver of the county, signing in with the demo password
    await idOf(
      db,
      `WITH u AS (INSERT INTO users (tenant_id, department_id, username, display_name, password_hash)
                  SELECT tenant_id, department_id, 'zhaoxian.finance.zhang', '张三', password_hash
                    FROM users WHERE username = 'zhaoxian.finance.approver' RETURNING id, tenant_id)
       INSERT INTO user_roles (user_id, role, tenant_id) SELECT id, 'finance_approver', tenant_id FROM u
       RETURNING user_id AS id`,
    );
    [editor, reviewer, approver, admin] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.admin',
    ]);
    zhang = await login(app, 'zhaoxian.finance.zhang');
    foreignUser = await idOf(db, `SELECT id FROM users WHERE username = 'luancheng.finance.approver'`);
    reportId = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  it('refuses a stand-in of another county, oneself, one without the role, and a role not held', async () => {
    const role = 'finance_approver';
    expect(refusal(await create(approver, { role, standInUserId: foreignUser }))).toEqual({
      status: 403,
      code: 'DELEGATION_OUTSIDE_COUNTY',
    });
    expect(refusal(await create(approver, { role, standInUserId: approver.me.user.id }))).toEqual({
      status: 400,
      code: 'DELEGATION_TO_SELF',
    });
    expect(refusal(await create(approver, { role, standInUserId: reviewer.me.user.id }))).toEqual({
      status: 400,
      code: 'DELEGATION_STAND_IN_LACKS_ROLE',
    });
    expect(refusal(await create(reviewer, { role, standInUserId: zhang.me.user.id }))).toEqual({
      status: 400,
      code: 'DELEGATION_ROLE_INVALID',
    });
    const past = await create(approver, {
      role,
      standInUserId: zhang.me.user.id,
      startsOn: '2024-01-01',
      endsOn: '2024-01-02',
    });
    expect(refusal(past)).toEqual({ status: 400, code: 'DELEGATION_DATES_INVALID' });
    expect(past.json().message).toBe('结束日期不能早于今天');
  });

  it('lets only the principal or the county administrator name one', async () => {
    expect(refusal(await create(editor, { role: 'finance_approver', standInUserId: zhang.me.user.id }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    const forOther = await create(reviewer, {
      role: 'finance_approver',
      standInUserId: zhang.me.user.id,
      principalUserId: approver.me.user.id,
    });
    expect(refusal(forOther)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await db.owner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM delegations`)).rows[0].n)).toBe(
      0,
    );
  });

  it('acts for the principal only under a delegation in force', async () => {
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    // no delegation yet
    expect(refusal(await act(zhang, 'start_review', { onBehalfOf: approver.me.user.id }))).toEqual({
      status: 403,
      code: 'DELEGATION_NOT_ACTIVE',
    });
    // the administrator arranges one that starts tomorrow: not yet in force
    const later = await create(admin, {
      role: 'finance_approver',
      standInUserId: zhang.me.user.id,
      principalUserId: approver.me.user.id,
      startsOn: plusDays(1),
      endsOn: plusDays(2),
    });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({ state: 'scheduled', canRevoke: true, standIn: { name: '张三' } });
    expect(refusal(await act(zhang, 'start_review', { onBehalfOf: approver.me.user.id }))).toEqual({
      status: 403,
      code: 'DELEGATION_NOT_ACTIVE',
    });
    // the approver's own, from today, overlaps it
    const overlapping = await create(approver, { role: 'finance_approver', standInUserId: zhang.me.user.id });
    expect(refusal(overlapping)).toEqual({ status: 409, code: 'DELEGATION_OVERLAPS' });
    expect(overlapping.json().details).toEqual({ conflictingId: later.json().id });
    // revoked, it is out of the way
    const revoked = await as(app, approver)({ method: 'POST', url: `/api/delegations/${later.json().id}/revocation` });
    expect(revoked.json()).toMatchObject({ state: 'revoked', canRevoke: false });
    const again = await as(app, approver)({ method: 'POST', url: `/api/delegations/${later.json().id}/revocation` });
    expect(refusal(again)).toEqual({ status: 409, code: 'DELEGATION_NOT_REVOCABLE' });
  });

  it('records a stand-in’s approval as such: history, audit and the approved document', async () => {
    const made = await create(approver, { role: 'finance_approver', standInUserId: zhang.me.user.id, reason: '休假' });
    expect(made.statusCode).toBe(201);
    const delegationId = made.json().id as string;
    expect(made.json()).toMatchObject({ state: 'active', principal: { userId: approver.me.user.id } });
    // who sees it: both parties and the administrator, not a colleague outside it
    expect(await list(approver)).toContain(delegationId);
    expect(await list(zhang)).toContain(delegationId);
    expect(await list(admin)).toContain(delegationId);
    expect(await list(reviewer)).not.toContain(delegationId);
    // the stand-in is offered the principal beside the buttons
    const view = (await as(app, zhang)({ method: 'GET', url: `/api/reports/${reportId}` })).json();
    expect(view.standInFor).toEqual([
      { userId: approver.me.user.id, name: approver.me.user.displayName, role: 'finance_approver' },
    ]);

    // four eyes hold for the stand-in too: who started the review does not approve, in anyone's name
    expect((await act(zhang, 'start_review')).statusCode).toBe(200);
    expect(refusal(await act(zhang, 'approve', { onBehalfOf: approver.me.user.id }))).toEqual({
      status: 403,
      code: 'FOUR_EYES_REVIEWER_APPROVES',
    });
    expect((await act(reviewer, 'return', { reason: '请补充' })).statusCode).toBe(200);
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    expect((await act(reviewer, 'start_review')).statusCode).toBe(200);

    const approved = await act(zhang, 'approve', { onBehalfOf: approver.me.user.id });
    expect(approved.statusCode).toBe(200);
    const label = `张三（代${approver.me.user.displayName}）`;
    const history = (await as(app, editor)({ method: 'GET', url: `/api/reports/${reportId}/history` })).json();
    expect(history.at(-1)).toMatchObject({
      action: 'approve',
      actorName: '张三',
      onBehalfOfName: approver.me.user.displayName,
      actorLabel: label,
    });
    expect(history.at(-2)).toMatchObject({ action: 'start_review', onBehalfOfName: null });
    const [audit] = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT actor_user_id::text AS actor, details FROM audit_log
              WHERE action = 'report.approve' AND target_id = $1::text`,
            [reportId],
          )
        ).rows,
    );
    expect(audit).toMatchObject({
      actor: zhang.me.user.id,
      details: { onBehalfOfUserId: approver.me.user.id, delegationId },
    });
    const approvals = await db.owner(async (c) =>
      (
        await c.query(
          `SELECT DISTINCT approval->>'approverName' AS name FROM documents WHERE report_id = $1
                          AND approval IS NOT NULL`,
          [reportId],
        )
      ).rows.map((r) => r.name),
    );
    expect(approvals).toEqual([label]);
  });
});
