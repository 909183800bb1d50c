import type { DataSource } from 'typeorm';

interface RoleFacts {
  name: string;
  superuser: boolean;
  bypass: boolean;
  owned: number;
}

async function roleFacts(dataSource: DataSource): Promise<RoleFacts> {
  const [facts] = await dataSource.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return facts;
}

/**
 * Refuses to serve requests through a connection that would skip row-level security:
 * a superuser, a BYPASSRLS role, or the owner of any table.
 */
export async function assertConnectionIsRlsBound(dataSource: DataSource): Promise<void> {
  const role = await roleFacts(dataSource);
  if (role.superuser || role.bypass || role.owned > 0) {
    throw new Error(
      `DATABASE_URL connects as "${role.name}", which ${
        role.superuser ? 'is a superuser' : role.bypass ? 'has BYPASSRLS' : `owns ${role.owned} table(s)`
      }: row-level security would not isolate tenants. Use the application role (see README).`,
    );
  }
}

/** The platform connection bypasses RLS by design, but must be neither a superuser nor an owner. */
export async function assertPlatformConnection(dataSource: DataSource): Promise<void> {
  const role = await roleFacts(dataSource);
  if (role.superuser || role.owned > 0 || !role.bypass) {
    throw new Error(
      `DATABASE_PLATFORM_URL connects as "${role.name}", which ${
        role.superuser ? 'is a superuser' : role.owned > 0 ? `owns ${role.owned} table(s)` : 'lacks BYPASSRLS'
      }: use the platform role that npm run db:migrate creates.`,
    );
  }
}
