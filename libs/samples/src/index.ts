export * from './lib/zhaoxian-union-2024';
export * from './lib/projects-2024';
