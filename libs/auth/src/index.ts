export * from './lib/password-hasher';
export * from './lib/route-access';
