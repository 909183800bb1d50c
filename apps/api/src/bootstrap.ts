import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { LogController, type FastifyInstance } from 'fastify';
import type { AppConfig } from '@evalflow/config';
import { PinoNestLogger } from '@evalflow/observability';
import { getDataSourceToken } from '@nestjs/typeorm';
import { assertConnectionIsRlsBound, assertPlatformConnection, PLATFORM_CONNECTION } from '@evalflow/persistence';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DenialRecorder } from './access/denial-recorder';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/error-filter';
import { setupOpenApi } from './http/openapi';
import { installJsonBodyParser } from './http/json-body';
import { installFileBodyParsers } from './http/file-bodies';
import { installRequestContext, requestIdOf } from './http/request-context.hooks';
import { createValidationPipe } from './http/validation';
import { SpaFallback } from './http/web-static';
import { installRateLimit } from './http/rate-limit';
import { installSecurityHeaders } from './http/security-headers';
import { TokenService } from './auth/tokens';
import { apiKeyOf, hashApiKey } from './api-keys/api-key-secret';

const routeTables = new WeakMap<NestFastifyApplication, Array<{ method: string; url: string }>>();

/** Every route the HTTP server serves (HEAD twins of GET routes left out): what the matrix test covers. */
export function registeredRoutes(app: NestFastifyApplication): Array<{ method: string; url: string }> {
  return routeTables.get(app) ?? [];
}

function recordRoutes(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const routes: Array<{ method: string; url: string }> = [];
  routeTables.set(app, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });
}

/** Builds the API application (used by main and by the in-process HTTP tests). */
export async function createApiApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Access lines come from our onResponse hook, through the context-aware root logger.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    // only the listed proxies' X-Forwarded-For counts; none listed: the socket's own address
    trustProxy: config.http.trustProxy.length ? config.http.trustProxy : false,
    bodyLimit: 5 * 1024 * 1024,
    // a client has this long to send its whole request (slow-loris defence: 408, socket closed)
    requestTimeout: config.http.requestTimeoutMs,
    // Node checks for overdue requests every 30 s unless told: check often enough for the limit to hold
    http: { connectionsCheckingInterval: Math.max(50, Math.min(5000, Math.floor(config.http.requestTimeoutMs / 2))) },
    // idle keep-alive sockets close after this (above common proxies' 60 s, so they close first)
    keepAliveTimeout: 72_000,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Our own JSON parser (installJsonBodyParser) replaces Nest's, to answer with stable codes.
    bodyParser: false,
  });
  try {
    await assertConnectionIsRlsBound(app.get(DataSource));
    await assertPlatformConnection(app.get(getDataSourceToken(PLATFORM_CONNECTION)));
  } catch (error) {
    await app.close();
    throw error;
  }

  const fastify = app.getHttpAdapter().getInstance();
  recordRoutes(app, fastify);
  installRequestContext(fastify, logger);
  installJsonBodyParser(fastify);
  installFileBodyParsers(fastify, config.evidence.maxFileMb);
  await app.register(fastifyCookie);
  await installSecurityHeaders(fastify, config.env === 'production');
  const tokens = app.get(TokenService);
  const limiterRedis = await installRateLimit(fastify, {
    limits: config.http.rateLimits,
    redisUrl: config.redis.url,
    prefix: config.queue.prefix,
    userOf: (request) => {
      const header = request.headers.authorization;
      if (!header?.startsWith('Bearer ')) return null;
      try {
        return tokens.verifyAccess(header.slice(7)).sub;
      } catch {
        return null;
      }
    },
    apiKeyOf: (request) => {
      const key = apiKeyOf(request.headers);
      return key ? hashApiKey(key).toString('hex').slice(0, 32) : null;
    },
  });
  fastify.addHook('onClose', async () => void limiterRedis.disconnect());
  const spa = await SpaFallback.register(fastify, config.http.webDistDir);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(logger, spa, app.get(DenialRecorder)));
  setupOpenApi(app);
  return app;
}
