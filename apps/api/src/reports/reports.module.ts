import { Module } from '@nestjs/common';
import { ReportPartsService } from './report-parts.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { TransitionsService } from './transitions.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, ReportPartsService, TransitionsService] })
export class ReportsModule {}
