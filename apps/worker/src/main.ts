import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit } from '@evalflow/config';
import { LogController } from 'fastify';
import { createLogger, handleShutdownSignals, PinoNestLogger } from '@evalflow/observability';
import { assertConnectionIsRlsBound } from '@evalflow/persistence';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

/**
 * The worker runs BullMQ processors. Its only HTTP routes are GET /health and GET /ready,
 * on WORKER_HEALTH_PORT, for the orchestrator.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.log.level, service: 'worker' });
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      WorkerModule.forRoot(config),
      new FastifyAdapter({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) }),
      { logger: new PinoNestLogger(logger), abortOnError: false },
    );
    await assertConnectionIsRlsBound(app.get(DataSource));
    handleShutdownSignals(app, logger, config.shutdownTimeoutMs);
    await app.listen({ port: config.worker.healthPort, host: config.http.host });
    logger.info({ port: config.worker.healthPort }, `worker running; health on port ${config.worker.healthPort}`);
  } catch (error) {
    logger.fatal({ err: error }, `worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
