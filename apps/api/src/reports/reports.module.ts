import { Module } from '@nestjs/common';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { ReportPartsService } from './report-parts.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { RescoreController } from './rescore.controller';
import { RescoreService } from './rescore.service';
import { TransitionsService } from './transitions.service';

@Module({
  controllers: [ReportsController, CommentsController, RescoreController],
  providers: [ReportsService, ReportPartsService, TransitionsService, CommentsService, RescoreService],
})
export class ReportsModule {}
