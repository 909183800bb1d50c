import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName: string;
}

/** TypeORM options for PostgreSQL. synchronize is off: the schema changes only through migrations. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    // every table is reached through SQL in typed functions (reports/, documents/, …): no entity mapping
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName,
      statement_timeout: settings.statementTimeoutMs ?? 15000,
      connectionTimeoutMillis: 5000,
      idle_in_transaction_session_timeout: 60000,
      // JIT compiles a plan once its estimated cost passes jit_above_cost: ~20–60 ms for a query that runs in under
      // 1 ms here (县级概览's departments at national scale, bench:scale). Every query of this application is short.
      options: '-c jit=off',
    },
  };
}
