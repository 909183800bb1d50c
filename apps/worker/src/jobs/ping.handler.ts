import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { JOBS, type PingJobData, type PingJobResult } from '@evalflow/jobs';
import type { Job } from 'bullmq';
import type { JobHandler } from './job-handler';

@Injectable()
export class PingHandler implements JobHandler<PingJobData, PingJobResult> {
  readonly jobName = JOBS.ping.name;

  async handle(job: Job<PingJobData, PingJobResult>): Promise<PingJobResult> {
    const holdMs = Math.min(Math.max(job.data.holdMs ?? 0, 0), 10000);
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
    return {
      pong: true,
      ...(job.data.message === undefined ? {} : { message: job.data.message }),
      requestedAt: job.data.requestedAt,
      processedAt: new Date().toISOString(),
      worker: { host: hostname(), pid: process.pid },
    };
  }
}
