export * from './lib/request-context';
export * from './lib/logger';
export * from './lib/nest-logger';
export * from './lib/redis-health.indicator';
export * from './lib/health.module';
export * from './lib/shutdown';
