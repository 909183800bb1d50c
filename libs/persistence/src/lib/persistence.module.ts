import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { TenantDb } from './tenant-db';

export interface PersistenceModuleOptions {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  applicationName: string;
}

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options),
          // Fail start-up fast with the driver's error instead of retrying for minutes.
          retryAttempts: 0,
        }),
      ],
      providers: [TenantDb],
      exports: [TenantDb],
    };
  }
}
