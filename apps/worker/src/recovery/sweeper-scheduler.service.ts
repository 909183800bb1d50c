import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JOBS, PRODUCER_TIMEOUT_MS, QUEUES, withTimeout } from '@evalflow/jobs';
import type { Queue } from 'bullmq';
import { SWEEPER_OPTIONS, type SweeperOptions } from './sweeper-options';

/**
 * Keeps one job scheduler for the sweeper of stuck work, as the deadline reminders' (upserted, so every
 * worker may start it without duplicates; each interval makes one job, run by one worker).
 */
@Injectable()
export class SweeperScheduler implements OnApplicationBootstrap {
  static readonly SCHEDULER_ID = 'stuck-work-sweeper';
  private readonly logger = new Logger(SweeperScheduler.name);

  constructor(
    @InjectQueue(QUEUES.system) private readonly queue: Queue,
    @Inject(SWEEPER_OPTIONS) private readonly options: SweeperOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (this.options.everyMs <= 0) {
        await withTimeout(this.queue.removeJobScheduler(SweeperScheduler.SCHEDULER_ID), PRODUCER_TIMEOUT_MS);
        return;
      }
      await withTimeout(
        this.queue.upsertJobScheduler(
          SweeperScheduler.SCHEDULER_ID,
          { every: this.options.everyMs },
          // a failed run is not retried: the next one comes within everyMs
          { name: JOBS.sweepStuckWork.name, data: {}, opts: { attempts: 1 } },
        ),
        PRODUCER_TIMEOUT_MS,
      );
    } catch (error) {
      // Redis away at start: the worker still serves; the next start schedules again
      this.logger.warn({ msg: 'stuck-work sweeper not scheduled', error: (error as Error).message });
    }
  }
}
