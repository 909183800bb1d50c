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
import { Workbook, type CellValue } from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApprovedPdfsExport } from '../exports/approved-pdfs.export';
import { IndicatorRowsExport } from '../exports/indicator-rows.export';
import { RunExportHandler } from '../exports/run-export.handler';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { StuckWorkSweeper } from '../recovery/stuck-work-sweeper.service';
import { WorkerModule } from '../worker.module';
import { countyYearStatements } from './support/generated-county';

const YEAR = 2021;
const DEPARTMENTS = 40;
const INDICATORS = 10;
const KIND_LABELS: Record<string, string> = { department_overall: '部门整体', project: '项目支出' };
const STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '已退回',
  approved: '已通过',
};
const NATURES: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', qualitative: '定性' };

interface StoredIndicator {
  level1: string;
  level2: string;
  level3: string;
  nature: string;
  target: string;
  unit: string;
  actual: string;
  weight: string | null;
  score: string | null;
  deviationNote: string;
  evidence: string;
}

/** A decimal string as the sheet must hold it: the number, shown with the string's own decimals. */
const decimal = (value: string | null) =>
  value === null
    ? { value: null, numFmt: undefined }
    : { value: Number(value), numFmt: value.includes('.') ? `0.${'0'.repeat(value.split('.')[1].length)}` : '0' };
const text = (value: string | null) => (value === '' || value === null ? null : value);

/** The 指标明细 end to end in the worker: outbox → exports queue → pages of reports → streamed workbook → storage. */
describe('the indicator rows export in the worker (real PostgreSQL, Redis and storage)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let storageDir: string;
  let tenantId: string;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const request = () =>
    new TenantDb(app).tx(
      (tx) => requestExport(tx, { kind: 'indicator_rows', params: { fiscalYear: YEAR }, requestedBy: null }),
      tenantId,
    );
  const jobOf = (exportId: string, attemptsMade = 0, attempts = 5, progress: number[] = []) =>
    ({
      data: { tenantId, exportId },
      attemptsMade,
      opts: { attempts },
      updateProgress: (p: number) => (progress.push(p), Promise.resolve()),
    }) as unknown as Job<RunExportJobData>;
  /** A handler with bounds of its own (the worker's other parts as they are). */
  const handlerWith = (limits: Partial<ExportLimits>, storage?: DocumentStorage) =>
    new RunExportHandler(
      worker.get(TenantDb),
      storage ?? worker.get<DocumentStorage>(DOCUMENT_STORAGE),
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

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-exports-'));
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'export-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    tenantId = (await owner(`SELECT id FROM tenants WHERE region_code = '130133'`))[0].id;
    for (const s of countyYearStatements({
      tenantId,
      fiscalYear: YEAR,
      departments: DEPARTMENTS,
      indicators: INDICATORS,
    })) {
      await owner(s.sql, s.params);
    }
    // every stored progress step, as the row saw it
    await owner(`CREATE TABLE progress_seen (export_id uuid, progress int, at timestamptz DEFAULT clock_timestamp())`);
    await owner(`CREATE FUNCTION note_progress() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                 BEGIN INSERT INTO progress_seen (export_id, progress) VALUES (NEW.id, NEW.progress); RETURN NEW; END $$`);
    await owner(`CREATE TRIGGER note_progress AFTER UPDATE OF progress ON exports FOR EACH ROW
                 WHEN (NEW.progress <> OLD.progress) EXECUTE FUNCTION note_progress()`);
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'export-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(db.config({ OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir })),
      { logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })) },
    );
    await worker.init();
  }, 120000);

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  /** Every indicator of the year's reports, in the sheet's order, as the sheet must show it. */
  async function expectedRows() {
    const reports: Array<{
      department: string;
      kind: string;
      status: string;
      project_name: string | null;
      project_code: string | null;
      indicators: StoredIndicator[] | null;
    }> = await owner(
      `SELECT d.name AS department, r.kind, r.status, r.project_name, r.project_code, p.content->'indicators' AS indicators
         FROM reports r JOIN departments d ON d.id = r.department_id
         LEFT JOIN report_parts p ON p.report_id = r.id AND p.part = 'scoreTable'
        WHERE r.tenant_id = $1 AND r.fiscal_year = $2`,
      [tenantId, YEAR],
    );
    const key = (r: (typeof reports)[number]) => `${r.department}\u0000${r.kind}\u0000${r.project_code ?? ''}`;
    reports.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return reports.flatMap((r) =>
      (r.indicators ?? []).map((i) => [
        r.department,
        KIND_LABELS[r.kind],
        text(r.project_name),
        text(r.project_code),
        STATUS_LABELS[r.status],
        i.level1,
        i.level2,
        i.level3,
        NATURES[i.nature],
        text(i.target),
        text(i.unit),
        text(i.actual),
        decimal(i.weight),
        decimal(i.score),
        text(i.deviationNote),
        text(i.evidence),
      ]),
    );
  }

  it('writes every indicator row of the year, as stored, under a frozen title and header; progress is stored', async () => {
    const asked = await request();
    expect(asked.created).toBe(true);
    const [outbox] = await owner(`SELECT queue, job_name, job_id FROM outbox WHERE payload->>'exportId' = $1`, [
      asked.id,
    ]);
    expect(outbox).toEqual({ queue: 'exports', job_name: 'export.run', job_id: `export.${asked.id}` });
    // asked again while queued: the same export, no second job
    expect(await request()).toEqual({ id: asked.id, created: false });

    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
    const [row] = await until(
      () => owner(`SELECT * FROM exports WHERE id = $1`, [asked.id]),
      (rows) => rows[0]?.status === 'done' || rows[0]?.status === 'failed',
    );
    const expected = await expectedRows();
    expect(row).toMatchObject({ status: 'done', progress: 100, attempts: 1, row_count: expected.length });
    expect(row.storage_key).toBe(`tenants/${tenantId}/exports/${asked.id}.xlsx`);
    const bytes = await readFile(join(storageDir, row.storage_key));
    expect(String(bytes.length)).toBe(String(row.size_bytes));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
    // 200 reports, 50 a page: each quarter stored as it was reached, then done
    const seen = await owner(`SELECT progress FROM progress_seen WHERE export_id = $1 ORDER BY at`, [asked.id]);
    expect(seen.map((s) => s.progress)).toEqual([25, 50, 75, 99, 100]);

    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标明细');
    if (!sheet) throw new Error('no sheet 指标明细');
    expect(sheet.getCell('A1').value).toBe('赵县 2021 年度绩效指标明细');
    expect(sheet.getCell('Q1').isMerged && sheet.getCell('Q1').master.address).toBe('A1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:Q2');
    expect((sheet.getRow(2).values as CellValue[]).slice(1)).toEqual([
      '序号',
      '部门',
      '报告类型',
      '项目名称',
      '项目编码',
      '状态',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '年度指标值',
      '计量单位',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
      '佐证材料',
    ]);
    expect(expected.length).toBeGreaterThan(1500);
    expect(sheet.rowCount).toBe(2 + expected.length);
    expected.forEach((cells, index) => {
      const line = sheet.getRow(3 + index);
      const actual = [
        line.getCell(1).value,
        ...cells.map((_, c) => {
          const cell = line.getCell(c + 2);
          return c === 12 || c === 13
            ? { value: cell.value ?? null, numFmt: cell.value === null ? undefined : cell.numFmt }
            : (cell.value ?? null);
        }),
      ];
      expect(actual).toEqual([index + 1, ...cells]);
    });
  }, 120000);

  it('a job run again does not make a second file; asked again with nothing changed, the done export is served', async () => {
    const [done] = await owner(`SELECT id, sha256, row_count FROM exports WHERE status = 'done'`);
    const again = await handlerWith({}).handle(jobOf(done.id));
    expect(again).toEqual(expect.objectContaining({ exportId: done.id, sha256: done.sha256, made: false }));
    expect(await request()).toEqual({ id: done.id, created: false });
    // a crash after the file was stored, before the row said so: the re-run overwrites the one object
    await owner(`UPDATE exports SET status = 'running', storage_key = NULL, sha256 = NULL WHERE id = $1`, [done.id]);
    const rerun = await handlerWith({}).handle(jobOf(done.id));
    expect(rerun).toMatchObject({ made: true, rowCount: done.row_count });
    expect(await readdir(join(storageDir, 'tenants', tenantId, 'exports'))).toEqual([`${done.id}.xlsx`]);
    // a change to a report of the year: a new export is made
    await owner(
      `UPDATE reports SET updated_at = now() WHERE tenant_id = $1 AND fiscal_year = $2 AND project_code = 'GEN-007-2'`,
      [tenantId, YEAR],
    );
    const fresh = await request();
    expect(fresh.created).toBe(true);
    expect(fresh.id).not.toBe(done.id);
    await owner(`UPDATE exports SET status = 'failed', error = 'test' WHERE id = $1`, [fresh.id]);
  });

  it('more rows than the bound fail the export at once, with the reason in Chinese', async () => {
    await owner(`UPDATE reports SET updated_at = now() WHERE tenant_id = $1 AND fiscal_year = $2`, [tenantId, YEAR]);
    const { id } = await request();
    await expect(handlerWith({ maxRows: 100 }).handle(jobOf(id))).rejects.toBeInstanceOf(UnrecoverableError);
    const [row] = await owner(`SELECT status, error, error_code, storage_key FROM exports WHERE id = $1`, [id]);
    expect(row).toEqual({
      status: 'failed',
      error: '导出的行数超过上限（100 行），请联系管理员',
      error_code: 'EXPORT_TOO_MANY_ROWS',
      storage_key: null,
    });
  });

  it('a failure is retried, and final after the last attempt with its message', async () => {
    const { id } = await request();
    const broken: DocumentStorage = {
      driver: 'local',
      put: () => Promise.reject(new Error('disk full')),
      putStream: () => Promise.reject(new Error('disk full')),
      get: () => Promise.reject(new Error('unused')),
      stream: () => Promise.reject(new Error('unused')),
      exists: () => Promise.resolve(false),
      delete: () => Promise.reject(new Error('unused')),
    };
    await expect(handlerWith({}, broken).handle(jobOf(id, 0, 2))).rejects.toThrow('disk full');
    expect((await owner(`SELECT status, error, error_code FROM exports WHERE id = $1`, [id]))[0]).toEqual({
      status: 'queued',
      error: 'disk full',
      error_code: null,
    });
    await expect(handlerWith({}, broken).handle(jobOf(id, 1, 2))).rejects.toThrow('disk full');
    expect((await owner(`SELECT status, error, error_code, attempts FROM exports WHERE id = $1`, [id]))[0]).toEqual({
      status: 'failed',
      error: '导出失败：disk full',
      error_code: 'EXPORT_FAILED',
      attempts: 2,
    });
  });

  it('the sweeper queues an export stuck without its job anew, and gives one up after its re-drives', async () => {
    const stuck = async (redrives: number) =>
      (
        await owner(
          `INSERT INTO exports (tenant_id, kind, params, status, attempts, redrives, queued_at, started_at)
           VALUES ($1, 'indicator_rows', $2, 'running', 1, $3, now() - interval '2 hours', now() - interval '1 hour')
           RETURNING id`,
          [tenantId, { fiscalYear: 2000 + redrives }, redrives],
        )
      )[0].id as string;
    const lost = await stuck(0);
    const given = await stuck(3);
    const result = await worker.get(StuckWorkSweeper).sweepOnce();
    expect(result.exports).toEqual({ redriven: 1, abandoned: 1, left: 0 });
    const [outbox] = await owner(`SELECT job_id, relayed_at FROM outbox WHERE payload->>'exportId' = $1`, [lost]);
    expect(outbox).toEqual({ job_id: `export.${lost}.g1`, relayed_at: expect.any(Date) });
    const [redone] = await until(
      () => owner(`SELECT status, generation, redrives, row_count FROM exports WHERE id = $1`, [lost]),
      (rows) => rows[0]?.status === 'done',
    );
    // a year with no reports: an export of no rows
    expect(redone).toEqual({ status: 'done', generation: 1, redrives: 1, row_count: 0 });
    expect((await owner(`SELECT status, error, error_code FROM exports WHERE id = $1`, [given]))[0]).toEqual({
      status: 'failed',
      error: '导出多次中断，已停止；请稍后重新导出',
      error_code: 'EXPORT_ABANDONED',
    });
  }, 60000);

  it('two requests at once make one export: the second waits for the first and answers it', async () => {
    const params = { fiscalYear: 2019 };
    let release: () => void = () => undefined;
    let inserted: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    const tenantDb = new TenantDb(app);
    // the first request's transaction stays open after its insert…
    const first = tenantDb.tx(async (tx) => {
      const asked = await requestExport(tx, { kind: 'indicator_rows', params, requestedBy: null });
      inserted();
      await held;
      return asked;
    }, tenantId);
    await insertedOnce;
    // …while the second one runs into its key and waits for it (seen in pg_stat_activity)
    const second = tenantDb.tx(
      (tx) => requestExport(tx, { kind: 'indicator_rows', params, requestedBy: null }),
      tenantId,
    );
    await until(
      () =>
        owner(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        ),
      (rows) => rows[0].n === 1,
    );
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    const rows = await owner(`SELECT id FROM exports WHERE params = $1`, [params]);
    expect(rows).toEqual([{ id: a.id }]);
    expect(await owner(`SELECT job_id FROM outbox WHERE payload->>'exportId' = $1`, [a.id])).toHaveLength(1);
  });
});
