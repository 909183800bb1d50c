import { Module } from '@nestjs/common';
import { documentStorageProvider } from '@evalflow/storage';
import { EvidenceService } from './evidence.service';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';
import { SpotChecksController } from './spot-checks.controller';
import { SpotChecksService } from './spot-checks.service';

/** 抽评 (the finance bureau's selections) and 整改 (findings and items of a selected report, answered by its department). */
@Module({
  controllers: [SpotChecksController, RectificationsController],
  providers: [SpotChecksService, RectificationsService, EvidenceService, documentStorageProvider],
})
export class SpotChecksModule {}
