import { Module } from '@nestjs/common';
import { ScoreSheetsController } from './score-sheets.controller';
import { ScoreSheetsService } from './score-sheets.service';

@Module({ controllers: [ScoreSheetsController], providers: [ScoreSheetsService] })
export class ScoreSheetsModule {}
