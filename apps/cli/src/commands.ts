import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import {
  dataSourceOptions,
  redactUrl,
  revertLastMigration,
  setupDatabase,
  deriveAuditHeadKey,
  verifyAuditChains,
  type ChainReport,
} from '@evalflow/persistence';
import { allDemoUsers, DEMO_PASSWORD, seedDemo } from '@evalflow/seed';
import { seedScaleCommand } from './seed-scale-command';
import { DataSource } from 'typeorm';
import { createPlatformAdmin } from './admin-create';

export const USAGE = `usage: node dist/apps/cli/main.js <command>

commands:
  migrate          create the database and roles if missing, apply migrations, apply grants
  migrate:revert   revert the newest migration
  admin:create <username>
                   create the first platform administrator (password from EVALFLOW_ADMIN_PASSWORD,
                   or generated and printed once)
  seed:demo        insert the demo counties, departments and logins (idempotent; development and test only)
  demo:logins      print the demo logins
  seed:scale [--counties N] [--departments N] [--projects N] [--years 2024,2025] [--concurrency N]
                   generate a national load (default 3000 counties × 150 departments × 4 reports × 2 years)
                   into a fresh migrated database, with the demo; development and test only
  audit:verify     verify every county's audit hash chain; exit 1 and name the first broken entry if one is broken`;

export type Output = (line: string) => void;

export async function withOwner<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 2, applicationName: 'evalflow-cli' }));
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

export function printDemoLogins(out: Output): void {
  out(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of allDemoUsers()) {
    out(`  ${user.username.padEnd(28)} ${user.roles.join(', ').padEnd(18)} ${user.displayName}`);
  }
}

/** One chain's verification; an intact chain's signed head in full, for the auditor to write down. */
function printChain(chain: ChainReport, out: Output, err: Output): void {
  const name = chain.tenantId ? `tenant ${chain.tenantId}` : 'platform';
  const { firstBroken, head, signedHead } = chain;
  if (firstBroken) {
    const tail =
      firstBroken.reason === 'tail_missing' && head
        ? ` — the head records position ${head.position}, the entries end at ${chain.lastPosition ?? 'none'}`
        : '';
    err(`${name}: BROKEN at audit_log id ${firstBroken.id} (${firstBroken.reason}); ${chain.entries} entries${tail}`);
    return;
  }
  out(`${name}: ok, ${chain.entries} entries`);
  if (signedHead) {
    out(
      `  head: position ${signedHead.position}, hash ${signedHead.hash}, ${signedHead.algorithm} ${signedHead.signature}`,
    );
  }
}

/** Runs one operator command; returns the process exit code. */
export async function runCommand(
  command: string | undefined,
  config: AppConfig,
  out: Output,
  err: Output,
  args: string[] = [],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  switch (command) {
    case 'admin:create': {
      const admin = await withOwner(config.database.migrationUrl, (ds) =>
        createPlatformAdmin(ds, args[0], env['EVALFLOW_ADMIN_PASSWORD']?.trim() || undefined),
      );
      out(`platform administrator "${admin.username}" created`);
      if (admin.generatedPassword) {
        out(`password (shown once; change it after the first sign-in): ${admin.generatedPassword}`);
      }
      return 0;
    }
    case 'migrate': {
      const report = await setupDatabase({
        migrationUrl: config.database.migrationUrl,
        appUrl: config.database.url,
        platformUrl: config.database.platformUrl,
      });
      out(
        `database ${redactUrl(config.database.migrationUrl)}: ${report.databaseCreated ? 'created' : 'present'}; ` +
          `roles ${report.rolesCreated.length ? `created (${report.rolesCreated.join(', ')})` : 'present'}; ` +
          `${report.migrationsApplied.length} migration(s) applied${
            report.migrationsApplied.length ? ` (${report.migrationsApplied.join(', ')})` : ''
          }`,
      );
      return 0;
    }
    case 'migrate:revert':
      await revertLastMigration(config.database.migrationUrl);
      out('reverted the newest migration');
      return 0;
    case 'seed:demo': {
      if (config.env === 'production') {
        err(
          'seed:demo creates logins whose password is published in the README; it runs only with ' +
            'NODE_ENV=development or test (npm run demo sets it). For a deployment, use admin:create.',
        );
        return 1;
      }
      const report = await withOwner(config.database.migrationUrl, (ds) => seedDemo(ds, new Argon2PasswordHasher()));
      out(
        `demo seed: ${report.tenantsCreated} tenant(s), ${report.departmentsCreated} department(s), ${report.usersCreated} user(s), ${report.reportsCreated} report(s) created`,
      );
      return 0;
    }
    case 'seed:scale':
      return seedScaleCommand(config, args, out, err);
    case 'demo:logins':
      printDemoLogins(out);
      return 0;
    case 'audit:verify': {
      // the key that signs each intact chain's head: derived from JWT_REFRESH_SECRET, as the API's
      const headKey = deriveAuditHeadKey(config.auth.refreshSecret);
      const chains = await withOwner(config.database.migrationUrl, (ds) =>
        verifyAuditChains((sql, params) => ds.query(sql, params), undefined, { headKey }),
      );
      for (const chain of chains) printChain(chain, out, err);
      const broken = chains.filter((c) => c.firstBroken).length;
      out(`${chains.length} chain(s) checked, ${broken} broken`);
      return broken ? 1 : 0;
    }
    default:
      err(USAGE);
      return 64;
  }
}
