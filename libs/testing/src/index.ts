export * from './lib/test-database';
export * from './lib/app-processes';
export * from './lib/tcp-proxy';
export * from './lib/nginx-proxy';
