import S3rver from '@20minutes/s3rver';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { S3Storage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { as, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/**
 * The api configured for an S3-compatible bucket through its environment (STORAGE_DRIVER=s3, S3_*), against s3rver
 * started here: a document is served from the bucket; a missing object is the usual 404; a store that is gone is a
 * 503 with our code and Chinese message, nothing of S3's.
 */
describe('stored files in an S3-compatible bucket (real API, PostgreSQL and s3rver)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let s3rver: S3rver;
  let directory: string;
  let endpoint: string;
  let editor: Session;
  let reportId: string;

  const call = (path: string) => as(app, editor)({ method: 'GET', url: `/api${path}` });
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'evalflow-api-s3rver-'));
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'evalflow-docs' }],
    });
    endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
    ({ db, app, close } = await startSeededApi({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'evalflow-docs',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_SESSION_TOKEN: 'session-token-of-temporary-credentials',
      S3_PREFIX: 'evalflow',
      S3_MAX_ATTEMPTS: '1',
    }));
    [editor] = await loginAll(app, ['zhaoxian.union.editor']);
    reportId = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
    await s3rver.close().catch(() => undefined); // the last test stops it
    await rm(directory, { recursive: true, force: true });
  });

  it('serves a document from the bucket, 404 when its object is gone, 503 with our message when the store is', async () => {
    const asked = await as(
      app,
      editor,
    )({
      method: 'POST',
      url: `/api/reports/${reportId}/documents`,
      payload: { format: 'pdf' },
    });
    expect(asked.statusCode).toBe(202);
    const [doc] = await owner(`SELECT id, tenant_id, report_id FROM documents WHERE id = $1`, [asked.json().id]);
    const key = `tenants/${doc.tenant_id}/reports/${doc.report_id}/${doc.id}.pdf`;
    const pdf = Buffer.from('%PDF-1.7\n% 赵县总工会 2024 自评报告（存于对象存储）\n');
    const bucket = new S3Storage({
      endpoint,
      bucket: 'evalflow-docs',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      prefix: 'evalflow',
      requestTimeoutMs: 10_000,
      maxAttempts: 1,
      partSizeBytes: 5 * 1024 * 1024,
      checksums: 'when_supported',
    });
    await bucket.put(key, pdf, 'application/pdf');
    await owner(
      `UPDATE documents SET status = 'done', progress = 100, storage_key = $2, sha256 = repeat('a', 64), size_bytes = $3
        WHERE id = $1`,
      [doc.id, key, pdf.length],
    );

    const served = await call(`/documents/${doc.id}/file`);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(pdf)).toBe(true);

    await bucket.delete(key);
    bucket.onModuleDestroy();
    const missing = await call(`/documents/${doc.id}/file`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DOCUMENT_NOT_FOUND');

    await s3rver.close();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      // the download is streamed from the bucket: the store's failure comes before the first byte
      const gone = await call(`/documents/${doc.id}/file`);
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toEqual({ code: 'STORAGE_UNAVAILABLE', message: '文件存储暂不可用，请稍后重试' });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ operation: 'stream', s3Message: expect.stringContaining('ECONNREFUSED') }),
      );
    } finally {
      warn.mockRestore();
    }
  });
});
