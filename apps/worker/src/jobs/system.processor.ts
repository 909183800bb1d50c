import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, jobsOfQueue } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import type { Job } from 'bullmq';
import { handlerMap, type JobHandler } from './job-handler';
import { PingHandler } from './ping.handler';

@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);
  private readonly handlers: Map<string, JobHandler>;

  constructor(ping: PingHandler) {
    super();
    this.handlers = handlerMap(QUEUES.system, jobsOfQueue(QUEUES.system), [ping]);
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
    // Jobs have no HTTP request: their context comes from the job itself.
    const requestId = (job.data as { requestId?: string })?.requestId ?? `job-${job.id}`;
    return RequestContext.run({ requestId, jobId: job.id }, async () => {
      const started = Date.now();
      const result = await handler.handle(job);
      this.logger.log({ msg: 'job completed', job: job.name, ms: Date.now() - started });
      return result;
    });
  }
}
