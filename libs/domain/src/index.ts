export * from './lib/errors/error-catalogue';
export * from './lib/tenancy/roles';
export * from './lib/tenancy/organisation';
export * from './lib/glossary';
