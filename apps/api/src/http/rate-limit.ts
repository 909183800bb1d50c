import fastifyRateLimit from '@fastify/rate-limit';
import type { RateLimits } from '@evalflow/config';
import { AppError } from '@evalflow/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Redis from 'ioredis';

export type RouteFamily = keyof RateLimits;

/**
 * The costly routes: renders, imports, exports, previews, a whole-chain verification, and 佐证材料 uploads (each up to
 * the county's file limit written to disk twice and, for an archive, inflated and counted).
 */
const COSTLY: Array<[method: string, pattern: RegExp]> = [
  ['POST', /^\/api\/reports\/[^/]+\/documents$/],
  ['POST', /^\/api\/indicator-library\/import$/],
  ['GET', /^\/api\/indicator-library\/export$/],
  ['GET', /^\/api\/dashboard\/summary\.xlsx$/],
  ['GET', /^\/api\/reports\/[^/]+\/score-sheet\/xlsx$/],
  ['POST', /^\/api\/reports\/[^/]+\/score-sheet\/import$/],
  ['POST', /^\/api\/templates\/[^/]+\/preview$|^\/api\/templates\/preview$/],
  ['GET', /^\/api\/audit-log\/verification$/],
  ['POST', /^\/api\/exports$/],
  ['POST', /^\/api\/reports\/[^/]+\/imports$/],
  ['POST', /^\/api\/reports\/[^/]+\/evidence$/],
];

/** Probes and the web app's own files are not limited: an orchestrator polls, a browser loads. */
function unlimited(path: string): boolean {
  return !path.startsWith('/api/') || path === '/api/health' || path === '/api/ready';
}

export function routeFamily(method: string, path: string): RouteFamily {
  if (path.startsWith('/api/auth/') && method !== 'GET') return 'auth';
  // the public disclosure page: anyone, counted by address whoever they are
  if (path.startsWith('/api/public/')) return 'public';
  if (COSTLY.some(([m, pattern]) => m === method && pattern.test(path))) return 'costly';
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

export interface RateLimitOptions {
  limits: RateLimits;
  redisUrl: string;
  prefix: string;
  /** the signed-in user's id from a valid access token, or null (then the client address counts) */
  userOf: (request: FastifyRequest) => string | null;
  /** a fingerprint of the API key the request offers, or null: a key is counted on its own */
  apiKeyOf: (request: FastifyRequest) => string | null;
}

/**
 * Requests a minute per user and route family, counted in Redis so the limit holds across API
 * instances. Sign-in is counted per client address (no user yet). Redis down: requests pass
 * (skipOnError) — the limiter must not turn a Redis outage into an API outage.
 */
export async function installRateLimit(fastify: FastifyInstance, options: RateLimitOptions): Promise<Redis> {
  const redis = new Redis(options.redisUrl, {
    connectionName: 'evalflow-rate-limit',
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 1000,
    commandTimeout: 500,
    lazyConnect: true,
  });
  redis.on('error', () => undefined); // a down Redis is reported by /api/health, not by every request
  // Ready before the first request is counted (an offline queue would let the first ones through
  // uncounted); a Redis that is down fails this at once (or after connectTimeout), and is retried behind.
  await redis.connect().catch(() => undefined);
  const familyOf = (request: FastifyRequest): RouteFamily =>
    options.apiKeyOf(request) ? 'apiKey' : routeFamily(request.method, request.url.split('?')[0]);
  await fastify.register(fastifyRateLimit, {
    global: true,
    redis,
    nameSpace: `${options.prefix}:rate:`,
    skipOnError: true,
    timeWindow: 60_000,
    allowList: (request) => unlimited(request.url.split('?')[0]),
    keyGenerator: (request) => {
      const family = familyOf(request);
      if (family === 'apiKey') return `apiKey:k:${options.apiKeyOf(request)}`;
      const user = family === 'auth' || family === 'public' ? null : options.userOf(request);
      return `${family}:${user ? `u:${user}` : `a:${request.ip}`}`;
    },
    max: (request) => options.limits[familyOf(request)],
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'RATE_LIMITED',
        { retryAfterSeconds, limitPerMinute: context.max },
        `请求过于频繁（每分钟最多 ${context.max} 次），请于 ${retryAfterSeconds} 秒后再试`,
      );
    },
  });
  return redis;
}
