import type { RedisOptions } from 'bullmq';

/** Role of a Redis connection: workers block forever on commands; producers must fail fast. */
export type RedisConnectionRole = 'worker' | 'producer';

export function redisConnectionOptions(redisUrl: string, role: RedisConnectionRole): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0;
  const base: RedisOptions = {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Reconnect with a growing delay, capped at 5 s, forever.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 5000),
  };
  return role === 'worker'
    ? { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true }
    : { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000 };
}

/** How long a request waits for Redis before answering 503: requests must not hang on a dead queue. */
export const PRODUCER_TIMEOUT_MS = 3000;

export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
