import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { jobsOfQueue, type QueueName } from '@evalflow/jobs';
import type { Job } from 'bullmq';
import { dispatchJob, handlerMap, logJobFailure, type JobHandler } from './job-handler';

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
    logJobFailure(this.logger, job, error);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ msg: 'worker connection error', error: error.message });
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this.handlers, job, this.logger);
  }
}
