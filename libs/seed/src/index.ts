export * from './lib/demo-data';
export * from './lib/seed-demo';
export * from './lib/demo-library';
export * from './lib/scale/seed-scale';
