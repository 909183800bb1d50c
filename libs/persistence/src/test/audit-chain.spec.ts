import { TestDatabase } from '@evalflow/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { verifyAuditChains } from '../lib/audit/audit-chain';
import { dataSourceOptions } from '../lib/data-source-options';
import { setupDatabase } from '../lib/setup/database-setup';
import { TenantDb } from '../lib/tenant-db';

describe('audit hash chain (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: DataSource;
  let tenantDb: TenantDb;
  let a: string;
  let b: string;
  const ownerQuery = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const append = (tenant: string, action: string) =>
    tenantDb.tx(
      (em) =>
        em.query(`INSERT INTO audit_log (tenant_id, action, details) VALUES ($1, $2, '{"n": 1}') RETURNING id`, [
          tenant,
          action,
        ]),
      tenant,
    );

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    [{ id: a }, { id: b }] = await ownerQuery(
      `INSERT INTO tenants (name, region_code, city, province) VALUES ('甲县', '100001', 'x', 'y'), ('乙县', '100002', 'x', 'y') RETURNING id`,
    );
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 4, applicationName: 'audit-test' }));
    await app.initialize();
    tenantDb = new TenantDb(app);
  });
  afterAll(async () => {
    await app?.destroy();
    await db?.destroy();
  });

  it('links every entry to the previous one of its own county, even under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(i % 2 ? a : b, `test.concurrent${i}`)));
    const reports = await verifyAuditChains(ownerQuery);
    expect(reports.sort((x, y) => String(x.tenantId).localeCompare(String(y.tenantId)))).toMatchObject(
      [
        { tenantId: a, entries: 10, firstBroken: null },
        { tenantId: b, entries: 10, firstBroken: null },
      ].sort((x, y) => x.tenantId.localeCompare(y.tenantId)),
    );
    const firsts = await ownerQuery(`SELECT count(*)::int AS n FROM audit_log WHERE prev_hash IS NULL`);
    expect(firsts[0].n).toBe(2); // one start per chain
  });

  it('an entry whose id was drawn before a later one took the chain lock still links in chain order', async () => {
    const first = new Client({ connectionString: db.ownerUrl });
    const second = new Client({ connectionString: db.ownerUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      await second.query('BEGIN');
      await second.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1::text))`, [a]);
      // draws its id now, then waits for the chain lock
      const waiting = first.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.early') RETURNING id`, [
        a,
      ]);
      await new Promise((r) => setTimeout(r, 100));
      await second.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.late')`, [a]);
      await second.query('COMMIT');
      await waiting;
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const [early, late] = await ownerQuery(
      `SELECT id, chain_position FROM audit_log WHERE action IN ('test.early', 'test.late') ORDER BY action`,
    );
    expect(Number(early.id)).toBeLessThan(Number(late.id));
    expect(Number(early.chain_position)).toBeGreaterThan(Number(late.chain_position));
    expect((await verifyAuditChains(ownerQuery)).find((r) => r.tenantId === a)).toMatchObject({
      tenantId: a,
      entries: 12,
      firstBroken: null,
    });
  });

  it('a county sees and verifies its own chain only', async () => {
    const own = await tenantDb.tx((em) => verifyAuditChains((sql, p) => em.query(sql, p), a), a);
    expect(own).toMatchObject([{ tenantId: a, entries: 12, firstBroken: null }]);
  });

  it('an entry changed by the table owner is the first broken link', async () => {
    const [{ id }] = await ownerQuery(
      `SELECT id::text AS id FROM audit_log WHERE tenant_id = $1 ORDER BY chain_position OFFSET 4 LIMIT 1`,
      [a],
    );
    await ownerQuery(`UPDATE audit_log SET details = '{"n": 2}' WHERE id = $1`, [id]);
    const report = (await verifyAuditChains(ownerQuery)).find((r) => r.tenantId === a);
    expect(report?.firstBroken).toEqual({ id, reason: 'hash_mismatch' });
    // the other county's chain is untouched
    expect((await verifyAuditChains(ownerQuery)).find((r) => r.tenantId === b)?.firstBroken).toBeNull();
  });

  it('a removed entry breaks the link of the one after it', async () => {
    // the chain's order, not the ids': entries appended at once draw their ids before they take the chain's lock
    const rows = await ownerQuery(`SELECT id::text AS id FROM audit_log WHERE tenant_id = $1 ORDER BY chain_position`, [
      b,
    ]);
    await ownerQuery(`DELETE FROM audit_log WHERE id = $1`, [rows[2].id]);
    const report = (await verifyAuditChains(ownerQuery)).find((r) => r.tenantId === b);
    expect(report?.firstBroken).toEqual({ id: rows[3].id, reason: 'link_mismatch' });
  });

  it('the application role can neither change nor delete entries', async () => {
    await expect(tenantDb.tx((em) => em.query(`UPDATE audit_log SET action = 'x.y'`), a)).rejects.toThrow(
      /permission denied/,
    );
    await expect(tenantDb.tx((em) => em.query(`DELETE FROM audit_log`), a)).rejects.toThrow(/permission denied/);
  });
});
