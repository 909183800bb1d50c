import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { JOBS, QUEUES, type CommentAddedJobData } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { appendOutbox, dataSourceOptions, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import type { Job, Queue } from 'bullmq';
import { simpleParser, type AddressObject } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CommentAddedHandler } from '../notifications/comment-added.handler';
import { DeadlineRemindersHandler } from '../notifications/deadline-reminders.handler';
import { DeadlineScheduler } from '../notifications/deadline-scheduler.service';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';

/** Comments and deadlines reach the right people, in the inbox and by e-mail (file transport), once. */
describe('review notifications and e-mail (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let mailDir: string;
  let ids: { tenant: string; report: string; reviewer: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const inbox = (kind: string) =>
    owner(
      `SELECT u.username, n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = $1 ORDER BY u.username`,
      [kind],
    );
  /** The .eml files written so far, parsed as a mail program would. */
  const mails = async () => {
    const files = (await readdir(mailDir)).sort();
    return Promise.all(files.map(async (f) => simpleParser(await readFile(join(mailDir, f)))));
  };
  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    mailDir = await mkdtemp(join(tmpdir(), 'evalflow-mail-'));
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'review-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT r.tenant_id, r.id, (SELECT id FROM users WHERE username = 'zhaoxian.finance.reviewer') AS reviewer
         FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE r.fiscal_year = 2024 AND d.name = '赵县总工会' AND r.kind = 'department_overall'`,
    );
    ids = { tenant: row.tenant_id, report: row.id, reviewer: row.reviewer };
    // the editor has an address; the head has none (inbox only)
    await owner(`UPDATE users SET email = 'union.editor@zhaoxian.gov.cn' WHERE username = 'zhaoxian.union.editor'`);
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'review-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(db.config({ OUTBOX_POLL_MS: '60000', MAIL_TRANSPORT: 'file', MAIL_DIR: mailDir })),
      { logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })) },
    );
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await rm(mailDir, { recursive: true, force: true });
  });

  it("a reviewer's comment reaches the department's inbox and the editor's mailbox, once", async () => {
    const job: CommentAddedJobData = {
      tenantId: ids.tenant,
      reportId: ids.report,
      threadId: '00000000-0000-4000-8000-000000000001',
      commentId: '00000000-0000-4000-8000-0000000000c1',
      side: 'finance',
      authorUserId: ids.reviewer,
      authorName: '赵县财政局审核人',
      part: 'budget',
      fieldPath: 'budget.lines.2.amount',
      excerpt: '第 3 项预算金额与批复不符',
    };
    await new TenantDb(app).tx(
      (em) =>
        appendOutbox(em, {
          tenantId: ids.tenant,
          queue: JOBS.commentAdded.queue,
          jobName: JOBS.commentAdded.name,
          jobId: `report-comment-${job.commentId}`,
          payload: job,
        }),
      ids.tenant,
    );
    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
    const notes = await until(
      () => inbox('comment.added'),
      (rows) => rows.length >= 2,
    );
    expect(notes).toEqual([
      {
        username: 'zhaoxian.union.editor',
        title: '赵县总工会2024年度自评报告：赵县财政局审核人提出意见',
        body: '「（二）部门收支预决算情况」第 3 项预算金额与批复不符',
      },
      expect.objectContaining({ username: 'zhaoxian.union.head' }),
    ]);
    const sent = await until(mails, (m) => m.length >= 1);
    expect(sent).toHaveLength(1);
    expect((sent[0].to as AddressObject).value[0]).toEqual({
      name: '赵县总工会编制人',
      address: 'union.editor@zhaoxian.gov.cn',
    });
    expect(sent[0].subject).toBe('赵县总工会2024年度自评报告：赵县财政局审核人提出意见');
    expect(sent[0].messageId).toMatch(/^<notification\.[0-9a-f-]{36}@evalflow\.local>$/);
    expect(sent[0].text).toContain('第 3 项预算金额与批复不符');

    // the job run again (a retry) adds nothing and sends nothing
    await worker.get(CommentAddedHandler).handle({ data: job } as Job<CommentAddedJobData>);
    expect(await inbox('comment.added')).toHaveLength(2);
    expect(await mails()).toHaveLength(1);
  });

  it('reminds departments whose report is not submitted three days before the deadline, once per deadline', async () => {
    const remind = (today: string) =>
      worker.get(DeadlineRemindersHandler).handle({ data: { today } } as Job<{ today: string }>);
    await owner(`INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on) VALUES ($1, 2024, '2025-04-30')`, [
      ids.tenant,
    ]);
    // ten days ahead: nothing yet
    expect(await remind('2025-04-20')).toEqual({ notified: 0 });
    const first = await remind('2025-04-28');
    const notes = await inbox('deadline.due_soon');
    // 赵县总工会 (a draft) and 栾城区总工会 (no report yet); 栾城's other departments had submitted, and
    // 卫生健康局, returned after submitting on time, has met the deadline
    expect(notes.map((n: { username: string }) => n.username)).toEqual([
      'luancheng.union.editor',
      'luancheng.union.head',
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
    ]);
    expect(first).toEqual({ notified: 4 });
    expect(notes[2]).toMatchObject({
      title: '2024年度绩效自评报告将于2025年4月30日截止（还有 2 天）',
      body: '赵县总工会的报告尚未提交，请在截止日期前完成填报并提交。',
    });
    expect(notes[0].body).toBe('栾城区总工会尚未创建2024年度自评报告，请尽快填报并提交。');
    // the next day's run adds nothing; the editor got one e-mail about it
    expect(await remind('2025-04-29')).toEqual({ notified: 0 });
    const reminders = (await mails()).filter((m) => m.subject?.includes('截止'));
    expect(reminders).toHaveLength(1);
    // a moved deadline reminds again
    await owner(`UPDATE report_deadlines SET due_on = '2025-05-09' WHERE tenant_id = $1`, [ids.tenant]);
    expect(await remind('2025-05-07')).toEqual({ notified: 2 });
  });

  it('tells both sides of an overdue 整改事项 on the same tick, once per item and due date', async () => {
    const remind = (today: string) =>
      worker.get(DeadlineRemindersHandler).handle({ data: { today } } as Job<{ today: string }>);
    const [batch] = await owner(
      `INSERT INTO spot_check_batches (tenant_id, fiscal_year, name, rule, rule_text, created_by_name)
       VALUES ($1, 2024, '抽评', '{"kind":"manual"}', '手工选择 1 份', '审核人') RETURNING id`,
      [ids.tenant],
    );
    await owner(`INSERT INTO spot_check_reports (tenant_id, report_id, batch_id) VALUES ($1, $2, $3)`, [
      ids.tenant,
      ids.report,
      batch.id,
    ]);
    const [item] = await owner(
      `INSERT INTO rectification_items (tenant_id, report_id, title, owner_name, due_on)
       VALUES ($1, $2, '补充佐证材料', '张三', '2025-05-01') RETURNING id`,
      [ids.tenant, ids.report],
    );
    await owner(
      `INSERT INTO rectification_items (tenant_id, report_id, title, owner_name, due_on, status)
       VALUES ($1, $2, '已办结的', '张三', '2025-04-01', 'closed')`,
      [ids.tenant, ids.report],
    );
    // due today is not overdue yet
    expect(await remind('2025-05-01')).toEqual({ notified: 0 });
    expect(await remind('2025-05-02')).toEqual({ notified: 4 });
    const notes = await inbox('rectification.overdue');
    expect(notes.map((n: { username: string }) => n.username)).toEqual([
      'zhaoxian.finance.approver',
      'zhaoxian.finance.reviewer',
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
    ]);
    expect(notes[0]).toMatchObject({
      title: '整改事项已逾期（期限2025年5月1日）',
      body: '赵县总工会：补充佐证材料（责任人：张三）',
    });
    expect(await remind('2025-05-03')).toEqual({ notified: 0 });
    // a new due date, missed again, tells again
    await owner(`UPDATE rectification_items SET due_on = '2025-05-02' WHERE id = $1`, [item.id]);
    expect(await remind('2025-05-04')).toEqual({ notified: 4 });
  });

  it('schedules the reminders on start, once however many workers start', async () => {
    await worker.get(DeadlineScheduler).onApplicationBootstrap();
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.name, Number(s.every)])).toEqual([
      ['deadline-reminders', JOBS.deadlineReminders.name, 3600000],
    ]);
  });
});
