import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { appConfigModule, type AppConfig } from '@evalflow/config';
import { DEFAULT_JOB_OPTIONS, QueueErrorLogger, redisConnectionOptions } from '@evalflow/jobs';
import { HealthModule } from '@evalflow/observability';
import { PersistenceModule } from '@evalflow/persistence';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HomeModule } from './home/home.module';
import { DepartmentsModule } from './departments/departments.module';
import { IndicatorLibraryModule } from './indicator-library/indicator-library.module';
import { ScoreSheetsModule } from './score-sheets/score-sheets.module';
import { ReportImportsModule } from './report-imports/report-imports.module';
import { EvidenceModule } from './evidence/evidence.module';
import { NotificationsModule } from './notifications/notifications.module';
import { DocumentsModule } from './documents/documents.module';
import { ExportsModule } from './exports/exports.module';
import { ReportsModule } from './reports/reports.module';
import { TemplatesModule } from './templates/templates.module';
import { SettingsModule } from './settings/settings.module';
import { SpotChecksModule } from './spot-checks/spot-checks.module';
import { SystemModule } from './system/system.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { PublicationsModule } from './publications/publications.module';
import { DelegationsModule } from './delegations/delegations.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        appConfigModule(config),
        PersistenceModule.forRoot({
          url: config.database.url,
          platformUrl: config.database.platformUrl,
          poolSize: config.database.poolSize,
          statementTimeoutMs: config.database.statementTimeoutMs,
          applicationName: 'evalflow-api',
        }),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url, 'producer'),
          prefix: config.queue.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        HealthModule.register({ redisUrl: config.redis.url, redisRequired: false }),
        AuditModule,
        AccessModule,
        AuthModule,
        TenantsModule,
        DepartmentsModule,
        UsersModule,
        SettingsModule,
        ReportsModule,
        DashboardModule,
        HomeModule,
        TemplatesModule,
        IndicatorLibraryModule,
        ScoreSheetsModule,
        ReportImportsModule,
        EvidenceModule,
        DocumentsModule,
        ExportsModule,
        NotificationsModule,
        SpotChecksModule,
        SystemModule,
        PublicationsModule,
        DelegationsModule,
        ApiKeysModule,
        WebhooksModule,
      ],
      providers: [QueueErrorLogger, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}
