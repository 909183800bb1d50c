import { Argon2PasswordHasher } from '@evalflow/auth';
import { setupDatabase } from '@evalflow/persistence';
import { SCALE_DEFAULTS, SCALE_PASSWORD } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import { runCommand } from './commands';
import { parseScaleArgs } from './seed-scale-command';

describe('seed:scale flags', () => {
  it('takes the national defaults and overrides them flag by flag', () => {
    expect(parseScaleArgs([])).toEqual(SCALE_DEFAULTS);
    expect(parseScaleArgs(['--counties', '12', '--years', '2025,2023', '--projects', '0'])).toEqual({
      ...SCALE_DEFAULTS,
      counties: 12,
      fiscalYears: [2023, 2025],
      projectsPerDepartment: 0,
    });
  });

  it('names the first wrong flag', () => {
    expect(parseScaleArgs(['--counties', '0'])).toBe('--counties takes an integer 1–99999 (got "0")');
    expect(parseScaleArgs(['--counties', '2.5'])).toMatch(/^--counties takes an integer/);
    expect(parseScaleArgs(['--years', '2024,2024'])).toMatch(/^--years takes distinct years/);
    expect(parseScaleArgs(['--counties'])).toBe('--counties needs a value');
    expect(parseScaleArgs(['--shards', '4'])).toBe('unknown flag --shards');
  });
});

describe('seed:scale (real PostgreSQL)', () => {
  let db: TestDatabase;
  const lines: string[] = [];
  const errors: string[] = [];
  const out = (l: string) => lines.push(l);
  const err = (l: string) => errors.push(l);
  const count = (sql: string, params: unknown[] = []) =>
    db.owner(async (c) => (await c.query(sql, params)).rows[0].n as number);
  const GENERATED = `(SELECT id FROM tenants WHERE region_code >= '900000')`;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    const args = ['--counties', '3', '--departments', '4', '--projects', '2', '--years', '2024,2025'];
    expect(await runCommand('seed:scale', db.config(), out, err, args)).toBe(0);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('writes every county whole: its bureau, departments, logins and reports of each year', async () => {
    expect(errors).toEqual([]);
    expect(lines.at(-2)).toMatch(
      /^done in \d+ s: tenants 3, settings 3, deadlines 6, departments 15, users 21, roles 21, reports 72, parts 480, /,
    );
    expect(await count(`SELECT count(*)::int AS n FROM tenants WHERE id IN ${GENERATED}`)).toBe(3);
    // per county and year: 4 departments × (1 部门整体 + 2 项目), each with its kind's parts (10 and 5)
    expect(await count(`SELECT count(*)::int AS n FROM reports WHERE tenant_id IN ${GENERATED}`)).toBe(72);
    expect(await count(`SELECT count(*)::int AS n FROM report_parts WHERE tenant_id IN ${GENERATED}`)).toBe(480);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM reports r WHERE tenant_id IN ${GENERATED}
            AND (SELECT count(*) FROM report_parts p WHERE p.report_id = r.id) <> CASE r.kind WHEN 'project' THEN 5 ELSE 10 END`,
      ),
    ).toBe(0);
  });

  it('spreads the year under way over every status and leaves the earlier year mostly approved', async () => {
    const statuses = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT fiscal_year AS year, status, count(*)::int AS n FROM reports
              WHERE tenant_id IN ${GENERATED} GROUP BY 1, 2 ORDER BY 1, 2`,
          )
        ).rows as Array<{ year: number; status: string; n: number }>,
    );
    expect(statuses.filter((s) => s.year === 2025).map((s) => s.status)).toEqual([
      'approved',
      'draft',
      'in_review',
      'returned',
      'submitted',
    ]);
    const earlier = statuses.filter((s) => s.year === 2024);
    const approved = earlier.find((s) => s.status === 'approved')?.n ?? 0;
    expect(approved / earlier.reduce((sum, s) => sum + s.n, 0)).toBeGreaterThan(0.8);
    expect(earlier.some((s) => s.status === 'draft')).toBe(false);
  });

  it('gives every report a history that ends in its status, a revision per submission and an audit entry per step', async () => {
    // the last transition of each report leads to its status; a draft has none
    expect(
      await count(
        `SELECT count(*)::int AS n FROM reports r
           LEFT JOIN LATERAL (SELECT to_status FROM report_transitions t WHERE t.report_id = r.id ORDER BY t.id DESC LIMIT 1) last ON true
          WHERE r.tenant_id IN ${GENERATED} AND coalesce(last.to_status, 'draft') <> r.status`,
      ),
    ).toBe(0);
    const submissions = await count(
      `SELECT count(*)::int AS n FROM report_transitions WHERE action = 'submit' AND tenant_id IN ${GENERATED}`,
    );
    expect(submissions).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM report_revisions WHERE tenant_id IN ${GENERATED}`)).toBe(
      submissions,
    );
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id IN ${GENERATED}`)).toBe(
      await count(`SELECT count(*)::int AS n FROM report_transitions WHERE tenant_id IN ${GENERATED}`),
    );
    // the generated text names its own department and year, not the demo's
    expect(
      await count(
        `SELECT count(*)::int AS n FROM report_parts WHERE tenant_id IN ${GENERATED} AND content::text LIKE '%赵县总工会%'`,
      ),
    ).toBe(0);
  });

  it('leaves every audit chain intact, as audit:verify reads them', async () => {
    lines.length = 0;
    expect(await runCommand('audit:verify', db.config(), out, err)).toBe(0);
    expect(lines.at(-1)).toMatch(/chain\(s\) checked, 0 broken$/);
  });

  it('keeps each county behind row-level security', async () => {
    const [first] = await db.owner(
      async (c) => (await c.query(`SELECT id FROM tenants WHERE region_code = '900000'`)).rows,
    );
    const seen = await db.app(async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [first.id]);
      const { rows } = await c.query(
        `SELECT count(*)::int AS n, count(DISTINCT tenant_id)::int AS counties FROM reports`,
      );
      await c.query('COMMIT');
      return rows[0];
    });
    expect(seen).toEqual({ n: 24, counties: 1 });
  });

  it('signs its logins in with the stated password', async () => {
    const [user] = await db.owner(
      async (c) => (await c.query(`SELECT password_hash FROM users WHERE username = 's00002.d004.editor'`)).rows,
    );
    expect(await new Argon2PasswordHasher().verify(user.password_hash, SCALE_PASSWORD)).toBe(true);
  });

  it('refuses a database that already holds generated counties, and production', async () => {
    await expect(runCommand('seed:scale', db.config(), out, err, ['--counties', '1'])).rejects.toThrow(
      'the database already holds 3 generated counties; seed:scale needs a fresh database',
    );
    const production = db.config({
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
      JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
    });
    errors.length = 0;
    expect(await runCommand('seed:scale', production, out, err, ['--counties', '1'])).toBe(1);
    expect(errors[0]).toMatch(/runs only with NODE_ENV=development or test/);
    expect(await count(`SELECT count(*)::int AS n FROM tenants WHERE id IN ${GENERATED}`)).toBe(3);
  });
});
