export * from './lib/source-document';
