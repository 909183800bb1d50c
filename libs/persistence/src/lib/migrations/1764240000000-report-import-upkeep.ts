import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The upkeep of report imports, by the worker's sweeper:
 * - an import whose parse job was lost is queued anew as an export is (`queued_at` restarts its clock,
 *   `redrives` bounds how often; `generation` already names the new job);
 * - a parsed import left neither applied nor discarded expires (`expired`, at `expired_at`);
 * - the uploaded file of a discarded, failed or expired import is deleted from storage, and
 *   `file_deleted_at` says it was: a row without it is tried again on the next sweep.
 */
export class ReportImportUpkeep1764240000000 implements MigrationInterface {
  name = 'ReportImportUpkeep1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_imports
        ADD COLUMN redrives integer NOT NULL DEFAULT 0 CHECK (redrives >= 0),
        ADD COLUMN queued_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN expired_at timestamptz,
        ADD COLUMN file_deleted_at timestamptz`);
    // the migration role bypasses row-level security: every county's rows
    await q.query(`UPDATE report_imports SET queued_at = created_at`);
    await q.query(`ALTER TABLE report_imports DROP CONSTRAINT report_imports_status_check`);
    await q.query(`
      ALTER TABLE report_imports
        ADD CONSTRAINT report_imports_status_check
          CHECK (status IN ('queued', 'parsing', 'ready', 'applied', 'failed', 'discarded', 'expired')),
        ADD CONSTRAINT report_imports_expired_check CHECK ((status = 'expired') = (expired_at IS NOT NULL)),
        ADD CONSTRAINT report_imports_file_deleted_check
          CHECK (file_deleted_at IS NULL OR status IN ('failed', 'discarded', 'expired'))`);
    // what the sweeper looks at: imports under way or waiting for confirmation, and closed ones still holding a file
    await q.query(`
      CREATE INDEX report_imports_upkeep_idx ON report_imports (tenant_id, status)
        WHERE status IN ('queued', 'parsing', 'ready')
           OR (file_deleted_at IS NULL AND status IN ('failed', 'discarded', 'expired'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_imports_upkeep_idx`);
    await q.query(`
      ALTER TABLE report_imports
        DROP CONSTRAINT report_imports_file_deleted_check,
        DROP CONSTRAINT report_imports_expired_check,
        DROP CONSTRAINT report_imports_status_check`);
    // an expired import was never applied: it reads as discarded
    await q.query(`UPDATE report_imports SET status = 'discarded' WHERE status = 'expired'`);
    await q.query(`
      ALTER TABLE report_imports
        ADD CONSTRAINT report_imports_status_check
          CHECK (status IN ('queued', 'parsing', 'ready', 'applied', 'failed', 'discarded')),
        DROP COLUMN file_deleted_at,
        DROP COLUMN expired_at,
        DROP COLUMN queued_at,
        DROP COLUMN redrives`);
  }
}
