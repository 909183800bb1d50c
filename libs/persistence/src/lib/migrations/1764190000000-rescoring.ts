import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * 财政复核评分: the finance bureau's scores of a report's 绩效自评表 rows, one row per report (the entries as
 * JSON, checked by the domain's checkRescores), beside the self-scores, which stay in report_parts untouched.
 * The totals, final score and grade are kept here too, so 县级概览 and the 汇总表 read them without the content.
 */
export class Rescoring1764190000000 implements MigrationInterface {
  name = 'Rescoring1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_rescores (
        tenant_id       uuid NOT NULL REFERENCES tenants (id),
        report_id       uuid NOT NULL,
        entries         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(entries) = 'array'),
        -- the rule the final score followed: the report's template's
        mode            text NOT NULL CHECK (mode IN ('replace', 'weighted')),
        weight          numeric(5, 4) CHECK (weight IS NULL OR (weight > 0 AND weight <= 1)),
        self_total      numeric(7, 2) NOT NULL,
        -- NULL while no row carries a re-score (only notes)
        rescore_total   numeric(7, 2),
        final_score     numeric(7, 2) NOT NULL,
        final_grade     text NOT NULL CHECK (final_grade IN ('excellent', 'good', 'fair', 'poor')),
        version         integer NOT NULL DEFAULT 1,
        updated_by      uuid REFERENCES users (id),
        updated_by_name text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, report_id),
        CONSTRAINT report_rescores_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id)
      )`);
    await isolateByTenant(q, 'report_rescores');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_rescores`);
  }
}
