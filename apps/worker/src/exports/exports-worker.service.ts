import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { jobsOfQueue, QUEUES, redisConnectionOptions } from '@evalflow/jobs';
import { Worker } from 'bullmq';
import { dispatchJob, handlerMap, logJobFailure, type JobHandler } from '../jobs/job-handler';
import { ParseImportHandler } from '../imports/parse-import.handler';
import { RunExportHandler } from './run-export.handler';

/**
 * The exports queue's worker, built as the documents' one is (its lock from the validated configuration, so
 * a worker killed mid-export loses the job after WORKER_LOCK_MS and it is taken up again as stalled). One
 * export at a time per process: each streams a county's year, and renders must not wait behind it.
 */
@Injectable()
export class ExportsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExportsWorker.name);
  private readonly handlers: Map<string, JobHandler>;
  private worker: Worker | null = null;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    run: RunExportHandler,
    parseImport: ParseImportHandler,
  ) {
    this.handlers = handlerMap(QUEUES.exports, jobsOfQueue(QUEUES.exports), [run, parseImport]);
  }

  onApplicationBootstrap(): void {
    const lockMs = this.config.get('worker', { infer: true }).lockMs;
    this.worker = new Worker(QUEUES.exports, (job) => dispatchJob(this.handlers, job, this.logger), {
      connection: redisConnectionOptions(this.config.get('redis', { infer: true }).url, 'worker'),
      prefix: this.config.get('queue', { infer: true }).prefix,
      concurrency: 1,
      lockDuration: lockMs,
      stalledInterval: lockMs,
    });
    this.worker.on('failed', (job, error) => logJobFailure(this.logger, job, error));
    this.worker.on('error', (error) => this.logger.warn({ msg: 'worker connection error', error: error.message }));
  }

  /** Lets the running export finish (graceful shutdown), then disconnects. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
