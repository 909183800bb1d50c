export * from './lib/password-hasher';
