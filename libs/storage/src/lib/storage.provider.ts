import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { storageFromConfig } from './storage-from-config';

/** Injection token of the configured DocumentStorage (api reads documents, the worker writes them). */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

export const documentStorageProvider: Provider = {
  provide: DOCUMENT_STORAGE,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => storageFromConfig(config.get('storage', { infer: true })),
};
