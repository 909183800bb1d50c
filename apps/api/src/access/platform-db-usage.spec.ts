import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** The bypass connection stays where it belongs: authentication, platform administration, the outbox relay. */
const ALLOWED = [
  'libs/persistence/src/lib/platform-db.ts',
  'libs/persistence/src/lib/persistence.module.ts',
  'libs/persistence/src/index.ts',
  'apps/api/src/auth/auth.service.ts',
  'apps/api/src/auth/sessions.service.ts',
  'apps/api/src/auth/login-throttle.service.ts',
  // an API key is found by its hash before its county is known (its only grant: api_keys)
  'apps/api/src/api-keys/api-key-auth.service.ts',
  'apps/api/src/tenants/tenants.service.ts',
  'apps/api/src/audit/audit-log.service.ts',
  'apps/api/src/access/denial-recorder.ts',
  // idempotency keys per user (its only grant beyond sign-in's tables is idempotency_keys)
  'apps/api/src/http/idempotency.interceptor.ts',
  // reads pending jobs of every county (ids only; it has no grant on report tables)
  'apps/worker/src/outbox/outbox-relay.service.ts',
  // the outbox rows of stuck work and the list of counties; each county's documents in its own tenant transaction
  'apps/worker/src/recovery/stuck-work-sweeper.service.ts',
  // lists the counties to remind (tenants only); each county's data is read in its own tenant transaction
  'apps/worker/src/notifications/deadline-reminders.handler.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('PlatformDb (the RLS bypass) is used only where it is meant to be', () => {
  it('appears in no other production file', () => {
    const users = ['apps', 'libs']
      .flatMap((top) => sources(join(ROOT, top)))
      .filter((file) => /\bPlatformDb\b|PLATFORM_CONNECTION/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .filter((file) => !file.startsWith('libs/persistence/src/test/') && !file.includes('/test/'));
    expect(users.filter((file) => !ALLOWED.includes(file) && file !== 'apps/api/src/bootstrap.ts')).toEqual([]);
  });
});
