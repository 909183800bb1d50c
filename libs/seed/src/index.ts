export * from './lib/demo-data';
export * from './lib/seed-demo';
