import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * Review: comment threads anchored to a report part or field, the head's sign-off of the content,
 * sign-offs and open comments kept with revisions and returns, deadlines per county and year, and
 * users' e-mail addresses for notifications.
 */
export class Review1764100000000 implements MigrationInterface {
  name = 'Review1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comment_threads (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id       uuid NOT NULL REFERENCES tenants (id),
        report_id       uuid NOT NULL,
        part            text NOT NULL,
        field_path      text CHECK (field_path IS NULL OR length(field_path) <= 200),
        -- the latest revision when the thread was opened (what the reviewer was reading)
        revision_number integer,
        status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        version         integer NOT NULL DEFAULT 1,
        created_by      uuid REFERENCES users (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        resolved_by     uuid REFERENCES users (id),
        resolved_at     timestamptz,
        CONSTRAINT comment_threads_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT comment_threads_tenant_id_id_key UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX comment_threads_report_idx ON comment_threads (report_id, created_at)`);
    await q.query(`
      CREATE TABLE comments (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        thread_id   uuid NOT NULL,
        body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        side        text NOT NULL CHECK (side IN ('department', 'finance')),
        author_id   uuid REFERENCES users (id),
        author_name text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT comments_thread_fk FOREIGN KEY (tenant_id, thread_id) REFERENCES comment_threads (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX comments_thread_idx ON comments (thread_id, created_at)`);

    await q.query(`
      CREATE TABLE report_deadlines (
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        due_on      date NOT NULL,
        version     integer NOT NULL DEFAULT 1,
        updated_by  uuid REFERENCES users (id),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, fiscal_year)
      )`);
    for (const table of ['comment_threads', 'comments', 'report_deadlines']) await isolateByTenant(q, table);

    await q.query(`ALTER TABLE tenant_settings ADD COLUMN require_head_sign_off boolean NOT NULL DEFAULT false`);
    // the head's sign-off holds for the report version it saw; an edit voids it
    await q.query(`
      ALTER TABLE reports
        ADD COLUMN head_sign_off_by      uuid REFERENCES users (id),
        ADD COLUMN head_sign_off_name    text,
        ADD COLUMN head_sign_off_at      timestamptz,
        ADD COLUMN head_sign_off_version integer`);
    await q.query(`ALTER TABLE report_revisions ADD COLUMN sign_offs jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE report_transitions ADD COLUMN open_comments jsonb NOT NULL DEFAULT '[]'::jsonb`);
    // deadlines judge the first submission
    await q.query(
      `CREATE INDEX report_transitions_first_submit_idx ON report_transitions (report_id, occurred_at) WHERE action = 'submit'`,
    );
    // e-mail follows the in-app notification; marked once sent, so a retried job resends only what was not sent
    await q.query(`ALTER TABLE notifications ADD COLUMN emailed_at timestamptz`);
    await q.query(`
      ALTER TABLE users ADD COLUMN email text
        CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN email`);
    await q.query(`ALTER TABLE notifications DROP COLUMN emailed_at`);
    await q.query(`DROP INDEX report_transitions_first_submit_idx`);
    await q.query(`ALTER TABLE report_transitions DROP COLUMN open_comments`);
    await q.query(`ALTER TABLE report_revisions DROP COLUMN sign_offs`);
    await q.query(`
      ALTER TABLE reports DROP COLUMN head_sign_off_by, DROP COLUMN head_sign_off_name,
        DROP COLUMN head_sign_off_at, DROP COLUMN head_sign_off_version`);
    await q.query(`ALTER TABLE tenant_settings DROP COLUMN require_head_sign_off`);
    await q.query(`DROP TABLE report_deadlines`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP TABLE comment_threads`);
  }
}
