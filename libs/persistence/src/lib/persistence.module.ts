import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { PLATFORM_CONNECTION, PlatformDb } from './platform-db';
import { TenantDb } from './tenant-db';

export interface PersistenceModuleOptions {
  url: string;
  /** When given, the platform connection (authentication, platform administration) is registered too. */
  platformUrl?: string;
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
        ...(options.platformUrl
          ? [
              TypeOrmModule.forRoot({
                ...dataSourceOptions({
                  ...options,
                  url: options.platformUrl,
                  poolSize: Math.max(2, Math.ceil(options.poolSize / 2)),
                  applicationName: `${options.applicationName}-platform`,
                }),
                name: PLATFORM_CONNECTION,
                retryAttempts: 0,
              }),
            ]
          : []),
      ],
      providers: options.platformUrl ? [TenantDb, PlatformDb] : [TenantDb],
      exports: options.platformUrl ? [TenantDb, PlatformDb] : [TenantDb],
    };
  }
}
