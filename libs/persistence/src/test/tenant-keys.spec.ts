import { TestDatabase } from '@evalflow/testing';
import { setupDatabase } from '../lib/setup/database-setup';
import { TENANT_KEY_DEBT } from './tenant-key-debt';

/**
 * The path past one PostgreSQL (Citus, by tenant_id): every primary and unique key of a table with a tenant_id should
 * lead with it, and every foreign key should include it, so that a county's rows and their joins stay on one shard.
 * Read from the catalogue of a freshly migrated database. Tables created since issue 19 follow the rule; the older
 * keys that do not are listed in TENANT_KEY_DEBT, and this test holds the list exactly: a new key that breaks the rule
 * fails, and so does a fixed one still listed (take it off the list).
 */
describe('tenant-leading keys (catalogue of a migrated database)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('every key of a tenant table leads with (or, for a foreign key, includes) tenant_id, but for the listed debt', async () => {
    const rows = await db.owner(
      async (c) =>
        (
          await c.query<{ tbl: string; name: string; kind: 'p' | 'u' | 'f'; cols: string[] }>(`
            SELECT con.conrelid::regclass::text AS tbl, con.conname AS name, con.contype AS kind,
                   (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols
              FROM pg_constraint con
              JOIN pg_attribute t ON t.attrelid = con.conrelid AND t.attname = 'tenant_id' AND NOT t.attisdropped
             WHERE con.contype IN ('p', 'u', 'f') AND con.connamespace = 'public'::regnamespace`)
        ).rows,
    );
    expect(rows.length).toBeGreaterThan(100);
    const breaking = rows
      .filter((r) => (r.kind === 'f' ? !r.cols.includes('tenant_id') : r.cols[0] !== 'tenant_id'))
      .map((r) => `${r.tbl}.${r.name} (${r.cols.join(', ')})`)
      .sort();
    expect(breaking).toEqual([...TENANT_KEY_DEBT].sort());
    // the tables added for 佐证材料 follow the rule
    expect(rows.filter((r) => r.tbl.startsWith('report_evidence') || r.tbl === 'report_revision_evidence')).not.toEqual(
      [],
    );
    expect(breaking.filter((b) => b.includes('evidence') && !b.startsWith('rectification'))).toEqual([]);
  });
});
