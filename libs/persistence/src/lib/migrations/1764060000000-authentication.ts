import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (refresh-token families), their rotating refresh tokens (stored as SHA-256 only),
 * and the failed-login counters used for throttling.
 */
export class Authentication1764060000000 implements MigrationInterface {
  name = 'Authentication1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      uuid REFERENCES tenants (id),
        user_id        uuid NOT NULL REFERENCES users (id),
        -- the user's token_version when the session began: raising it ends every session at once
        token_version  integer NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        last_seen_at   timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('logout', 'refresh_reuse', 'password_changed')),
        client_ip      inet,
        user_agent     text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
        tenant_id  uuid REFERENCES tenants (id),
        issued_at  timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at    timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_id_idx ON refresh_tokens (session_id)`);

    // Keys are 'account:' + sha256(lower(username)) or 'address:' + client address: no tenant, no name in clear.
    await q.query(`
      CREATE TABLE login_throttle (
        key               text PRIMARY KEY,
        failures          integer NOT NULL CHECK (failures >= 0),
        window_started_at timestamptz NOT NULL,
        locked_until      timestamptz
      )`);

    for (const table of ['auth_sessions', 'refresh_tokens']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant())
          WITH CHECK (tenant_id = app_current_tenant())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
