import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParseImportJobData } from '@evalflow/jobs';
import { TenantDb } from '@evalflow/persistence';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import type { Job } from 'bullmq';
import JSZip from 'jszip';
// the worker does not run in api tests: its handler is driven directly, on the same database and storage
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ParseImportHandler } from '../../../worker/src/imports/parse-import.handler';
import { as, idOf, insertReport, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIXTURE = join(__dirname, '../../../../libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx');

/** A report's file imported into its draft: upload → parse (the worker's handler) → summary → apply, through the real API. */
describe('import an existing report into a draft (real API, PostgreSQL and storage)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let editor: Session;
  let reviewer: Session;
  let foreignEditor: Session;
  let overall: string;
  let tenantId: string;
  let docx: Buffer;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const upload = (s: Session, id: string, body: Buffer, type = DOCX) =>
    as(app, s)({ method: 'POST', url: `/api/reports/${id}/imports`, payload: body, headers: { 'content-type': type } });
  const getImport = (id: string, importId: string) =>
    as(app, editor)({ method: 'GET', url: `/api/reports/${id}/imports/${importId}` });
  const apply = (id: string, importId: string, version: number) =>
    as(
      app,
      editor,
    )({
      method: 'POST',
      url: `/api/reports/${id}/imports/${importId}/apply`,
      headers: { 'if-match': `"${version}"` },
    });
  const discard = (id: string, importId: string) =>
    as(app, editor)({ method: 'POST', url: `/api/reports/${id}/imports/${importId}/discard` });
  /** The import's stored file, as the storage has it, and whether its row says it was deleted. */
  const fileOf = async (importId: string) => {
    const [row] = await owner(
      `SELECT storage_key, file_deleted_at IS NOT NULL AS deleted FROM report_imports WHERE id = $1`,
      [importId],
    );
    return {
      key: row.storage_key as string,
      stored: await new LocalDirectoryStorage(storageDir).exists(row.storage_key),
      markedDeleted: row.deleted as boolean,
    };
  };
  /** A plain-text report uploaded and parsed: an import ready to apply. */
  const readyTextImport = async () => {
    const text = Buffer.from('一、部门基本情况\n赵县总工会是全县职工的群众组织。\n', 'utf8');
    const uploaded = await upload(editor, overall, text, 'text/plain; charset=utf-8');
    expect(uploaded.statusCode).toBe(202);
    const importId = uploaded.json().id as string;
    await parse(importId);
    return importId;
  };
  const reportVersion = async (id: string) =>
    (await owner(`SELECT version FROM reports WHERE id = $1`, [id]))[0].version as number;
  const parse = (importId: string, progress: number[] = []) =>
    new ParseImportHandler(app.get(TenantDb), new LocalDirectoryStorage(storageDir)).handle({
      data: { tenantId, importId },
      attemptsMade: 0,
      opts: { attempts: 3 },
      updateProgress: (p: number) => (progress.push(p), Promise.resolve()),
    } as unknown as Job<ParseImportJobData>);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-imports-api-'));
    ({ db, app, close } = await startSeededApi({ STORAGE_DIR: storageDir }));
    [editor, reviewer, foreignEditor] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'luancheng.union.editor',
    ]);
    overall = await unionReport2024(db);
    tenantId = (await owner(`SELECT tenant_id FROM reports WHERE id = $1`, [overall]))[0].tenant_id;
    docx = await readFile(FIXTURE);
  });

  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('parses the 绩效自评表 of a Word report, applies it over the draft once, keeps the old content and the sources', async () => {
    // the draft's table differs from the file's: one indicator's 得分 changed
    const [{ content: before }] = await owner(
      `SELECT content FROM report_parts WHERE report_id = $1 AND part = 'scoreTable'`,
      [overall],
    );
    const fileScore = before.indicators[0].score as string;
    await owner(
      `UPDATE report_parts SET content = jsonb_set(content, '{indicators,0,score}', '"0.5"') WHERE report_id = $1 AND part = 'scoreTable'`,
      [overall],
    );

    const uploaded = await upload(editor, overall, docx);
    expect(uploaded.statusCode).toBe(202);
    const importId = uploaded.json().id as string;
    expect(uploaded.json()).toMatchObject({ status: 'queued', format: 'docx', sizeBytes: docx.length, summary: null });
    const [row] = await owner(`SELECT sha256, storage_key FROM report_imports WHERE id = $1`, [importId]);
    expect(row.storage_key).toContain(`/imports/${importId}.docx`);
    // the job left through the outbox with a deterministic id
    expect(await owner(`SELECT job_name FROM outbox WHERE job_id = $1`, [`import.${importId}`])).toEqual([
      { job_name: 'import.parse' },
    ]);

    const progress: number[] = [];
    const parsed = await parse(importId, progress);
    expect(parsed?.filledParts).toContain('scoreTable');
    expect(progress).toEqual([20, 60]);

    const ready = (await getImport(overall, importId)).json();
    expect(ready.status).toBe('ready');
    expect(ready.progress).toBe(100);
    expect(ready.summary.filledParts).toEqual(expect.arrayContaining(['scoreTable', 'conclusion']));
    expect(ready.summary.counts.indicators).toBe(before.indicators.length);
    expect(ready.summary.counts.sourced).toBeGreaterThan(0);
    // the narrative parts are filled too; whatever could not be placed is listed with its reason
    expect(ready.summary.filledParts).toEqual(expect.arrayContaining(['basicInfo']));
    expect(ready.summary.unplaced.length).toBe(ready.summary.counts.unplaced);
    for (const u of ready.summary.unplaced) expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(ready.content.scoreTable.indicators[0].score).toBe(fileScore);
    // nothing is written before the confirmation
    expect((await owner(`SELECT count(*)::int AS n FROM report_imports WHERE status = 'applied'`))[0].n).toBe(0);

    // a stale version is refused
    const version = await reportVersion(overall);
    expect((await apply(overall, importId, version - 1)).statusCode).toBe(412);

    const applied = await apply(overall, importId, version);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', reportVersion: version + 1 });
    const [{ content: after }] = await owner(
      `SELECT content FROM report_parts WHERE report_id = $1 AND part = 'scoreTable'`,
      [overall],
    );
    expect(after.indicators[0].score).toBe(fileScore);
    // the content it replaced is a revision, marked as an import's
    const revisions = await owner(
      `SELECT reason, content->'scoreTable'->'indicators'->0->>'score' AS score FROM report_revisions WHERE report_id = $1`,
      [overall],
    );
    expect(revisions).toEqual([{ reason: 'import', score: '0.5' }]);
    // and the revisions list says so (the web labels it 「导入前的内容」)
    const listed = await as(app, editor)({ method: 'GET', url: `/api/reports/${overall}/revisions` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([
      expect.objectContaining({ number: 1, reason: 'import', reportVersion: version, createdBy: expect.any(String) }),
    ]);
    // an applied import keeps its file: its sources point into it
    expect(await fileOf(importId)).toMatchObject({ stored: true, markedDeleted: false });

    // applying again writes nothing
    const again = await apply(overall, importId, version + 1);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'applied', reportVersion: version + 1 });
    expect(await owner(`SELECT count(*)::int AS n FROM report_revisions WHERE report_id = $1`, [overall])).toEqual([
      { n: 1 },
    ]);
    expect(await reportVersion(overall)).toBe(version + 1);
    // an applied import can no longer be discarded
    const discard = await as(
      app,
      editor,
    )({ method: 'POST', url: `/api/reports/${overall}/imports/${importId}/discard` });
    expect(discard.statusCode).toBe(409);
    expect(discard.json().code).toBe('REPORT_IMPORT_CLOSED');

    // the sources, for the editor (the finance bureau reads them too)
    const sources = await as(app, reviewer)({ method: 'GET', url: `/api/reports/${overall}/sources` });
    expect(sources.statusCode).toBe(200);
    expect(sources.json().importId).toBe(importId);
    const span = sources.json().sources['scoreTable.indicators.0.score'];
    expect(span).toMatchObject({ cell: expect.any(Object), text: expect.stringContaining(fileScore.split('.')[0]) });
  });

  it('reads the 绩效自评表 of an Excel workbook too (the report’s own score sheet export, imported back)', async () => {
    const sheet = await as(app, editor)({ method: 'GET', url: `/api/reports/${overall}/score-sheet/xlsx` });
    expect(sheet.statusCode).toBe(200);
    const uploaded = await upload(editor, overall, sheet.rawPayload, XLSX);
    expect(uploaded.statusCode).toBe(202);
    const importId = uploaded.json().id as string;
    await parse(importId);
    const ready = (await getImport(overall, importId)).json();
    const [{ n }] = await owner(
      `SELECT jsonb_array_length(content->'indicators')::int AS n FROM report_parts WHERE report_id = $1 AND part = 'scoreTable'`,
      [overall],
    );
    expect(ready).toMatchObject({ status: 'ready', format: 'xlsx' });
    expect(ready.summary.filledParts).toContain('scoreTable');
    expect(ready.summary.counts.indicators).toBe(n);
  });

  it('a discarded import is never applied; a plain-text report without a table is parsed with everything unplaced', async () => {
    const text = Buffer.from('一、部门基本情况\n赵县总工会是全县职工的群众组织。\n', 'utf8');
    const uploaded = await upload(editor, overall, text, 'text/plain; charset=utf-8');
    expect(uploaded.statusCode).toBe(202);
    const importId = uploaded.json().id as string;
    await parse(importId);
    const ready = (await getImport(overall, importId)).json();
    expect(ready).toMatchObject({ status: 'ready', format: 'txt', summary: { filledParts: [] } });
    expect(ready.summary.unplaced.map((u: { excerpt: string }) => u.excerpt)).toEqual([
      '一、部门基本情况',
      '赵县总工会是全县职工的群众组织。',
    ]);
    const discarded = await as(
      app,
      editor,
    )({
      method: 'POST',
      url: `/api/reports/${overall}/imports/${importId}/discard`,
    });
    expect(discarded.json().status).toBe('discarded');
    // its file is deleted at once, and the row says so
    expect(await fileOf(importId)).toMatchObject({ stored: false, markedDeleted: true });
    const refused = await apply(overall, importId, await reportVersion(overall));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('REPORT_IMPORT_CLOSED');
    // discarding it again answers it as it is
    expect((await discard(overall, importId)).json()).toMatchObject({ status: 'discarded' });
  });

  it('a discard whose file cannot be deleted still discards; the row keeps the file for the sweeper to delete', async () => {
    const importId = await readyTextImport();
    const { key } = await fileOf(importId);
    // a directory where the file was: the storage refuses to delete it (rm without recursive)
    await rm(join(storageDir, key));
    await mkdir(join(storageDir, key, 'inner'), { recursive: true });
    const discarded = await discard(overall, importId);
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json().status).toBe('discarded');
    expect(await fileOf(importId)).toMatchObject({ stored: true, markedDeleted: false });
    expect((await owner(`SELECT status FROM report_imports WHERE id = $1`, [importId]))[0].status).toBe('discarded');
    await rm(join(storageDir, key), { recursive: true });
  });

  it('an import left unconfirmed past its time is expired: not applied (409 REPORT_IMPORT_EXPIRED), shown as expired', async () => {
    // marked expired by the worker's sweeper
    const marked = await readyTextImport();
    await owner(`UPDATE report_imports SET status = 'expired', expired_at = now() WHERE id = $1`, [marked]);
    const refused = await apply(overall, marked, await reportVersion(overall));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'REPORT_IMPORT_EXPIRED',
      message: expect.stringContaining('已过期'),
      details: { expiredAt: expect.any(String) },
    });
    expect((await getImport(overall, marked)).json()).toMatchObject({
      status: 'expired',
      summary: null,
      content: null,
      expiresAt: null,
    });
    // discarding an expired import changes nothing
    expect((await discard(overall, marked)).json()).toMatchObject({ status: 'expired' });

    // parsed more than IMPORT_EXPIRE_AFTER_HOURS (7 days) ago, not yet marked: expired all the same
    const late = await readyTextImport();
    const waiting = (await getImport(overall, late)).json();
    expect(waiting.status).toBe('ready');
    expect(Date.parse(waiting.expiresAt) - Date.parse(waiting.finishedAt)).toBe(7 * 24 * 3600_000);
    await owner(`UPDATE report_imports SET finished_at = now() - interval '8 days' WHERE id = $1`, [late]);
    const version = await reportVersion(overall);
    const tooLate = await apply(overall, late, version);
    expect([tooLate.statusCode, tooLate.json().code]).toEqual([409, 'REPORT_IMPORT_EXPIRED']);
    expect((await getImport(overall, late)).json()).toMatchObject({ status: 'expired', summary: null });
    // nothing was written
    expect(await reportVersion(overall)).toBe(version);
    expect((await owner(`SELECT status FROM report_imports WHERE id = $1`, [late]))[0].status).toBe('ready');
  });

  it('a file the reader refuses while parsing fails the import with its code and Chinese message, never a 500', async () => {
    const uploaded = await upload(editor, overall, docx);
    const importId = uploaded.json().id as string;
    // the stored file is swapped for a zip whose document is not WordprocessingML
    const zip = new JSZip();
    zip.file('word/document.xml', '<x/>');
    const [{ storage_key: key }] = await owner(`SELECT storage_key FROM report_imports WHERE id = $1`, [importId]);
    await new LocalDirectoryStorage(storageDir).put(key, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(parse(importId)).rejects.toThrow();
    const failed = (await getImport(overall, importId)).json();
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'IMPORT_NOT_DOCX', summary: null });
    expect(failed.error).toContain('.docx');
    expect((await apply(overall, importId, await reportVersion(overall))).json().code).toBe('REPORT_IMPORT_NOT_READY');
    // the failed import's file is deleted at once
    expect(await fileOf(importId)).toMatchObject({ stored: false, markedDeleted: true });
    // a job run again after the failure does nothing
    expect(await parse(importId)).toBeNull();
  });

  describe('refusals, with nothing stored', () => {
    const countImports = async () => (await owner(`SELECT count(*)::int AS n FROM report_imports`))[0].n as number;

    it.each([
      [
        'an old binary .doc → 415 IMPORT_DOC_BINARY',
        () =>
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(512),
            Buffer.from('WordDocument', 'utf16le'),
          ]),
        415,
        'IMPORT_DOC_BINARY',
      ],
      [
        'a zip bomb → 413 IMPORT_ZIP_BOMB',
        async () => {
          const zip = new JSZip();
          zip.file('word/document.xml', 'a'.repeat(8 * 1024 * 1024));
          return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
        },
        413,
        'IMPORT_ZIP_BOMB',
      ],
      ['a file over 2 MB → 413', () => Buffer.alloc(2 * 1024 * 1024 + 1, 0x50), 413, 'IMPORT_FILE_TOO_LARGE'],
      ['not a zip → 415', () => Buffer.from('hello'), 415, 'IMPORT_NOT_DOCX'],
    ])('%s', async (_what, make, status, code) => {
      const before = await countImports();
      const res = await upload(editor, overall, await make());
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(await countImports()).toBe(before);
    });

    it('an upload whose transaction rolls back after its file was stored leaves no file behind', async () => {
      const dir = join(storageDir, 'tenants', tenantId, 'reports', overall, 'imports');
      const filesNow = async () => (await readdir(dir).catch(() => [] as string[])).sort();
      const before = await filesNow();
      const count = await countImports();
      // the audit row is written after the file and the import row: make it fail, as a lost database would
      await owner(`CREATE FUNCTION refuse_import_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN IF NEW.action = 'report.import_requested' THEN RAISE EXCEPTION 'audit refused'; END IF;
                   RETURN NEW; END $$`);
      await owner(`CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_log
                   FOR EACH ROW EXECUTE FUNCTION refuse_import_audit()`);
      try {
        const res = await upload(editor, overall, docx);
        expect(res.statusCode).toBeGreaterThanOrEqual(500);
      } finally {
        await owner(`DROP TRIGGER refuse_import_audit ON audit_log`);
        await owner(`DROP FUNCTION refuse_import_audit()`);
      }
      expect(await countImports()).toBe(count);
      expect(await filesNow()).toEqual(before);
      // and the same upload goes through once the database takes it
      expect((await upload(editor, overall, docx)).statusCode).toBe(202);
      expect((await filesNow()).length).toBe(before.length + 1);
    });

    it('a report that is not a draft → 409; another department’s → 403; another county’s → 404; other types → 415', async () => {
      const submitted = await idOf(
        db,
        `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
          WHERE d.name = '赵县总工会' AND r.status = 'submitted' LIMIT 1`,
      );
      const otherDepartment = await idOf(
        db,
        `SELECT id FROM departments WHERE tenant_id = $1 AND name <> '赵县总工会' LIMIT 1`,
        [tenantId],
      );
      const otherDept = await insertReport(db, otherDepartment, 2024);
      const before = await countImports();
      const notDraft = await upload(editor, submitted, docx);
      expect([notDraft.statusCode, notDraft.json().code]).toEqual([409, 'REPORT_NOT_EDITABLE']);
      expect((await upload(editor, otherDept, docx)).statusCode).toBe(403);
      expect((await upload(reviewer, overall, docx)).statusCode).toBe(403);
      expect((await upload(foreignEditor, overall, docx)).statusCode).toBe(404);
      expect((await getImport(overall, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      const pdf = await upload(editor, overall, Buffer.from('%PDF-1.4'), 'application/pdf');
      expect(pdf.statusCode).toBe(415);
      expect(await countImports()).toBe(before);
    });
  });
});
