import { randomUUID } from 'node:crypto';
import { RequestContext, type RequestContextStore } from '@evalflow/observability';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,128}$/;

declare module 'fastify' {
  interface FastifyRequest {
    evalflowContext?: RequestContextStore;
  }
}

/** Uses a well-formed incoming X-Request-Id (from a proxy), else a new UUID. */
export function requestIdOf(request: { headers: Record<string, unknown> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Enters the request context at the start of each request, and again once the body is read
 * (stream events may run outside the first async scope), so every log line and query sees it.
 */
export function installRequestContext(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request: FastifyRequest, reply, done) => {
    const store: RequestContextStore = { requestId: String(request.id), clientIp: request.ip };
    request.evalflowContext = store;
    void reply.header('x-request-id', store.requestId);
    RequestContext.run(store, done);
  });
  fastify.addHook('preHandler', (request: FastifyRequest, _reply, done) => {
    const store = request.evalflowContext;
    if (store) RequestContext.run(store, done);
    else done();
  });
  // One access-log line per request, written through the root logger so it carries the context.
  fastify.addHook('onResponse', (request: FastifyRequest, reply, done) => {
    const fields = {
      method: request.method,
      route: request.routeOptions?.url ?? null,
      url: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    const store = request.evalflowContext;
    const log = () => logger.info(fields, 'request completed');
    if (store) RequestContext.run(store, log);
    else log();
    done();
  });
}
