import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Idempotency-Key: a client's retried POST gets the first answer instead of a second comment, reply
 * or render. Keyed per user; kept a day. The platform role (the API's edge) claims a key and keeps its
 * answer; the request's own tenant transaction marks it committed (committed_at), under the claim's
 * token, so a write and its mark commit together, and a taken-over claim can no longer commit.
 */
export class IdempotencyKeys1764170000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key          text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{8,128}$'),
        -- the user's county (NULL for platform operators): the tenant transaction sees its own only
        tenant_id    uuid REFERENCES tenants (id) ON DELETE CASCADE,
        claim_token  uuid NOT NULL,
        request_hash bytea NOT NULL,
        committed_at timestamptz,
        status_code  integer CHECK (status_code BETWEEN 200 AND 299),
        response     jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
    await isolateByTenant(q, 'idempotency_keys');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
