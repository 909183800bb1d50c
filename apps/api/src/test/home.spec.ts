import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { as, idOf, insertReport, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/** A date `days` from today in China time (negative: past), as the deadlines are stored. */
const dayFromToday = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));

/**
 * 首页 (GET /api/home) and 催报 (POST /api/reminders) on the seeded demo: each role sees its own work; a reminder
 * is written with its audit entry and outbox job, once per department and year within 24 hours.
 */
describe('home and reminders (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let approver: Session;
  let admin: Session;
  let platform: Session;
  let foreignReviewer: Session;
  let union: string;
  let finance: string;
  let foreignDept: string;

  const get = (s: Session) => as(app, s)({ method: 'GET', url: '/api/home' });
  const remind = (s: Session, departmentId: string, fiscalYear = 2024) =>
    as(app, s)({ method: 'POST', url: '/api/reminders', payload: { departmentId, fiscalYear } });
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const setDeadline = (tenantOfDept: string, year: number, dueOn: string) =>
    owner(
      `INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on)
       SELECT tenant_id, $2, $3 FROM departments WHERE id = $1
       ON CONFLICT (tenant_id, fiscal_year) DO UPDATE SET due_on = EXCLUDED.due_on`,
      [tenantOfDept, year, dueOn],
    );

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, approver, admin, platform, foreignReviewer] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.admin',
      'platform.admin',
      'luancheng.finance.reviewer',
    ]);
    union = editor.me.department?.id as string;
    finance = reviewer.me.department?.id as string;
    foreignDept = foreignReviewer.me.department?.id as string;
  });
  afterAll(async () => close?.());

  it("lists the department's drafts with what each still lacks, as the report's own checks count it", async () => {
    const res = await get(editor);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.review).toBeUndefined();
    expect(body.setup).toBeUndefined();
    const sample = await unionReport2024(db);
    const listed = body.drafts.find((d: { id: string }) => d.id === sample);
    expect(listed).toMatchObject({ fiscalYear: 2024, kind: 'department_overall', status: 'draft' });
    // the counts agree with the checks the editor shows
    const checks = (await as(app, editor)({ method: 'GET', url: `/api/reports/${sample}/checks` })).json();
    expect(listed.missing + listed.errors).toBe(checks.errors);
    expect(listed.warnings).toBe(checks.warnings);
    // the department's own only: every draft listed is of 赵县总工会, none submitted or approved
    const own = await owner(
      `SELECT id FROM reports WHERE department_id = $1 AND status IN ('draft', 'returned') ORDER BY id`,
      [union],
    );
    expect(body.drafts.map((d: { id: string }) => d.id).sort()).toEqual(own.map((r: { id: string }) => r.id).sort());
    // the head sees the same list
    expect((await get(head)).json().drafts.length).toBe(body.drafts.length);
  });

  it('counts a new empty draft as missing its required fields, with the deadline of its year', async () => {
    await setDeadline(union, 2031, '2032-05-31');
    const id = await insertReport(db, union, 2031);
    const drafts = (await get(editor)).json().drafts as Array<Record<string, unknown>>;
    const fresh = drafts.find((d) => d.id === id);
    expect(fresh?.missing).toBeGreaterThan(0);
    expect(fresh?.deadline).toMatchObject({ dueOn: '2032-05-31', state: 'open' });
  });

  it("reads a department's home in as many statements for five drafts as for one (no query per report)", async () => {
    const statements = async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        expect((await get(head)).statusCode).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    await statements(); // the pinned templates are cached from the first read on
    const before = await statements();
    expect(before).toBeGreaterThan(3);
    const drafts = (await get(head)).json().drafts.length;
    for (const year of [2032, 2033, 2034, 2035]) await insertReport(db, union, year);
    expect((await get(head)).json().drafts.length).toBe(drafts + 4);
    expect(await statements()).toBe(before);
  });

  it("gives the finance bureau the county's queue and its overdue departments, nothing of another county", async () => {
    await setDeadline(union, 2024, dayFromToday(-10));
    const body = (await get(reviewer)).json();
    expect(body.drafts).toBeUndefined();
    const queued = await owner(
      `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE d.tenant_id = $1 AND r.status IN ('submitted', 'in_review')`,
      [reviewer.me.tenant?.id],
    );
    expect(body.review.queueTotal).toBe(queued.length);
    expect(body.review.queue.map((r: { id: string }) => r.id).sort()).toEqual(
      queued.map((r: { id: string }) => r.id).sort(),
    );
    expect(body.review.overdue).toEqual([
      expect.objectContaining({
        departmentId: union,
        departmentName: '赵县总工会',
        fiscalYear: 2024,
        daysOverdue: 10,
        reportStatus: 'draft',
        lastRemindedAt: null,
        nextReminderAt: null,
      }),
    ]);
    // 栾城区's reviewer sees 栾城区's queue only
    const foreign = (await get(foreignReviewer)).json();
    const names = foreign.review.queue.map((r: { departmentName: string }) => r.departmentName);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n: string) => n.startsWith('栾城区'))).toBe(true);
  });

  it("gives the county administrator the new county's checklist, each step with its page", async () => {
    const body = (await get(admin)).json();
    expect(body.drafts).toBeUndefined();
    expect(body.review).toBeUndefined();
    expect(body.setup.steps.map((s: { key: string }) => s.key)).toEqual([
      'departments',
      'finance',
      'users',
      'deadline',
      'bands',
      'template',
    ]);
    const step = (key: string) => body.setup.steps.find((s: { key: string }) => s.key === key);
    expect(step('departments')).toMatchObject({ done: true, link: '/departments' });
    expect(step('users')).toMatchObject({ done: true, link: '/users' });
    const year = body.setup.fiscalYear;
    const deadline = await owner(`SELECT 1 FROM report_deadlines WHERE tenant_id = $1 AND fiscal_year = $2`, [
      admin.me.tenant?.id,
      year,
    ]);
    expect(step('deadline')).toMatchObject({ done: deadline.length > 0, link: '/settings' });
    await setDeadline(union, year, `${year + 1}-06-30`);
    const after = (await get(admin)).json();
    expect(after.setup.steps.find((s: { key: string }) => s.key === 'deadline')).toMatchObject({
      done: true,
      detail: `截止日期 ${year + 1}-06-30`,
    });
  });

  it('gives the platform administrator an empty home', async () => {
    const res = await get(platform);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
  });

  it('sends a 催报 to an overdue department: recorded, audited, queued once; again within 24 h is 429', async () => {
    await setDeadline(union, 2024, dayFromToday(-3));
    const sent = await remind(reviewer, union);
    expect(sent.statusCode).toBe(201);
    const reminder = sent.json();
    expect(reminder).toMatchObject({ departmentId: union, fiscalYear: 2024 });
    expect(Date.parse(reminder.nextReminderAt) - Date.parse(reminder.sentAt)).toBe(24 * 3600_000);
    const jobs = await owner(
      `SELECT queue, job_name, job_id, payload FROM outbox WHERE job_name = 'department.remind'`,
    );
    expect(jobs).toEqual([
      {
        queue: 'notifications',
        job_name: 'department.remind',
        job_id: `reminder.${reminder.id}`,
        payload: expect.objectContaining({ tenantId: reviewer.me.tenant?.id, reminderId: reminder.id }),
      },
    ]);
    const audit = await owner(`SELECT target_id, details FROM audit_log WHERE action = 'department.reminded'`);
    expect(audit).toEqual([
      {
        target_id: union,
        details: expect.objectContaining({ departmentName: '赵县总工会', fiscalYear: 2024, reminderId: reminder.id }),
      },
    ]);
    // the approver too is held back: one reminder per department and year in 24 hours, whoever sends it
    const again = await remind(approver, union);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('REMINDER_TOO_SOON');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect(await owner(`SELECT id FROM department_reminders`)).toHaveLength(1);
    // the home shows when it was sent and when the next may go
    const overdue = (await get(reviewer))
      .json()
      .review.overdue.find(
        (d: { departmentId: string; fiscalYear: number }) => d.departmentId === union && d.fiscalYear === 2024,
      );
    expect(overdue).toMatchObject({
      reminders: 1,
      lastRemindedAt: reminder.sentAt,
      nextReminderAt: reminder.nextReminderAt,
    });
  });

  it('refuses a 催报 that is not due, or not to a budget department of the county', async () => {
    // a year whose deadline is still ahead
    await setDeadline(union, 2030, dayFromToday(30));
    const early = await remind(reviewer, union, 2030);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REMINDER_NOT_OVERDUE');
    // a year with no deadline
    expect((await remind(reviewer, union, 2029)).json().code).toBe('REMINDER_NOT_OVERDUE');
    // the finance bureau is no budget department; another county's department does not exist here
    expect((await remind(reviewer, finance)).statusCode).toBe(404);
    expect((await remind(reviewer, foreignDept)).statusCode).toBe(404);
    // bad input: 400 with the reason in Chinese
    const bad = await as(app, reviewer)({ method: 'POST', url: '/api/reminders', payload: { departmentId: 'x' } });
    expect(bad.statusCode).toBe(400);
    // only the finance bureau sends reminders
    for (const s of [editor, head, admin, platform]) expect((await remind(s, union)).statusCode).toBe(403);
  });

  it('does not count a submitted department as overdue, nor accept a reminder to it', async () => {
    const other = await idOf(
      db,
      `INSERT INTO departments (tenant_id, name, kind) SELECT tenant_id, '赵县教育局', 'budget_department'
         FROM departments WHERE id = $1 RETURNING id`,
      [union],
    );
    const report = await insertReport(db, other, 2024, 'submitted');
    await owner(
      `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, actor_user_id)
       SELECT tenant_id, id, 'submit', 'draft', 'submitted', $2 FROM reports WHERE id = $1`,
      [report, editor.me.user.id],
    );
    const overdue = (await get(reviewer)).json().review.overdue as Array<{ departmentId: string; fiscalYear: number }>;
    expect(overdue.filter((d) => d.fiscalYear === 2024).map((d) => d.departmentId)).toEqual([union]);
    expect((await remind(reviewer, other)).json().code).toBe('REMINDER_NOT_OVERDUE');
  });
});
