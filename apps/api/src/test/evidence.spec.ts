import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import JSZip from 'jszip';
import { as, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

const pdf = (text: string, size = 0) => {
  const head = Buffer.from(`%PDF-1.4\n% ${text}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - 6), 0x20), Buffer.from('\n%%EOF')]);
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0x90)]);
const MB = 1024 * 1024;

/** 佐证材料 through the real API, PostgreSQL and storage: upload, limits, content checks, freezing, removal. */
describe('evidence files of a report and its indicators (real API, PostgreSQL and storage)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let scriptDir: string;
  let editor: Session;
  let reviewer: Session;
  let admin: Session;
  let foreign: Session;
  let report: string;
  let indicator: string;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const upload = (
    s: Session,
    body: Buffer,
    fileName: string,
    row: string | null = indicator,
    type = 'application/octet-stream',
  ) =>
    as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${report}/evidence?fileName=${encodeURIComponent(fileName)}${
        row === null ? '' : `&indicator=${encodeURIComponent(row)}`
      }`,
      payload: body,
      headers: { 'content-type': type },
    });
  const list = (s: Session = editor) => as(app, s)({ method: 'GET', url: `/api/reports/${report}/evidence` });
  const download = (s: Session, id: string, inline = false) =>
    as(app, s)({ method: 'GET', url: `/api/reports/${report}/evidence/${id}/file${inline ? '?inline=1' : ''}` });
  const remove = (id: string) => as(app, editor)({ method: 'DELETE', url: `/api/reports/${report}/evidence/${id}` });
  const settings = async () => (await as(app, admin)({ method: 'GET', url: '/api/settings' })).json();
  const setLimits = async (evidenceLimits: object) =>
    as(
      app,
      admin,
    )({
      method: 'PATCH',
      url: '/api/settings',
      headers: { 'if-match': `"${(await settings()).version}"` },
      payload: { evidenceLimits },
    });
  const act = async (s: Session, action: string, reason?: string) => {
    const version = (await as(app, s)({ method: 'GET', url: `/api/reports/${report}` })).json().version;
    const res = await as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${report}/transitions`,
      payload: { action, expectedVersion: version, reason },
    });
    expect(res.statusCode).toBe(200);
  };
  const storedFiles = async () => {
    const dir = join(storageDir, 'tenants');
    const found: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
        if (entry.isDirectory()) await walk(join(d, entry.name));
        else if (d.includes('/evidence')) found.push(entry.name);
      }
    };
    await walk(dir);
    return found;
  };
  const rowsOfReport = async () =>
    (await owner(`SELECT count(*)::int AS n FROM report_evidence WHERE report_id = $1`, [report]))[0].n as number;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-evidence-api-'));
    scriptDir = await mkdtemp(join(tmpdir(), 'evalflow-evidence-scan-'));
    // a stand-in for clamdscan: refuses a file that carries the EICAR test string, passes the rest
    const scanner = join(scriptDir, 'scan.sh');
    await writeFile(
      scanner,
      '#!/bin/sh\nif grep -q "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" "$1"; then echo "$1: Eicar-Test-Signature FOUND"; exit 1; fi\nexit 0\n',
    );
    await chmod(scanner, 0o755);
    ({ db, app, close } = await startSeededApi({
      STORAGE_DIR: storageDir,
      EVIDENCE_SCAN_COMMAND: scanner,
      // one editor uploads a few dozen files within the minute here; uploads count as costly requests
      RATE_LIMIT_COSTLY_PER_MINUTE: '1000',
    }));
    [editor, reviewer, admin, foreign] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.admin',
      'luancheng.union.editor',
    ]);
    report = await unionReport2024(db);
    const [{ content }] = await owner(`SELECT content FROM report_parts WHERE report_id = $1 AND part = 'scoreTable'`, [
      report,
    ]);
    indicator = (content.indicators as Array<{ level3: string }>)[0].level3.trim();
  });

  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
    await rm(scriptDir, { recursive: true, force: true });
  });

  it('stores a PDF beside an indicator, lists it, and serves it with safe headers to the editor and the reviewer', async () => {
    const body = pdf('满意度调查', 4000);
    const uploaded = await upload(editor, body, '满意度调查报告.pdf', indicator, 'application/pdf');
    expect(uploaded.statusCode).toBe(201);
    const item = uploaded.json();
    expect(item).toMatchObject({
      fileName: '满意度调查报告.pdf',
      kind: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: body.length,
      indicator,
      matched: true,
      previewable: true,
      uploadedBy: expect.any(String),
    });
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);

    const listed = (await list()).json();
    expect(listed).toMatchObject({
      items: [{ id: item.id }],
      usedBytes: body.length,
      limits: { maxFileBytes: 20 * MB, maxReportBytes: 200 * MB, maxFiles: 300 },
      editable: true,
    });
    // the reviewer reads the same list, but may not change it
    expect((await list(reviewer)).json()).toMatchObject({ items: [{ id: item.id }], editable: false });

    for (const who of [editor, reviewer]) {
      const file = await download(who, item.id);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(body)).toBe(true);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="evidence-${item.id}.pdf"; filename*=UTF-8''${encodeURIComponent('满意度调查报告.pdf')}`,
      );
    }
    expect((await download(reviewer, item.id, true)).headers['content-disposition']).toMatch(/^inline; /);
    const [audit] = await owner(
      `SELECT details FROM audit_log WHERE action = 'report.evidence_added' AND target_id = $1`,
      [report],
    );
    expect(audit.details).toMatchObject({ evidenceId: item.id, fileName: '满意度调查报告.pdf', indicator });
    // a name without an extension takes the content's
    const bare = await upload(editor, PNG, '现场照片', null, 'image/png');
    expect(bare.json()).toMatchObject({ fileName: '现场照片.png', kind: 'png', indicator: null });
    // an image is previewed inline, a zip only downloaded
    expect((await download(editor, bare.json().id, true)).headers['content-disposition']).toMatch(/^inline; /);
    expect((await remove(item.id)).statusCode).toBe(204);
    expect((await remove(bare.json().id)).statusCode).toBe(204);
  });

  it('refuses what it must, with a stable code and a Chinese message, and writes nothing', async () => {
    const before = { rows: await rowsOfReport(), files: (await storedFiles()).length };
    const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, code: string, message?: RegExp) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      if (message) expect(res.json().message).toMatch(message);
    };
    // by content, not by name or declared type
    await refused(await upload(editor, EXE, '审计报告.pdf', indicator, 'application/pdf'), 415, 'EVIDENCE_TYPE');
    await refused(await upload(editor, PNG, '审计报告.pdf'), 415, 'EVIDENCE_TYPE_MISMATCH', /\.pdf/);
    await refused(await upload(editor, Buffer.alloc(0), '空文件.pdf'), 400, 'EVIDENCE_EMPTY');
    await refused(
      await upload(editor, pdf('x'), '说明.pdf', '不存在的指标'),
      422,
      'EVIDENCE_INDICATOR_NOT_FOUND',
      /不存在的指标/,
    );
    await refused(await upload(editor, pdf('x'), '说明.pdf', indicator, 'text/html'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    // a zip bomb: 40 MB of zeros in a few kilobytes, refused by its ratio before anything is stored
    const bomb = await new JSZip()
      .file('zeros.bin', Buffer.alloc(40 * MB))
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refused(await upload(editor, bomb, '材料.zip'), 400, 'EVIDENCE_ARCHIVE_REFUSED', /压缩比异常/);
    // the scanning hook: the deployment's scanner refuses the EICAR test file
    await refused(
      await upload(editor, pdf('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'), '样本.pdf'),
      422,
      'EVIDENCE_SCAN_REJECTED',
    );
    // a path in the name is cut to its last segment, never followed
    const named = await upload(editor, pdf('x'), '..\\..\\windows\\考核表.pdf');
    expect(named.json().fileName).toBe('考核表.pdf');
    expect((await remove(named.json().id)).statusCode).toBe(204);
    expect(await rowsOfReport()).toBe(before.rows + 1);
    expect((await storedFiles()).length).toBe(before.files);
    // another county's report does not exist here; the reviewer may not upload; an unknown file is 404
    expect((await upload(foreign, pdf('x'), 'a.pdf')).statusCode).toBe(404);
    expect((await upload(reviewer, pdf('x'), 'a.pdf')).statusCode).toBe(403);
    expect((await download(foreign, named.json().id)).statusCode).toBe(404);
    expect((await download(editor, '00000000-0000-4000-8000-000000000000')).json().code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('holds each file and each report to the county’s limits, stated in Chinese, even when uploads race', async () => {
    expect((await setLimits({ maxFileMb: 51 })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '单个文件上限不能超过平台上限 50 MB',
    });
    // one file may not be allowed more than a whole report (the web app's card checks the same, from the domain)
    expect((await setLimits({ maxFileMb: 30, maxReportMb: 20 })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '单个文件上限不能大于每份报告合计上限',
    });
    const set = await setLimits({ maxFileMb: 1, maxReportMb: 1 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      evidenceLimits: { maxFileMb: 1, maxReportMb: 1 },
      evidenceCeilings: { maxFileMb: 50, maxReportMb: 2048 },
    });
    const tooLarge = await upload(editor, pdf('大', 1.5 * MB), '大文件.pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', message: expect.stringContaining('1 MB') });

    // two uploads that each fit but not together: the report's lock lets exactly one in
    const [a, b] = await Promise.all([
      upload(editor, pdf('甲', 0.6 * MB), '甲.pdf'),
      upload(editor, pdf('乙', 0.6 * MB), '乙.pdf'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 413]);
    const full = [a, b].find((r) => r.statusCode === 413);
    expect(full?.json()).toMatchObject({ code: 'EVIDENCE_REPORT_FULL', message: expect.stringContaining('1 MB') });
    const kept = [a, b].find((r) => r.statusCode === 201);
    expect((await list()).json().items.map((i: { id: string }) => i.id)).toEqual([kept?.json().id]);
    // the refused one's bytes were stored before the quota check and are gone again
    expect((await storedFiles()).length).toBe(1);
    expect((await remove(kept?.json().id)).statusCode).toBe(204);
    expect((await setLimits({ maxFileMb: 20, maxReportMb: 200 })).statusCode).toBe(200);
  });

  it('freezes the files with each submission: a file removed after a return stays in the revision that showed it', async () => {
    const a = (await upload(editor, pdf('甲'), '工作记录.pdf')).json();
    const b = (await upload(editor, PNG, '现场.png', null)).json();
    await act(editor, 'submit');
    // submitted: no more changes
    const locked = await upload(editor, pdf('丙'), '补充.pdf');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('EVIDENCE_REPORT_LOCKED');
    expect((await remove(a.id)).json().code).toBe('EVIDENCE_REPORT_LOCKED');
    await act(reviewer, 'start_review');
    await act(reviewer, 'return', '请补充满意度调查的原始问卷');

    expect((await remove(a.id)).statusCode).toBe(204);
    // a file added and removed between submissions has no revision to keep it: its bytes go
    const c = (await upload(editor, pdf('丙'), '草稿.pdf')).json();
    expect((await remove(c.id)).statusCode).toBe(204);
    const [aRow, cRow] = await Promise.all(
      [a.id, c.id].map(
        async (id) => (await owner(`SELECT storage_key, file_deleted_at FROM report_evidence WHERE id = $1`, [id]))[0],
      ),
    );
    const storage = new LocalDirectoryStorage(storageDir);
    expect(await storage.exists(aRow.storage_key)).toBe(true);
    expect(aRow.file_deleted_at).toBeNull();
    expect(await storage.exists(cRow.storage_key)).toBe(false);
    expect(cRow.file_deleted_at).not.toBeNull();

    expect((await list()).json().items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const frozen = await as(app, reviewer)({ method: 'GET', url: `/api/reports/${report}/revisions/1/evidence` });
    expect(frozen.json().items.map((i: { id: string; indicator: string | null }) => [i.id, i.indicator])).toEqual([
      [a.id, indicator],
      [b.id, null],
    ]);
    // the reviewer can still open what the first submission showed
    expect((await download(reviewer, a.id)).statusCode).toBe(200);
    await act(editor, 'submit');
    const second = await as(app, reviewer)({ method: 'GET', url: `/api/reports/${report}/revisions/2/evidence` });
    expect(second.json().items.map((i: { id: string }) => i.id)).toEqual([b.id]);
  });
});
