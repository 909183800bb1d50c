import { setupDatabase } from '@evalflow/persistence';
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
    expect(lines[0]).toBe('demo seed: 2 tenant(s), 4 department(s), 11 user(s) created');
    lines.length = 0;
    expect(await runCommand('demo:logins', db.config(), out, err)).toBe(0);
    expect(lines[0]).toBe('Demo logins (password for all: evalflow-demo):');
    expect(lines).toHaveLength(12);
    expect(lines.join('\n')).toContain('zhaoxian.finance.approver');
  });

  it('migrate:revert reverts the newest migration; migrate applies it again', async () => {
    expect(await runCommand('migrate:revert', db.config(), out, err)).toBe(0);
    lines.length = 0;
    expect(await runCommand('migrate', db.config(), out, err)).toBe(0);
    expect(lines[0]).toMatch(/1 migration\(s\) applied \(Authentication\d+\)$/);
  });
});
