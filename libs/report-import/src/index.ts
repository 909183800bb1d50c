export * from './lib/source-document';
export * from './lib/figures';
