import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Webhooks: a county's endpoints and one delivery row per (event, endpoint), written in the event's
 * transaction. The secret is kept encrypted (AES-256-GCM under WEBHOOK_SECRET_KEY): signing needs it back,
 * so a hash would not do. A delivery keeps each attempt (status, time, a bounded excerpt of the answer).
 */
export class Webhooks1764270000000 implements MigrationInterface {
  name = 'Webhooks1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenants (id),
        url              text NOT NULL CHECK (length(url) <= 2000),
        events           text[] NOT NULL CHECK (cardinality(events) > 0),
        description      text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
        active           boolean NOT NULL DEFAULT true,
        secret_encrypted text NOT NULL,
        -- the first failure since the last success: a day of it pauses the endpoint
        failing_since    timestamptz,
        paused_at        timestamptz,
        paused_reason    text,
        created_by       uuid NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        deleted_at       timestamptz,
        UNIQUE (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (tenant_id) WHERE deleted_at IS NULL`,
    );
    await isolateByTenant(q, 'webhook_endpoints');

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      uuid NOT NULL REFERENCES tenants (id),
        endpoint_id    uuid NOT NULL,
        event          text NOT NULL,
        event_key      text NOT NULL,
        payload        jsonb NOT NULL,
        status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts       jsonb NOT NULL DEFAULT '[]'::jsonb,
        replays        integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        succeeded_at   timestamptz,
        CONSTRAINT webhook_deliveries_endpoint_fk FOREIGN KEY (tenant_id, endpoint_id)
          REFERENCES webhook_endpoints (tenant_id, id),
        UNIQUE (endpoint_id, event_key)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC)`);
    await isolateByTenant(q, 'webhook_deliveries');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
