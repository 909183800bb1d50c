import { JOBS, QUEUES, redisConnectionOptions } from '@evalflow/jobs';
import { dataSourceOptions, relayOutboxOnce } from '@evalflow/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { as, unionReport2024, loginAll, startSeededApi } from './support/harness';

/**
 * Redis away during a submit: the API never talks to Redis on a transition (the job goes to the
 * outbox in the same transaction), so the submit succeeds; the job reaches the queue once Redis answers.
 */
describe('a submit while Redis is unreachable (real API, PostgreSQL and Redis)', () => {
  it('succeeds, and its notification job is queued once Redis is back', async () => {
    // port 1 refuses connections: Redis is "stopped" for this API
    const { db, app, close } = await startSeededApi({ REDIS_URL: 'redis://127.0.0.1:1' });
    const platform = new DataSource(dataSourceOptions({ url: db.platformUrl, poolSize: 1, applicationName: 'relay' }));
    const prefix = db.config().queue.prefix;
    const connection = redisConnectionOptions(db.redisUrl, 'producer');
    const queues: Record<string, Queue> = {
      [QUEUES.notifications]: new Queue(QUEUES.notifications, { connection, prefix }),
      [QUEUES.documents]: new Queue(QUEUES.documents, { connection, prefix }),
    };
    try {
      const [editor] = await loginAll(app, ['zhaoxian.union.editor']);
      const id = await unionReport2024(db);
      const version = (await as(app, editor)({ method: 'GET', url: `/api/reports/${id}` })).json().version;
      const submitted = await as(
        app,
        editor,
      )({
        method: 'POST',
        url: `/api/reports/${id}/transitions`,
        payload: { action: 'submit', expectedVersion: version },
      });
      expect(submitted.statusCode).toBe(200);
      const transitionId = submitted.json().transition.id;
      const jobId = `report-transition-${transitionId}`;
      const pending = await db.owner(
        async (c) => (await c.query(`SELECT job_name, relayed_at FROM outbox ORDER BY id`)).rows,
      );
      // the notification, and the PDF and DOCX of the submission
      expect(pending).toEqual([
        { job_name: JOBS.reportTransitioned.name, relayed_at: null },
        { job_name: JOBS.renderDocument.name, relayed_at: null },
        { job_name: JOBS.renderDocument.name, relayed_at: null },
      ]);

      // Redis back: the relay (as the worker runs it) delivers the job under its deterministic id
      await platform.initialize();
      const send = async (row: { queue: string; job_name: string; payload: unknown; job_id: string }) => {
        await queues[row.queue].add(row.job_name, row.payload, { jobId: row.job_id });
      };
      expect(await relayOutboxOnce((work) => platform.transaction(work), send)).toEqual({ relayed: 3, failed: 0 });
      expect(await queues[QUEUES.documents].getJobCounts('wait')).toEqual({ wait: 2 });
      const job = await queues[QUEUES.notifications].getJob(jobId);
      expect(job?.data).toMatchObject({ reportId: id, action: 'submit', to: 'submitted', transitionId });
      expect(await relayOutboxOnce((work) => platform.transaction(work), send)).toEqual({ relayed: 0, failed: 0 });
    } finally {
      for (const queue of Object.values(queues)) {
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      if (platform.isInitialized) await platform.destroy();
      await close();
    }
  });
});
