import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions may be checked from a short in-process cache (SESSION_CACHE_MS) only if every instance hears at once when
 * what the check reads changes. Statement triggers on those columns NOTIFY evalflow_auth_changed (delivered at commit
 * to every listening instance) and set evalflow.auth_changed in the changing transaction (read with its COMMIT by the
 * instance that made the change, so it forgets before it answers). Column lists keep frequent, harmless writes
 * (last_seen_at on a refresh, last_login_at) from emptying every cache.
 */
export class AuthChangeNotify1764300000000 implements MigrationInterface {
  name = 'AuthChangeNotify1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION evalflow_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('evalflow.auth_changed', 'on', true);
        PERFORM pg_notify('evalflow_auth_changed', '');
        RETURN NULL;
      END $$`);
    const triggers: Array<[table: string, events: string]> = [
      ['auth_sessions', 'UPDATE OF revoked_at, user_id, token_version OR DELETE'],
      ['users', 'UPDATE OF active, token_version, tenant_id, department_id, username, display_name OR DELETE'],
      ['user_roles', 'INSERT OR UPDATE OR DELETE'],
      ['tenants', 'UPDATE OF status, name, region_code OR DELETE'],
      ['departments', 'UPDATE OF name, kind OR DELETE'],
    ];
    for (const [table, events] of triggers) {
      await q.query(
        `CREATE TRIGGER ${table}_auth_changed AFTER ${events} ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION evalflow_auth_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['auth_sessions', 'users', 'user_roles', 'tenants', 'departments']) {
      await q.query(`DROP TRIGGER ${table}_auth_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION evalflow_auth_changed()`);
  }
}
