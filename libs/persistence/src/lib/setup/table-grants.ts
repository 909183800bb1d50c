/**
 * What the application role may do with each table. Every table of the schema must be listed
 * (a test checks it), so a new table is never reachable by accident nor forgotten.
 * Row-level security still decides which rows.
 */
export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export const APP_TABLE_GRANTS: Record<string, Privilege[]> = {
  tenants: ['SELECT'],
  departments: ['SELECT', 'INSERT', 'UPDATE'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
  user_roles: ['SELECT', 'INSERT', 'DELETE'],
  audit_log: ['SELECT', 'INSERT'],
  schema_migrations: [],
};
