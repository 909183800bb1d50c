import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/** The key of the platform's chain (tenant_id NULL), as audit_log_chain_position_key spells it. */
const PLATFORM_KEY = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The trigger as the Workflow migration left it: restored by down(). */
const SCANNING_TRIGGER = `
  CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('audit:' || coalesce(NEW.tenant_id::text, 'platform')));
      SELECT a.hash, a.chain_position + 1 INTO NEW.prev_hash, NEW.chain_position FROM audit_log a
       WHERE a.tenant_id IS NOT DISTINCT FROM NEW.tenant_id ORDER BY a.chain_position DESC LIMIT 1;
      NEW.chain_position := coalesce(NEW.chain_position, 1);
      NEW.hash := audit_entry_digest(NEW, NEW.prev_hash);
      RETURN NEW;
    END $$`;

/**
 * The audit chain, stronger and O(1) per append:
 * - a head row per chain (audit_chain_heads: position, hash and id of the newest entry) that the trigger
 *   reads and moves instead of scanning the chain; only that trigger (SECURITY DEFINER, owned by the
 *   migration owner) writes it — the application roles may only read their own county's head;
 * - a version-2 digest over an unambiguous encoding (a JSON array: strings escaped, NULL written as null,
 *   the previous hash inside); entries written before keep their version-1 hashes and verify under
 *   version 1 (digest_version); nothing is rewritten;
 * - with the head, removing the newest entries of a chain shows (verification: tail_missing).
 */
export class AuditChainHeads1764140000000 implements MigrationInterface {
  name = 'AuditChainHeads1764140000000';

  async up(q: QueryRunner): Promise<void> {
    // nothing is appended while the heads are taken from the chains
    await q.query(`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`);
    // existing entries: version 1 (the column's first default); new ones: version 2
    await q.query(`
      ALTER TABLE audit_log ADD COLUMN digest_version smallint NOT NULL DEFAULT 1
        CONSTRAINT audit_log_digest_version_check CHECK (digest_version IN (1, 2))`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN digest_version SET DEFAULT 2`);
    await q.query(`
      CREATE FUNCTION audit_entry_digest_v2(e audit_log, prev bytea) RETURNS bytea
        LANGUAGE sql STABLE AS $$
          SELECT sha256(convert_to(jsonb_build_array(
            'evalflow.audit', 2, encode(prev, 'hex'), e.id, e.chain_position, e.tenant_id, e.actor_user_id,
            e.actor_username, e.action, e.target_type, e.target_id, e.outcome, e.details, e.client_ip::text,
            e.request_id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8'))
        $$`);
    // Entries appended under version 2 before a revert of this migration lost their digest_version with the
    // column; their hash tells them apart (it is the version-2 digest, not the version-1 one).
    await q.query(`
      UPDATE audit_log a SET digest_version = 2
       WHERE a.hash <> audit_entry_digest(a, a.prev_hash) AND a.hash = audit_entry_digest_v2(a, a.prev_hash)`);

    await q.query(`
      CREATE TABLE audit_chain_heads (
        -- the chain: its county, or NULL for the platform's own
        tenant_id      uuid,
        chain_key      uuid GENERATED ALWAYS AS (coalesce(tenant_id, ${PLATFORM_KEY})) STORED PRIMARY KEY,
        -- the newest entry of the chain
        chain_position bigint NOT NULL CHECK (chain_position >= 1),
        hash           bytea NOT NULL,
        entry_id       bigint NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await isolateByTenant(q, 'audit_chain_heads');
    await q.query(`
      INSERT INTO audit_chain_heads (tenant_id, chain_position, hash, entry_id)
      SELECT DISTINCT ON (coalesce(tenant_id, ${PLATFORM_KEY})) tenant_id, chain_position, hash, id
        FROM audit_log ORDER BY coalesce(tenant_id, ${PLATFORM_KEY}), chain_position DESC`);

    // Runs as its owner (the migration role, which bypasses row-level security), so an application role can
    // append to its chain without any right on the head table; search_path is fixed and names are qualified,
    // so the caller cannot substitute objects. Appends to one chain are serialised by the same transaction
    // lock as before; the head row gives the previous entry in one index lookup, whatever the chain's length.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
          head public.audit_chain_heads%ROWTYPE;
        BEGIN
          PERFORM pg_advisory_xact_lock(hashtext('audit:' || coalesce(NEW.tenant_id::text, 'platform')));
          SELECT * INTO head FROM public.audit_chain_heads h
           WHERE h.chain_key = coalesce(NEW.tenant_id, ${PLATFORM_KEY});
          NEW.chain_position := coalesce(head.chain_position, 0) + 1;
          NEW.prev_hash := head.hash;
          NEW.digest_version := 2;
          NEW.hash := public.audit_entry_digest_v2(NEW, NEW.prev_hash);
          INSERT INTO public.audit_chain_heads AS h (tenant_id, chain_position, hash, entry_id)
            VALUES (NEW.tenant_id, NEW.chain_position, NEW.hash, NEW.id)
            ON CONFLICT (chain_key) DO UPDATE
              SET chain_position = EXCLUDED.chain_position, hash = EXCLUDED.hash, entry_id = EXCLUDED.entry_id,
                  updated_at = clock_timestamp();
          RETURN NEW;
        END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_log_chain() FROM PUBLIC`);
  }

  /**
   * Back to the scanning trigger and the version-1 digest alone. Nothing is rewritten: entries appended
   * under version 2 keep their hashes (up() recognises them again). Refused while a head records entries
   * its chain no longer has (or others than it has): dropping the heads would erase that evidence.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`);
    const disagreeing: Array<{ chain: string; head: string; last: string | null }> = await q.query(`
      SELECT coalesce(h.tenant_id::text, 'platform') AS chain, h.chain_position::text AS head,
             l.chain_position::text AS last
        FROM audit_chain_heads h
        LEFT JOIN LATERAL (
          SELECT a.chain_position, a.hash FROM audit_log a
           WHERE coalesce(a.tenant_id, ${PLATFORM_KEY}) = h.chain_key
           ORDER BY a.chain_position DESC LIMIT 1) l ON true
       WHERE l.chain_position IS DISTINCT FROM h.chain_position OR l.hash IS DISTINCT FROM h.hash
       ORDER BY 1`);
    if (disagreeing.length) {
      const { chain, head, last } = disagreeing[0];
      throw new Error(
        `cannot revert audit chain heads: the head of chain ${chain} records position ${head}, ` +
          `its entries end at ${last ?? 'none'} (${disagreeing.length} chain(s) disagree)`,
      );
    }
    await q.query(SCANNING_TRIGGER);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_log_chain() TO PUBLIC`);
    await q.query(`DROP TABLE audit_chain_heads`);
    await q.query(`DROP FUNCTION audit_entry_digest_v2(audit_log, bytea)`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN digest_version`);
  }
}
