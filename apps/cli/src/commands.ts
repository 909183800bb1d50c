import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import {
  dataSourceOptions,
  redactUrl,
  revertLastMigration,
  setupDatabase,
  verifyAuditChains,
} from '@evalflow/persistence';
import { allDemoUsers, DEMO_PASSWORD, seedDemo } from '@evalflow/seed';
import { DataSource } from 'typeorm';

export const USAGE = `usage: node dist/apps/cli/main.js <command>

commands:
  migrate          create the database and roles if missing, apply migrations, apply grants
  migrate:revert   revert the newest migration
  seed:demo        insert the demo counties, departments and logins (idempotent)
  demo:logins      print the demo logins
  audit:verify     verify every county's audit hash chain; exit 1 and name the first broken entry if one is broken`;

export type Output = (line: string) => void;

async function withOwner<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
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

/** Runs one operator command; returns the process exit code. */
export async function runCommand(
  command: string | undefined,
  config: AppConfig,
  out: Output,
  err: Output,
): Promise<number> {
  switch (command) {
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
      const report = await withOwner(config.database.migrationUrl, (ds) => seedDemo(ds, new Argon2PasswordHasher()));
      out(
        `demo seed: ${report.tenantsCreated} tenant(s), ${report.departmentsCreated} department(s), ${report.usersCreated} user(s), ${report.reportsCreated} report(s) created`,
      );
      return 0;
    }
    case 'demo:logins':
      printDemoLogins(out);
      return 0;
    case 'audit:verify': {
      const chains = await withOwner(config.database.migrationUrl, (ds) =>
        verifyAuditChains((sql, params) => ds.query(sql, params)),
      );
      let broken = 0;
      for (const chain of chains) {
        const name = chain.tenantId ? `tenant ${chain.tenantId}` : 'platform';
        if (chain.firstBroken) {
          broken++;
          err(
            `${name}: BROKEN at audit_log id ${chain.firstBroken.id} (${chain.firstBroken.reason}); ${chain.entries} entries`,
          );
        } else out(`${name}: ok, ${chain.entries} entries`);
      }
      out(`${chains.length} chain(s) checked, ${broken} broken`);
      return broken ? 1 : 0;
    }
    default:
      err(USAGE);
      return 64;
  }
}
