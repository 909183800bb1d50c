import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * County-wide exports made by the worker (指标明细 first): a request row whose job leaves through the outbox.
 * At most one export of a kind and parameters is queued or running per county (a partial unique key), so
 * asking again while one is under way finds it; `generation` is raised when the sweeper queues one anew
 * (its job then gets a new id).
 */
export class Exports1764220000000 implements MigrationInterface {
  name = 'Exports1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exports (
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind         text NOT NULL CHECK (kind IN ('indicator_rows')),
        params       jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
        status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        row_count    integer CHECK (row_count >= 0),
        storage_key  text,
        size_bytes   bigint CHECK (size_bytes >= 0),
        sha256       text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
        error        text,
        error_code   text CHECK (error_code ~ '^[A-Z][A-Z0-9_]*$'),
        attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        generation   integer NOT NULL DEFAULT 0 CHECK (generation >= 0),
        redrives     integer NOT NULL DEFAULT 0 CHECK (redrives >= 0),
        requested_by uuid REFERENCES users (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        queued_at    timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz,
        CONSTRAINT exports_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT exports_done_check CHECK (status <> 'done' OR (storage_key IS NOT NULL AND sha256 IS NOT NULL))
      )`);
    // one export under way per county, kind and parameters: a second request finds the first
    await q.query(
      `CREATE UNIQUE INDEX exports_unfinished_key ON exports (tenant_id, kind, params)
        WHERE status IN ('queued', 'running')`,
    );
    // the county's recent exports, newest first
    await q.query(`CREATE INDEX exports_recent_idx ON exports (tenant_id, created_at DESC)`);
    await isolateByTenant(q, 'exports');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exports`);
  }
}
