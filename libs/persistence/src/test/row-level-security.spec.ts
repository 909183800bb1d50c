import { defaultBuiltin } from '@evalflow/domain';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@evalflow/observability';
import { TestDatabase } from '@evalflow/testing';
import { setupDatabase } from '../lib/setup/database-setup';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../lib/data-source-options';
import { APP_TABLE_GRANTS, PLATFORM_TABLE_GRANTS } from '../lib/setup/table-grants';
import { assertConnectionIsRlsBound, assertPlatformConnection } from '../lib/rls-precondition';
import { MissingTenantError, TenantDb } from '../lib/tenant-db';
import { allRows, firstRow, inline, statement } from '../lib/statement';

/** Two tenants with a department each, arranged as the owner. */
async function arrange(db: TestDatabase) {
  return db.owner(async (c) => {
    const tenants = await c.query(
      `INSERT INTO tenants (name, region_code, city, province) VALUES
         ('甲县', '100001', '某市', '某省'), ('乙县', '100002', '某市', '某省') RETURNING id`,
    );
    const [a, b] = tenants.rows.map((r) => r.id as string);
    const depts = await c.query(
      `INSERT INTO departments (tenant_id, name, kind) VALUES
         ($1, '甲县总工会', 'budget_department'), ($2, '乙县总工会', 'budget_department') RETURNING id`,
      [a, b],
    );
    await c.query(
      `INSERT INTO users (tenant_id, department_id, username, display_name, password_hash) VALUES
         ($1, $2, 'a.editor', '甲', 'x'), ($3, $4, 'b.editor', '乙', 'x')`,
      [a, depts.rows[0].id, b, depts.rows[1].id],
    );
    return { a, b, deptA: depts.rows[0].id as string, deptB: depts.rows[1].id as string };
  });
}

describe('row-level security (real PostgreSQL, application role)', () => {
  let db: TestDatabase;
  let ids: Awaited<ReturnType<typeof arrange>>;
  let ds: DataSource;
  let tenantDb: TenantDb;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    ids = await arrange(db);
    ds = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 1, applicationName: 'rls-test' }));
    await ds.initialize();
    tenantDb = new TenantDb(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.destroy();
  });

  it('the application connection is bound by RLS; the owner connection is refused', async () => {
    await expect(assertConnectionIsRlsBound(ds)).resolves.toBeUndefined();
    const owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'rls-test' }));
    await owner.initialize();
    try {
      await expect(assertConnectionIsRlsBound(owner)).rejects.toThrow(/superuser/);
    } finally {
      await owner.destroy();
    }
  });

  it('a query that forgets its tenant filter still sees only its own tenant', async () => {
    const rows = await tenantDb.tx((em) => em.query(`SELECT name FROM departments`), ids.a);
    expect(rows).toEqual([{ name: '甲县总工会' }]);
    const users = await tenantDb.tx((em) => em.query(`SELECT username FROM users`), ids.b);
    expect(users).toEqual([{ username: 'b.editor' }]);
    const tenants = await tenantDb.tx((em) => em.query(`SELECT name FROM tenants`), ids.a);
    expect(tenants).toEqual([{ name: '甲县' }]);
  });

  it('asking for another tenant by id finds nothing', async () => {
    const found = await tenantDb.tx((em) => em.query(`SELECT id FROM departments WHERE id = $1`, [ids.deptB]), ids.a);
    expect(found).toEqual([]);
  });

  it('without a tenant set, every tenant table reads empty', async () => {
    for (const table of [
      'tenants',
      'departments',
      'users',
      'user_roles',
      'audit_log',
      'tenant_settings',
      'reports',
      'report_parts',
    ]) {
      const rows = await ds.query(`SELECT * FROM ${table}`);
      expect({ table, rows }).toEqual({ table, rows: [] });
    }
  });

  it('cannot write a row into another tenant', async () => {
    await expect(
      tenantDb.tx(
        (em) =>
          em.query(`INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '偷渡', 'budget_department')`, [ids.b]),
        ids.a,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      tenantDb.tx((em) => em.query(`UPDATE departments SET tenant_id = $1 RETURNING id`, [ids.b]), ids.a),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot change or delete another tenant's rows (they are invisible)", async () => {
    const updated = await tenantDb.tx(
      (em) => em.query(`UPDATE departments SET name = '改名' WHERE id = $1 RETURNING id`, [ids.deptB]),
      ids.a,
    );
    // TypeORM answers an UPDATE with [rows, affected count]
    expect(updated).toEqual([[], 0]);
    const [{ name }] = await db.owner(
      async (c) => (await c.query(`SELECT name FROM departments WHERE id = $1`, [ids.deptB])).rows,
    );
    expect(name).toBe('乙县总工会');
  });

  it('the application role may append to the audit log but never change or delete it', async () => {
    await tenantDb.tx(
      (em) => em.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, 'test.appended')`, [ids.a]),
      ids.a,
    );
    await expect(tenantDb.tx((em) => em.query(`UPDATE audit_log SET action = 'x.y'`), ids.a)).rejects.toThrow(
      /permission denied/,
    );
    await expect(tenantDb.tx((em) => em.query(`DELETE FROM audit_log`), ids.a)).rejects.toThrow(/permission denied/);
  });

  it('the application role cannot create tenants or touch the migrations table', async () => {
    await expect(
      ds.query(`INSERT INTO tenants (name, region_code, city, province) VALUES ('丙县', '100003', 'x', 'y')`),
    ).rejects.toThrow(/permission denied/);
    await expect(ds.query(`SELECT * FROM schema_migrations`)).rejects.toThrow(/permission denied/);
  });

  it('every table of the schema has an explicit grant entry', async () => {
    const tables = await db.owner(
      async (c) => (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows,
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(Object.keys(APP_TABLE_GRANTS).sort());
    expect(tables.map((t) => t.tablename).sort()).toEqual(Object.keys(PLATFORM_TABLE_GRANTS).sort());
  });

  it('the platform connection bypasses RLS but is no superuser, owns nothing and cannot rewrite the audit log', async () => {
    const platform = new DataSource(
      dataSourceOptions({ url: db.platformUrl, poolSize: 1, applicationName: 'rls-test' }),
    );
    await platform.initialize();
    try {
      await expect(assertPlatformConnection(platform)).resolves.toBeUndefined();
      await expect(assertPlatformConnection(ds)).rejects.toThrow(/lacks BYPASSRLS/);
      await expect(assertConnectionIsRlsBound(platform)).rejects.toThrow(/has BYPASSRLS/);
      const names = await platform.query(`SELECT name FROM tenants ORDER BY name`);
      expect(names.map((r: { name: string }) => r.name)).toEqual(['乙县', '甲县']);
      await expect(platform.query(`UPDATE audit_log SET action = 'x.y'`)).rejects.toThrow(/permission denied/);
      await expect(platform.query(`DELETE FROM departments`)).rejects.toThrow(/permission denied/);
    } finally {
      await platform.destroy();
    }
  });

  it("a report and its parts are invisible to another tenant, and cannot be filed under another tenant's department", async () => {
    const reportId = await tenantDb.tx(async (em) => {
      const [{ id }] = await em.query(
        `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, schema_version, template_version_id)
         VALUES ($1, $2, 2024, 'department_overall', 1, $3) RETURNING id`,
        [ids.a, ids.deptA, defaultBuiltin('department_overall').id],
      );
      await em.query(`INSERT INTO report_parts (report_id, tenant_id, part, content) VALUES ($1, $2, 'team', '{}')`, [
        id,
        ids.a,
      ]);
      return id as string;
    }, ids.a);
    expect(await tenantDb.tx((em) => em.query(`SELECT id FROM reports`), ids.b)).toEqual([]);
    expect(await tenantDb.tx((em) => em.query(`SELECT part FROM report_parts`), ids.b)).toEqual([]);
    expect(await tenantDb.tx((em) => em.query(`SELECT part FROM report_parts`), ids.a)).toEqual([{ part: 'team' }]);
    // tenant A naming tenant B's department: the composite key refuses the pairing
    await expect(
      tenantDb.tx(
        (em) =>
          em.query(
            `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, schema_version, template_version_id)
             VALUES ($1, $2, 2024, 'department_overall', 1, $3)`,
            [ids.a, ids.deptB, defaultBuiltin('department_overall').id],
          ),
        ids.a,
      ),
    ).rejects.toThrow(/foreign key/);
    // a part of A's report written while acting as B
    await expect(
      tenantDb.tx(
        (em) =>
          em.query(`INSERT INTO report_parts (report_id, tenant_id, part, content) VALUES ($1, $2, 'goals', '{}')`, [
            reportId,
            ids.b,
          ]),
        ids.b,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('the platform connection reaches no report data', async () => {
    const platform = new DataSource(
      dataSourceOptions({ url: db.platformUrl, poolSize: 1, applicationName: 'rls-test' }),
    );
    await platform.initialize();
    try {
      for (const table of ['reports', 'report_parts', 'tenant_settings']) {
        await expect(platform.query(`SELECT 1 FROM ${table}`)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await platform.destroy();
    }
  });

  it('the application role cannot reach the authentication tables at all', async () => {
    for (const table of ['auth_sessions', 'refresh_tokens', 'login_throttle']) {
      await expect(tenantDb.tx((em) => em.query(`SELECT 1 FROM ${table}`), ids.a)).rejects.toThrow(/permission denied/);
    }
  });

  it('every table with a tenant_id has RLS enabled and forced', async () => {
    const rows = await db.owner(
      async (c) =>
        (
          await c.query(`
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r'
               AND (EXISTS (SELECT 1 FROM information_schema.columns
                             WHERE table_schema = 'public' AND table_name = c.relname AND column_name = 'tenant_id')
                    OR c.relname = 'tenants')`)
        ).rows,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  describe('TenantDb is fail-closed', () => {
    it('throws when no tenant is in the context', async () => {
      await expect(tenantDb.tx(async () => 'ran')).rejects.toThrow(MissingTenantError);
      await expect(RequestContext.run({ requestId: 'r1' }, () => tenantDb.tx(async () => 'ran'))).rejects.toThrow(
        MissingTenantError,
      );
    });

    it("uses the context's tenant", async () => {
      const rows = await RequestContext.run({ requestId: 'r2', tenantId: ids.b }, () =>
        tenantDb.tx((em) => em.query(`SELECT name FROM departments`)),
      );
      expect(rows).toEqual([{ name: '乙县总工会' }]);
    });

    it('refuses a tenant id that is not a UUID', async () => {
      await expect(tenantDb.tx(async () => 'ran', "x' OR true --")).rejects.toThrow(MissingTenantError);
    });
  });

  it('the tenant setting never leaks to the next transaction on a pool of one connection', async () => {
    // Interleave two tenants' transactions on the single pooled connection many times.
    const seen: string[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const tenant = i % 2 === 0 ? ids.a : ids.b;
        return tenantDb.tx(async (em) => {
          const rows = await em.query(`SELECT tenant_id FROM departments`);
          seen.push(rows.map((r: { tenant_id: string }) => (r.tenant_id === tenant ? 'own' : 'other')).join(','));
        }, tenant);
      }),
    );
    expect(seen).toHaveLength(40);
    expect(seen.every((s) => s === 'own')).toBe(true);
    // After the transactions the connection carries no tenant at all.
    expect(await ds.query(`SELECT current_setting('app.tenant_id', true) AS t`)).toEqual([{ t: '' }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM departments`)).toEqual([{ n: 0 }]);
  });

  it('a transaction that fails rolls back whole and leaves the pooled connection clean for the next county', async () => {
    const name = `回滚测试${randomUUID().slice(0, 8)}`;
    await expect(
      tenantDb.tx(async (em) => {
        await em.query(`INSERT INTO departments (tenant_id, name, kind) VALUES ($1, $2, 'budget_department')`, [
          ids.a,
          name,
        ]);
        // inside: the county is set, and the transaction is open (the insert is visible to itself)
        expect(await em.query(`SELECT current_setting('app.tenant_id', true) AS t`)).toEqual([{ t: ids.a }]);
        expect(await em.query(`SELECT count(*)::int AS n FROM departments WHERE name = $1`, [name])).toEqual([
          { n: 1 },
        ]);
        throw new Error('refused after the write');
      }, ids.a),
    ).rejects.toThrow('refused after the write');
    // nothing was kept, and the same (only) connection serves the other county at once, outside any transaction
    const after = await tenantDb.tx(
      async (em) => ({
        kept: await em.query(`SELECT count(*)::int AS n FROM departments WHERE name = $1`, [name]),
        county: await em.query(`SELECT current_setting('app.tenant_id', true) AS t`),
      }),
      ids.b,
    );
    expect(after).toEqual({ kept: [{ n: 0 }], county: [{ t: ids.b }] });
    expect(
      await db.owner(
        async (c) => (await c.query(`SELECT count(*)::int AS n FROM departments WHERE name = $1`, [name])).rows,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await ds.query(`SELECT current_setting('app.tenant_id', true) AS t, txid_current_if_assigned() AS x`),
    ).toEqual([{ t: '', x: null }]);
  });

  describe('TenantDb.snapshot: several reads in one round trip', () => {
    const names = statement(`SELECT name FROM departments ORDER BY name`, [], allRows<{ name: string }>());
    const setting = statement(`SELECT current_setting('app.tenant_id', true) AS t`, [], firstRow<{ t: string }>());

    it("reads only the county's rows, every statement after the county is set, and leaves the connection clean", async () => {
      const [a, b, inside] = await tenantDb.snapshot([names, names, setting], ids.a);
      expect(a).toEqual([{ name: '甲县总工会' }]);
      expect(b).toEqual(a);
      expect(inside).toEqual({ t: ids.a });
      // the single pooled connection carries no county afterwards, and is in no transaction
      expect(
        await ds.query(`SELECT current_setting('app.tenant_id', true) AS t, txid_current_if_assigned() AS x`),
      ).toEqual([{ t: '', x: null }]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM departments`)).toEqual([{ n: 0 }]);
    });

    it('interleaved with transactions of the other county on one connection, never sees its rows', async () => {
      const seen = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          i % 2 === 0
            ? tenantDb.snapshot([names], ids.a).then(([rows]) => rows.map((r) => r.name).join())
            : tenantDb
                .tx((em) => em.query(`SELECT name FROM departments`) as Promise<Array<{ name: string }>>, ids.b)
                .then((rows) => rows.map((r) => r.name).join()),
        ),
      );
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? '甲县总工会' : '乙县总工会')));
    });

    it('a failing statement fails the whole read and the connection serves the next county at once', async () => {
      const broken = statement(`SELECT 1/0 AS n`, [], firstRow());
      await expect(tenantDb.snapshot([names, broken], ids.a)).rejects.toThrow(/division by zero/);
      const [rows, inside] = await tenantDb.snapshot([names, setting], ids.b);
      expect(rows).toEqual([{ name: '乙县总工会' }]);
      expect(inside).toEqual({ t: ids.b });
    });

    it('is fail-closed like tx: no tenant in the context, or one that is not a UUID, reads nothing', async () => {
      await expect(tenantDb.snapshot([names])).rejects.toThrow(MissingTenantError);
      await expect(tenantDb.snapshot([names], "x' OR true --")).rejects.toThrow(MissingTenantError);
    });

    it('named statements are prepared once on the connection, then executed; a migration that changes their answer is survived', async () => {
      const prepared = statement(
        `SELECT p.* FROM prepared_probe p WHERE p.a = $1`,
        [1],
        allRows<Record<string, unknown>>(),
        'evalflow_probe_rows',
      );
      const onConnection = statement(
        `SELECT name, statement FROM pg_prepared_statements ORDER BY name`,
        [],
        allRows<{ name: string; statement: string }>(),
      );
      const appRole = new URL(db.appUrl).username;
      await db.owner((c) =>
        c.query(`CREATE TABLE prepared_probe (a int); INSERT INTO prepared_probe VALUES (1), (2);
                 GRANT SELECT ON prepared_probe TO ${appRole}`),
      );
      try {
        const [first, names] = await tenantDb.snapshot([prepared, onConnection], ids.a);
        expect(first).toEqual([{ a: 1 }]);
        expect(names.map((n) => n.name)).toContain('evalflow_probe_rows');
        // a migration changes the table under the prepared plan: PostgreSQL refuses the old plan, the read prepares again
        await db.owner((c) => c.query(`ALTER TABLE prepared_probe ADD COLUMN b text DEFAULT 'new'`));
        const [after] = await tenantDb.snapshot([prepared], ids.a);
        expect(after).toEqual([{ a: 1, b: 'new' }]);
      } finally {
        await db.owner((c) => c.query(`DROP TABLE prepared_probe`));
      }
      // one name, one text
      expect(() => statement(`SELECT 2`, [], firstRow(), 'evalflow_probe_rows')).toThrow(/another text/);
    });

    it('parameters are written in as quoted literals that mean what a bound parameter means', async () => {
      const tricky = `甲'县\\"; DROP TABLE departments; --$1`;
      const echo = statement(
        `SELECT $1::text AS s, $2::int + 1 AS n, $3::jsonb AS j, $4::date AS d, $5::text AS nothing`,
        [tricky, 41, { a: "b'c" }, '2024-12-31', null],
        firstRow<{ s: string; n: number; j: unknown; d: Date; nothing: null }>(),
      );
      const [row] = await tenantDb.snapshot([echo], ids.a);
      expect(row).toMatchObject({ s: tricky, n: 42, j: { a: "b'c" }, nothing: null });
      expect(inline(echo)).toContain(`'41'::int`);
      expect(() => inline(statement(`SELECT $1`, [['a']], firstRow()))).toThrow(/array/);
      expect(() => inline(statement(`SELECT $2`, ['a'], firstRow()))).toThrow(/no parameter/);
    });
  });

  it('unique keys are per tenant: another county may use the same department name', async () => {
    await db.owner((c) =>
      c.query(`INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '甲县总工会', 'budget_department')`, [
        ids.b,
      ]),
    );
    const rows = await tenantDb.tx((em) => em.query(`SELECT count(*)::int AS n FROM departments`), ids.b);
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('a random tenant id sees nothing', async () => {
    const rows = await tenantDb.tx((em) => em.query(`SELECT * FROM users`), randomUUID());
    expect(rows).toEqual([]);
  });
});
