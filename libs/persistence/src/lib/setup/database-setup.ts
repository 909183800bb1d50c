import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { APP_TABLE_GRANTS, PLATFORM_TABLE_GRANTS, type Privilege } from './table-grants';

export interface SetupTargets {
  /** Owner connection: creates the database and roles, runs migrations. */
  migrationUrl: string;
  /** Application connection (RLS applies): its role gets only the grants of APP_TABLE_GRANTS. */
  appUrl: string;
  /** Authentication and platform administration (BYPASSRLS): PLATFORM_TABLE_GRANTS. */
  platformUrl: string;
}

export interface SetupReport {
  databaseCreated: boolean;
  rolesCreated: string[];
  migrationsApplied: string[];
}

const MIGRATION_LOCK_KEY = 'evalflow:migrations';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The URL ${redactUrl(url)} names no database`);
  return name;
}

export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'evalflow-setup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named by the owner URL when it is missing. */
export async function ensureDatabase(migrationUrl: string): Promise<boolean> {
  const name = databaseNameOf(migrationUrl);
  return withClient(withDatabase(migrationUrl, 'postgres'), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)} ENCODING 'UTF8' TEMPLATE template0`);
    } catch (error) {
      // Another process created it first.
      if ((error as { code?: string }).code !== '42P04') throw error;
      return false;
    }
    return true;
  });
}

function roleOf(url: string, variable: string): { role: string; password?: string } {
  const u = new URL(url);
  const role = decodeURIComponent(u.username);
  if (!role) throw new Error(`${variable} must name its role (user), e.g. postgres://evalflow_app@host/db`);
  return { role, password: u.password ? decodeURIComponent(u.password) : undefined };
}

/**
 * Creates a login role when missing, and refuses one whose powers would defeat isolation:
 * no role may be a superuser; only the platform role may bypass row-level security.
 */
async function ensureRole(owner: Client, url: string, variable: string, bypassRls: boolean): Promise<boolean> {
  const { role, password } = roleOf(url, variable);
  const existing = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
    [role],
  );
  const attributes = `LOGIN NOSUPERUSER ${bypassRls ? 'BYPASSRLS' : 'NOBYPASSRLS'} NOCREATEDB NOCREATEROLE`;
  if (existing.rowCount) {
    const { rolsuper, rolbypassrls } = existing.rows[0];
    if (rolsuper || (rolbypassrls && !bypassRls)) {
      throw new Error(
        `${variable}'s role "${role}" is a superuser or has BYPASSRLS; row-level security would not apply. Use a plain role.`,
      );
    }
    if (!rolbypassrls && bypassRls) await owner.query(`ALTER ROLE ${quoteIdent(role)} BYPASSRLS`);
    if (password) await owner.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${quoteLiteral(password)}`);
    return false;
  }
  try {
    await owner.query(
      `CREATE ROLE ${quoteIdent(role)} ${attributes}` + (password ? ` PASSWORD ${quoteLiteral(password)}` : ''),
    );
  } catch (error) {
    // Roles are cluster-wide: a parallel setup may have created it.
    if ((error as { code?: string }).code !== '42710') throw error;
    return false;
  }
  return true;
}

/** The owner creates roles and writes across tenants (seeds), so it must not be bound by RLS. */
async function assertOwnerCanAdminister(owner: Client): Promise<void> {
  const { rows } = await owner.query<{ name: string; ok: boolean }>(
    `SELECT current_user AS name, (rolsuper OR (rolbypassrls AND rolcreaterole)) AS ok
       FROM pg_roles WHERE rolname = current_user`,
  );
  if (!rows[0]?.ok) {
    throw new Error(
      `DATABASE_MIGRATION_URL connects as "${rows[0]?.name}", which needs to be a superuser or have BYPASSRLS and CREATEROLE`,
    );
  }
}

async function applyGrants(owner: Client, url: string, grants: Record<string, Privilege[]>, name: string) {
  const role = quoteIdent(roleOf(url, name).role);
  const database = quoteIdent(databaseNameOf(url));
  const tables = await owner.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const unlisted = tables.rows.map((r) => r.tablename).filter((t) => !(t in grants));
  if (unlisted.length) throw new Error(`Tables without an entry in the grants for ${name}: ${unlisted.join(', ')}`);
  await owner.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  for (const { tablename } of tables.rows) {
    await owner.query(`REVOKE ALL ON TABLE ${quoteIdent(tablename)} FROM ${role}`);
    const privileges = grants[tablename];
    if (privileges.length) {
      await owner.query(`GRANT ${privileges.join(', ')} ON TABLE ${quoteIdent(tablename)} TO ${role}`);
    }
  }
  await owner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await owner.query(`GRANT EXECUTE ON FUNCTION app_current_tenant() TO ${role}`);
  // the public disclosure page's county lookup (an active county's id and name by its code)
  await owner.query(`GRANT EXECUTE ON FUNCTION public_county(text) TO ${role}`);
}

/**
 * Creates what is missing (database, application role), applies pending migrations under an
 * advisory lock (several starters may race) and re-applies the table grants. Idempotent.
 */
export async function setupDatabase(targets: SetupTargets): Promise<SetupReport> {
  const databaseCreated = await ensureDatabase(targets.migrationUrl);
  return withClient(targets.migrationUrl, async (owner) => {
    await assertOwnerCanAdminister(owner);
    await owner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    try {
      const rolesCreated: string[] = [];
      if (await ensureRole(owner, targets.appUrl, 'DATABASE_URL', false))
        rolesCreated.push(roleOf(targets.appUrl, '').role);
      if (await ensureRole(owner, targets.platformUrl, 'DATABASE_PLATFORM_URL', true)) {
        rolesCreated.push(roleOf(targets.platformUrl, '').role);
      }
      const dataSource = new DataSource(
        dataSourceOptions({ url: targets.migrationUrl, poolSize: 1, applicationName: 'evalflow-migrate' }),
      );
      await dataSource.initialize();
      let applied: string[];
      try {
        const migrations = await dataSource.runMigrations({ transaction: 'each' });
        applied = migrations.map((m) => m.name);
      } finally {
        await dataSource.destroy();
      }
      await owner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await applyGrants(owner, targets.appUrl, APP_TABLE_GRANTS, 'DATABASE_URL');
      await applyGrants(owner, targets.platformUrl, PLATFORM_TABLE_GRANTS, 'DATABASE_PLATFORM_URL');
      return { databaseCreated, rolesCreated, migrationsApplied: applied };
    } finally {
      await owner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** Reverts the newest migration (development use). */
export async function revertLastMigration(migrationUrl: string): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: migrationUrl, poolSize: 1, applicationName: 'evalflow-migrate' }),
  );
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
