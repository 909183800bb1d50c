import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { JOBS, QUEUES, redisConnectionOptions, type PingJobResult } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { setupDatabase } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';
import { Queue, QueueEvents } from 'bullmq';
import { WorkerModule } from '../worker.module';

describe('worker processes ping jobs (real Redis and PostgreSQL)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    const config = db.config();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })),
    });
    await worker.init();
    const connection = redisConnectionOptions(config.redis.url, 'worker');
    queue = new Queue(QUEUES.system, { connection, prefix: config.queue.prefix });
    events = new QueueEvents(QUEUES.system, { connection, prefix: config.queue.prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.close();
    await worker?.close();
    await db?.destroy();
  });

  it('answers a ping with pong, the message and who processed it', async () => {
    const job = await queue.add(JOBS.ping.name, {
      requestedAt: '2026-01-01T00:00:00.000Z',
      requestId: 'r',
      message: '你好',
    });
    const result = (await job.waitUntilFinished(events, 10000)) as PingJobResult;
    expect(result).toMatchObject({ pong: true, message: '你好', requestedAt: '2026-01-01T00:00:00.000Z' });
    expect(result.worker.pid).toBe(process.pid);
    expect(Date.parse(result.processedAt)).toBeGreaterThanOrEqual(Date.parse(result.requestedAt));
  });

  it('fails a job whose name has no handler, keeping it as evidence', async () => {
    const job = await queue.add('no-such-job', {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10000)).rejects.toThrow('No handler for job "no-such-job"');
    expect(await queue.getJobState(job.id as string)).toBe('failed');
  });

  it('closing waits for the running job to finish instead of dropping it', async () => {
    const job = await queue.add(JOBS.ping.name, { requestedAt: new Date().toISOString(), requestId: 'r', holdMs: 800 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let it start
    expect(await queue.getJobState(job.id as string)).toBe('active');
    await worker.close();
    expect(await queue.getJobState(job.id as string)).toBe('completed');
    worker = undefined as unknown as INestApplicationContext;
  });
});
