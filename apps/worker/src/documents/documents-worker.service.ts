import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { jobsOfQueue, QUEUES, redisConnectionOptions } from '@evalflow/jobs';
import { Worker } from 'bullmq';
import { dispatchJob, handlerMap, logJobFailure, type JobHandler } from '../jobs/job-handler';
import { RenderDocumentHandler } from './render-document.handler';

/**
 * The documents queue's worker, built here rather than by decorator so its lock comes from the
 * validated configuration: a worker killed mid-render loses its lock after WORKER_LOCK_MS, and the
 * job is then taken up again as stalled. One render at a time per process (fonts and layout are heavy).
 */
@Injectable()
export class DocumentsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DocumentsWorker.name);
  private readonly handlers: Map<string, JobHandler>;
  private worker: Worker | null = null;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    render: RenderDocumentHandler,
  ) {
    this.handlers = handlerMap(QUEUES.documents, jobsOfQueue(QUEUES.documents), [render]);
  }

  onApplicationBootstrap(): void {
    const lockMs = this.config.get('worker', { infer: true }).lockMs;
    this.worker = new Worker(QUEUES.documents, (job) => dispatchJob(this.handlers, job, this.logger), {
      connection: redisConnectionOptions(this.config.get('redis', { infer: true }).url, 'worker'),
      prefix: this.config.get('queue', { infer: true }).prefix,
      concurrency: 1,
      lockDuration: lockMs,
      stalledInterval: lockMs,
    });
    this.worker.on('failed', (job, error) => logJobFailure(this.logger, job, error));
    this.worker.on('error', (error) => this.logger.warn({ msg: 'worker connection error', error: error.message }));
  }

  /** Lets the running render finish (graceful shutdown), then disconnects. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
