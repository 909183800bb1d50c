import type { OnModuleDestroy } from '@nestjs/common';
import type { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/**
 * Readiness of Redis: a PING on one long-lived connection that never queues commands while
 * disconnected, so a down Redis answers "down" at once instead of hanging the probe.
 */
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    redisUrl: string,
    private readonly timeoutMs = 1500,
  ) {
    this.client = new Redis(redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: timeoutMs,
      connectionName: 'evalflow-health',
    });
    this.client.on('error', () => undefined); // reported through the check result instead
  }

  async pingCheck(key: string) {
    const indicator = this.health.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      let timer: NodeJS.Timeout | undefined;
      const reply = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no reply within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      return reply === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${reply}` });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
