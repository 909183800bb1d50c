import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { appConfigModule, type AppConfig } from '@evalflow/config';
import { DEFAULT_JOB_OPTIONS, QueueErrorLogger, redisConnectionOptions } from '@evalflow/jobs';
import { HealthModule } from '@evalflow/observability';
import { PersistenceModule } from '@evalflow/persistence';
import { SystemModule } from './system/system.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        appConfigModule(config),
        PersistenceModule.forRoot({
          url: config.database.url,
          poolSize: config.database.poolSize,
          statementTimeoutMs: config.database.statementTimeoutMs,
          applicationName: 'evalflow-api',
        }),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url, 'producer'),
          prefix: config.queue.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        HealthModule.register({ redisUrl: config.redis.url }),
        SystemModule,
      ],
      providers: [QueueErrorLogger],
    };
  }
}
