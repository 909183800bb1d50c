import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * API keys (service accounts) of a county, for 预算一体化 and other systems that pull results.
 * Only the SHA-256 of the key is kept: the key carries 256 random bits, so a fast unsalted hash cannot be
 * reversed or guessed, and it can be looked up by equality. Revoked, never deleted: the audit log names them.
 */
export class ApiKeys1764280000000 implements MigrationInterface {
  name = 'ApiKeys1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix       text NOT NULL,
        key_hash     bytea NOT NULL UNIQUE,
        scopes       text[] NOT NULL CHECK (cardinality(scopes) > 0
                       AND scopes <@ ARRAY['reports:read', 'documents:read', 'summary:read']),
        created_by   uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz,
        last_used_at timestamptz,
        revoked_at   timestamptz,
        revoked_by   uuid,
        CONSTRAINT api_keys_creator_fk FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
        CONSTRAINT api_keys_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at)`);
    await isolateByTenant(q, 'api_keys');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
