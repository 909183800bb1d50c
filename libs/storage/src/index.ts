export * from './lib/document-storage';
export * from './lib/local-directory-storage';
export * from './lib/s3-storage';
export * from './lib/sigv4';
export * from './lib/storage-from-config';
export * from './lib/storage.provider';
