// Test helpers only: reads the sample text from docs/samples. Never import from production code.
export * from './lib/zhaoxian-union-2024.facts';
export * from './lib/zhaoxian-union.stored-v1';
