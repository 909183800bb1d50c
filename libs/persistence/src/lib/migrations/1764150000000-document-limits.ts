import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets nothing stay stuck: a failed document keeps a stable code beside its message (a limit of the
 * renderer: pages, size, time, memory; or a render given up); when it was last queued (a document queued or
 * rendering far longer than a render may take is re-driven by the worker's sweeper, or queued anew when asked
 * for again); how often the sweeper re-drove it. An outbox row is settled once its job was seen to finish
 * (the sweeper checks the jobs of unsettled rows, and re-drives those gone or failed, counting each).
 */
export class DocumentLimits1764150000000 implements MigrationInterface {
  name = 'DocumentLimits1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents
        ADD COLUMN error_code text CHECK (error_code ~ '^[A-Z][A-Z0-9_]*$'),
        ADD COLUMN queued_at  timestamptz,
        ADD COLUMN redrives   integer NOT NULL DEFAULT 0 CHECK (redrives >= 0)`);
    await q.query(`UPDATE documents SET queued_at = created_at`);
    await q.query(
      `ALTER TABLE documents ALTER COLUMN queued_at SET DEFAULT now(), ALTER COLUMN queued_at SET NOT NULL`,
    );
    // the sweeper's scan, county by county: only unfinished documents are indexed
    await q.query(
      `CREATE INDEX documents_unfinished_idx ON documents (tenant_id, queued_at) WHERE status IN ('queued', 'rendering')`,
    );

    await q.query(`
      ALTER TABLE outbox
        ADD COLUMN settled_at timestamptz,
        ADD COLUMN redrives   integer NOT NULL DEFAULT 0 CHECK (redrives >= 0)`);
    // rows relayed before the sweeper existed are not checked
    await q.query(`UPDATE outbox SET settled_at = relayed_at WHERE relayed_at IS NOT NULL`);
    await q.query(
      `CREATE INDEX outbox_unsettled_idx ON outbox (relayed_at) WHERE relayed_at IS NOT NULL AND settled_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_unsettled_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN redrives, DROP COLUMN settled_at`);
    await q.query(`DROP INDEX documents_unfinished_idx`);
    await q.query(`ALTER TABLE documents DROP COLUMN redrives, DROP COLUMN queued_at, DROP COLUMN error_code`);
  }
}
