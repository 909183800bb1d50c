import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { as, unionReport2024, loginAll, patchCurrent, startSeededApi, type Session } from './support/harness';

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/** Review around the workflow: the head's sign-off, comment rules, deadlines, e-mail addresses. */
describe('review: sign-off, comments, deadlines (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let admin: Session;
  let id: string;
  const today = chinaDate(new Date());

  const call = (s: Session, method: string, path: string, payload?: object, headers?: Record<string, string>) =>
    as(app, s)({ method: method as 'GET', url: `/api${path}`, payload, headers });
  const report = async (s: Session = editor) => (await call(s, 'GET', `/reports/${id}`)).json();
  const act = async (s: Session, action: string) =>
    call(s, 'POST', `/reports/${id}/transitions`, { action, expectedVersion: (await report()).version });
  const signOff = async (expectedVersion?: number) =>
    call(head, 'POST', `/reports/${id}/sign-off`, { expectedVersion: expectedVersion ?? (await report()).version });
  const setDeadline = (year: number, dueOn: unknown, version: number | null, confirmed = true) =>
    call(
      admin,
      'PUT',
      `/settings/deadlines/${year}`,
      { dueOn, confirmed },
      version === null ? {} : { 'if-match': `"${version}"` },
    );

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, admin] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.admin',
    ]);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  describe('deadlines', () => {
    it('are set per fiscal year by the county administrator, checked and versioned', async () => {
      const bad = await setDeadline(2024, '2025-02-30', 0);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        code: 'DEADLINE_INVALID',
        message: '截止日期应为有效日期，格式为 YYYY-MM-DD',
      });
      expect((await setDeadline(2024, '2027-01-10', 0)).json().message).toBe('2024年度的截止日期应在2024年或2025年内');
      expect((await setDeadline(2024, '2025-04-30', null)).statusCode).toBe(428);
      // a day already past is set only when the administrator confirms it
      const unconfirmed = await setDeadline(2024, '2025-04-30', 0, false);
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.json()).toMatchObject({
        code: 'DEADLINE_NEEDS_CONFIRMATION',
        details: [{ field: 'dueOn', rule: 'confirm' }],
      });
      expect(unconfirmed.json().message).toMatch(/^截止日期 2025-04-30 已过去 \d+ 天/);
      expect((await call(editor, 'GET', '/settings/deadlines')).json()).toEqual([]);

      const first = await setDeadline(2024, '2025-04-30', 0);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ fiscalYear: 2024, dueOn: '2025-04-30', version: 1 });
      // someone else's stale view of "not set yet" does not overwrite it
      const stale = await setDeadline(2024, '2025-05-31', 0);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().details).toMatchObject({ currentVersion: 1, current: { dueOn: '2025-04-30' } });
      expect((await call(editor, 'GET', '/settings/deadlines')).json()).toEqual([
        expect.objectContaining({ fiscalYear: 2024, dueOn: '2025-04-30', version: 1 }),
      ]);
    });

    it('flag a report that is not submitted: due soon within three days, overdue after', async () => {
      const thisYear = Number(today.slice(0, 4));
      // the 2024 report's deadline is long past: overdue
      expect((await report()).deadline).toMatchObject({ dueOn: '2025-04-30', state: 'overdue' });
      // a report of this year, whose deadline is two days ahead
      const soon = addDays(today, 2);
      const created = await call(editor, 'POST', '/reports', { fiscalYear: thisYear });
      expect(created.statusCode).toBe(201);
      expect(created.json().deadline).toBeNull();
      // two days ahead is too near to set without confirming
      const near = await setDeadline(thisYear, soon, 0, false);
      expect(near.json()).toMatchObject({ code: 'DEADLINE_NEEDS_CONFIRMATION' });
      expect(near.json().message).toContain('距今只有 2 天（少于 7 天）');
      expect((await setDeadline(thisYear, soon, 0)).statusCode).toBe(200);
      const fresh = (await call(editor, 'GET', `/reports/${created.json().id}`)).json();
      expect(fresh.deadline).toEqual({ dueOn: soon, state: 'due_soon', daysLeft: 2 });
      // and the list shows it to the bureau
      const listed = (await call(reviewer, 'GET', `/reports?fiscalYear=${thisYear}`)).json().items;
      expect(listed.map((r: { deadline: { state: string } }) => r.deadline.state)).toEqual(['due_soon']);
    });
  });

  describe("the head's sign-off, when the county requires it", () => {
    it('blocks an editor’s submission until the head signs off the current content', async () => {
      const settings = await call(admin, 'GET', '/settings');
      const on = await call(
        admin,
        'PATCH',
        '/settings',
        { requireHeadSignOff: true },
        { 'if-match': settings.headers.etag as string },
      );
      expect(on.statusCode).toBe(200);
      expect(on.json()).toMatchObject({ requireHeadSignOff: true, gradeBands: settings.json().gradeBands });

      expect(await report()).toMatchObject({ signOff: { required: true, head: null }, canSignOff: false });
      expect((await report(head)).canSignOff).toBe(true);
      const refused = await act(editor, 'submit');
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'REPORT_SIGN_OFF_REQUIRED',
        message: '本县要求提交前须经部门负责人签核；报告的当前内容尚未签核，不能提交',
      });

      // only the head, and only on what the head saw
      expect(
        (await call(editor, 'POST', `/reports/${id}/sign-off`, { expectedVersion: (await report()).version }))
          .statusCode,
      ).toBe(403);
      const stale = await signOff((await report()).version + 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('REPORT_VERSION_CONFLICT');
      const signed = await signOff();
      expect(signed.statusCode).toBe(200);
      expect(signed.json().signOff.head).toMatchObject({ name: expect.any(String), current: true });

      // an edit afterwards voids it
      const problems = (await report()).parts.problems;
      const edited = await call(
        editor,
        'PUT',
        `/reports/${id}/parts/problems`,
        { ...problems.content, measures: `${problems.content.measures}（补充）` },
        { 'if-match': `"${problems.version}"` },
      );
      expect(edited.statusCode).toBe(200);
      expect((await report()).signOff.head.current).toBe(false);
      expect((await act(editor, 'submit')).json().code).toBe('REPORT_SIGN_OFF_REQUIRED');

      expect((await signOff()).statusCode).toBe(200);
      const submitted = await call(editor, 'POST', `/reports/${id}/transitions`, {
        action: 'submit',
        expectedVersion: (await report()).version,
        teamConfirmed: true,
      });
      expect(submitted.statusCode).toBe(200);
      const [revision] = (await call(reviewer, 'GET', `/reports/${id}/revisions`)).json();
      expect(revision.signOffs.head).toMatchObject({ name: signed.json().signOff.head.name });
      expect(revision.signOffs.team.confirmedBy).toBe(editor.me.user.displayName);

      // a submitted report is no longer the department's to sign off
      const late = await signOff();
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('REPORT_NOT_EDITABLE');
      // and it was submitted after its deadline
      expect((await report()).deadline.state).toBe('late');
    });
  });

  describe('comments', () => {
    const post = (payload: object) => call(reviewer, 'POST', `/reports/${id}/comments`, payload);

    it('refuse anchors outside the report and empty or overlong text, with a field to point at', async () => {
      const unknownPart = await post({ part: 'appendix', body: '看一下' });
      expect(unknownPart.statusCode).toBe(400);
      expect(unknownPart.json()).toMatchObject({ code: 'COMMENT_ANCHOR_INVALID', message: '请选择意见所指的报告部分' });
      const outside = await post({ part: 'budget', fieldPath: 'team.members.0.name', body: '看一下' });
      expect(outside.json()).toMatchObject({ code: 'COMMENT_ANCHOR_INVALID', message: '字段不在所选的报告部分中' });
      expect((await post({ part: 'budget', body: '   ' })).json().code).toBe('COMMENT_BODY_INVALID');
      expect((await post({ part: 'budget', body: '字'.repeat(2001) })).json().code).toBe('COMMENT_BODY_INVALID');
      expect((await post({ part: 'budget', body: 7 })).statusCode).toBe(400);
      const nothing = await call(reviewer, 'POST', `/reports/${id}/comments/${id}/replies`, { body: '回复' });
      expect(nothing.statusCode).toBe(404);
      expect(nothing.json().code).toBe('COMMENT_THREAD_NOT_FOUND');
      // none of these wrote anything
      expect((await call(reviewer, 'GET', `/reports/${id}/comments`)).json()).toEqual([]);
    });

    it('resolve with If-Match: a stale version gets 412 with the thread as it is', async () => {
      const thread = (await post({ part: 'conclusion', body: '评价等级的依据请写明' })).json();
      const resolve = (version: number | null) =>
        call(
          reviewer,
          'PATCH',
          `/reports/${id}/comments/${thread.id}`,
          { status: 'resolved' },
          version === null ? {} : { 'if-match': `"${version}"` },
        );
      expect((await resolve(null)).statusCode).toBe(428);
      expect((await resolve(thread.version)).json()).toMatchObject({ status: 'resolved', version: thread.version + 1 });
      const stale = await resolve(thread.version);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().details.current).toMatchObject({ id: thread.id, status: 'resolved' });
      // the department may not decide on comments
      expect(
        (
          await call(
            editor,
            'PATCH',
            `/reports/${id}/comments/${thread.id}`,
            { status: 'open' },
            { 'if-match': `"${thread.version + 1}"` },
          )
        ).statusCode,
      ).toBe(403);
      const listed = (await call(editor, 'GET', `/reports/${id}/comments?status=resolved`)).json();
      expect(listed.map((t: { id: string }) => t.id)).toEqual([thread.id]);
      expect((await call(editor, 'GET', `/reports/${id}/comments?status=closed`)).statusCode).toBe(400);
    });
  });

  it('keeps an e-mail address per user for notifications, checked and lower-cased', async () => {
    const userId = editor.me.user.id;
    const bad = await patchCurrent(app, admin, db, 'users', userId, { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    const ok = await patchCurrent(app, admin, db, 'users', userId, { email: 'WangFang@ZhaoXian.gov.cn' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().email).toBe('wangfang@zhaoxian.gov.cn');
    expect((await call(editor, 'GET', `/users/${userId}`)).json().email).toBe('wangfang@zhaoxian.gov.cn');
  });

  it('marks all of one’s own notifications read, and no one else’s', async () => {
    const notify = (username: string, key: string) =>
      db.owner((c) =>
        c.query(
          `INSERT INTO notifications (tenant_id, user_id, kind, title, source_key)
           SELECT tenant_id, id, 'test', '测试通知', $2 FROM users WHERE username = $1`,
          [username, key],
        ),
      );
    await notify('zhaoxian.union.editor', 'read-all-1');
    await notify('zhaoxian.union.editor', 'read-all-2');
    await notify('zhaoxian.union.head', 'read-all-3');
    const before = (await call(editor, 'GET', '/notifications?unread=true')).json().unread;
    expect(before).toBeGreaterThanOrEqual(2);
    const marked = await call(editor, 'POST', '/notifications/read-all');
    expect(marked.json()).toEqual({ marked: before, unread: 0 });
    expect((await call(editor, 'GET', '/notifications?unread=true')).json()).toMatchObject({ items: [], unread: 0 });
    expect((await call(head, 'GET', '/notifications?unread=true')).json().unread).toBeGreaterThanOrEqual(1);
  });
});
