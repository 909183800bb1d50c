import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/** The in-app inbox: one row per recipient and event, idempotent by (user, source) so a retried job adds nothing. */
export class Notifications1764090000000 implements MigrationInterface {
  name = 'Notifications1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        user_id    uuid NOT NULL REFERENCES users (id),
        kind       text NOT NULL,
        report_id  uuid,
        title      text NOT NULL,
        body       text NOT NULL DEFAULT '',
        -- the event it reports, e.g. report-transition-42
        source_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz,
        CONSTRAINT notifications_user_source_key UNIQUE (user_id, source_key),
        CONSTRAINT notifications_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await isolateByTenant(q, 'notifications');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
