import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Imports of an existing report (a .docx, .txt or .xlsx) into a draft: the uploaded file's row, parsed by the
 * worker into a proposed content with each value's source, then applied (or discarded) by the clerk. The
 * applied import's `result` holds the sources the editor shows (the newest applied one of a report counts).
 * A revision now says why it was frozen: a submit, or the content an import replaced.
 */
export class ReportImports1764230000000 implements MigrationInterface {
  name = 'ReportImports1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_imports (
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id     uuid NOT NULL,
        status        text NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'parsing', 'ready', 'applied', 'failed', 'discarded')),
        progress      integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        format        text NOT NULL CHECK (format IN ('docx', 'txt', 'xlsx')),
        storage_key   text NOT NULL,
        size_bytes    bigint NOT NULL CHECK (size_bytes >= 0),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        result        jsonb CHECK (result IS NULL OR jsonb_typeof(result) = 'object'),
        error_code    text CHECK (error_code ~ '^[A-Z][A-Z0-9_]*$'),
        error         text,
        attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        generation    integer NOT NULL DEFAULT 0 CHECK (generation >= 0),
        revision_id   uuid,
        requested_by  uuid REFERENCES users (id),
        applied_by    uuid REFERENCES users (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        started_at    timestamptz,
        finished_at   timestamptz,
        applied_at    timestamptz,
        CONSTRAINT report_imports_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT report_imports_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT report_imports_revision_fk FOREIGN KEY (tenant_id, revision_id)
          REFERENCES report_revisions (tenant_id, id),
        CONSTRAINT report_imports_ready_check CHECK (status NOT IN ('ready', 'applied') OR result IS NOT NULL),
        CONSTRAINT report_imports_failed_check CHECK (status <> 'failed' OR error_code IS NOT NULL)
      )`);
    // a report's imports, newest first (the applied one whose sources the editor shows)
    await q.query(`CREATE INDEX report_imports_report_idx ON report_imports (tenant_id, report_id, created_at DESC)`);
    await isolateByTenant(q, 'report_imports');
    await q.query(
      `ALTER TABLE report_revisions ADD COLUMN reason text NOT NULL DEFAULT 'submit'
         CHECK (reason IN ('submit', 'import'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_imports`);
    await q.query(`ALTER TABLE report_revisions DROP COLUMN reason`);
  }
}
