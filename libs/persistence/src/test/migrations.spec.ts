import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../lib/data-source-options';
import { MIGRATIONS } from '../lib/migrations';
import { setupDatabase } from '../lib/setup/database-setup';

describe('migrations (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('applied every migration, in order, exactly once', async () => {
    const rows = await db.owner(async (c) => (await c.query(`SELECT name FROM schema_migrations ORDER BY id`)).rows);
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('setup is idempotent: a second run applies nothing and changes no grant', async () => {
    const grantsBefore = await db.owner(
      async (c) =>
        (
          await c.query(`SELECT table_name, privilege_type FROM information_schema.role_table_grants
                         WHERE grantee = 'evalflow_app' ORDER BY 1, 2`)
        ).rows,
    );
    const report = await setupDatabase({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl });
    expect(report).toEqual({ databaseCreated: false, rolesCreated: [], migrationsApplied: [] });
    const grantsAfter = await db.owner(
      async (c) =>
        (
          await c.query(`SELECT table_name, privilege_type FROM information_schema.role_table_grants
                         WHERE grantee = 'evalflow_app' ORDER BY 1, 2`)
        ).rows,
    );
    expect(grantsAfter).toEqual(grantsBefore);
  });

  it('two setups racing on the same database both succeed and migrate once', async () => {
    const results = await Promise.all([
      setupDatabase({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl }),
      setupDatabase({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl }),
    ]);
    expect(results.flatMap((r) => r.migrationsApplied)).toEqual([]);
  });

  it('every migration reverts cleanly and re-applies', async () => {
    const ds = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'migration-test' }));
    await ds.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const left = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      expect(left.map((r: { tablename: string }) => r.tablename)).toEqual(['schema_migrations']);
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
    await setupDatabase({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl });
  });

  it('rejects data the schema forbids', async () => {
    await db.owner(async (c) => {
      await expect(
        c.query(`INSERT INTO tenants (name, region_code, city, province) VALUES ('x', '12345', 'c', 'p')`),
      ).rejects.toThrow(/check constraint/);
      const [{ id }] = (
        await c.query(
          `INSERT INTO tenants (name, region_code, city, province) VALUES ('x', '123456', 'c', 'p') RETURNING id`,
        )
      ).rows;
      await expect(
        c.query(
          `INSERT INTO user_roles (user_id, role, tenant_id)
                 SELECT id, 'platform_admin', $1 FROM users LIMIT 1`,
          [id],
        ),
      ).resolves.toBeDefined(); // no users yet: inserts nothing
      await expect(
        c.query(
          `INSERT INTO users (tenant_id, username, display_name, password_hash) VALUES ($1, 'Bad Name', 'x', 'h')`,
          [id],
        ),
      ).rejects.toThrow(/check constraint/);
      const [{ id: userId }] = (
        await c.query(
          `INSERT INTO users (tenant_id, username, display_name, password_hash) VALUES ($1, 'good.name', 'x', 'h') RETURNING id`,
          [id],
        )
      ).rows;
      await expect(
        c.query(`INSERT INTO user_roles (user_id, role, tenant_id) VALUES ($1, 'platform_admin', $2)`, [userId, id]),
      ).rejects.toThrow(/user_roles_scope/);
      await expect(
        c.query(`INSERT INTO user_roles (user_id, role, tenant_id) VALUES ($1, 'dept_editor', NULL)`, [userId]),
      ).rejects.toThrow(/user_roles_scope/);
    });
  });
});
