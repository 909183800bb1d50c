import type { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { JOBS, QUEUES } from '@evalflow/jobs';
import {
  appendOutbox,
  dataSourceOptions,
  importJobId,
  renderJobId,
  setupDatabase,
  TenantDb,
} from '@evalflow/persistence';
import { LocalDirectoryStorage } from '@evalflow/storage';
import { TestDatabase } from '@evalflow/testing';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { StuckWorkSweeper } from '../recovery/stuck-work-sweeper.service';
import { DRAFT_SNAPSHOT, seedZhaoxianUnion, startWorker, until } from './support/worker-under-test';

/**
 * The sweeper drives again what a lost or failed job left stuck: documents queued or rendering for good,
 * imports queued or parsing for good, outbox rows whose job is gone or that the relay cannot get out. One
 * pass; a live job is left alone. It also expires imports left unconfirmed and deletes closed imports' files.
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
  const exportsQueue = () => worker.get<Queue>(getQueueToken(QUEUES.exports));
  const storage = () => new LocalDirectoryStorage(storageDir);

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

  /**
   * An import of a plain-text report into the draft, its file stored, as the API leaves it; `status` as a
   * lost worker leaves it (parsing for an hour) or as a clerk does (parsed `parsedDaysAgo`, or discarded).
   */
  async function importRow(
    status: 'parsing' | 'ready' | 'applied' | 'discarded',
    { redrives = 0, parsedDaysAgo = 0 } = {},
  ) {
    const id = randomUUID();
    const key = `tenants/${ids.tenant}/reports/${ids.report}/imports/${id}.txt`;
    const text = Buffer.from('一、部门基本情况\n赵县总工会是全县职工的群众组织。\n', 'utf8');
    await storage().put(key, text);
    await owner(
      `INSERT INTO report_imports (tenant_id, id, report_id, status, format, storage_key, size_bytes, sha256, result,
                                   attempts, redrives, queued_at, started_at, finished_at)
       VALUES ($1, $2, $3, $4, 'txt', $5, $6, repeat('0', 64),
               CASE WHEN $4 IN ('ready', 'applied') THEN '{"content": {}}'::jsonb END,
               1, $7, now() - interval '2 hours', now() - interval '1 hour',
               CASE WHEN $4 <> 'parsing' THEN now() - make_interval(days => $8::int) END)`,
      [ids.tenant, id, ids.report, status, key, text.length, redrives, parsedDaysAgo],
    );
    return { id, key, jobId: importJobId({ id, generation: 0 }) };
  }
  const importOf = async (id: string) =>
    (
      await owner(
        `SELECT status, generation, redrives, attempts, progress, error, error_code, result IS NOT NULL AS parsed,
                expired_at IS NOT NULL AS expired, file_deleted_at IS NOT NULL AS "fileDeleted"
           FROM report_imports WHERE id = $1`,
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

  // (before the outbox tests: the last of them leaves a row the relay stops at)
  it('an import stuck parsing whose job is gone from Redis is queued anew under its next job id, and ends parsed', async () => {
    const item = await importRow('parsing');
    expect(await exportsQueue().getJobState(item.jobId)).toBe('unknown');

    const result = await sweep();
    expect(result.imports).toEqual({ redriven: 1, abandoned: 0, left: 0 });
    // the next generation's job, through the outbox, already relayed
    const [row] = await owner(`SELECT job_id, job_name, relayed_at FROM outbox WHERE payload->>'importId' = $1`, [
      item.id,
    ]);
    expect(row).toEqual({ job_id: `${item.jobId}.g1`, job_name: 'import.parse', relayed_at: expect.any(Date) });

    const done = await until(
      () => importOf(item.id),
      (i) => i.status === 'ready' || i.status === 'failed',
    );
    expect(done).toEqual({
      status: 'ready',
      generation: 1,
      redrives: 1,
      attempts: 1,
      progress: 100,
      error: null,
      error_code: null,
      parsed: true,
      expired: false,
      fileDeleted: false,
    });
    // parsed: the next pass finds nothing, and its file stays (it waits for the clerk)
    const next = await sweep();
    expect(next.imports).toEqual({ redriven: 0, abandoned: 0, left: 0 });
    expect(next.importFiles).toEqual({ expired: 0, deleted: 0, notDeleted: 0 });
    expect(await storage().exists(item.key)).toBe(true);
  }, 90000);

  it('a stuck import whose job will still run is left alone; once that job is deleted from Redis it is re-driven', async () => {
    const item = await importRow('parsing');
    // its job waiting its turn (delayed an hour, so no worker takes it during the test)
    const job = await exportsQueue().add(
      'import.parse',
      { tenantId: ids.tenant, importId: item.id },
      { jobId: item.jobId, delay: 3600_000 },
    );
    expect((await sweep()).imports).toEqual({ redriven: 0, abandoned: 0, left: 1 });
    expect(await importOf(item.id)).toMatchObject({ status: 'parsing', generation: 0, redrives: 0 });

    await job.remove();
    expect((await sweep()).imports).toEqual({ redriven: 1, abandoned: 0, left: 0 });
    expect(
      await until(
        () => importOf(item.id),
        (i) => i.status === 'ready' || i.status === 'failed',
      ),
    ).toMatchObject({ status: 'ready', generation: 1, redrives: 1, parsed: true });
  }, 90000);

  it('an import re-driven as often as allowed is failed with a message its users read, and its file deleted', async () => {
    const item = await importRow('parsing', { redrives: 3 });
    const result = await sweep();
    expect(result.imports).toEqual({ redriven: 0, abandoned: 1, left: 0 });
    expect(result.importFiles).toMatchObject({ deleted: 1, notDeleted: 0 });
    expect(await importOf(item.id)).toMatchObject({
      status: 'failed',
      generation: 0,
      error: '文件解析多次中断，已停止；请重新上传文件',
      error_code: 'IMPORT_ABANDONED',
      fileDeleted: true,
    });
    expect(await storage().exists(item.key)).toBe(false);
    expect(await owner(`SELECT id FROM outbox WHERE payload->>'importId' = $1`, [item.id])).toEqual([]);
  }, 60000);

  it('an import left unconfirmed past its time expires and its file is deleted; a recent or applied one is kept', async () => {
    const stale = await importRow('ready', { parsedDaysAgo: 8 });
    const recent = await importRow('ready', { parsedDaysAgo: 6 });
    const applied = await importRow('applied', { parsedDaysAgo: 30 });

    const result = await sweep();
    expect(result.importFiles).toEqual({ expired: 1, deleted: 1, notDeleted: 0 });
    expect(await importOf(stale.id)).toMatchObject({
      status: 'expired',
      expired: true,
      fileDeleted: true,
      parsed: true,
    });
    expect(await storage().exists(stale.key)).toBe(false);
    for (const kept of [recent, applied]) {
      expect(await importOf(kept.id)).toMatchObject({ expired: false, fileDeleted: false });
      expect(await storage().exists(kept.key)).toBe(true);
    }
    expect(await importOf(recent.id)).toMatchObject({ status: 'ready' });
    // done: the next pass finds nothing
    expect((await sweep()).importFiles).toEqual({ expired: 0, deleted: 0, notDeleted: 0 });
  }, 60000);

  it('deletes the bytes of 佐证材料 removed from a report that no revision holds, and keeps a frozen one', async () => {
    const evidence = async (frozen: boolean) => {
      const id = randomUUID();
      const key = `tenants/${ids.tenant}/reports/${ids.report}/evidence/${id}.pdf`;
      await storage().put(key, Buffer.from('%PDF-1.4 x'));
      await owner(
        `INSERT INTO report_evidence (tenant_id, id, report_id, file_name, kind, content_type, size_bytes, sha256,
                                      storage_key, uploaded_by, deleted_at, deleted_by)
         VALUES ($1, $2, $3, 'a.pdf', 'pdf', 'application/pdf', 10, repeat('0', 64), $4, $5, now(), $5)`,
        [ids.tenant, id, ids.report, key, ids.editor],
      );
      if (frozen) {
        await owner(
          `WITH v AS (INSERT INTO report_revisions (tenant_id, report_id, number, schema_version, content, report_version)
                      SELECT $1, $2, coalesce(max(number), 0) + 1, 1, '{}'::jsonb, 1 FROM report_revisions WHERE report_id = $2
                      RETURNING id)
           INSERT INTO report_revision_evidence (tenant_id, revision_id, evidence_id) SELECT $1, id, $3 FROM v`,
          [ids.tenant, ids.report, id],
        );
      }
      return { id, key };
    };
    // the API removed both after their commits, and could not delete the bytes then (the store was away)
    const loose = await evidence(false);
    const frozen = await evidence(true);
    expect((await sweep()).evidenceFiles).toEqual({ deleted: 1, notDeleted: 0 });
    expect(await storage().exists(loose.key)).toBe(false);
    expect(await storage().exists(frozen.key)).toBe(true);
    const marked = await owner(
      `SELECT id, file_deleted_at IS NOT NULL AS gone FROM report_evidence WHERE id = ANY($1) ORDER BY id`,
      [[loose.id, frozen.id]],
    );
    expect(Object.fromEntries(marked.map((r) => [r.id, r.gone]))).toEqual({ [loose.id]: true, [frozen.id]: false });
    expect((await sweep()).evidenceFiles).toEqual({ deleted: 0, notDeleted: 0 });
  }, 60000);

  it('a closed import whose file cannot be deleted keeps its state, and the next pass deletes it', async () => {
    // discarded while the storage refused the deletion: the row still holds its file
    const item = await importRow('discarded');
    await rm(join(storageDir, item.key));
    await mkdir(join(storageDir, item.key, 'inner'), { recursive: true });

    const failed = await sweep();
    expect(failed.importFiles).toEqual({ expired: 0, deleted: 0, notDeleted: 1 });
    expect(await importOf(item.id)).toMatchObject({ status: 'discarded', fileDeleted: false });

    // the storage works again (the directory gone, the file back)
    await rm(join(storageDir, item.key), { recursive: true });
    await storage().put(item.key, Buffer.from('x'));
    expect((await sweep()).importFiles).toEqual({ expired: 0, deleted: 1, notDeleted: 0 });
    expect(await importOf(item.id)).toMatchObject({ status: 'discarded', fileDeleted: true });
    expect(await storage().exists(item.key)).toBe(false);
  }, 60000);

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
