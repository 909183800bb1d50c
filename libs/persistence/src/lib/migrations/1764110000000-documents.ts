import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Rendered documents: one row per (report, edition, format, template version) — the key the render
 * job's id is made of, so a duplicate request finds the same row and a re-run overwrites one file.
 */
export class Documents1764110000000 implements MigrationInterface {
  name = 'Documents1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id        uuid NOT NULL REFERENCES tenants (id),
        report_id        uuid NOT NULL,
        -- what is rendered: a frozen revision (r3, or r3-approved with the approval block), or a draft's content (v12)
        edition          text NOT NULL CHECK (edition ~ '^(r[0-9]+(-approved)?|v[0-9]+)$'),
        revision_id      uuid,
        content_snapshot jsonb,
        format           text NOT NULL CHECK (format IN ('docx', 'pdf')),
        template_version integer NOT NULL,
        watermark        text CHECK (watermark IN ('草稿', '送审稿')),
        approval         jsonb,
        status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'done', 'failed')),
        progress         integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        storage_key      text,
        sha256           text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes       bigint,
        attempts         integer NOT NULL DEFAULT 0,
        -- raised when a failed document is asked for again: its new job needs a new id
        generation       integer NOT NULL DEFAULT 0,
        error            text,
        requested_by     uuid REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        started_at       timestamptz,
        finished_at      timestamptz,
        CONSTRAINT documents_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT documents_revision_fk FOREIGN KEY (tenant_id, revision_id) REFERENCES report_revisions (tenant_id, id),
        CONSTRAINT documents_edition_key UNIQUE (tenant_id, report_id, edition, format, template_version),
        CONSTRAINT documents_source_check CHECK ((revision_id IS NULL) <> (content_snapshot IS NULL))
      )`);
    await q.query(`CREATE INDEX documents_report_idx ON documents (report_id, created_at DESC)`);
    await isolateByTenant(q, 'documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
  }
}
