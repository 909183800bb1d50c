import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { JOBS, PRODUCER_TIMEOUT_MS, QUEUES, redisConnectionOptions, withTimeout } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { appendOutbox, dataSourceOptions, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';

/** Jobs leave through the outbox: kept while Redis is away, delivered once it is back, processed once. */
describe('outbox relay and notifications (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let ids: { tenant: string; report: string; editor: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const submitted = (transitionId: string) => ({
    tenantId: ids.tenant,
    queue: JOBS.reportTransitioned.queue,
    jobName: JOBS.reportTransitioned.name,
    jobId: `report-transition-${transitionId}`,
    payload: {
      tenantId: ids.tenant,
      reportId: ids.report,
      transitionId,
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      reason: null,
      actorUserId: ids.editor,
    },
  });
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
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'outbox-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT r.tenant_id, r.id, (SELECT id FROM users WHERE username = 'zhaoxian.union.editor') AS editor
         FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE r.fiscal_year = 2024 AND d.name = '赵县总工会' AND r.kind = 'department_overall'`,
    );
    ids = { tenant: row.tenant_id, report: row.id, editor: row.editor };
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'outbox-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(db.config({ OUTBOX_POLL_MS: '60000' })), {
      logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })),
    });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
  });

  it('a job of a rolled-back transaction never enters the outbox', async () => {
    await expect(
      new TenantDb(app).tx(async (em) => {
        await appendOutbox(em, submitted('rolled-back'));
        throw new Error('the transition failed');
      }, ids.tenant),
    ).rejects.toThrow('the transition failed');
    expect(await owner(`SELECT id FROM outbox`)).toEqual([]);
  });

  it('while Redis is unreachable the job waits with the error; once Redis is back it is delivered and notifies the bureau', async () => {
    await new TenantDb(app).tx((em) => appendOutbox(em, submitted('901')), ids.tenant);
    const relay = worker.get(OutboxRelay);

    // a producer whose Redis does not answer: port 1 refuses connections
    const dead = new Queue(QUEUES.notifications, {
      connection: { ...redisConnectionOptions('redis://127.0.0.1:1', 'producer'), retryStrategy: () => 1000 },
      prefix: 'outbox-dead',
    });
    dead.on('error', () => undefined);
    try {
      const down = await relay.tick(async (row) => {
        await withTimeout(dead.add(row.job_name, row.payload, { jobId: row.job_id }), PRODUCER_TIMEOUT_MS);
      });
      expect(down).toEqual({ relayed: 0, failed: 1 });
    } finally {
      await dead.close().catch(() => undefined);
    }
    const [waiting] = await owner(
      `SELECT relayed_at, attempts, last_error FROM outbox WHERE job_id = 'report-transition-901'`,
    );
    expect(waiting).toMatchObject({
      relayed_at: null,
      attempts: 1,
      last_error: expect.stringMatching(/Redis|ECONNREFUSED|closed/),
    });

    // Redis back: the real relay delivers it, and the worker files a notification for each finance user
    expect(await relay.tick()).toEqual({ relayed: 1, failed: 0 });
    const notes = await until(
      () =>
        owner(
          `SELECT u.username, n.title, n.kind FROM notifications n JOIN users u ON u.id = n.user_id ORDER BY u.username`,
        ),
      (rows) => rows.length >= 2,
    );
    expect(notes).toEqual([
      {
        username: 'zhaoxian.finance.approver',
        title: '赵县总工会2024年度自评报告：提交（已提交）',
        kind: 'report.submit',
      },
      {
        username: 'zhaoxian.finance.reviewer',
        title: '赵县总工会2024年度自评报告：提交（已提交）',
        kind: 'report.submit',
      },
    ]);
    const [sent] = await owner(
      `SELECT relayed_at, attempts, last_error FROM outbox WHERE job_id = 'report-transition-901'`,
    );
    expect(sent).toMatchObject({ relayed_at: expect.any(Date), attempts: 2, last_error: null });
    expect(await relay.tick()).toEqual({ relayed: 0, failed: 0 });
  });

  it('the same event relayed twice is processed once (deterministic job id, unique notification)', async () => {
    await new TenantDb(app).tx((em) => appendOutbox(em, submitted('901')), ids.tenant);
    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await owner(`SELECT count(*)::int AS n FROM notifications`)).toEqual([{ n: 2 }]);
  });

  it('a row naming a queue the relay does not serve is recorded and passed over; the rows after it go on', async () => {
    await new TenantDb(app).tx(async (em) => {
      await appendOutbox(em, { ...submitted('950'), queue: 'no-such-queue', jobId: 'poison-950' });
      await appendOutbox(em, submitted('951'));
    }, ids.tenant);
    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 1 });
    const rows = await owner(`SELECT job_id, relayed_at IS NOT NULL AS relayed, last_error FROM outbox
                                WHERE job_id IN ('poison-950', 'report-transition-951') ORDER BY id`);
    expect(rows).toEqual([
      { job_id: 'poison-950', relayed: false, last_error: expect.stringContaining('unknown queue "no-such-queue"') },
      { job_id: 'report-transition-951', relayed: true, last_error: null },
    ]);
  });
});
