import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { JOBS, QUEUES, type RenderDocumentJobData } from '@evalflow/jobs';
import { getQueueToken } from '@nestjs/bullmq';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { appendOutbox, dataSourceOptions, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import { BUILTIN_TEMPLATES, DEFAULT_GRADE_BANDS, type TemplateDefinition } from '@evalflow/domain';
import type { Job, Queue } from 'bullmq';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RenderDocumentHandler } from '../documents/render-document.handler';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';

/** The documents queue end to end inside the worker: outbox → BullMQ → render → storage → row. */
describe('document rendering in the worker (real PostgreSQL, Redis and fonts)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let storageDir: string;
  let ids: { tenant: string; report: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const newDocument = async (
    format: string,
    snapshot = `(SELECT jsonb_object_agg(part, content) || '{"schemaVersion": 2, "kind": "department_overall"}'::jsonb FROM report_parts WHERE report_id = $2)`,
  ) =>
    (
      await owner(
        `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark)
         VALUES ($1, $2, 'v' || (random() * 100000)::int, ${snapshot}, $3, 1, '草稿') RETURNING id`,
        [ids.tenant, ids.report, format],
      )
    )[0].id as string;
  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 30000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-render-'));
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'render-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT r.tenant_id, r.id FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE r.fiscal_year = 2024 AND d.name = '赵县总工会' AND r.kind = 'department_overall'`,
    );
    ids = { tenant: row.tenant_id, report: row.id };
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'render-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(db.config({ OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir })),
      { logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })) },
    );
    await worker.init();
  }, 60000);

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it.each(['pdf', 'docx'])(
    'renders a %s from the outbox to storage, with its hash, size and progress',
    async (format) => {
      const documentId = await newDocument(format);
      await new TenantDb(app).tx(
        (em) =>
          appendOutbox(em, {
            tenantId: ids.tenant,
            queue: JOBS.renderDocument.queue,
            jobName: JOBS.renderDocument.name,
            jobId: `render-test-${documentId}`,
            payload: { tenantId: ids.tenant, documentId } satisfies RenderDocumentJobData,
          }),
        ids.tenant,
      );
      expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
      const [doc] = await until(
        () =>
          owner(
            `SELECT status, progress, storage_key, sha256, size_bytes::int AS size, attempts FROM documents WHERE id = $1`,
            [documentId],
          ),
        (rows) => rows[0]?.status === 'done' || rows[0]?.status === 'failed',
      );
      expect(doc).toMatchObject({ status: 'done', progress: 100, attempts: 1 });
      expect(doc.storage_key).toBe(`tenants/${ids.tenant}/reports/${ids.report}/${documentId}.${format}`);
      const bytes = await readFile(join(storageDir, doc.storage_key));
      expect(bytes.length).toBe(doc.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');

      // the job delivered again (a retry, a duplicate) renders nothing new
      const again = await worker.get(RenderDocumentHandler).handle({
        data: { tenantId: ids.tenant, documentId },
        attemptsMade: 0,
        opts: { attempts: 5 },
      } as unknown as Job<RenderDocumentJobData>);
      expect(again).toEqual({ documentId, sha256: doc.sha256, sizeBytes: doc.size, rendered: false });
    },
    60000,
  );

  it('relays a job with its priority: a DOCX queued first still waits behind a PDF', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.documents));
    const docx = await newDocument('docx');
    const pdf = await newDocument('pdf');
    await queue.pause();
    try {
      await new TenantDb(app).tx(async (em) => {
        for (const [documentId, priority] of [
          [docx, 10],
          [pdf, undefined],
        ] as const) {
          await appendOutbox(em, {
            tenantId: ids.tenant,
            queue: JOBS.renderDocument.queue,
            jobName: JOBS.renderDocument.name,
            jobId: `priority-test-${documentId}`,
            payload: { tenantId: ids.tenant, documentId } satisfies RenderDocumentJobData,
            priority,
          });
        }
      }, ids.tenant);
      expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 2, failed: 0 });
      expect((await queue.getJob(`priority-test-${docx}`))?.opts.priority).toBe(10);
      expect((await queue.getJob(`priority-test-${pdf}`))?.opts.priority ?? 0).toBe(0);
      expect(await queue.getJobCounts('prioritized', 'wait')).toEqual({ prioritized: 1, wait: 1 });
    } finally {
      await queue.resume();
    }
    const done = await until(
      () =>
        owner(`SELECT id, status, started_at, finished_at FROM documents WHERE id = ANY($1::uuid[])`, [[docx, pdf]]),
      (rows) => rows.length === 2 && rows.every((r) => r.status === 'done'),
    );
    const [first, second] = [pdf, docx].map((id) => done.find((r) => r.id === id));
    expect(first.finished_at.getTime()).toBeLessThanOrEqual(second.started_at.getTime());
  }, 60000);

  it('a render that cannot succeed is marked failed on its last attempt, with the reason', async () => {
    const documentId = await newDocument('pdf', `'{"schemaVersion": 1}'::jsonb`);
    const handle = (attemptsMade: number) =>
      worker.get(RenderDocumentHandler).handle({
        data: { tenantId: ids.tenant, documentId },
        attemptsMade,
        opts: { attempts: 2 },
      } as unknown as Job<RenderDocumentJobData>);
    await expect(handle(0)).rejects.toThrow();
    expect((await owner(`SELECT status FROM documents WHERE id = $1`, [documentId]))[0].status).toBe('queued');
    await expect(handle(1)).rejects.toThrow();
    const [failed] = await owner(`SELECT status, error, attempts FROM documents WHERE id = $1`, [documentId]);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringMatching(/^生成失败：/) });
  });
  it('lays a document out by the template its report pins, graded by the template’s bands', async () => {
    const handle = (documentId: string) =>
      worker.get(RenderDocumentHandler).handle({
        data: { tenantId: ids.tenant, documentId },
        attemptsMade: 0,
        opts: { attempts: 1 },
        updateProgress: () => Promise.resolve(),
      } as unknown as Job<RenderDocumentJobData>);
    const documentXml = async (documentId: string) => {
      const [doc] = await owner(`SELECT storage_key FROM documents WHERE id = $1`, [documentId]);
      const zip = await JSZip.loadAsync(await readFile(join(storageDir, doc.storage_key)));
      return (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
    };

    // the sample pins the 河北 built-in: 一、… and the county's bands
    const hebei = await newDocument('docx');
    await handle(hebei);
    const hebeiXml = await documentXml(hebei);
    expect(hebeiXml).toContain('一、部门基本情况');
    expect(hebeiXml).toContain('等级为优');

    // a county's version of the eight-part built-in with its own bands
    const definition: TemplateDefinition = {
      ...BUILTIN_TEMPLATES[1].definition,
      gradeBands: DEFAULT_GRADE_BANDS.map((b) => ({
        ...b,
        label: { excellent: '甲等', good: '乙等', fair: '丙等', poor: '丁等' }[b.grade],
      })),
    };
    const [template] = await owner(
      `INSERT INTO report_templates (tenant_id, kind, name) VALUES ($1, 'department_overall', '八部分（测试）') RETURNING id`,
      [ids.tenant],
    );
    const [version] = await owner(
      `INSERT INTO report_template_versions (template_id, tenant_id, version, definition) VALUES ($1, $2, 1, $3) RETURNING id`,
      [template.id, ids.tenant, JSON.stringify(definition)],
    );
    const [{ pinned }] = await owner(`SELECT template_version_id AS pinned FROM reports WHERE id = $1`, [ids.report]);
    await owner(`UPDATE reports SET template_version_id = $1 WHERE id = $2`, [version.id, ids.report]);
    try {
      const eightPart = await newDocument('docx');
      await handle(eightPart);
      const xml = await documentXml(eightPart);
      expect(xml).toContain('第一部分 部门概况');
      expect(xml).toContain('第八部分 评价工作组');
      expect(xml).not.toContain('一、部门基本情况');
      expect(xml).toContain('等级为甲等');
    } finally {
      await owner(`UPDATE reports SET template_version_id = $1 WHERE id = $2`, [pinned, ids.report]);
    }
  }, 60000);

  it('prints a public version’s disclosure line (随决算公开) on every page of its PDF', async () => {
    const [{ id: documentId }] = await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark,
                              page_notice)
       SELECT $1, $2, 'r1-public-20250801',
              jsonb_object_agg(part, content) || '{"schemaVersion": 2, "kind": "department_overall"}'::jsonb,
              'pdf', 2, '公开版', '公开版 · 随决算公开 · 2025年8月1日'
         FROM report_parts WHERE report_id = $2
       RETURNING id`,
      [ids.tenant, ids.report],
    );
    await worker.get(RenderDocumentHandler).handle({
      data: { tenantId: ids.tenant, documentId },
      attemptsMade: 0,
      opts: { attempts: 1 },
      updateProgress: () => Promise.resolve(),
    } as unknown as Job<RenderDocumentJobData>);
    const [doc] = await owner(`SELECT status, storage_key FROM documents WHERE id = $1`, [documentId]);
    expect(doc.status).toBe('done');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(storageDir, doc.storage_key), '-'], {
      encoding: 'utf8',
    });
    const pages = text.split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page.replace(/\s+/g, '')).toContain('公开版·随决算公开·2025年8月1日');
  }, 60000);
});
