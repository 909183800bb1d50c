import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { EXPORT_LIMITS, type ExportLimits } from '@evalflow/domain';
import type { RunExportJobData } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { dataSourceOptions, requestExport, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { TestDatabase } from '@evalflow/testing';
import { UnrecoverableError, type Job } from 'bullmq';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApprovedPdfsExport } from '../exports/approved-pdfs.export';
import { IndicatorRowsExport } from '../exports/indicator-rows.export';
import { RunExportHandler } from '../exports/run-export.handler';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';
import { countyYearStatements } from './support/generated-county';

const YEAR = 2021;
/** 6 departments × 5 reports, one in five approved: 6 approved reports */
const DEPARTMENTS = 6;

/** The PDF bundle end to end in the worker: outbox → exports queue → approved reports' PDFs → one .zip in storage. */
describe('the approved PDFs bundle in the worker (real PostgreSQL, Redis and storage)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let storageDir: string;
  let tenantId: string;
  /** the approved reports whose latest approval's PDF is stored: report id → department name, bytes */
  const stored = new Map<string, { department: string; kind: string; project: string | null; bytes: Buffer }>();
  let unrendered: { id: string; department: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const request = () =>
    new TenantDb(app).tx(
      (tx) => requestExport(tx, { kind: 'approved_pdfs', params: { fiscalYear: YEAR }, requestedBy: null }),
      tenantId,
    );
  const jobOf = (exportId: string) =>
    ({
      data: { tenantId, exportId },
      attemptsMade: 0,
      opts: { attempts: 5 },
      updateProgress: () => Promise.resolve(),
    }) as unknown as Job<RunExportJobData>;
  const handlerWith = (limits: Partial<ExportLimits>) =>
    new RunExportHandler(
      worker.get(TenantDb),
      worker.get<DocumentStorage>(DOCUMENT_STORAGE),
      worker.get(IndicatorRowsExport),
      worker.get(ApprovedPdfsExport),
      { ...EXPORT_LIMITS, ...limits },
    );
  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 60000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** A document row of a report (its bytes stored when `bytes` is given), created `minutesAgo`. */
  async function document(
    reportId: string,
    edition: string,
    format: string,
    status: string,
    minutesAgo: number,
    bytes?: Buffer,
  ) {
    const key = bytes ? `tenants/${tenantId}/documents/${reportId}-${edition}.${format}` : null;
    if (bytes && key) await worker.get<DocumentStorage>(DOCUMENT_STORAGE).put(key, bytes, 'application/pdf');
    await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, status,
                              storage_key, sha256, size_bytes, created_at, finished_at)
       VALUES ($1, $2, $3, '{}', $4, 1, $5, $6, $7, $8, now() - make_interval(mins => $9), now())`,
      [
        tenantId,
        reportId,
        edition,
        format,
        status,
        key,
        bytes ? createHash('sha256').update(bytes).digest('hex') : null,
        bytes?.length ?? null,
        minutesAgo,
      ],
    );
  }

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-bundle-'));
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'bundle-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    tenantId = (await owner(`SELECT id FROM tenants WHERE region_code = '130133'`))[0].id;
    for (const s of countyYearStatements({ tenantId, fiscalYear: YEAR, departments: DEPARTMENTS, indicators: 1 })) {
      await owner(s.sql, s.params);
    }
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'bundle-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(db.config({ OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir })),
      { logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })) },
    );
    await worker.init();

    const approved: Array<{
      id: string;
      department: string;
      kind: string;
      project: string | null;
    }> = await owner(
      `SELECT r.id, d.name AS department, r.kind, r.project_name AS project FROM reports r
         JOIN departments d ON d.id = r.department_id
        WHERE r.tenant_id = $1 AND r.fiscal_year = $2 AND r.status = 'approved' ORDER BY r.id`,
      [tenantId, YEAR],
    );
    expect(approved).toHaveLength(DEPARTMENTS);
    const [last, ...rest] = approved;
    for (const [i, r] of rest.entries()) {
      const bytes = Buffer.from(`%PDF-1.7 ${r.department} ${'x'.repeat(1000 + i)}\n%%EOF`);
      // an older approval's PDF, and the DOCX of the latest: neither goes in
      await document(r.id, 'r1-approved', 'pdf', 'done', 60, Buffer.from('%PDF old approval'));
      await document(r.id, 'r2-approved', 'docx', 'done', 5, Buffer.from('docx'));
      await document(r.id, 'r2-approved', 'pdf', 'done', 5, bytes);
      stored.set(r.id, { ...r, bytes });
    }
    // the latest approval's PDF still rendering (an older one done): listed as missing, not the stale one
    await document(last.id, 'r1-approved', 'pdf', 'done', 60, Buffer.from('%PDF stale'));
    await document(last.id, 'r2-approved', 'pdf', 'rendering', 1);
    unrendered = last;
    // a draft's PDF is no approved report's
    const [draft] = await owner(
      `SELECT id FROM reports WHERE tenant_id = $1 AND fiscal_year = $2 AND status = 'draft' LIMIT 1`,
      [tenantId, YEAR],
    );
    await document(draft.id, 'v3', 'pdf', 'done', 1, Buffer.from('%PDF draft'));
  }, 120000);

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it("zips every approved report's PDF of the year, named by department and project, and names the one not rendered", async () => {
    const asked = await request();
    expect(asked.created).toBe(true);
    const [outbox] = await owner(`SELECT queue, job_name, job_id FROM outbox WHERE queue = 'exports'`);
    expect(outbox).toEqual({ queue: 'exports', job_name: 'export.run', job_id: `export.${asked.id}` });
    expect(await request()).toEqual({ id: asked.id, created: false });

    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
    const [row] = await until(
      () => owner(`SELECT * FROM exports WHERE id = $1`, [asked.id]),
      (rows) => rows[0]?.status === 'done' || rows[0]?.status === 'failed',
    );
    expect(row).toMatchObject({ status: 'done', progress: 100, kind: 'approved_pdfs', row_count: DEPARTMENTS - 1 });
    expect(row.storage_key).toBe(`tenants/${tenantId}/exports/${asked.id}.zip`);
    const bytes = await readFile(join(storageDir, row.storage_key));
    expect(String(bytes.length)).toBe(String(row.size_bytes));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);

    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    // named as each report's own PDF downloads
    const expected = [...stored.values()].map((r) =>
      r.kind === 'project'
        ? `${r.department}${YEAR}年度${r.project}项目支出绩效自评表`
        : `${r.department}${YEAR}年度整体支出绩效自评报告`,
    );
    expect(names).toEqual([...expected.map((n) => `${n}.pdf`), '缺少的PDF.txt'].sort());
    for (const r of stored.values()) {
      const entry = Object.keys(zip.files).find((n) => n.startsWith(`${r.department}${YEAR}`)) as string;
      expect(Buffer.from((await zip.file(entry)?.async('uint8array')) as Uint8Array).equals(r.bytes)).toBe(true);
    }
    const note = await zip.file('缺少的PDF.txt')?.async('string');
    expect(note).toContain('以下 1 份已审核通过的报告尚未生成 PDF');
    expect(note).toContain(unrendered.department);
  }, 120000);

  it('serves the done bundle again until a PDF of the year finishes; a job run again makes nothing', async () => {
    const [done] = await owner(`SELECT id, sha256 FROM exports WHERE kind = 'approved_pdfs' AND status = 'done'`);
    expect(await request()).toEqual({ id: done.id, created: false });
    expect(await handlerWith({}).handle(jobOf(done.id))).toMatchObject({ exportId: done.id, made: false });
    // the missing PDF is rendered: the next request makes a new bundle
    await owner(
      `UPDATE documents SET status = 'done', storage_key = 'x', sha256 = repeat('a', 64), size_bytes = 1, finished_at = now()
        WHERE report_id = $1 AND edition = 'r2-approved'`,
      [unrendered.id],
    );
    const fresh = await request();
    expect(fresh.created).toBe(true);
    await owner(`UPDATE exports SET status = 'failed' WHERE id = $1`, [fresh.id]);
  });

  it('fails at once, with the reason in Chinese, when the PDFs together pass the bound', async () => {
    await owner(`UPDATE documents SET status = 'rendering' WHERE report_id = $1 AND edition = 'r2-approved'`, [
      unrendered.id,
    ]);
    await owner(`UPDATE reports SET updated_at = now() WHERE tenant_id = $1 AND fiscal_year = $2`, [tenantId, YEAR]);
    const asked = await request();
    expect(asked.created).toBe(true);
    const small = handlerWith({ maxBundleBytes: 2500 });
    await expect(small.handle(jobOf(asked.id))).rejects.toBeInstanceOf(UnrecoverableError);
    const [row] = await owner(`SELECT status, error, error_code FROM exports WHERE id = $1`, [asked.id]);
    expect(row).toMatchObject({ status: 'failed', error_code: 'EXPORT_TOO_LARGE' });
    expect(row.error).toContain('导出的文件合计超过上限');
  });
});
