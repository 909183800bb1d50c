import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import type { DepartmentReminderJobData } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { dataSourceOptions, recordReminder, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import type { Job } from 'bullmq';
import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DepartmentReminderHandler } from '../notifications/department-reminder.handler';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';

/** A 催报 recorded by the API reaches the department's inbox and its editor's mailbox through the outbox, once. */
describe('催报 in the worker (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let mailDir: string;
  let ids: { tenant: string; union: string; reviewer: string; report: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
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
    mailDir = await mkdtemp(join(tmpdir(), 'evalflow-reminder-mail-'));
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'remind-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT d.tenant_id, d.id AS union, r.id AS report,
              (SELECT id FROM users WHERE username = 'zhaoxian.finance.reviewer') AS reviewer
         FROM departments d JOIN reports r ON r.department_id = d.id
        WHERE d.name = '赵县总工会' AND r.fiscal_year = 2024 AND r.kind = 'department_overall'`,
    );
    ids = { tenant: row.tenant_id, union: row.union, reviewer: row.reviewer, report: row.report };
    await owner(`UPDATE users SET email = 'union.editor@zhaoxian.gov.cn' WHERE username = 'zhaoxian.union.editor'`);
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'remind-test' }));
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

  it("writes the reminder to the department's editor and head, e-mails the one with an address; a rerun adds nothing", async () => {
    const sent = await new TenantDb(app).tx(
      (tx) =>
        recordReminder(tx, { departmentId: ids.union, fiscalYear: 2024, dueOn: '2025-04-30', sentBy: ids.reviewer }),
      ids.tenant,
    );
    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
    const inbox = () =>
      owner(
        `SELECT u.username, n.title, n.body, n.report_id FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.kind = 'department.reminder' ORDER BY u.username`,
      );
    const notes = await until(inbox, (rows) => rows.length >= 2);
    expect(notes).toEqual([
      {
        username: 'zhaoxian.union.editor',
        title: '催报：2024年度绩效自评报告已于2025年4月30日截止',
        body: expect.stringContaining('赵县总工会的2024年度部门整体支出绩效自评报告尚未提交'),
        report_id: ids.report,
      },
      expect.objectContaining({ username: 'zhaoxian.union.head', report_id: ids.report }),
    ]);
    const mails = async () =>
      Promise.all((await readdir(mailDir)).map(async (f) => simpleParser(await readFile(join(mailDir, f)))));
    const mail = await until(mails, (m) => m.length >= 1);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('催报：2024年度绩效自评报告已于2025年4月30日截止');
    // the job delivered twice (at least once): nothing new in the inbox or the mailbox
    const job = { data: { tenantId: ids.tenant, reminderId: sent.id } } as Job<DepartmentReminderJobData>;
    expect(await worker.get(DepartmentReminderHandler).handle(job)).toEqual({ notified: 0 });
    expect(await inbox()).toHaveLength(2);
    expect(await readdir(mailDir)).toHaveLength(1);
  });
});
