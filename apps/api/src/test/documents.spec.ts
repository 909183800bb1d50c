import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { as, unionReport2024, loginAll, startSeededApi, type Session } from './support/harness';

/** Documents through the API: asked for once per content, format and template; downloaded with the report's access. */
describe('documents (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let editor: Session;
  let reviewer: Session;
  let approver: Session;
  let foreign: Session;
  let id: string;

  const call = (s: Session, method: string, path: string, payload?: object) =>
    as(app, s)({ method: method as 'GET', url: `/api${path}`, payload });
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const act = async (s: Session, action: string) =>
    call(s, 'POST', `/reports/${id}/transitions`, {
      action,
      expectedVersion: (await call(editor, 'GET', `/reports/${id}`)).json().version,
    });

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-docs-'));
    ({ db, app, close } = await startSeededApi({ STORAGE_DIR: storageDir }));
    [editor, reviewer, approver, foreign] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'luancheng.finance.approver',
    ]);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('a draft is rendered as it stands, watermarked 草稿; asking twice is one document and one job', async () => {
    const first = await call(editor, 'POST', `/reports/${id}/documents`, { format: 'pdf' });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({
      reportId: id,
      format: 'pdf',
      edition: 'v1',
      watermark: '草稿',
      status: 'queued',
      progress: 0,
      revisionNumber: null,
      templateVersion: 2,
      fileName: '赵县总工会2024年度整体支出绩效自评报告.pdf',
    });
    const again = await call(editor, 'POST', `/reports/${id}/documents`, { format: 'pdf' });
    expect(again.json().id).toBe(first.json().id);
    const jobs = await owner(`SELECT job_name, job_id, payload FROM outbox WHERE queue = 'documents'`);
    expect(jobs).toEqual([
      {
        job_name: 'document.render',
        job_id: `render.${id}.v1.pdf.t2`,
        payload: expect.objectContaining({ documentId: first.json().id }),
      },
    ]);
    const bad = await call(editor, 'POST', `/reports/${id}/documents`, { format: 'odt' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('docx 或 pdf');
    // not rendered yet: the download says so
    const early = await call(editor, 'GET', `/documents/${first.json().id}/file`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('DOCUMENT_NOT_READY');
  });

  it('a submission and an approval each ask for the filed PDF and DOCX of the revision', async () => {
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    expect((await act(approver, 'approve')).statusCode).toBe(200);
    const docs = (await call(reviewer, 'GET', `/reports/${id}/documents`)).json();
    const editions = docs.map((d: { edition: string; format: string; watermark: string | null }) =>
      [d.edition, d.format, d.watermark].join(' '),
    );
    expect(editions.sort()).toEqual(
      ['r1 docx 送审稿', 'r1 pdf 送审稿', 'r1-approved docx ', 'r1-approved pdf ', 'v1 pdf 草稿'].sort(),
    );
    const approved = await owner(`SELECT approval FROM documents WHERE edition = 'r1-approved' AND format = 'pdf'`);
    expect(approved[0].approval).toMatchObject({ approverName: approver.me.user.displayName });
  });

  it('downloads with the content type and a Chinese file name (RFC 5987); another county gets 404', async () => {
    const [doc] = await owner(
      `SELECT id, tenant_id, report_id FROM documents WHERE edition = 'r1-approved' AND format = 'pdf'`,
    );
    const key = `tenants/${doc.tenant_id}/reports/${doc.report_id}/${doc.id}.pdf`;
    const pdf = Buffer.from('%PDF-1.7\n% a stand-in for the rendered file\n');
    await new LocalDirectoryStorage(storageDir).put(key, pdf);
    await owner(
      `UPDATE documents SET status = 'done', progress = 100, storage_key = $2, sha256 = repeat('a', 64), size_bytes = $3
        WHERE id = $1`,
      [doc.id, key, pdf.length],
    );
    const res = await call(reviewer, 'GET', `/documents/${doc.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="evalflow-report-r1-approved.pdf"; filename*=UTF-8''${encodeURIComponent(
        '赵县总工会2024年度整体支出绩效自评报告.pdf',
      )}`,
    );
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect((await call(editor, 'GET', `/documents/${doc.id}`)).json()).toMatchObject({ status: 'done', progress: 100 });
    for (const path of [`/documents/${doc.id}`, `/documents/${doc.id}/file`]) {
      const other = await call(foreign, 'GET', path);
      expect(other.statusCode).toBe(404);
      expect(other.json().code).toBe('DOCUMENT_NOT_FOUND');
    }
  });

  it('a failed document asked for again is queued anew under a new job id', async () => {
    const [doc] = await owner(`SELECT id FROM documents WHERE edition = 'v1' AND format = 'pdf'`);
    await owner(`UPDATE documents SET status = 'failed', error = '生成失败：字体缺失' WHERE id = $1`, [doc.id]);
    const retried = await call(editor, 'POST', `/reports/${id}/documents`, { format: 'pdf' });
    // the report is approved now: the request is for its approved edition, not the old draft
    expect(retried.json().edition).toBe('r1-approved');
    await owner(`UPDATE documents SET status = 'failed' WHERE edition = 'r1-approved' AND format = 'docx'`);
    const requeued = await call(editor, 'POST', `/reports/${id}/documents`, { format: 'docx' });
    expect(requeued.json()).toMatchObject({ status: 'queued', error: null });
    const jobs = await owner(`SELECT job_id FROM outbox WHERE job_id LIKE 'render.%docx%' ORDER BY id`);
    expect(jobs.map((j: { job_id: string }) => j.job_id)).toEqual([
      `render.${id}.r1.docx.t2`,
      `render.${id}.r1-approved.docx.t2`,
      `render.${id}.r1-approved.docx.t2.g1`,
    ]);
  });

  it('asked for again: a render in progress is the same document; one stuck past the bound, or failed at a limit, renders anew', async () => {
    const docx = () => call(editor, 'POST', `/reports/${id}/documents`, { format: 'docx' });
    const jobIds = async () =>
      (
        await owner(`SELECT job_id FROM outbox WHERE job_id LIKE $1 ORDER BY id`, [`render.${id}.r1-approved.docx%`])
      ).map((j: { job_id: string }) => j.job_id);
    const [doc] = await owner(`SELECT id FROM documents WHERE edition = 'r1-approved' AND format = 'docx'`);
    const before = await jobIds();
    expect(before).toEqual([`render.${id}.r1-approved.docx.t2`, `render.${id}.r1-approved.docx.t2.g1`]);

    // rendering, last news a minute ago: in progress, not queued again
    await owner(
      `UPDATE documents SET status = 'rendering', attempts = 1, queued_at = now() - interval '2 minutes',
                            started_at = now() - interval '1 minute' WHERE id = $1`,
      [doc.id],
    );
    expect((await docx()).json()).toMatchObject({ id: doc.id, status: 'rendering' });
    expect(await jobIds()).toEqual(before);

    // rendering with no news for an hour (its job lost): queued anew, under the next generation's job id
    await owner(
      `UPDATE documents SET queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour' WHERE id = $1`,
      [doc.id],
    );
    const stuck = await docx();
    expect(stuck.json()).toMatchObject({ id: doc.id, status: 'queued', progress: 0, error: null, errorCode: null });
    expect(await jobIds()).toEqual([...before, `render.${id}.r1-approved.docx.t2.g2`]);
    const [requeued] = await owner(`SELECT attempts, redrives, started_at FROM documents WHERE id = $1`, [doc.id]);
    expect(requeued).toEqual({ attempts: 0, redrives: 0, started_at: null });

    // failed at a limit: users see why (message and code); asked for again, it renders anew
    await owner(
      `UPDATE documents SET status = 'failed', error = '文档超过 300 页，请精简内容后重试', error_code = 'DOCUMENT_TOO_MANY_PAGES'
        WHERE id = $1`,
      [doc.id],
    );
    expect((await call(reviewer, 'GET', `/documents/${doc.id}`)).json()).toMatchObject({
      status: 'failed',
      error: '文档超过 300 页，请精简内容后重试',
      errorCode: 'DOCUMENT_TOO_MANY_PAGES',
    });
    expect((await docx()).json()).toMatchObject({ id: doc.id, status: 'queued', error: null, errorCode: null });
    expect(await jobIds()).toEqual([
      ...before,
      `render.${id}.r1-approved.docx.t2.g2`,
      `render.${id}.r1-approved.docx.t2.g3`,
    ]);

    // queued a moment ago: the same document, no new job
    expect((await docx()).json()).toMatchObject({ id: doc.id, status: 'queued' });
    expect(await jobIds()).toHaveLength(before.length + 2);
  });
});
