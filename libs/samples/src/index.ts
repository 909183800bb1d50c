export * from './lib/zhaoxian-union-2024';
