export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/data-source-options';
export * from './lib/persistence.module';
export * from './lib/tenant-db';
export * from './lib/rls-precondition';
export * from './lib/setup/database-setup';
export * from './lib/setup/table-grants';
