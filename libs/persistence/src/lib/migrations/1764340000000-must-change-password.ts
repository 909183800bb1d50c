import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password an administrator set (a new account, a reset) is known to two people: its user must replace it before
 * doing anything else. The session check reads the flag, so a change of it empties the session caches too.
 */
export class MustChangePassword1764340000000 implements MigrationInterface {
  name = 'MustChangePassword1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`DROP TRIGGER users_auth_changed ON users`);
    await q.query(
      `CREATE TRIGGER users_auth_changed
         AFTER UPDATE OF active, token_version, tenant_id, department_id, username, display_name, must_change_password
            OR DELETE ON users
         FOR EACH STATEMENT EXECUTE FUNCTION evalflow_auth_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_auth_changed ON users`);
    await q.query(
      `CREATE TRIGGER users_auth_changed
         AFTER UPDATE OF active, token_version, tenant_id, department_id, username, display_name OR DELETE ON users
         FOR EACH STATEMENT EXECUTE FUNCTION evalflow_auth_changed()`,
    );
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
