import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { JOBS, PRODUCER_TIMEOUT_MS, QUEUES, withTimeout } from '@evalflow/jobs';
import type { Queue } from 'bullmq';

/** Keeps one job scheduler for deadline reminders (upserted, so every worker may start it without duplicates). */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap {
  static readonly SCHEDULER_ID = 'deadline-reminders';
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.get('worker', { infer: true }).deadlineReminderEveryMs;
    try {
      await withTimeout(
        this.queue.upsertJobScheduler(
          DeadlineScheduler.SCHEDULER_ID,
          { every },
          { name: JOBS.deadlineReminders.name, data: {} },
        ),
        PRODUCER_TIMEOUT_MS,
      );
    } catch (error) {
      // Redis away at start: the worker still serves; the next start schedules again
      this.logger.warn({ msg: 'deadline reminders not scheduled', error: (error as Error).message });
    }
  }
}
