import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Self-evaluation reports. A report row holds who, which year, its state and a summary for lists;
 * its content lives in one row per part, each with its own version, so two people editing
 * different parts never conflict and a stale write to the same part is refused.
 * tenant_settings holds the county's grade bands (absent row: the national default).
 */
export class Reports1764070000000 implements MigrationInterface {
  name = 'Reports1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_settings (
        tenant_id   uuid PRIMARY KEY REFERENCES tenants (id),
        grade_bands jsonb NOT NULL CHECK (jsonb_typeof(grade_bands) = 'array'),
        version     integer NOT NULL DEFAULT 1,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  uuid REFERENCES users (id)
      )`);

    await q.query(`
      CREATE TABLE reports (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      uuid NOT NULL REFERENCES tenants (id),
        department_id  uuid NOT NULL,
        fiscal_year    integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        kind           text NOT NULL CHECK (kind IN ('department_overall')),
        status         text NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'submitted', 'in_review', 'returned', 'approved')),
        schema_version integer NOT NULL,
        -- raised by every change of a part or of the status
        version        integer NOT NULL DEFAULT 1,
        -- summary kept in step with the content, for lists and filters
        total_score    numeric(5, 2),
        grade          text CHECK (grade IN ('excellent', 'good', 'fair', 'poor')),
        execution_rate numeric(9, 2),
        prefilled_from uuid,
        carried_over   jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_by     uuid REFERENCES users (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_by     uuid REFERENCES users (id),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_department_fk FOREIGN KEY (tenant_id, department_id)
          REFERENCES departments (tenant_id, id),
        CONSTRAINT reports_department_year_kind_key UNIQUE (tenant_id, department_id, fiscal_year, kind),
        CONSTRAINT reports_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT reports_prefilled_from_fk FOREIGN KEY (tenant_id, prefilled_from) REFERENCES reports (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX reports_tenant_year_idx ON reports (tenant_id, fiscal_year DESC, id)`);

    await q.query(`
      CREATE TABLE report_parts (
        report_id  uuid NOT NULL,
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        part       text NOT NULL CHECK (part IN ('header', 'basicInfo', 'budget', 'goals', 'selfEvaluation',
                                                 'results', 'conclusion', 'problems', 'team', 'scoreTable')),
        content    jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        version    integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, part),
        -- foreign-key checks ignore row-level security: pairing the tenant keeps a part in its report's county
        CONSTRAINT report_parts_report_fk FOREIGN KEY (tenant_id, report_id)
          REFERENCES reports (tenant_id, id) ON DELETE CASCADE
      )`);

    await isolateByTenant(q, 'tenant_settings');
    for (const table of ['reports', 'report_parts']) await isolateByTenant(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_parts`);
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE tenant_settings`);
  }
}
