import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { PRODUCER_TIMEOUT_MS, QUEUES, withTimeout, type QueueName } from '@evalflow/jobs';
import { PlatformDb, relayOutboxOnce, UnroutableOutboxRow, type PendingOutboxRow } from '@evalflow/persistence';
import type { Queue } from 'bullmq';

/**
 * Sends the jobs written to the outbox by committed transactions on to BullMQ. Polls every
 * OUTBOX_POLL_MS; while Redis is away the rows wait and the failure is recorded on the first one.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly queues: Record<string, Queue>;

  constructor(
    private readonly platform: PlatformDb,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    @InjectQueue(QUEUES.documents) documents: Queue,
    @InjectQueue(QUEUES.exports) exports: Queue,
    @InjectQueue(QUEUES.webhooks) webhooks: Queue,
  ) {
    // the queues outbox rows may name
    this.queues = {
      [QUEUES.notifications]: notifications,
      [QUEUES.documents]: documents,
      [QUEUES.exports]: exports,
      [QUEUES.webhooks]: webhooks,
    };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.get('worker', { infer: true }).outboxPollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass now (also what the timer runs); passes never overlap. */
  async tick(send: (row: PendingOutboxRow) => Promise<void> = (row) => this.send(row)) {
    if (this.running) return { relayed: 0, failed: 0 };
    const pass = relayOutboxOnce((work) => this.platform.tx(work), send);
    this.running = pass;
    try {
      const result = await pass;
      if (result.relayed || result.failed) this.logger.log({ msg: 'outbox relayed', ...result });
      return result;
    } catch (error) {
      this.logger.warn({ msg: 'outbox relay failed', error: (error as Error).message });
      return { relayed: 0, failed: 1 };
    } finally {
      this.running = null;
    }
  }

  /**
   * One pass now, after the pass in progress if there is one (a row written just now may have been
   * committed after that pass looked): what the sweeper queued anew leaves at once.
   */
  async flush() {
    while (this.running) await this.running.catch(() => undefined);
    return this.tick();
  }

  /**
   * The sweeper's pass over rows pending for longer than `pendingForMs`: each is tried on its own and a
   * failure is recorded on its row, so a row that no send accepts holds up none behind it.
   */
  async relayStale(pendingForMs: number, batchSize = 100) {
    return relayOutboxOnce(
      (work) => this.platform.tx(work),
      (row) => this.send(row),
      batchSize,
      {
        pendingForMs,
        keepGoing: true,
      },
    );
  }

  private async send(row: PendingOutboxRow): Promise<void> {
    const queue = this.queues[row.queue as QueueName];
    if (!queue) throw new UnroutableOutboxRow(`outbox row ${row.id} names unknown queue "${row.queue}"`);
    // BullMQ would wait for Redis indefinitely; the relay records the failure and tries again later
    const options = { jobId: row.job_id, ...(row.priority === null ? {} : { priority: row.priority }) };
    await withTimeout(queue.add(row.job_name, row.payload, options), PRODUCER_TIMEOUT_MS);
  }
}
