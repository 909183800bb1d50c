import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * 催报: a reminder the finance bureau sent to a department about a fiscal year's report (kept, never changed:
 * it is the record of who urged whom and when, and the last one bounds how soon the next may go).
 * Exports gain a second kind: every approved PDF of a year in one .zip (approved_pdfs).
 */
export class RemindersAndPdfBundles1764350000000 implements MigrationInterface {
  name = 'RemindersAndPdfBundles1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department_reminders (
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL,
        fiscal_year   integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        due_on        date NOT NULL,
        sent_by       uuid NOT NULL,
        sent_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT department_reminders_department_fkey FOREIGN KEY (tenant_id, department_id)
          REFERENCES departments (tenant_id, id),
        CONSTRAINT department_reminders_sender_fkey FOREIGN KEY (tenant_id, sent_by) REFERENCES users (tenant_id, id)
      )`);
    // the newest reminder of a department and year (the rate limit, the home page's 上次催报)
    await q.query(
      `CREATE INDEX department_reminders_latest_idx
         ON department_reminders (tenant_id, fiscal_year, department_id, sent_at DESC)`,
    );
    await isolateByTenant(q, 'department_reminders');
    await q.query(`ALTER TABLE exports DROP CONSTRAINT exports_kind_check`);
    await q.query(
      `ALTER TABLE exports ADD CONSTRAINT exports_kind_check CHECK (kind IN ('indicator_rows', 'approved_pdfs'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM exports WHERE kind = 'approved_pdfs'`);
    await q.query(`ALTER TABLE exports DROP CONSTRAINT exports_kind_check`);
    await q.query(`ALTER TABLE exports ADD CONSTRAINT exports_kind_check CHECK (kind IN ('indicator_rows'))`);
    await q.query(`DROP TABLE department_reminders`);
  }
}
