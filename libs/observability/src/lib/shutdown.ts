import type { Logger } from 'pino';

interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: stop taking work and drain (Nest's close runs every shutdown hook: the HTTP
 * server stops accepting, BullMQ workers finish their running jobs, pools close), then exit 0.
 * If draining outlasts the deadline, exit 1: unfinished jobs are handed back through BullMQ's
 * stalled-job recovery.
 */
export function handleShutdownSignals(app: Closable, logger: Logger, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down: no new work is accepted, running work is drained');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown deadline passed: exiting with work unfinished');
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => {
        logger.info('stopped cleanly');
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
