import type { TestingModule } from '@nestjs/testing';
import { JOBS, QUEUES, type RenderDocumentJobData } from '@evalflow/jobs';
import { appendOutbox, dataSourceOptions, setupDatabase, TenantDb } from '@evalflow/persistence';
import { DEFAULT_GRADE_BANDS, defaultTemplate } from '@evalflow/domain';
import {
  DEFAULT_RENDER_LIMITS,
  IsolatedRenderer,
  RendererClosed,
  RenderLimitExceeded,
  type RenderInput,
  type RenderThreadEntry,
} from '@evalflow/rendering';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { TestDatabase } from '@evalflow/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { renderThreadEntry } from '../documents/document-renderer';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { DRAFT_SNAPSHOT, seedZhaoxianUnion, startWorker, until } from './support/worker-under-test';

const SAMPLE: RenderInput = {
  content: ZHAOXIAN_UNION_2024,
  template: defaultTemplate('department_overall'),
  fiscalYear: 2024,
  departmentName: '赵县总工会',
  gradeBands: DEFAULT_GRADE_BANDS,
  watermark: '草稿',
  approval: null,
};

/** A render thread of the test's own: the real entry's loader, another file. */
const fixture = (name: string, workerData?: unknown): RenderThreadEntry => ({
  ...renderThreadEntry(),
  filename: join(__dirname, 'fixtures', name),
  workerData,
});

/**
 * Rendering runs in a worker thread with a page, size, time and memory limit: the worker's event loop
 * stays free while a document is laid out, and a document over a limit ends failed with the message its
 * users read, its job not retried.
 */
describe('rendering in a thread of its own, within limits (real PostgreSQL, Redis, fonts and threads)', () => {
  let db: TestDatabase;
  let app: DataSource;
  let storageDir: string;
  let ids: { tenant: string; report: string };

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);

  /** A draft's document, queued through the outbox and relayed to BullMQ (5 attempts, as every job). */
  async function queueDocument(worker: TestingModule, format: 'pdf' | 'docx'): Promise<{ id: string; jobId: string }> {
    const [doc] = await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark)
       VALUES ($1, $2, 'v' || (random() * 100000)::int, ${DRAFT_SNAPSHOT}, $3, 1, '草稿') RETURNING id`,
      [ids.tenant, ids.report, format],
    );
    const jobId = `limits-test-${doc.id}`;
    await new TenantDb(app).tx(
      (em) =>
        appendOutbox(em, {
          tenantId: ids.tenant,
          queue: JOBS.renderDocument.queue,
          jobName: JOBS.renderDocument.name,
          jobId,
          payload: { tenantId: ids.tenant, documentId: doc.id } satisfies RenderDocumentJobData,
        }),
      ids.tenant,
    );
    await worker.get(OutboxRelay).flush();
    return { id: doc.id, jobId };
  }

  /** The document once its job has finished for good (completed, or failed with no retry to come). */
  async function settled(worker: TestingModule, doc: { id: string; jobId: string }) {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.documents));
    const job = await until(
      () => queue.getJob(doc.jobId),
      (j) => Boolean(j?.finishedOn),
    );
    const [row] = await owner(`SELECT status, error, error_code, attempts FROM documents WHERE id = $1`, [doc.id]);
    return {
      row,
      job: { state: await job?.getState(), attemptsMade: job?.attemptsMade, attempts: job?.opts.attempts },
    };
  }

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-limits-'));
    ids = await seedZhaoxianUnion(db);
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'limits-test' }));
    await app.initialize();
  }, 60000);

  afterAll(async () => {
    await app?.destroy();
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe('over the page cap', () => {
    let worker: TestingModule;
    beforeAll(async () => {
      // the sample is 11 pages (estimated 10): a cap of 3 refuses either format before its layout (the page
      // count during the PDF's layout is the rendering lib's test)
      worker = await startWorker(
        db,
        { OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir },
        // no time limit to speak of: however slow the machine, only the page cap ends these renders
        { renderer: { limits: { ...DEFAULT_RENDER_LIMITS, maxPages: 3, timeoutMs: 3600_000 } } },
      );
    }, 60000);
    afterAll(() => worker?.close());

    it.each(['pdf', 'docx'] as const)(
      'a %s ends failed with 「文档超过 3 页」 and its code, after one attempt (not retried)',
      async (format) => {
        const doc = await queueDocument(worker, format);
        const { row, job } = await settled(worker, doc);
        expect(row).toEqual({
          status: 'failed',
          error: '文档超过 3 页，请精简内容后重试',
          error_code: 'DOCUMENT_TOO_MANY_PAGES',
          attempts: 1,
        });
        expect(job).toEqual({ state: 'failed', attemptsMade: 1, attempts: 5 });
      },
      90000,
    );
  });

  describe('over the time limit', () => {
    let worker: TestingModule;
    beforeAll(async () => {
      // a thread that never answers: only the time limit ends its render
      worker = await startWorker(
        db,
        { OUTBOX_POLL_MS: '60000', STORAGE_DIR: storageDir },
        {
          renderer: {
            entry: fixture('spinning-render-thread.ts'),
            limits: { ...DEFAULT_RENDER_LIMITS, timeoutMs: 1000 },
          },
        },
      );
    }, 60000);
    afterAll(() => worker?.close());

    it('ends failed with 「文档生成超时」 and its code, after one attempt (not retried)', async () => {
      const doc = await queueDocument(worker, 'pdf');
      const { row, job } = await settled(worker, doc);
      expect(row).toEqual({
        status: 'failed',
        error: '文档生成超时（1 秒），请稍后重试或精简内容',
        error_code: 'DOCUMENT_RENDER_TIMEOUT',
        attempts: 1,
      });
      expect(job).toEqual({ state: 'failed', attemptsMade: 1, attempts: 5 });
    }, 90000);
  });

  describe('a thread replaced after its renders', () => {
    it('has its successor started and warmed beside it before it goes, so the successor takes over at once', async () => {
      const renderer = new IsolatedRenderer({
        entry: fixture('recording-render-thread.ts'),
        rendersPerThread: 3,
        warmAhead: 1,
      });
      const served: Array<{ threadId: number; warmed: boolean }> = [];
      const threadsAfter: number[] = [];
      try {
        for (let i = 0; i < 7; i++) {
          served.push(JSON.parse((await renderer.render('pdf', SAMPLE)).toString()));
          threadsAfter.push(renderer.threads);
        }
      } finally {
        await renderer.close();
      }
      const ids = served.map((s) => s.threadId);
      // three renders a thread, each thread new
      expect(new Set(ids.slice(0, 3)).size).toBe(1);
      expect(new Set(ids.slice(3, 6)).size).toBe(1);
      expect(new Set(ids).size).toBe(3);
      // the successor exists from the second-to-last render of its predecessor on; every thread warmed first
      expect(threadsAfter).toEqual([1, 2, 1, 1, 2, 1, 1]);
      expect(served.every((s) => s.warmed)).toBe(true);
      expect(renderer.threads).toBe(0);
    }, 60000);
  });

  describe('the event loop while a render runs', () => {
    it('ticks while a thread spins on a render that never ends; closing ends it', async () => {
      const renderer = new IsolatedRenderer({ entry: fixture('spinning-render-thread.ts') });
      const rendering = renderer.render('pdf', SAMPLE);
      const outcome = rendering.then(
        () => 'rendered',
        (error: Error) => error,
      );
      // the render cannot end by itself: each tick ran while it was in progress
      let ticks = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (renderer.rendering) ticks++;
          if (ticks === 3) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
      expect(ticks).toBe(3);
      await renderer.close();
      expect(await outcome).toBeInstanceOf(RendererClosed);
    }, 60000);

    it('ticks while the real renderer is laying a PDF out, which then completes', async () => {
      const gate = new SharedArrayBuffer(4);
      const renderer = new IsolatedRenderer({
        entry: fixture('gated-render-thread.ts', gate),
        limits: { timeoutMs: 3600_000 },
      });
      try {
        let progress = 0;
        let ticksMidRender = 0;
        const rendering = renderer.render('pdf', SAMPLE, { onProgress: (percent) => (progress = percent) });
        // the thread waits at 20 % until the gate opens; the gate opens on this loop's third tick after that
        const timer = setInterval(() => {
          if (progress < 20) return;
          ticksMidRender++;
          if (ticksMidRender === 3) {
            clearInterval(timer);
            Atomics.store(new Int32Array(gate), 0, 1);
            Atomics.notify(new Int32Array(gate), 0);
          }
        }, 5);
        const pdf = await rendering;
        expect(ticksMidRender).toBe(3);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(progress).toBeGreaterThanOrEqual(95);
      } finally {
        await renderer.close();
      }
    }, 90000);
  });

  describe('over the memory limit', () => {
    it('a thread that outgrows its heap rejects with 「文档生成所需内存超过上限」', async () => {
      const renderer = new IsolatedRenderer({ entry: renderThreadEntry(), limits: { maxOldGenerationSizeMb: 8 } });
      try {
        const error = await renderer.render('pdf', SAMPLE).then(
          () => null,
          (e: Error) => e,
        );
        expect(error).toBeInstanceOf(RenderLimitExceeded);
        expect(error).toMatchObject({
          limit: 'memory',
          code: 'DOCUMENT_RENDER_OUT_OF_MEMORY',
          message: '文档生成所需内存超过上限，请精简内容后重试',
        });
      } finally {
        await renderer.close();
      }
    }, 90000);
  });
});
