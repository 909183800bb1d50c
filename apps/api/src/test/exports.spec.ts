import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { as, loginAll, startSeededApi, type Session } from './support/harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * County-wide exports through the API (the worker does not run here: an export stays queued until the
 * test stands in for it): one under way per kind and year, the finance bureau's only, downloaded when done.
 */
describe('exports (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let reviewer: Session;
  let approver: Session;
  let editor: Session;
  let admin: Session;
  let foreign: Session;
  let exportId: string;

  const call = (s: Session, method: string, path: string, payload?: object, headers: Record<string, string> = {}) =>
    as(app, s)({ method: method as 'GET', url: `/api${path}`, payload, headers });
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const ask = (s: Session, body: object = { kind: 'indicator_rows', fiscalYear: 2024 }, key?: string) =>
    call(s, 'POST', '/exports', body, key ? { 'idempotency-key': key } : {});

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-exports-api-'));
    ({ db, app, close } = await startSeededApi({ STORAGE_DIR: storageDir }));
    [reviewer, approver, editor, admin, foreign] = await loginAll(app, [
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.union.editor',
      'zhaoxian.admin',
      'luancheng.finance.approver',
    ]);
  });
  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('asks for the 指标明细 of a year: 202, queued; asked again while under way, the same export and one job', async () => {
    const first = await ask(reviewer);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({
      kind: 'indicator_rows',
      params: { fiscalYear: 2024 },
      status: 'queued',
      progress: 0,
      rowCount: null,
      fileName: '赵县-2024-绩效指标明细.xlsx',
      error: null,
      requestedBy: reviewer.me.user.displayName,
    });
    exportId = first.json().id;
    // another member of the finance bureau asks for the same: the same export
    const again = await ask(approver);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(exportId);
    const jobs = await owner(`SELECT queue, job_name, job_id FROM outbox WHERE queue = 'exports'`);
    expect(jobs).toEqual([{ queue: 'exports', job_name: 'export.run', job_id: `export.${exportId}` }]);
    const audit = await owner(`SELECT details FROM audit_log WHERE action = 'export.requested' ORDER BY id`);
    expect(audit.map((a: { details: { created: boolean } }) => a.details.created)).toEqual([true, false]);
    // another year is another export
    const other = await ask(reviewer, { kind: 'indicator_rows', fiscalYear: 2023 });
    expect(other.json().id).not.toBe(exportId);
  });

  it('refuses a kind or year it does not know, with the reason in Chinese', async () => {
    const kind = await ask(reviewer, { kind: 'everything', fiscalYear: 2024 });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().message).toContain('指标明细');
    const year = await ask(reviewer, { kind: 'indicator_rows', fiscalYear: 2300 });
    expect(year.statusCode).toBe(400);
    const missing = await ask(reviewer, { kind: 'indicator_rows' });
    expect(missing.statusCode).toBe(400);
  });

  it('a retried POST with the same Idempotency-Key gets the first answer again', async () => {
    const first = await ask(reviewer, { kind: 'indicator_rows', fiscalYear: 2022 }, 'export-key-0001');
    const again = await ask(reviewer, { kind: 'indicator_rows', fiscalYear: 2022 }, 'export-key-0001');
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('shows the status and the recent exports; the file is 409 until it is done', async () => {
    const status = await call(reviewer, 'GET', `/exports/${exportId}`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ id: exportId, status: 'queued', progress: 0 });
    const list = (await call(approver, 'GET', '/exports')).json();
    expect(list.map((e: { params: { fiscalYear: number } }) => e.params.fiscalYear)).toEqual([2022, 2023, 2024]);
    const early = await call(reviewer, 'GET', `/exports/${exportId}/file`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'EXPORT_NOT_READY', details: { status: 'queued' } });
    await owner(`UPDATE exports SET status = 'running', progress = 40, started_at = now() WHERE id = $1`, [exportId]);
    expect((await call(reviewer, 'GET', `/exports/${exportId}`)).json()).toMatchObject({
      status: 'running',
      progress: 40,
    });
  });

  it('downloads a done export with its Chinese file name (and an ASCII fallback), as xlsx, nosniff', async () => {
    const [row] = await owner(`SELECT tenant_id FROM exports WHERE id = $1`, [exportId]);
    const key = `tenants/${row.tenant_id}/exports/${exportId}.xlsx`;
    const file = Buffer.from('PK\u0003\u0004 a stand-in for the workbook');
    await new LocalDirectoryStorage(storageDir).put(key, file);
    await owner(
      `UPDATE exports SET status = 'done', progress = 100, row_count = 12, storage_key = $2, sha256 = repeat('b', 64),
                          size_bytes = $3, finished_at = now() WHERE id = $1`,
      [exportId, key, file.length],
    );
    const res = await call(approver, 'GET', `/exports/${exportId}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="evalflow-indicators-2024.xlsx"; filename*=UTF-8''${encodeURIComponent('赵县-2024-绩效指标明细.xlsx')}`,
    );
    expect(res.rawPayload.equals(file)).toBe(true);
    expect((await call(reviewer, 'GET', `/exports/${exportId}`)).json()).toMatchObject({
      status: 'done',
      rowCount: 12,
    });
  });

  it('a done export is served again while no report of its year changed; after a change a new one is made', async () => {
    expect((await ask(reviewer)).json()).toMatchObject({ id: exportId, status: 'done' });
    const [report] = await owner(
      `SELECT r.id FROM reports r JOIN tenants t ON t.id = r.tenant_id WHERE t.region_code = '130133' AND r.fiscal_year = 2024 LIMIT 1`,
    );
    await owner(`UPDATE reports SET updated_at = now() WHERE id = $1`, [report.id]);
    const fresh = await ask(reviewer);
    expect(fresh.json()).toMatchObject({ status: 'queued' });
    expect(fresh.json().id).not.toBe(exportId);
  });

  it('department users and the county administrator are refused; another county does not find it', async () => {
    for (const session of [editor, admin]) {
      for (const [method, path] of [
        ['POST', '/exports'],
        ['GET', '/exports'],
        ['GET', `/exports/${exportId}`],
        ['GET', `/exports/${exportId}/file`],
      ]) {
        const res = method === 'POST' ? await ask(session) : await call(session, method, path);
        expect([session.username, path, res.statusCode]).toEqual([session.username, path, 403]);
      }
    }
    for (const path of [`/exports/${exportId}`, `/exports/${exportId}/file`]) {
      const res = await call(foreign, 'GET', path);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('EXPORT_NOT_FOUND');
    }
    expect((await call(foreign, 'GET', '/exports')).json()).toEqual([]);
    expect((await call(reviewer, 'GET', '/exports/not-a-uuid')).json().code).toBe('EXPORT_NOT_FOUND');
  });
});
