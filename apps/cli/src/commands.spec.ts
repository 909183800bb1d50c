import { Argon2PasswordHasher } from '@evalflow/auth';
import { defaultBuiltin } from '@evalflow/domain';
import { deriveAuditHeadKey, MIGRATIONS, setupDatabase, signChainHead } from '@evalflow/persistence';
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

  it('seed:demo refuses in production: the demo logins never reach a deployment', async () => {
    const production = db.config({
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
      JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
    });
    const before = await db.owner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n);
    expect(await runCommand('seed:demo', production, out, err)).toBe(1);
    expect(errors.join('\n')).toMatch(/runs only with NODE_ENV=development or test .* use admin:create/);
    const after = await db.owner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n);
    expect(after).toBe(before);
  });

  it('admin:create makes one platform administrator who can sign in, and never overwrites a user', async () => {
    expect(await runCommand('admin:create', db.config(), out, err, ['First.Admin'], {})).toBe(0);
    expect(lines[0]).toBe('platform administrator "first.admin" created');
    const password = /shown once.*: (\S+)$/.exec(lines[1])?.[1] as string;
    expect(password).toHaveLength(24);
    const row = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT u.tenant_id, u.password_hash, array_agg(r.role) AS roles FROM users u
               JOIN user_roles r ON r.user_id = u.id WHERE u.username = 'first.admin' GROUP BY u.id`,
          )
        ).rows[0],
    );
    expect(row).toMatchObject({ tenant_id: null, roles: ['platform_admin'] });
    expect(await new Argon2PasswordHasher().verify(row.password_hash, password)).toBe(true);

    await expect(runCommand('admin:create', db.config(), out, err, ['first.admin'], {})).rejects.toThrow(
      /exists already/,
    );
    await expect(
      runCommand('admin:create', db.config(), out, err, ['second.admin'], { EVALFLOW_ADMIN_PASSWORD: 'password1' }),
    ).rejects.toThrow(/EVALFLOW_ADMIN_PASSWORD is too weak/);
    await expect(runCommand('admin:create', db.config(), out, err, [], {})).rejects.toThrow(/needs a username/);
    lines.length = 0;
    expect(
      await runCommand('admin:create', db.config(), out, err, ['second.admin'], {
        EVALFLOW_ADMIN_PASSWORD: 'Kx7#pQ2m-Lw9',
      }),
    ).toBe(0);
    expect(lines).toEqual(['platform administrator "second.admin" created']);
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
    // each intact chain's head, signed with the key derived from the refresh secret, for the auditor
    const [head] = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT tenant_id::text AS chain, chain_position::int AS position, encode(hash, 'hex') AS hash
               FROM audit_chain_heads h WHERE tenant_id = (SELECT tenant_id FROM audit_log WHERE id = $1)`,
            [ids[0]],
          )
        ).rows,
    );
    const signed = signChainHead(deriveAuditHeadKey(db.config().auth.refreshSecret), head);
    expect(lines).toContain(`  head: position ${head.position}, hash ${head.hash}, HMAC-SHA256 ${signed.signature}`);
    lines.length = 0;
    await db.owner((c) => c.query(`UPDATE audit_log SET action = 'test.forged' WHERE id = $1`, [ids[1]]));
    expect(await runCommand('audit:verify', db.config(), out, err)).toBe(1);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`BROKEN at audit_log id ${ids[1]} \\(hash_mismatch\\)`))]);
    await db.owner((c) => c.query(`DELETE FROM audit_log WHERE action LIKE 'test.%'`));
    // the newest entries removed: the head still names the last of them
    errors.length = 0;
    expect(await runCommand('audit:verify', db.config(), out, err)).toBe(1);
    const left = head.position - 3;
    expect(errors).toEqual([
      `tenant ${head.chain}: BROKEN at audit_log id ${ids[2]} (tail_missing); ${left} entries — ` +
        `the head records position ${head.position}, the entries end at ${left || 'none'}`,
    ]);
  });

  it('migrate:revert refuses to lose project tables; without them it reverts the newest migration; migrate applies it again', async () => {
    const templatesAt = MIGRATIONS.findIndex((m) => new m().name === 'Templates1764130000000');
    const auditHeadsAt = MIGRATIONS.findIndex((m) => new m().name === 'AuditChainHeads1764140000000');
    for (let i = MIGRATIONS.length - 1; i > templatesAt; i--) {
      if (i === auditHeadsAt) {
        // the test above cut its chain's tail, and the heads are the evidence of it: refused
        await expect(runCommand('migrate:revert', db.config(), out, err)).rejects.toThrow(
          /cannot revert audit chain heads: the head of chain [0-9a-f-]+ records position \d+, its entries end at (\d+|none)/,
        );
        // an operator who accepts the loss moves the heads back to the chains' last entries (none left: no head)
        await db.owner(async (c) => {
          const chainKey = `coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)`;
          await c.query(`
            UPDATE audit_chain_heads h SET chain_position = l.chain_position, hash = l.hash, entry_id = l.id
              FROM (SELECT DISTINCT ON (${chainKey}) ${chainKey} AS chain_key, chain_position, hash, id
                      FROM audit_log ORDER BY 1, chain_position DESC) l
             WHERE h.chain_key = l.chain_key`);
          await c.query(`
            DELETE FROM audit_chain_heads h WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE ${chainKey} = h.chain_key)`);
        });
      }
      expect(await runCommand('migrate:revert', db.config(), out, err)).toBe(0);
    }
    // then templates: it keeps a county's own templates and 指标库
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
    const reapplied = MIGRATIONS.slice(templatesAt - 1).map((m) => new m().name);
    expect(lines[0]).toMatch(new RegExp(`${reapplied.length} migration\\(s\\) applied \\(${reapplied.join(', ')}\\)$`));
  });
});
