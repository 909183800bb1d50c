import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { jobsOfQueue, type QueueName } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import type { Job } from 'bullmq';
import { handlerMap, type JobHandler } from './job-handler';

/**
 * A queue's processor: dispatches each job to the one handler of its name (checked at start-up),
 * inside a context built from the job (no HTTP request here): request id and, for county jobs, tenant.
 */
export abstract class DispatchingProcessor extends WorkerHost {
  protected readonly logger: Logger;
  private readonly handlers: Map<string, JobHandler>;

  protected constructor(queue: QueueName, handlers: JobHandler[]) {
    super();
    this.logger = new Logger(this.constructor.name);
    this.handlers = handlerMap(queue, jobsOfQueue(queue), handlers);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn({
      msg: 'job failed',
      job: job?.name,
      jobId: job?.id,
      attempt: job?.attemptsMade,
      error: error.message,
    });
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ msg: 'worker connection error', error: error.message });
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    const data = (job.data ?? {}) as { requestId?: string; tenantId?: string };
    const context = { requestId: data.requestId ?? `job-${job.id}`, jobId: job.id, tenantId: data.tenantId };
    return RequestContext.run(context, async () => {
      const started = Date.now();
      const result = await handler.handle(job);
      this.logger.log({ msg: 'job completed', job: job.name, ms: Date.now() - started });
      return result;
    });
  }
}
