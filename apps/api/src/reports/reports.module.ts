import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { ReportPartsService } from './report-parts.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { TransitionsService } from './transitions.service';

@Module({
  controllers: [ReportsController, CommentsController],
  providers: [ReportsService, ReportPartsService, TransitionsService, CommentsService],
})
export class ReportsModule {}
