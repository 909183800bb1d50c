import { defaultBuiltin } from '@evalflow/domain';
import { MIGRATIONS, setupDatabase } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';
import { runCommand, USAGE } from './commands';

describe('cli commands (real PostgreSQL)', () => {
  let db: TestDatabase;
  const lines: string[] = [];
  const errors: string[] = [];
  const out = (l: string) => lines.push(l);
  const err = (l: string) => errors.push(l);

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(() => {
    lines.length = 0;
    errors.length = 0;
  });

  it('prints usage and exits 64 for an unknown command', async () => {
    expect(await runCommand('frobnicate', db.config(), out, err)).toBe(64);
    expect(errors).toEqual([USAGE]);
  });

  it('migrate on a migrated database applies nothing and says so', async () => {
    expect(await runCommand('migrate', db.config(), out, err)).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/: present; roles present; 0 migration\(s\) applied$/)]);
  });

  it('seed:demo then demo:logins lists every demo login', async () => {
    expect(await runCommand('seed:demo', db.config(), out, err)).toBe(0);
    expect(lines[0]).toBe('demo seed: 2 tenant(s), 7 department(s), 12 user(s), 8 report(s) created');
    lines.length = 0;
    expect(await runCommand('demo:logins', db.config(), out, err)).toBe(0);
    expect(lines[0]).toBe('Demo logins (password for all: evalflow-demo):');
    expect(lines).toHaveLength(13);
    expect(lines.join('\n')).toContain('zhaoxian.finance.approver');
    expect(lines.join('\n')).toContain('luancheng.health.editor');
  });

  it('audit:verify passes an intact trail and names the first entry changed behind its back', async () => {
    const ids = await db.owner(async (c) => {
      const [{ id: tenant }] = (await c.query(`SELECT id FROM tenants WHERE region_code = '130133'`)).rows;
      const rows = [];
      for (const action of ['test.one', 'test.two', 'test.three']) {
        rows.push(
          (await c.query(`INSERT INTO audit_log (tenant_id, action) VALUES ($1, $2) RETURNING id`, [tenant, action]))
            .rows[0].id,
        );
      }
      return rows as string[];
    });
    expect(await runCommand('audit:verify', db.config(), out, err)).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/chain\(s\) checked, 0 broken$/);
    lines.length = 0;
    await db.owner((c) => c.query(`UPDATE audit_log SET action = 'test.forged' WHERE id = $1`, [ids[1]]));
    expect(await runCommand('audit:verify', db.config(), out, err)).toBe(1);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`BROKEN at audit_log id ${ids[1]} \\(hash_mismatch\\)`))]);
    await db.owner((c) => c.query(`DELETE FROM audit_log WHERE action LIKE 'test.%'`));
  });

  it('migrate:revert refuses to lose project tables; without them it reverts the newest migration; migrate applies it again', async () => {
    // the newest migration first: it keeps a county's own templates and 指标库
    await expect(runCommand('migrate:revert', db.config(), out, err)).rejects.toThrow(
      /cannot revert templates: county .* has \d+ templates and \d+ 指标库 entries of its own/,
    );
    await db.owner(async (c) => {
      await c.query(`DELETE FROM template_publications`);
      await c.query(`UPDATE reports SET template_version_id = $1 WHERE kind = 'department_overall'`, [
        defaultBuiltin('department_overall').id,
      ]);
      // published versions are frozen against the application and the owner alike: an operator lifts it on purpose
      await c.query(`ALTER TABLE report_template_versions DISABLE TRIGGER report_template_versions_frozen`);
      await c.query(`DELETE FROM report_template_versions WHERE tenant_id IS NOT NULL`);
      await c.query(`ALTER TABLE report_template_versions ENABLE TRIGGER report_template_versions_frozen`);
      await c.query(`DELETE FROM report_templates WHERE tenant_id IS NOT NULL`);
      await c.query(`DELETE FROM indicator_library`);
    });
    expect(await runCommand('migrate:revert', db.config(), out, err)).toBe(0);
    await expect(runCommand('migrate:revert', db.config(), out, err)).rejects.toThrow(
      /cannot revert report kinds: county .* has \d+ project tables/,
    );
    await db.owner(async (c) => {
      const projects = `SELECT id FROM reports WHERE kind = 'project'`;
      for (const table of ['documents', 'report_transitions', 'report_revisions']) {
        await c.query(`DELETE FROM ${table} WHERE report_id IN (${projects})`);
      }
      await c.query(`DELETE FROM reports WHERE kind = 'project'`);
    });
    expect(await runCommand('migrate:revert', db.config(), out, err)).toBe(0);
    lines.length = 0;
    expect(await runCommand('migrate', db.config(), out, err)).toBe(0);
    const reapplied = MIGRATIONS.slice(-2).map((m) => new m().name);
    expect(lines[0]).toMatch(new RegExp(`2 migration\\(s\\) applied \\(${reapplied.join(', ')}\\)$`));
  });
});
