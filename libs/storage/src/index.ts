export * from './lib/document-storage';
export * from './lib/local-directory-storage';
export * from './lib/s3-storage';
export * from './lib/storage-failure';
export * from './lib/storage-from-config';
export * from './lib/storage.provider';
