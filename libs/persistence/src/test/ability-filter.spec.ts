import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { defineAbilityFor, ROLES, tagged, type Principal, type Role, type SubjectName } from '@evalflow/domain';
import { TestDatabase } from '@evalflow/testing';
import { Client } from 'pg';
import { abilityFilter, UntranslatableRuleError } from '../lib/access/ability-filter';
import { setupDatabase } from '../lib/setup/database-setup';

/**
 * The SQL filter built from an ability must select exactly the rows that ability.can() allows:
 * checked on random principals against rows of several counties and departments (owner
 * connection, so RLS does not hide the difference).
 */
describe('abilityFilter agrees with ability.can() (real PostgreSQL, property-based)', () => {
  let db: TestDatabase;
  let owner: Client;
  const tenants: string[] = [];
  const departments: Array<{ id: string; tenantId: string; kind: string }> = [];
  const users: Array<{ id: string; tenantId: string | null; departmentId: string | null; roles: string[] }> = [];

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    for (let t = 0; t < 3; t++) {
      const { rows } = await owner.query(
        `INSERT INTO tenants (name, region_code, city, province) VALUES ($1, $2, '市', '省') RETURNING id`,
        [`县${t}`, `20000${t}`],
      );
      tenants.push(rows[0].id);
      for (const kind of ['budget_department', 'budget_department', 'finance_bureau']) {
        const d = await owner.query(
          `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, $2, $3) RETURNING id`,
          [rows[0].id, `部门${departments.length}`, kind],
        );
        departments.push({ id: d.rows[0].id, tenantId: rows[0].id, kind });
      }
    }
    for (const [i, d] of departments.entries()) {
      const u = await owner.query(
        `INSERT INTO users (tenant_id, department_id, username, display_name, password_hash)
         VALUES ($1, $2, $3, 'x', 'x') RETURNING id`,
        [d.tenantId, d.id, `user${i}`],
      );
      users.push({ id: u.rows[0].id, tenantId: d.tenantId, departmentId: d.id, roles: [] });
    }
    await owner.query(`INSERT INTO audit_log (tenant_id, action) SELECT unnest($1::uuid[]), 'probe.entry'`, [tenants]);
    await owner.query(`INSERT INTO audit_log (tenant_id, action) VALUES (NULL, 'probe.platform')`);
  });

  afterAll(async () => {
    await owner?.end();
    await db?.destroy();
  });

  const principalArb = fc
    .record({
      roles: fc.subarray([...ROLES], { minLength: 1 }),
      tenant: fc.integer({ min: 0, max: 3 }), // 3 = a county that has no rows
      department: fc.integer({ min: 0, max: 9 }),
      self: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ roles, tenant, department, self }): Principal => {
      const platform = roles.includes('platform_admin');
      return {
        userId: users[self % users.length]?.id ?? randomUUID(),
        username: 'p',
        displayName: 'p',
        tenantId: platform ? null : (tenants[tenant] ?? randomUUID()),
        departmentId: departments[department]?.id ?? null,
        departmentKind: null,
        roles: roles as Role[],
      };
    });

  async function sqlIds(table: string, alias: string, where: { sql: string; params: unknown[] }, idColumn = 'id') {
    const { rows } = await owner.query(
      `SELECT ${alias}.${idColumn}::text AS id FROM ${table} ${alias} WHERE ${where.sql}`,
      where.params,
    );
    return rows.map((r) => r.id as string).sort();
  }

  const cases: Array<{
    subject: SubjectName;
    table: string;
    alias: string;
    columns: Record<string, string>;
    rows: () => Array<Record<string, unknown> & { id: string }>;
  }> = [
    {
      subject: 'Tenant',
      table: 'tenants',
      alias: 't',
      columns: { id: 't.id' },
      rows: () => tenants.map((id) => ({ id })),
    },
    {
      subject: 'Department',
      table: 'departments',
      alias: 'd',
      columns: { id: 'd.id', tenantId: 'd.tenant_id', kind: 'd.kind' },
      rows: () => departments,
    },
    {
      subject: 'User',
      table: 'users',
      alias: 'u',
      columns: { id: 'u.id', tenantId: 'u.tenant_id', departmentId: 'u.department_id' },
      rows: () => users,
    },
  ];

  it.each(cases)(
    '$subject: the SQL selects exactly what can(read) allows',
    async ({ subject, table, alias, columns, rows }) => {
      await fc.assert(
        fc.asyncProperty(principalArb, async (principal) => {
          const ability = defineAbilityFor(principal);
          const expected = rows()
            .filter((row) => ability.can('read', tagged(subject, row)))
            .map((row) => row.id)
            .sort();
          const actual = await sqlIds(table, alias, abilityFilter(ability, 'read', subject, columns));
          expect(actual).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    },
  );

  it('AuditLog: NULL tenant entries only for the platform, own county for its admin', async () => {
    const { rows } = await owner.query(`SELECT id::text, tenant_id FROM audit_log`);
    await fc.assert(
      fc.asyncProperty(principalArb, async (principal) => {
        const ability = defineAbilityFor(principal);
        const expected = rows
          .filter((r) => ability.can('read', tagged('AuditLog', { tenantId: r.tenant_id })))
          .map((r) => r.id)
          .sort();
        const actual = await sqlIds(
          'audit_log',
          'a',
          abilityFilter(ability, 'read', 'AuditLog', { tenantId: 'a.tenant_id' }),
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('fails closed on a field it cannot map, and denies when nothing is allowed', () => {
    const editor = defineAbilityFor({
      userId: 'u',
      username: 'u',
      displayName: 'u',
      tenantId: tenants[0],
      departmentId: departments[0].id,
      departmentKind: 'budget_department',
      roles: ['dept_editor'],
    });
    expect(() => abilityFilter(editor, 'read', 'Department', { tenantId: 'd.tenant_id' })).toThrow(
      UntranslatableRuleError,
    );
    expect(abilityFilter(editor, 'update', 'Department', { id: 'd.id' })).toEqual({ sql: 'FALSE', params: [] });
  });

  it('numbers its parameters after the ones already in the query', () => {
    const admin = defineAbilityFor({
      userId: 'u',
      username: 'u',
      displayName: 'u',
      tenantId: tenants[1],
      departmentId: null,
      departmentKind: null,
      roles: ['tenant_admin'],
    });
    expect(
      abilityFilter(admin, 'read', 'Department', { tenantId: 'd.tenant_id', id: 'd.id', kind: 'd.kind' }, 3),
    ).toEqual({
      sql: 'd.tenant_id = $3',
      params: [tenants[1]],
    });
  });
});
