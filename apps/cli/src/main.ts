import 'reflect-metadata';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { loadConfigOrExit } from '@evalflow/config';
import { dataSourceOptions, redactUrl, revertLastMigration, setupDatabase } from '@evalflow/persistence';
import { DataSource } from 'typeorm';
import { allDemoUsers, DEMO_PASSWORD } from './seed/demo-data';
import { seedDemo } from './seed/seed-demo';

const USAGE = `usage: node dist/apps/cli/main.js <command>

commands:
  migrate          create the database and application role if missing, apply migrations, apply grants
  migrate:revert   revert the newest migration
  seed:demo        insert the demo counties, departments and logins (idempotent)
  demo:logins      print the demo logins`;

async function withOwner<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 2, applicationName: 'evalflow-cli' }));
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

export function printDemoLogins(out: (line: string) => void = console.log): void {
  out(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of allDemoUsers()) {
    out(`  ${user.username.padEnd(28)} ${user.roles.join(', ').padEnd(18)} ${user.displayName}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  const config = loadConfigOrExit();
  switch (command) {
    case 'migrate': {
      const report = await setupDatabase({ migrationUrl: config.database.migrationUrl, appUrl: config.database.url });
      console.log(
        `database ${redactUrl(config.database.migrationUrl)}: ${report.databaseCreated ? 'created' : 'present'}; ` +
          `application role ${report.appRoleCreated ? 'created' : 'present'}; ` +
          `${report.migrationsApplied.length} migration(s) applied${
            report.migrationsApplied.length ? ` (${report.migrationsApplied.join(', ')})` : ''
          }`,
      );
      return 0;
    }
    case 'migrate:revert':
      await revertLastMigration(config.database.migrationUrl);
      console.log('reverted the newest migration');
      return 0;
    case 'seed:demo': {
      const report = await withOwner(config.database.migrationUrl, (ds) => seedDemo(ds, new Argon2PasswordHasher()));
      console.log(
        `demo seed: ${report.tenantsCreated} tenant(s), ${report.departmentsCreated} department(s), ${report.usersCreated} user(s) created`,
      );
      return 0;
    }
    case 'demo:logins':
      printDemoLogins();
      return 0;
    default:
      console.error(USAGE);
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
