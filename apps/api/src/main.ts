import 'reflect-metadata';
import { loadConfigOrExit } from '@evalflow/config';
import { createLogger, handleShutdownSignals } from '@evalflow/observability';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.log.level, service: 'api' });
  try {
    const app = await createApiApp(config, logger);
    handleShutdownSignals(app, logger, config.shutdownTimeoutMs);
    await app.listen({ port: config.http.port, host: config.http.host });
    logger.info({ port: config.http.port }, `API listening on http://${config.http.host}:${config.http.port}/api`);
  } catch (error) {
    logger.fatal({ err: error }, `API failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
