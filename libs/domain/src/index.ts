export * from './lib/errors/error-catalogue';
export * from './lib/tenancy/roles';
export * from './lib/tenancy/organisation';
export * from './lib/glossary';
export * from './lib/access/principal';
export * from './lib/access/abilities';
export * from './lib/identity/password-policy';
export * from './lib/identity/role-assignment';
