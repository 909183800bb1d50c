import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * 抽评 and 整改: the finance bureau's selections (a batch with its rule and seed, and its reports — a report
 * at most once, its year being its own), the findings and 整改事项 of a selected report, each item's history
 * (append-only) and its evidence files (bytes in the document storage, described here).
 */
export class SpotChecks1764200000000 implements MigrationInterface {
  name = 'SpotChecks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spot_check_batches (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id       uuid NOT NULL REFERENCES tenants (id),
        fiscal_year     integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- the rule as stated (kind and parameters, the seed of a random one), to re-derive the selection
        rule            jsonb NOT NULL CHECK (jsonb_typeof(rule) = 'object'),
        rule_text       text NOT NULL,
        created_by      uuid REFERENCES users (id),
        created_by_name text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spot_check_batches_tenant_id_id_key UNIQUE (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX spot_check_batches_year_idx ON spot_check_batches (tenant_id, fiscal_year, created_at)`,
    );
    await q.query(`
      CREATE TABLE spot_check_reports (
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        report_id   uuid NOT NULL,
        batch_id    uuid NOT NULL,
        selected_at timestamptz NOT NULL DEFAULT now(),
        -- a report is selected once: its year is its own
        PRIMARY KEY (tenant_id, report_id),
        CONSTRAINT spot_check_reports_batch_fk FOREIGN KEY (tenant_id, batch_id) REFERENCES spot_check_batches (tenant_id, id),
        CONSTRAINT spot_check_reports_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX spot_check_reports_batch_idx ON spot_check_reports (tenant_id, batch_id)`);
    await q.query(`
      CREATE TABLE spot_check_findings (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        report_id  uuid NOT NULL,
        body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        version    integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT spot_check_findings_selection_fk FOREIGN KEY (tenant_id, report_id)
          REFERENCES spot_check_reports (tenant_id, report_id)
      )`);
    await q.query(
      `CREATE INDEX spot_check_findings_report_idx ON spot_check_findings (tenant_id, report_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE rectification_items (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        report_id     uuid NOT NULL,
        title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
        -- the owner: a user of the report's department, or a person named in words
        owner_user_id uuid REFERENCES users (id),
        owner_name    text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 100),
        due_on        date NOT NULL,
        status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
        answer        text CHECK (answer IS NULL OR length(answer) <= 4000),
        evidence_text text CHECK (evidence_text IS NULL OR length(evidence_text) <= 1000),
        answered_by   uuid REFERENCES users (id),
        answered_at   timestamptz,
        closed_at     timestamptz,
        version       integer NOT NULL DEFAULT 1,
        created_by    uuid REFERENCES users (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rectification_items_tenant_id_id_key UNIQUE (tenant_id, id),
        CONSTRAINT rectification_items_selection_fk FOREIGN KEY (tenant_id, report_id)
          REFERENCES spot_check_reports (tenant_id, report_id)
      )`);
    await q.query(
      `CREATE INDEX rectification_items_report_idx ON rectification_items (tenant_id, report_id, created_at)`,
    );
    // the overdue sweep and the counts read open items by due date
    await q.query(
      `CREATE INDEX rectification_items_due_idx ON rectification_items (tenant_id, due_on) WHERE status <> 'closed'`,
    );
    await q.query(`
      CREATE TABLE rectification_events (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        item_id     uuid NOT NULL,
        action      text NOT NULL CHECK (action IN ('create', 'edit', 'answer', 'close', 'reopen', 'evidence')),
        from_status text,
        to_status   text NOT NULL,
        note        text CHECK (note IS NULL OR length(note) <= 4000),
        actor_id    uuid REFERENCES users (id),
        actor_name  text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rectification_events_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES rectification_items (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX rectification_events_item_idx ON rectification_events (tenant_id, item_id, occurred_at)`,
    );
    await q.query(`
      CREATE TABLE rectification_evidence (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        item_id      uuid NOT NULL,
        file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes   integer NOT NULL CHECK (size_bytes > 0),
        sha256       text NOT NULL,
        storage_key  text NOT NULL,
        uploaded_by  uuid REFERENCES users (id),
        uploaded_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rectification_evidence_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES rectification_items (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX rectification_evidence_item_idx ON rectification_evidence (tenant_id, item_id)`);
    for (const table of [
      'spot_check_batches',
      'spot_check_reports',
      'spot_check_findings',
      'rectification_items',
      'rectification_events',
      'rectification_evidence',
    ]) {
      await isolateByTenant(q, table);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rectification_evidence',
      'rectification_events',
      'rectification_items',
      'spot_check_findings',
      'spot_check_reports',
      'spot_check_batches',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
