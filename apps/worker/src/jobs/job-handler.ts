import type { Logger } from '@nestjs/common';
import { RequestContext } from '@evalflow/observability';
import type { Job } from 'bullmq';

/** One handler per job name; the processor of its queue dispatches to it. */
export interface JobHandler<Data = unknown, Result = unknown> {
  readonly jobName: string;
  handle(job: Job<Data, Result>): Promise<Result>;
}

/**
 * Builds the name → handler map of a queue and fails start-up when a job name of that queue
 * has no handler, has two, or a handler serves a name the queue does not know.
 */
export function handlerMap(queue: string, expected: string[], handlers: JobHandler[]): Map<string, JobHandler> {
  const map = new Map<string, JobHandler>();
  for (const handler of handlers) {
    if (!expected.includes(handler.jobName)) {
      throw new Error(`Queue "${queue}" has a handler for unknown job "${handler.jobName}"`);
    }
    if (map.has(handler.jobName)) {
      throw new Error(`Queue "${queue}" has two handlers for job "${handler.jobName}"`);
    }
    map.set(handler.jobName, handler);
  }
  const missing = expected.filter((name) => !map.has(name));
  if (missing.length) throw new Error(`Queue "${queue}" has no handler for job(s): ${missing.join(', ')}`);
  return map;
}

/** Runs a job with the handler of its name, inside a context built from the job: request id and, for county jobs, tenant. */
export function dispatchJob(handlers: Map<string, JobHandler>, job: Job, logger: Logger): Promise<unknown> {
  const handler = handlers.get(job.name);
  if (!handler) return Promise.reject(new Error(`No handler for job "${job.name}"`));
  const data = (job.data ?? {}) as { requestId?: string; tenantId?: string };
  const context = { requestId: data.requestId ?? `job-${job.id}`, jobId: job.id, tenantId: data.tenantId };
  return RequestContext.run(context, async () => {
    const started = Date.now();
    const result = await handler.handle(job);
    logger.log({ msg: 'job completed', job: job.name, ms: Date.now() - started });
    return result;
  });
}

/** One warning line per failed attempt (the job is retried, or kept as failed after the last). */
export function logJobFailure(logger: Logger, job: Job | undefined, error: Error): void {
  logger.warn({ msg: 'job failed', job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: error.message });
}
