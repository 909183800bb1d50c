import type { DataSource } from 'typeorm';

/**
 * Refuses to serve requests through a connection that would skip row-level security:
 * a superuser, a BYPASSRLS role, or the owner of any table.
 */
export async function assertConnectionIsRlsBound(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query(
    `SELECT current_user AS name, rolsuper AS superuser, rolbypassrls AS bypass
       FROM pg_roles WHERE rolname = current_user`,
  );
  const [{ owned }] = await dataSource.query(
    `SELECT count(*)::int AS owned FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
  );
  if (role.superuser || role.bypass || owned > 0) {
    throw new Error(
      `DATABASE_URL connects as "${role.name}", which ${
        role.superuser ? 'is a superuser' : role.bypass ? 'has BYPASSRLS' : `owns ${owned} table(s)`
      }: row-level security would not isolate tenants. Use the application role (see README).`,
    );
  }
}
