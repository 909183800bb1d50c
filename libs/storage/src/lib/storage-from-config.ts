import type { AppConfig } from '@evalflow/config';
import type { DocumentStorage } from './document-storage';
import { LocalDirectoryStorage } from './local-directory-storage';
import { S3Storage } from './s3-storage';

export type StorageConfig = AppConfig['storage'];

/** The configured store (STORAGE_DRIVER): a local directory by default, or an S3-compatible bucket. */
export function storageFromConfig(config: StorageConfig): DocumentStorage {
  if (config.driver === 's3') {
    if (!config.s3) throw new Error('STORAGE_DRIVER=s3 needs the S3_* settings');
    return new S3Storage(config.s3);
  }
  return new LocalDirectoryStorage(config.dir);
}
