import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/** 四眼原则 through the real API and database: each refusal, the button's reason, and the county's switches. */
describe('four eyes (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let reviewer: Session;
  let approver: Session;
  let admin: Session;
  let id: string;

  const get = (s: Session) => as(app, s)({ method: 'GET', url: `/api/reports/${id}` });
  const act = async (s: Session, action: string, reason?: string) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: { action, expectedVersion: (await get(editor)).json().version, reason },
    });
  const settings = async () => (await as(app, admin)({ method: 'GET', url: '/api/settings' })).json();
  const setFourEyes = async (fourEyes: object) =>
    as(
      app,
      admin,
    )({
      method: 'PATCH',
      url: '/api/settings',
      headers: { 'if-match': `"${(await settings()).version}"` },
      payload: { fourEyes },
    });
  const expectRefused = async (s: Session, action: string, code: string, reason?: string) => {
    const res = await act(s, action, reason);
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 403, code });
    expect(res.json().message).toMatch(/四眼原则/);
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    // an administrator's slip: the department's editor also holds the bureau's approver role
    await db.owner((c) =>
      c.query(
        `INSERT INTO user_roles (user_id, role, tenant_id)
         SELECT id, 'finance_approver', tenant_id FROM users WHERE username = 'zhaoxian.union.editor'`,
      ),
    );
    [editor, reviewer, approver, admin] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.admin',
    ]);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  it('is on by default, and the county administrator switches each rule', async () => {
    expect((await settings()).fourEyes).toEqual({ reviewerMayNotApprove: true, authorMayNotReview: true });
    const bad = await setFourEyes({ reviewerMayNotApprove: 'no' });
    expect(bad.statusCode).toBe(400);
    const reviewerCannotChange = await as(
      app,
      reviewer,
    )({ method: 'PATCH', url: '/api/settings', headers: { 'if-match': '"0"' }, payload: { fourEyes: {} } });
    expect(reviewerCannotChange.statusCode).toBe(403);
  });

  it('refuses review and approval by the report’s submitter, even holding both roles', async () => {
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    const view = (await get(editor)).json();
    expect(view.availableActions).toEqual(['start_review', 'return', 'approve']);
    expect(Object.keys(view.actionBlocks)).toEqual(['start_review', 'return', 'approve']);
    await expectRefused(editor, 'start_review', 'FOUR_EYES_AUTHOR_REVIEWS');
    await expectRefused(editor, 'return', 'FOUR_EYES_AUTHOR_REVIEWS', '请修改');
    await expectRefused(editor, 'approve', 'FOUR_EYES_AUTHOR_REVIEWS');
    expect((await get(editor)).json().status).toBe('submitted');
  });

  it('refuses the approval by whoever started the review of this submission', async () => {
    expect((await act(approver, 'start_review')).statusCode).toBe(200);
    expect((await get(approver)).json().actionBlocks).toEqual({
      approve: '本县实行四眼原则：审核本次提交的人不能再审批通过，请由另一位审批人审批',
    });
    expect((await get(reviewer)).json().actionBlocks).toEqual({});
    await expectRefused(approver, 'approve', 'FOUR_EYES_REVIEWER_APPROVES');
    expect((await get(approver)).json().status).toBe('in_review');
  });

  it('lets the reviewer approve once the county turns that rule off, and records the change', async () => {
    const off = await setFourEyes({ reviewerMayNotApprove: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().fourEyes).toEqual({ reviewerMayNotApprove: false, authorMayNotReview: true });
    expect((await get(approver)).json().actionBlocks).toEqual({});
    expect((await act(approver, 'approve')).statusCode).toBe(200);
    const audit = await db.owner(
      async (c) =>
        (await c.query(`SELECT details FROM audit_log WHERE action = 'settings.four_eyes_updated'`)).rows as Array<{
          details: unknown;
        }>,
    );
    expect(audit.map((a) => a.details)).toEqual([
      {
        from: { reviewerMayNotApprove: true, authorMayNotReview: true },
        to: { reviewerMayNotApprove: false, authorMayNotReview: true },
      },
    ]);
  });

  it('lets an author review once the county turns that rule off', async () => {
    expect((await act(approver, 'reopen', '补充材料')).statusCode).toBe(200);
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    await expectRefused(editor, 'start_review', 'FOUR_EYES_AUTHOR_REVIEWS');
    expect((await setFourEyes({ authorMayNotReview: false })).statusCode).toBe(200);
    expect((await act(editor, 'start_review')).statusCode).toBe(200);
  });
});
