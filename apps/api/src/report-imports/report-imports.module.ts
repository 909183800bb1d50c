import { Module } from '@nestjs/common';
import { documentStorageProvider } from '@evalflow/storage';
import { ReportImportsController } from './report-imports.controller';
import { ReportImportsService } from './report-imports.service';

@Module({ controllers: [ReportImportsController], providers: [ReportImportsService, documentStorageProvider] })
export class ReportImportsModule {}
