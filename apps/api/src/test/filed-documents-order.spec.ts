import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, unionReport2024, loginAll, startSeededApi, type Session } from './support/harness';

/**
 * The documents a submission and an approval file leave the outbox PDF first: the worker renders one
 * at a time in the order the jobs come, and the PDF is what the submitter waits for.
 */
describe('filed documents: the PDF is queued before the DOCX (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let approver: Session;
  let id: string;

  const act = async (s: Session, action: string) => {
    const report = await as(app, editor)({ method: 'GET', url: `/api/reports/${id}` });
    return as(
      app,
      s,
    )({
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: { action, expectedVersion: report.json().version },
    });
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, approver] = await loginAll(app, ['zhaoxian.union.editor', 'zhaoxian.finance.approver']);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  it('a submission, then an approval: each queues its PDF, then its DOCX, which waits behind any PDF', async () => {
    expect((await act(editor, 'submit')).statusCode).toBe(200);
    expect((await act(approver, 'approve')).statusCode).toBe(200);
    const jobs = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT job_id, priority FROM outbox WHERE queue = 'documents' AND job_id LIKE $1 ORDER BY id`,
            [`render.${id}.%`],
          )
        ).rows,
    );
    // job ids are render.<report>.<edition>.<format>.t<template version>
    expect(jobs.map((j: { job_id: string }) => j.job_id.split('.').slice(2, 4).join(' '))).toEqual([
      'r1 pdf',
      'r1 docx',
      'r1-approved pdf',
      'r1-approved docx',
    ]);
    // BullMQ runs a job without a priority before every prioritized one
    expect(jobs.map((j: { priority: number | null }) => j.priority)).toEqual([null, 10, null, 10]);
  });
});
