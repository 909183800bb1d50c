import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import {
  chainHeadSignatureValid,
  deriveAuditHeadKey,
  signChainHead,
  verifyAuditChains,
  type ChainHead,
  type Query,
  type SignedChainHead,
} from '../lib/audit/audit-chain';
import { dataSourceOptions } from '../lib/data-source-options';
import { MIGRATIONS } from '../lib/migrations';
import { AuditChainHeads1764140000000 } from '../lib/migrations/1764140000000-audit-chain-heads';
import { setupDatabase } from '../lib/setup/database-setup';
import { TenantDb } from '../lib/tenant-db';

const key = deriveAuditHeadKey('test-refresh-secret-0123456789abcdef0123');

/** A fresh database with one county per name (tenant ids in the same order). */
async function arrange(names: string[]) {
  const db = await TestDatabase.create(setupDatabase);
  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const tenants: string[] = [];
  for (const [i, name] of names.entries()) {
    const [{ id }] = await owner(
      `INSERT INTO tenants (name, region_code, city, province) VALUES ($1, $2, 'x', 'y') RETURNING id`,
      [name, String(200001 + i)],
    );
    tenants.push(id);
  }
  const app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'audit-heads-test' }));
  await app.initialize();
  return { db, owner, tenants, app, tenantDb: new TenantDb(app) };
}

const headOf = async (owner: Query, tenant: string | null) =>
  (
    await owner(
      `SELECT chain_position::int AS position, encode(hash, 'hex') AS hash, entry_id::text AS entry_id
         FROM audit_chain_heads WHERE tenant_id IS NOT DISTINCT FROM $1::uuid`,
      [tenant],
    )
  )[0];

const newestOf = async (owner: Query, tenant: string | null) =>
  (
    await owner(
      `SELECT chain_position::int AS position, encode(hash, 'hex') AS hash, id::text AS entry_id
         FROM audit_log WHERE tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY chain_position DESC LIMIT 1`,
      [tenant],
    )
  )[0];

describe('audit chain heads, digest version 2 and paged verification (real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: Query;
  let app: DataSource;
  let tenantDb: TenantDb;
  let long: string;
  let small: string;
  let tail: string;
  let paged: string;

  const append = (tenant: string, action: string) =>
    tenantDb.tx(
      async (em) =>
        (await em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, $2) RETURNING id::text AS id`, [
          tenant,
          action,
        ])) as Array<{ id: string }>,
      tenant,
    );

  beforeAll(async () => {
    ({
      db,
      owner,
      app,
      tenantDb,
      tenants: [long, small, tail, paged],
    } = await arrange(['甲县', '乙县', '丙县', '丁县']));
  });
  afterAll(async () => {
    await app?.destroy();
    await db?.destroy();
  });

  it('the head row follows every append, and an append reads nothing of the chain: O(1) at 20 000 entries', async () => {
    // through the trigger, a thousand a statement (within one transaction, every append leaves a version of
    // the head row that no one may prune until it commits: one statement of 20 000 takes seconds)
    for (let i = 0; i < 20; i++) {
      await owner(`INSERT INTO audit_log (tenant_id, action) SELECT $1, 'test.fill' FROM generate_series(1, 1000)`, [
        long,
      ]);
    }
    expect(await headOf(owner, long)).toEqual(await newestOf(owner, long));
    expect((await headOf(owner, long)).position).toBe(20000);

    // one more append, as the application role under row-level security; the transaction's own
    // statistics (no flush, no timing) count the audit_log rows it read: none beyond its own row
    const read: { seq: number; idx: number; inserted: number } = await tenantDb.tx(async (em) => {
      await em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.one_more')`, [long]);
      const [row] = await em.query(
        `SELECT seq_tup_read::int AS seq, coalesce(idx_tup_fetch, 0)::int AS idx, n_tup_ins::int AS inserted
           FROM pg_stat_xact_user_tables WHERE relname = 'audit_log'`,
      );
      return row;
    }, long);
    expect(read.inserted).toBe(1);
    expect(read.seq + read.idx).toBeLessThan(10);
    expect(await headOf(owner, long)).toEqual(await newestOf(owner, long));
    expect((await headOf(owner, long)).position).toBe(20001);
  });

  it('the application roles cannot write the head table; a county reads its own head only', async () => {
    await append(small, 'test.small');
    for (const sql of [
      `UPDATE audit_chain_heads SET chain_position = 1`,
      `DELETE FROM audit_chain_heads`,
      `INSERT INTO audit_chain_heads (tenant_id, chain_position, hash, entry_id) VALUES ('${small}', 1, '\\x00', 1)`,
    ]) {
      await expect(tenantDb.tx((em) => em.query(sql), small)).rejects.toThrow(/permission denied/);
    }
    const platform = new DataSource(
      dataSourceOptions({ url: db.platformUrl, poolSize: 1, applicationName: 'audit-heads-test' }),
    );
    await platform.initialize();
    try {
      await expect(platform.query(`UPDATE audit_chain_heads SET chain_position = 1`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(platform.query(`DELETE FROM audit_chain_heads`)).rejects.toThrow(/permission denied/);
    } finally {
      await platform.destroy();
    }
    const seen = await tenantDb.tx((em) => em.query(`SELECT tenant_id FROM audit_chain_heads`), small);
    expect(seen).toEqual([{ tenant_id: small }]);
    // appending under another county's id is refused, and that chain's head does not move
    const before = await headOf(owner, long);
    await expect(
      tenantDb.tx((em) => em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.x')`, [long]), small),
    ).rejects.toThrow(/row-level security/);
    expect(await headOf(owner, long)).toEqual(before);
    // the county verifies its own chain, head included, through the application role
    const [own] = await tenantDb.tx(
      (em) => verifyAuditChains((sql, p) => em.query(sql, p), small, { headKey: key }),
      small,
    );
    expect(own).toMatchObject({ tenantId: small, entries: 1, firstBroken: null, head: { chain: small, position: 1 } });
    expect(own.signedHead).toEqual(signChainHead(key, own.head as ChainHead));
  });

  it('version 2 digests tell apart entries that version 1 confused (NULL or empty, a "|" moved between fields)', async () => {
    const base = {
      id: 7,
      chain_position: 3,
      tenant_id: small,
      action: 'report.edit',
      outcome: 'success',
      details: {},
      occurred_at: '2026-01-02T03:04:05.678901Z',
    };
    const pairs = [
      [
        { ...base, target_type: null, target_id: '' },
        { ...base, target_type: '', target_id: null },
      ],
      [
        { ...base, target_type: 'report|x', target_id: 'y' },
        { ...base, target_type: 'report', target_id: 'x|y' },
      ],
      [
        { ...base, target_type: 'report', target_id: null },
        { ...base, target_type: null, target_id: 'report' },
      ],
    ];
    for (const [x, y] of pairs) {
      const [row] = await owner(
        `SELECT audit_entry_digest(x, NULL) = audit_entry_digest(y, NULL) AS v1_equal,
                audit_entry_digest_v2(x, NULL) = audit_entry_digest_v2(y, NULL) AS v2_equal
           FROM jsonb_populate_record(NULL::audit_log, $1) x, jsonb_populate_record(NULL::audit_log, $2) y`,
        [JSON.stringify(x), JSON.stringify(y)],
      );
      expect(row).toEqual({ v1_equal: true, v2_equal: false });
    }
    // new entries are written under version 2, with the version-2 digest
    const [entry] = await owner(
      `SELECT digest_version, hash = audit_entry_digest_v2(a, prev_hash) AS matches
         FROM audit_log a WHERE tenant_id = $1`,
      [small],
    );
    expect(entry).toEqual({ digest_version: 2, matches: true });
  });

  it('removing the newest entry shows as tail_missing; only an intact chain gets a signed head', async () => {
    const ids: string[] = [];
    for (const action of ['test.one', 'test.two', 'test.three']) ids.push((await append(tail, action))[0].id);
    const [intact] = await verifyAuditChains(owner, tail, { headKey: key });
    expect(intact).toMatchObject({ entries: 3, firstBroken: null, lastPosition: 3, head: { position: 3 } });
    const signed = intact.signedHead as SignedChainHead;
    expect(chainHeadSignatureValid(key, signed)).toBe(true);
    expect(chainHeadSignatureValid(deriveAuditHeadKey('another-secret'), signed)).toBe(false);
    expect(chainHeadSignatureValid(key, { ...signed, position: 2 })).toBe(false);

    await owner(`DELETE FROM audit_log WHERE id = $1`, [ids[2]]);
    const [cut] = await verifyAuditChains(owner, tail, { headKey: key });
    expect(cut).toMatchObject({
      entries: 2,
      firstBroken: { id: ids[2], reason: 'tail_missing' },
      lastPosition: 2,
      head: { position: 3 },
      signedHead: null,
    });
    // every entry gone: the head still tells
    await owner(`DELETE FROM audit_log WHERE tenant_id = $1`, [tail]);
    expect((await verifyAuditChains(owner)).find((r) => r.tenantId === tail)).toMatchObject({
      entries: 0,
      firstBroken: { id: ids[2], reason: 'tail_missing' },
    });
    // a head row removed behind the trigger's back (by the owner) shows too
    await owner(`DELETE FROM audit_chain_heads WHERE tenant_id = $1`, [small]);
    expect((await verifyAuditChains(owner, small))[0].firstBroken).toMatchObject({ reason: 'head_mismatch' });
  });

  it('verifies in pages: the same result as one read of the chain, and the first broken link on a later page', async () => {
    await owner(`INSERT INTO audit_log (tenant_id, action) SELECT $1, 'test.page' FROM generate_series(1, 2500)`, [
      paged,
    ]);
    const returned: number[] = [];
    const recording: Query = async (sql, params) => {
      const rows = await owner(sql, params);
      returned.push(rows.length);
      return rows;
    };
    const [pagedReport] = await verifyAuditChains(recording, paged);
    expect(Math.max(...returned)).toBeLessThanOrEqual(1000);
    expect(returned.filter((n) => n === 1000)).toHaveLength(2);
    const [whole] = await verifyAuditChains(owner, paged, { pageSize: 100_000 });
    expect(pagedReport).toEqual(whole);
    expect(pagedReport).toMatchObject({ entries: 2500, firstBroken: null, lastPosition: 2500 });
    expect(await verifyAuditChains(owner, paged, { pageSize: 97 })).toEqual([whole]);

    const [{ id }] = await owner(
      `SELECT id::text AS id FROM audit_log WHERE tenant_id = $1 AND chain_position = 1700`,
      [paged],
    );
    await owner(`UPDATE audit_log SET details = '{"forged": true}' WHERE id = $1`, [id]);
    const [broken] = await verifyAuditChains(owner, paged);
    expect(broken).toMatchObject({ entries: 2500, firstBroken: { id, reason: 'hash_mismatch' }, lastPosition: 2500 });
    expect(await verifyAuditChains(owner, paged, { pageSize: 100_000 })).toEqual([broken]);
  });
});

describe('the audit-chain-heads migration (real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: Query;
  let app: DataSource;
  let tenantDb: TenantDb;
  let ds: DataSource;
  let county: string;
  /** from this migration on, newest first: what to revert to stand before it */
  const since = MIGRATIONS.length - MIGRATIONS.indexOf(AuditChainHeads1764140000000);
  const revert = async () => {
    for (let i = 0; i < since; i++) await ds.undoLastMigration({ transaction: 'each' });
  };
  const reapply = () => setupDatabase({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl });
  const versions = async (tenant: string | null) =>
    (
      await owner(
        `SELECT digest_version AS v FROM audit_log WHERE tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY chain_position`,
        [tenant],
      )
    ).map((r) => r['v']);

  beforeAll(async () => {
    ({
      db,
      owner,
      app,
      tenantDb,
      tenants: [county],
    } = await arrange(['戊县']));
    ds = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'audit-heads-test' }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await app?.destroy();
    await db?.destroy();
  });

  it('entries written before it keep verifying under version 1; down() then up() round-trips without rewriting a hash', async () => {
    await revert();
    expect(await owner(`SELECT to_regclass('audit_chain_heads') AS t`)).toEqual([{ t: null }]);
    // the chains as the old trigger wrote them
    await owner(`INSERT INTO audit_log (tenant_id, action) SELECT $1, 'test.old' FROM generate_series(1, 3)`, [county]);
    await owner(`INSERT INTO audit_log (action) VALUES ('test.platform_old'), ('test.platform_old')`);
    const hashesBefore = await owner(`SELECT id, hash FROM audit_log ORDER BY id`);

    await reapply();
    expect(await versions(county)).toEqual([1, 1, 1]);
    expect(await headOf(owner, county)).toEqual(await newestOf(owner, county));
    expect(await headOf(owner, null)).toEqual(await newestOf(owner, null));
    expect(await verifyAuditChains(owner)).toMatchObject([
      { tenantId: null, entries: 2, firstBroken: null },
      { tenantId: county, entries: 3, firstBroken: null },
    ]);
    await tenantDb.tx(async (em) => {
      await em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.new'), ($1, 'test.new')`, [county]);
    }, county);
    expect(await versions(county)).toEqual([1, 1, 1, 2, 2]);

    // down: the scanning trigger and the version-1 digest alone, every hash kept; it appends on
    await revert();
    expect(await owner(`SELECT to_regclass('audit_chain_heads') AS t`)).toEqual([{ t: null }]);
    await owner(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.between')`, [county]);
    // up again: the version-2 entries are recognised by their hashes, the heads taken from the chains
    await reapply();
    expect(await versions(county)).toEqual([1, 1, 1, 2, 2, 1]);
    expect(await headOf(owner, county)).toEqual(await newestOf(owner, county));
    expect(await verifyAuditChains(owner)).toMatchObject([
      { tenantId: null, entries: 2, firstBroken: null },
      { tenantId: county, entries: 6, firstBroken: null },
    ]);
    const hashesAfter = await owner(`SELECT id, hash FROM audit_log ORDER BY id LIMIT $1`, [hashesBefore.length]);
    expect(hashesAfter).toEqual(hashesBefore);
    // and the application appends through the new trigger again
    await tenantDb.tx(
      (em) => em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.again')`, [county]),
      county,
    );
    expect((await verifyAuditChains(owner, county))[0]).toMatchObject({ entries: 7, firstBroken: null });
  });

  it('down() refuses while a head records entries its chain has lost (the heads are the evidence)', async () => {
    const newest = await newestOf(owner, county);
    const position = newest.position as number;
    await owner(`DELETE FROM audit_log WHERE id = $1`, [newest.entry_id]);
    await expect(revert()).rejects.toThrow(
      `cannot revert audit chain heads: the head of chain ${county} records position ${position}, ` +
        `its entries end at ${position - 1}`,
    );
    expect(await owner(`SELECT to_regclass('audit_chain_heads')::text AS t`)).toEqual([{ t: 'audit_chain_heads' }]);
    await reapply();
  });
});
