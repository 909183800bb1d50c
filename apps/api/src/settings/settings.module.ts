import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';
import { DeadlinesService } from './deadlines.service';
import { SettingsService } from './settings.service';

@Module({ controllers: [SettingsController], providers: [SettingsService, DeadlinesService] })
export class SettingsModule {}
