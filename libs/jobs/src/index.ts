export * from './lib/queues';
export * from './lib/job-options';
export * from './lib/redis-connection';
export * from './lib/queue-error-logger';
