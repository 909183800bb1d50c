import { Module } from '@nestjs/common';
import { documentStorageProvider } from '@evalflow/storage';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({ controllers: [DocumentsController], providers: [DocumentsService, documentStorageProvider] })
export class DocumentsModule {}
