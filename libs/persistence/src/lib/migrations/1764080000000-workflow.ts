import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * The workflow's records: frozen revisions (immutable for the application), the history of
 * transitions, a transactional outbox for jobs, and a hash chain over each county's audit trail.
 */
export class Workflow1764080000000 implements MigrationInterface {
  name = 'Workflow1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_revisions (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      uuid NOT NULL REFERENCES tenants (id),
        report_id      uuid NOT NULL,
        number         integer NOT NULL CHECK (number >= 1),
        schema_version integer NOT NULL,
        content        jsonb NOT NULL,
        -- the report version the content was frozen from
        report_version integer NOT NULL,
        created_by     uuid REFERENCES users (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_revisions_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT report_revisions_report_number_key UNIQUE (report_id, number),
        CONSTRAINT report_revisions_tenant_id_id_key UNIQUE (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE report_transitions (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        report_id     uuid NOT NULL,
        action        text NOT NULL
                        CHECK (action IN ('submit', 'withdraw', 'start_review', 'return', 'approve', 'reopen')),
        from_status   text NOT NULL,
        to_status     text NOT NULL,
        reason        text CHECK (reason IS NULL OR length(reason) <= 2000),
        revision_id   uuid,
        actor_user_id uuid REFERENCES users (id),
        actor_name    text,
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_transitions_report_fk FOREIGN KEY (tenant_id, report_id) REFERENCES reports (tenant_id, id),
        CONSTRAINT report_transitions_revision_fk FOREIGN KEY (tenant_id, revision_id)
          REFERENCES report_revisions (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX report_transitions_report_idx ON report_transitions (report_id, id)`);

    // Jobs leave through this table: written in the same transaction as their cause, relayed to BullMQ after commit.
    await q.query(`
      CREATE TABLE outbox (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id    uuid REFERENCES tenants (id),
        queue        text NOT NULL,
        job_name     text NOT NULL,
        -- deterministic: the relay may send twice, BullMQ keeps one
        job_id       text NOT NULL,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        relayed_at   timestamptz,
        attempts     integer NOT NULL DEFAULT 0,
        last_error   text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL`);

    for (const table of ['report_revisions', 'report_transitions', 'outbox']) await isolateByTenant(q, table);

    // The audit chain: each entry carries the hash of the previous entry of its county (tenant_id NULL:
    // the platform's own chain). The trigger serialises appends per chain with a transaction lock.
    // chain_position, not id, orders a chain: ids are drawn before the chain lock is taken
    await q.query(
      `ALTER TABLE audit_log ADD COLUMN chain_position bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`,
    );
    await q.query(`
      CREATE FUNCTION audit_entry_digest(e audit_log, prev bytea) RETURNS bytea
        LANGUAGE sql IMMUTABLE AS $$
          SELECT sha256(coalesce(prev, '\\x'::bytea) || convert_to(concat_ws('|',
            e.id, e.chain_position, e.tenant_id, e.actor_user_id, e.actor_username, e.action, e.target_type, e.target_id,
            e.outcome, e.details::text, host(e.client_ip), e.request_id,
            to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')), 'UTF8'))
        $$`);
    await q.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_advisory_xact_lock(hashtext('audit:' || coalesce(NEW.tenant_id::text, 'platform')));
          SELECT a.hash, a.chain_position + 1 INTO NEW.prev_hash, NEW.chain_position FROM audit_log a
           WHERE a.tenant_id IS NOT DISTINCT FROM NEW.tenant_id ORDER BY a.chain_position DESC LIMIT 1;
          NEW.chain_position := coalesce(NEW.chain_position, 1);
          NEW.hash := audit_entry_digest(NEW, NEW.prev_hash);
          RETURN NEW;
        END $$`);
    // existing entries, in order, before the trigger takes over
    await q.query(`
      DO $$
        DECLARE e audit_log; last_hash jsonb := '{}'::jsonb; last_pos jsonb := '{}'::jsonb; k text; prev bytea; h bytea;
        BEGIN
          FOR e IN SELECT * FROM audit_log ORDER BY id LOOP
            k := coalesce(e.tenant_id::text, 'platform');
            prev := decode(last_hash ->> k, 'hex');
            e.chain_position := coalesce((last_pos ->> k)::bigint, 0) + 1;
            h := audit_entry_digest(e, prev);
            UPDATE audit_log SET chain_position = e.chain_position, prev_hash = prev, hash = h WHERE id = e.id;
            last_hash := jsonb_set(last_hash, ARRAY[k], to_jsonb(encode(h, 'hex')));
            last_pos := jsonb_set(last_pos, ARRAY[k], to_jsonb(e.chain_position));
          END LOOP;
        END $$`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL, ALTER COLUMN chain_position SET NOT NULL`);
    // one entry per position: a fork of a chain is impossible, not merely detectable
    await q.query(`
      CREATE UNIQUE INDEX audit_log_chain_position_key
        ON audit_log ((coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)), chain_position)`);
    await q.query(
      `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`DROP FUNCTION audit_entry_digest(audit_log, bytea)`);
    await q.query(`DROP INDEX audit_log_chain_position_key`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN chain_position, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE report_transitions`);
    await q.query(`DROP TABLE report_revisions`);
  }
}
