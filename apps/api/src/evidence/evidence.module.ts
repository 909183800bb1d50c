import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { documentStorageProvider } from '@evalflow/storage';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_SCANNER, scannerFromConfig } from './inspection/evidence-scanner';

@Module({
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    documentStorageProvider,
    {
      provide: EVIDENCE_SCANNER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => scannerFromConfig(config.get('evidence', { infer: true })),
    },
  ],
})
export class EvidenceModule {}
