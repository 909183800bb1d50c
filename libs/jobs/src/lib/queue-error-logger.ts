import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from './queues';

const REPEAT_AFTER_MS = 30_000;

/**
 * BullMQ queues emit 'error' on every failed reconnect; without a listener each one is printed raw.
 * This logs them as JSON, once per queue and message every 30 s.
 */
@Injectable()
export class QueueErrorLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    for (const name of Object.values(QUEUES)) {
      let queue: Queue | undefined;
      try {
        queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      } catch {
        continue; // this application does not use that queue
      }
      queue.on('error', (error: Error) => this.report(name, error));
    }
  }

  report(queue: string, error: Error): void {
    const key = `${queue}:${error.message}`;
    const now = Date.now();
    if (now - (this.lastLogged.get(key) ?? 0) < REPEAT_AFTER_MS) return;
    this.lastLogged.set(key, now);
    this.logger.warn({ msg: 'queue connection error', queue, error: error.message });
  }
}
