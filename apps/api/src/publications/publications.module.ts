import { Module } from '@nestjs/common';
import { documentStorageProvider } from '@evalflow/storage';
import { PublicDisclosureController } from './public-disclosure.controller';
import { PublicDisclosureService } from './public-disclosure.service';
import { PublicationsController } from './publications.controller';
import { PublicationsService } from './publications.service';

@Module({
  controllers: [PublicationsController, PublicDisclosureController],
  providers: [PublicationsService, PublicDisclosureService, documentStorageProvider],
})
export class PublicationsModule {}
