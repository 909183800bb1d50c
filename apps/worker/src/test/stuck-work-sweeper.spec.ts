import type { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { JOBS, QUEUES } from '@evalflow/jobs';
import { appendOutbox, dataSourceOptions, renderJobId, setupDatabase, TenantDb } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';
import type { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { StuckWorkSweeper } from '../recovery/stuck-work-sweeper.service';
import { DRAFT_SNAPSHOT, seedZhaoxianUnion, startWorker, until } from './support/worker-under-test';

/**
 * The sweeper drives again what a lost or failed job left stuck: documents queued or rendering for good,
 * outbox rows whose job is gone or that the relay cannot get out. One pass; a live job is left alone.
 */
describe('the sweeper of stuck work (real PostgreSQL, Redis and worker)', () => {
  let db: TestDatabase;
  let worker: TestingModule;
  let app: DataSource;
  let storageDir: string;
  let ids: { tenant: string; report: string; editor: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const sweep = () => worker.get(StuckWorkSweeper).sweepOnce();
  const documentsQueue = () => worker.get<Queue>(getQueueToken(QUEUES.documents));

  /** A draft's document left `rendering` an hour ago (its job's last news), as a worker lost twice leaves it. */
  async function stuckDocument(redrives = 0) {
    const [doc] = await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark,
                              status, attempts, redrives, queued_at, started_at)
       VALUES ($1, $2, 'v' || (random() * 100000)::int, ${DRAFT_SNAPSHOT}, 'pdf', 1, '草稿',
               'rendering', 2, $3, now() - interval '2 hours', now() - interval '1 hour')
       RETURNING id, report_id AS "reportId", edition, format, template_version AS "templateVersion", generation`,
      [ids.tenant, ids.report, redrives],
    );
    return { ...doc, jobId: renderJobId(doc) } as { id: string; generation: number; jobId: string };
  }
  const documentRow = async (id: string) =>
    (
      await owner(
        `SELECT status, generation, redrives, attempts, error, error_code, storage_key IS NOT NULL AS stored
           FROM documents WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-sweeper-'));
    const county = await seedZhaoxianUnion(db);
    const [editor] = await owner(`SELECT id FROM users WHERE username = 'zhaoxian.union.editor'`);
    ids = { ...county, editor: editor.id };
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'sweeper-test' }));
    await app.initialize();
    worker = await startWorker(
      db,
      { OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir },
      // relayed rows are checked at once (no grace); pending rows after 5 minutes (the default)
      { sweeper: { outboxGraceMs: 0 } },
    );
  }, 60000);

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  /** A submit's notification job in the outbox, as the API writes it. */
  const writeTransitionJob = (jobId: string, transitionId: string) =>
    new TenantDb(app).tx(
      (em) =>
        appendOutbox(em, {
          tenantId: ids.tenant,
          queue: JOBS.reportTransitioned.queue,
          jobName: JOBS.reportTransitioned.name,
          jobId,
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
        }),
      ids.tenant,
    );
  it('a document stuck rendering whose job is gone is queued anew by one pass, and ends rendered', async () => {
    const doc = await stuckDocument();
    expect(await documentsQueue().getJobState(doc.jobId)).toBe('unknown');

    const result = await sweep();
    expect(result.documents).toEqual({ redriven: 1, abandoned: 0, left: 0 });
    // the next generation's job, through the outbox, already relayed
    const [row] = await owner(`SELECT job_id, relayed_at FROM outbox WHERE payload->>'documentId' = $1`, [doc.id]);
    expect(row).toEqual({ job_id: `${doc.jobId}.g1`, relayed_at: expect.any(Date) });

    const done = await until(
      () => documentRow(doc.id),
      (d) => d.status === 'done' || d.status === 'failed',
    );
    expect(done).toEqual({
      status: 'done',
      generation: 1,
      redrives: 1,
      attempts: 1,
      error: null,
      error_code: null,
      stored: true,
    });
    // done: the next pass finds nothing
    expect((await sweep()).documents).toEqual({ redriven: 0, abandoned: 0, left: 0 });
  }, 90000);

  it('a stuck document whose job will still run is left alone; once that job is gone it is re-driven', async () => {
    const doc = await stuckDocument();
    // its job waiting its turn (delayed an hour, so no worker takes it during the test)
    const job = await documentsQueue().add(
      JOBS.renderDocument.name,
      { tenantId: ids.tenant, documentId: doc.id },
      { jobId: doc.jobId, delay: 3600_000 },
    );
    expect((await sweep()).documents).toEqual({ redriven: 0, abandoned: 0, left: 1 });
    expect(await documentRow(doc.id)).toMatchObject({ status: 'rendering', generation: 0, redrives: 0 });

    await job.remove();
    expect((await sweep()).documents).toEqual({ redriven: 1, abandoned: 0, left: 0 });
    expect(
      await until(
        () => documentRow(doc.id),
        (d) => d.status === 'done' || d.status === 'failed',
      ),
    ).toMatchObject({ status: 'done', generation: 1, redrives: 1 });
  }, 90000);

  it('a document re-driven as often as allowed is failed with a message its users read', async () => {
    const doc = await stuckDocument(3);
    expect((await sweep()).documents).toEqual({ redriven: 0, abandoned: 1, left: 0 });
    expect(await documentRow(doc.id)).toMatchObject({
      status: 'failed',
      generation: 0,
      error: '文档生成多次中断，已停止；请稍后重新生成',
      error_code: 'DOCUMENT_RENDER_ABANDONED',
    });
    expect(await owner(`SELECT id FROM outbox WHERE payload->>'documentId' = $1`, [doc.id])).toEqual([]);
  });

  it('an outbox row whose job was lost from Redis is sent again, notifies once, and is then settled', async () => {
    // relayed, as far as the outbox knows; its job never reached Redis (or Redis lost it)
    const transitionId = '7001';
    const jobId = `report-transition-${transitionId}`;
    await writeTransitionJob(jobId, transitionId);
    await owner(`UPDATE outbox SET relayed_at = now() - interval '1 minute', attempts = 1 WHERE job_id = $1`, [jobId]);
    const notifications = () =>
      owner(`SELECT count(*)::int AS n FROM notifications WHERE source_key LIKE $1`, [`%${transitionId}%`]);
    expect(await notifications()).toEqual([{ n: 0 }]);

    const first = await sweep();
    expect(first.outbox).toMatchObject({ resent: 1, retried: 0, abandoned: 0 });
    const [resent] = await owner(`SELECT relayed_at, redrives, settled_at FROM outbox WHERE job_id = $1`, [jobId]);
    expect(resent).toEqual({ relayed_at: expect.any(Date), redrives: 1, settled_at: null });
    const notified = await until(notifications, ([row]) => row.n >= 2);
    expect(notified).toEqual([{ n: 2 }]);

    // its job completed: the next pass settles the row (and sends nothing again)
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    await until(
      () => queue.getJobState(jobId),
      (state) => state === 'completed' || state === 'failed',
    );
    expect((await sweep()).outbox).toMatchObject({ resent: 0, settled: 1 });
    const [settled] = await owner(`SELECT redrives, settled_at FROM outbox WHERE job_id = $1`, [jobId]);
    expect(settled).toEqual({ redrives: 1, settled_at: expect.any(Date) });
    expect(await notifications()).toEqual([{ n: 2 }]);
  }, 60000);

  it('outbox rows the relay cannot get out past a bad row are sent by the sweeper, one by one', async () => {
    const write = writeTransitionJob;
    // BullMQ refuses a job id with ':': the relay stops at this row on every pass
    await write('bad:row', '7101');
    await write('report-transition-7102', '7102');
    await owner(
      `UPDATE outbox SET created_at = now() - interval '1 hour' WHERE job_id IN ('bad:row', 'report-transition-7102')`,
    );
    const relay = worker.get(OutboxRelay);
    expect(await relay.flush()).toEqual({ relayed: 0, failed: 1 });
    expect(await relay.flush()).toEqual({ relayed: 0, failed: 1 });

    expect((await sweep()).outbox).toMatchObject({ stale: 1 });
    const rows = await owner(
      `SELECT job_id, relayed_at IS NOT NULL AS relayed, attempts, last_error IS NOT NULL AS noted FROM outbox
        WHERE job_id IN ('bad:row', 'report-transition-7102') ORDER BY id`,
    );
    expect(rows).toEqual([
      { job_id: 'bad:row', relayed: false, attempts: 3, noted: true },
      { job_id: 'report-transition-7102', relayed: true, attempts: 1, noted: false },
    ]);
    // the bad row waits for an operator, with its error; it no longer holds up the others
  }, 60000);
});
