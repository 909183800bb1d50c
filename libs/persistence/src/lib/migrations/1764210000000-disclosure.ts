import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Public disclosure (随决算公开): a register of what the finance bureau published (publications), each
 * pointing at the document of the report's public version — an edition of its own (r<n>-public-<yyyymmdd>,
 * watermarked 公开版, with the disclosure line on every page). The public page reaches a county by its
 * 行政区划代码 through public_county(), which answers only an active county's id and name; everything else
 * it reads runs in that county's transaction under row-level security.
 */
export class Disclosure1764210000000 implements MigrationInterface {
  name = 'Disclosure1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents
        DROP CONSTRAINT documents_edition_check,
        DROP CONSTRAINT documents_watermark_check,
        ADD CONSTRAINT documents_edition_check
          CHECK (edition ~ '^(r[0-9]+(-approved|-public-[0-9]{8})?|v[0-9]+)$'),
        ADD CONSTRAINT documents_watermark_check CHECK (watermark IN ('草稿', '送审稿', '公开版')),
        -- a line printed on every page (the public version's 「公开版 · 随决算公开 · 2025年8月1日」)
        ADD COLUMN page_notice text CHECK (page_notice IS NULL OR length(page_notice) BETWEEN 1 AND 100),
        ADD CONSTRAINT documents_tenant_id_id_key UNIQUE (tenant_id, id)`);

    await q.query(`
      CREATE TABLE publications (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id         uuid NOT NULL REFERENCES tenants (id),
        report_id         uuid NOT NULL,
        revision_id       uuid NOT NULL,
        revision          integer NOT NULL CHECK (revision >= 1),
        document_id       uuid NOT NULL,
        -- the disclosure date printed on the document (China Standard Time)
        published_on      date NOT NULL,
        published_at      timestamptz NOT NULL DEFAULT now(),
        published_by      uuid NOT NULL,
        published_by_name text NOT NULL,
        withdrawn_at      timestamptz,
        withdrawn_by      uuid,
        withdrawn_by_name text,
        withdrawal_reason text CHECK (withdrawal_reason IS NULL OR length(btrim(withdrawal_reason)) BETWEEN 1 AND 500),
        CONSTRAINT publications_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT publications_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT publications_revision_fk FOREIGN KEY (tenant_id, revision_id)
          REFERENCES report_revisions (tenant_id, id),
        CONSTRAINT publications_document_fk FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id),
        CONSTRAINT publications_published_by_fk FOREIGN KEY (tenant_id, published_by) REFERENCES users (tenant_id, id),
        CONSTRAINT publications_withdrawn_by_fk FOREIGN KEY (tenant_id, withdrawn_by) REFERENCES users (tenant_id, id),
        CONSTRAINT publications_withdrawal_check CHECK (
          (withdrawn_at IS NULL) = (withdrawn_by IS NULL)
          AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL)
          AND (withdrawn_at IS NULL) = (withdrawn_by_name IS NULL))
      )`);
    // one live publication a report: publishing again while it stands finds it
    await q.query(
      `CREATE UNIQUE INDEX publications_live_key ON publications (tenant_id, report_id) WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX publications_register_idx ON publications (tenant_id, published_at DESC)`);
    await isolateByTenant(q, 'publications');

    // the public page's only way in: an active county by its public code, nothing else (owner's rights,
    // fixed search_path, qualified names); every row it then reads is under row-level security
    await q.query(`
      CREATE FUNCTION public_county(p_code text) RETURNS TABLE (id uuid, name text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
          SELECT t.id, t.name FROM public.tenants t WHERE t.region_code = p_code AND t.status = 'active'
        $$`);
    // executed by the application roles only (granted at set-up), never by PUBLIC
    await q.query(`REVOKE ALL ON FUNCTION public_county(text) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION public_county(text)`);
    await q.query(`DROP TABLE publications`);
    await q.query(`DELETE FROM documents WHERE watermark = '公开版' OR edition ~ '-public-'`);
    await q.query(`
      ALTER TABLE documents
        DROP CONSTRAINT documents_tenant_id_id_key,
        DROP COLUMN page_notice,
        DROP CONSTRAINT documents_edition_check,
        DROP CONSTRAINT documents_watermark_check,
        ADD CONSTRAINT documents_edition_check CHECK (edition ~ '^(r[0-9]+(-approved)?|v[0-9]+)$'),
        ADD CONSTRAINT documents_watermark_check CHECK (watermark IN ('草稿', '送审稿'))`);
  }
}
