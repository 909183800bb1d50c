import { ConfigModule, ConfigService } from '@nestjs/config';
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config';

/** Registers an already validated AppConfig with @nestjs/config, globally. */
export function appConfigModule(config: AppConfig): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    load: [() => ({ ...config })],
  });
}

export type AppConfigService = ConfigService<AppConfig, true>;
