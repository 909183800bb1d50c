import { randomBytes } from 'node:crypto';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { checkPasswordPolicy } from '@evalflow/domain';
import type { DataSource } from 'typeorm';

export interface CreatedAdmin {
  username: string;
  /** set when the password was generated here: shown once, never stored in clear */
  generatedPassword: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

/** 18 random bytes in base64url: 24 characters of letters, digits, "-" and "_". */
function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (checkPasswordPolicy(candidate).length === 0) return candidate;
  }
}

/**
 * The first platform administrator of a new deployment (the demo's logins never reach production).
 * The password comes from the environment (EVALFLOW_ADMIN_PASSWORD) or is generated and printed once;
 * either way it must pass the password policy. An existing username is refused, never overwritten.
 */
export async function createPlatformAdmin(
  owner: DataSource,
  usernameInput: string | undefined,
  passwordFromEnv: string | undefined,
): Promise<CreatedAdmin> {
  const username = (usernameInput ?? '').trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new Error('admin:create needs a username: 3–50 lower-case letters, digits, ".", "-" or "_"');
  }
  const password = passwordFromEnv ?? generatePassword();
  const problems = checkPasswordPolicy(password, { username });
  if (problems.length) {
    throw new Error(`EVALFLOW_ADMIN_PASSWORD is too weak: ${problems.map((p) => p.message).join('；')}`);
  }
  const hash = await new Argon2PasswordHasher().hash(password);
  await owner.transaction(async (em) => {
    const created = await em.query(
      `INSERT INTO users (tenant_id, department_id, username, display_name, password_hash)
       VALUES (NULL, NULL, $1, '平台管理员', $2) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [username, hash],
    );
    if (!created.length) throw new Error(`user "${username}" exists already; choose another username`);
    await em.query(`INSERT INTO user_roles (user_id, role, tenant_id) VALUES ($1, 'platform_admin', NULL)`, [
      created[0].id,
    ]);
    await em.query(
      `INSERT INTO audit_log (tenant_id, actor_username, action, target_type, target_id, outcome, details)
       VALUES (NULL, 'cli', 'user.create', 'user', $1, 'success', $2)`,
      [created[0].id, { username, roles: ['platform_admin'], via: 'admin:create' }],
    );
  });
  return { username, generatedPassword: passwordFromEnv ? null : password };
}
