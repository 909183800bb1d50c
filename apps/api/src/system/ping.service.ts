import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { AppError } from '@evalflow/domain';
import { JOBS, PRODUCER_TIMEOUT_MS, QUEUES, withTimeout, type PingJobData, type PingJobResult } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import type { Queue } from 'bullmq';
import type { PingJobView } from './ping.dto';

const JOB_ID = /^ping-[0-9a-f-]{36}$/;

/** Proves the pipe: the API enqueues, the worker answers, the API shows the answer. */
@Injectable()
export class PingService {
  constructor(@InjectQueue(QUEUES.system) private readonly queue: Queue<PingJobData, PingJobResult>) {}

  async enqueue(message?: string, holdMs?: number): Promise<PingJobView> {
    const data: PingJobData = {
      requestedAt: new Date().toISOString(),
      requestId: RequestContext.current()?.requestId ?? 'none',
      ...(message === undefined ? {} : { message }),
      ...(holdMs === undefined ? {} : { holdMs }),
    };
    try {
      const job = await withTimeout(
        this.queue.add(JOBS.ping.name, data, { jobId: `ping-${randomUUID()}`, attempts: 3 }),
        PRODUCER_TIMEOUT_MS,
      );
      return { id: job.id as string, state: 'waiting' };
    } catch (error) {
      throw new AppError('QUEUE_UNAVAILABLE', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  async find(id: string): Promise<PingJobView> {
    if (!JOB_ID.test(id)) throw new AppError('JOB_NOT_FOUND');
    // State first, then the job: read the other way round, a job finishing in between would show
    // as completed without its result.
    let state: string;
    let job;
    try {
      state = await withTimeout(this.queue.getJobState(id), PRODUCER_TIMEOUT_MS);
      job = await withTimeout(this.queue.getJob(id), PRODUCER_TIMEOUT_MS);
    } catch (error) {
      throw new AppError('QUEUE_UNAVAILABLE', { reason: error instanceof Error ? error.message : String(error) });
    }
    if (!job || state === 'unknown') throw new AppError('JOB_NOT_FOUND');
    return {
      id,
      state,
      ...(state === 'completed' ? { result: job.returnvalue } : {}),
      ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
    };
  }
}
