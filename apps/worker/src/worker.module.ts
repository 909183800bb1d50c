import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { appConfigModule, type AppConfig } from '@evalflow/config';
import { DEFAULT_JOB_OPTIONS, QueueErrorLogger, QUEUES, redisConnectionOptions } from '@evalflow/jobs';
import { HealthModule } from '@evalflow/observability';
import { PersistenceModule } from '@evalflow/persistence';
import { PingHandler } from './jobs/ping.handler';
import { SystemProcessor } from './jobs/system.processor';
import { documentStorageProvider } from '@evalflow/storage';
import { DocumentRenderer, documentRendererOptionsProvider } from './documents/document-renderer';
import { DocumentsWorker } from './documents/documents-worker.service';
import { RenderDocumentHandler } from './documents/render-document.handler';
import { EXPORTS_PROVIDERS } from './exports/exports.providers';
import { MailModule } from './mail/mail.module';
import { CommentAddedHandler } from './notifications/comment-added.handler';
import { DeadlineRemindersHandler } from './notifications/deadline-reminders.handler';
import { DepartmentReminderHandler } from './notifications/department-reminder.handler';
import { DeadlineScheduler } from './notifications/deadline-scheduler.service';
import { Inbox } from './notifications/inbox';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { ReportTransitionedHandler } from './notifications/report-transitioned.handler';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { EvidenceFileUpkeep } from './recovery/evidence-file-upkeep';
import { ImportFileUpkeep } from './recovery/import-file-upkeep';
import { StuckWorkSweeper } from './recovery/stuck-work-sweeper.service';
import { SweepStuckWorkHandler } from './recovery/sweep-stuck-work.handler';
import { sweeperOptionsProvider } from './recovery/sweeper-options';
import { DeliverWebhookHandler } from './webhooks/deliver-webhook.handler';
import { WebhooksProcessor } from './webhooks/webhooks.processor';
import { SweeperScheduler } from './recovery/sweeper-scheduler.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        appConfigModule(config),
        PersistenceModule.forRoot({
          url: config.database.url,
          poolSize: Math.min(config.database.poolSize, config.worker.concurrency + 2),
          statementTimeoutMs: config.database.statementTimeoutMs,
          applicationName: 'evalflow-worker',
          // the outbox relay reads every county's pending jobs
          platformUrl: config.database.platformUrl,
        }),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url, 'worker'),
          prefix: config.queue.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        BullModule.registerQueue(
          { name: QUEUES.system },
          { name: QUEUES.notifications },
          { name: QUEUES.documents },
          { name: QUEUES.exports },
          {
            name: QUEUES.webhooks,
            // bounded attempts, exponential backoff from WEBHOOK_BACKOFF_MS; replays by hand are new jobs
            defaultJobOptions: {
              ...DEFAULT_JOB_OPTIONS,
              attempts: config.webhooks.attempts,
              backoff: { type: 'exponential', delay: config.webhooks.backoffMs },
            },
          },
        ),
        HealthModule.register({ redisUrl: config.redis.url, redisRequired: true }),
        MailModule,
      ],
      providers: [
        PingHandler,
        SystemProcessor,
        Inbox,
        ReportTransitionedHandler,
        CommentAddedHandler,
        DeadlineRemindersHandler,
        DepartmentReminderHandler,
        DeadlineScheduler,
        NotificationsProcessor,
        DeliverWebhookHandler,
        WebhooksProcessor,
        documentStorageProvider,
        documentRendererOptionsProvider,
        DocumentRenderer,
        RenderDocumentHandler,
        DocumentsWorker,
        ...EXPORTS_PROVIDERS,
        OutboxRelay,
        sweeperOptionsProvider,
        ImportFileUpkeep,
        EvidenceFileUpkeep,
        StuckWorkSweeper,
        SweepStuckWorkHandler,
        SweeperScheduler,
        QueueErrorLogger,
      ],
    };
  }
}
