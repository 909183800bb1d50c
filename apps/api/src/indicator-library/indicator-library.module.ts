import { Module } from '@nestjs/common';
import { IndicatorLibraryController } from './indicator-library.controller';
import { IndicatorLibraryService } from './indicator-library.service';

@Module({ controllers: [IndicatorLibraryController], providers: [IndicatorLibraryService] })
export class IndicatorLibraryModule {}
