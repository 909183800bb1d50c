import type { QueryRunner } from 'typeorm';

/** Row-level security on a tenant-owned table: forced, and bound to app_current_tenant() both ways. */
export async function isolateByTenant(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(`
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant())
      WITH CHECK (tenant_id = app_current_tenant())`);
}
