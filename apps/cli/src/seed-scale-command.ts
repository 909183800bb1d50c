import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import { SCALE_DEFAULTS, SCALE_PASSWORD, seedDemo, seedScale, type ScaleOptions } from '@evalflow/seed';
import { Pool } from 'pg';
import { withOwner, type Output } from './commands';

const INTEGER_FLAGS: Record<string, [keyof ScaleOptions, number, number]> = {
  '--counties': ['counties', 1, 99_999],
  '--departments': ['departments', 1, 999],
  '--projects': ['projectsPerDepartment', 0, 9],
  '--concurrency': ['concurrency', 1, 16],
};

/** The flags over the defaults; a message for the first flag that is wrong. */
export function parseScaleArgs(args: string[]): ScaleOptions | string {
  const options: ScaleOptions = { ...SCALE_DEFAULTS, fiscalYears: [...SCALE_DEFAULTS.fiscalYears] };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--years') {
      const years = value.split(',').map(Number);
      if (!years.every((y) => Number.isInteger(y) && y >= 2000 && y <= 2100) || new Set(years).size !== years.length) {
        return `--years takes distinct years 2000–2100, comma-separated (got "${value}")`;
      }
      options.fiscalYears = years.sort((a, b) => a - b);
      continue;
    }
    const spec = INTEGER_FLAGS[flag];
    if (!spec) return `unknown flag ${flag}`;
    const [key, min, max] = spec;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) return `${flag} takes an integer ${min}–${max} (got "${value}")`;
    (options[key] as number) = n;
  }
  return options;
}

/** seed:scale: the demo (whose reports lend their content), then the generated counties. */
export async function seedScaleCommand(config: AppConfig, args: string[], out: Output, err: Output): Promise<number> {
  if (config.env === 'production') {
    err(
      'seed:scale generates counties whose logins share a published password; it runs only with NODE_ENV=development or test.',
    );
    return 1;
  }
  const options = parseScaleArgs(args);
  if (typeof options === 'string') {
    err(options);
    return 64;
  }
  const hasher = new Argon2PasswordHasher();
  await withOwner(config.database.migrationUrl, (ds) => seedDemo(ds, hasher));
  const pool = new Pool({
    connectionString: config.database.migrationUrl,
    max: options.concurrency + 1,
    application_name: 'evalflow-seed-scale',
  });
  try {
    out(
      `seed:scale: ${options.counties} counties × ${options.departments} departments × ${options.projectsPerDepartment + 1} reports × ${options.fiscalYears.length} years (${options.fiscalYears.join(', ')})`,
    );
    const report = await seedScale(pool, hasher, options, out);
    const rows = Object.values(report.counts).reduce((a, b) => a + b, 0);
    out(
      `done in ${report.seconds.toFixed(0)} s: ${Object.entries(report.counts)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')} (${Math.round(rows / report.seconds)} rows/s)`,
    );
    out(`logins: s00000.reviewer, s00000.approver, s00000.admin, s00000.d001.editor … (password ${SCALE_PASSWORD})`);
    return 0;
  } finally {
    await pool.end();
  }
}
