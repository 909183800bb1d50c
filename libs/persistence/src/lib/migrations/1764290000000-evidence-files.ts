import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * 佐证材料: files attached to a report or one of its indicator rows (by the row's 三级指标 name), and the files each
 * revision froze. A file is removed softly (deleted_at); its bytes are deleted only when no revision holds it
 * (file_deleted_at once they are gone), so a returned-and-resubmitted report keeps what the earlier submission showed.
 * The county's limits (MB) stay NULL until it sets them (the defaults apply).
 */
export class EvidenceFiles1764290000000 implements MigrationInterface {
  name = 'EvidenceFiles1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_evidence (
        tenant_id       uuid NOT NULL REFERENCES tenants (id),
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        report_id       uuid NOT NULL,
        indicator       text CHECK (indicator IS NULL OR length(indicator) BETWEEN 1 AND 200),
        file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        kind            text NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'docx', 'xlsx', 'zip')),
        content_type    text NOT NULL,
        size_bytes      bigint NOT NULL CHECK (size_bytes > 0),
        sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key     text NOT NULL,
        uploaded_by     uuid NOT NULL,
        uploaded_at     timestamptz NOT NULL DEFAULT now(),
        deleted_at      timestamptz,
        deleted_by      uuid,
        file_deleted_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT report_evidence_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT report_evidence_uploader_fk FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id),
        CONSTRAINT report_evidence_deleted CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
        CONSTRAINT report_evidence_file_deleted CHECK (file_deleted_at IS NULL OR deleted_at IS NOT NULL)
      )`);
    // a report's current files (the list, the quota sum), and the sweep of removed files whose bytes remain
    await q.query(
      `CREATE INDEX report_evidence_current_idx ON report_evidence (tenant_id, report_id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX report_evidence_unswept_idx ON report_evidence (tenant_id, deleted_at)
        WHERE deleted_at IS NOT NULL AND file_deleted_at IS NULL`,
    );
    await isolateByTenant(q, 'report_evidence');

    await q.query(`
      CREATE TABLE report_revision_evidence (
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        revision_id uuid NOT NULL,
        evidence_id uuid NOT NULL,
        -- the row the file was attached to when frozen (a later move does not change what the revision showed)
        indicator   text,
        PRIMARY KEY (tenant_id, revision_id, evidence_id),
        CONSTRAINT report_revision_evidence_revision_fk FOREIGN KEY (tenant_id, revision_id)
          REFERENCES report_revisions (tenant_id, id),
        CONSTRAINT report_revision_evidence_evidence_fk FOREIGN KEY (tenant_id, evidence_id)
          REFERENCES report_evidence (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX report_revision_evidence_evidence_idx ON report_revision_evidence (tenant_id, evidence_id)`);
    await isolateByTenant(q, 'report_revision_evidence');

    await q.query(`
      ALTER TABLE tenant_settings
        ADD COLUMN evidence_max_file_mb integer CHECK (evidence_max_file_mb > 0),
        ADD COLUMN evidence_max_report_mb integer CHECK (evidence_max_report_mb > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_settings DROP COLUMN evidence_max_file_mb, DROP COLUMN evidence_max_report_mb`);
    await q.query(`DROP TABLE report_revision_evidence`);
    await q.query(`DROP TABLE report_evidence`);
  }
}
