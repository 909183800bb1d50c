import { Module } from '@nestjs/common';
import { documentStorageProvider } from '@evalflow/storage';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ controllers: [ExportsController], providers: [ExportsService, documentStorageProvider] })
export class ExportsModule {}
