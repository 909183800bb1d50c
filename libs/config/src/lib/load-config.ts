import { z } from 'zod';
import type { AppConfig } from './app-config';

/** Development-only secrets; production refuses them. */
const DEV_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';
const DEV_REFRESH_SECRET = 'dev-only-refresh-secret-change-me-0123456789';

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

const urlWithScheme = (schemes: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return schemes.includes(url.protocol) && url.hostname.length > 0;
        } catch {
          return false;
        }
      },
      `must be a ${schemes.map((s) => `${s}//`).join(' or ')} URL with a host`,
    );

const secret = (fallback: string) => z.string().min(32, 'must be at least 32 characters long').default(fallback);

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    })
    .default('development'),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  PORT: port(3000),
  TRUST_PROXY: booleanFlag(false),
  WEB_DIST_DIR: z.string().min(1).default('dist/apps/web'),
  WORKER_HEALTH_PORT: port(3001),
  WORKER_CONCURRENCY: positiveInt(4, 64),
  OUTBOX_POLL_MS: positiveInt(1000, 60000),
  DEADLINE_REMINDER_EVERY_MS: positiveInt(3600000, 24 * 3600000),
  MAIL_TRANSPORT: z.enum(['log', 'file'], { error: 'must be log or file' }).default('log'),
  MAIL_DIR: z.string().min(1, 'must not be empty').default('var/mail'),
  MAIL_FROM: z.string().min(3, 'must not be empty').default('EvalFlow 预算绩效自评 <noreply@evalflow.local>'),
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:'], 'postgres://evalflow_app@127.0.0.1:5432/evalflow'),
  DATABASE_MIGRATION_URL: urlWithScheme(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/evalflow'),
  DATABASE_PLATFORM_URL: urlWithScheme(
    ['postgres:', 'postgresql:'],
    'postgres://evalflow_platform@127.0.0.1:5432/evalflow',
  ),
  DATABASE_POOL_SIZE: positiveInt(10, 200),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(15000),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_" (no ":")')
    .default('evalflow'),
  JWT_ACCESS_SECRET: secret(DEV_ACCESS_SECRET),
  JWT_REFRESH_SECRET: secret(DEV_REFRESH_SECRET),
  JWT_ACCESS_TTL_SECONDS: positiveInt(900, 900),
  LOGIN_MAX_FAILURES: positiveInt(5, 100),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(30, 10000),
  JWT_REFRESH_TTL_SECONDS: positiveInt(7 * 24 * 3600, 90 * 24 * 3600),
  STORAGE_DIR: z.string().min(1, 'must not be empty').default('var/storage'),
  STORAGE_DRIVER: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "-" or "_"')
    .default(''),
  WORKER_LOCK_MS: positiveInt(30000, 600000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(15000),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as most deployment tools write them for "no value". */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

function describe(value: unknown): string {
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const input = withoutEmpty(env);
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const secretVar = name.includes('SECRET');
      const got = name in input && !secretVar ? ` (got "${describe(input[name])}")` : '';
      return `${name} ${issue.message}${got}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (e.JWT_ACCESS_SECRET === DEV_ACCESS_SECRET)
      problems.push('JWT_ACCESS_SECRET must be set in production (the development default is refused)');
    if (e.JWT_REFRESH_SECRET === DEV_REFRESH_SECRET)
      problems.push('JWT_REFRESH_SECRET must be set in production (the development default is refused)');
    if (problems.length) throw new ConfigError(problems);
  }
  if (e.STORAGE_DRIVER === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
      (k) => !e[k],
    );
    if (missing.length) throw new ConfigError(missing.map((k) => `${k} must be set when STORAGE_DRIVER=s3`));
    try {
      if (!/^https?:$/.test(new URL(e.S3_ENDPOINT as string).protocol)) throw new Error();
    } catch {
      throw new ConfigError([`S3_ENDPOINT must be an http:// or https:// URL (got "${describe(e.S3_ENDPOINT)}")`]);
    }
  }
  if (e.JWT_ACCESS_SECRET === e.JWT_REFRESH_SECRET) {
    throw new ConfigError(['JWT_REFRESH_SECRET must differ from JWT_ACCESS_SECRET']);
  }
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, webDistDir: e.WEB_DIST_DIR, trustProxy: e.TRUST_PROXY },
    worker: {
      healthPort: e.WORKER_HEALTH_PORT,
      concurrency: e.WORKER_CONCURRENCY,
      outboxPollMs: e.OUTBOX_POLL_MS,
      deadlineReminderEveryMs: e.DEADLINE_REMINDER_EVERY_MS,
      lockMs: e.WORKER_LOCK_MS,
    },
    mail: { transport: e.MAIL_TRANSPORT, dir: e.MAIL_DIR, from: e.MAIL_FROM },
    database: {
      url: e.DATABASE_URL,
      migrationUrl: e.DATABASE_MIGRATION_URL,
      platformUrl: e.DATABASE_PLATFORM_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: e.REDIS_URL },
    queue: { prefix: e.QUEUE_PREFIX },
    auth: {
      accessSecret: e.JWT_ACCESS_SECRET,
      refreshSecret: e.JWT_REFRESH_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    storage: {
      driver: e.STORAGE_DRIVER,
      dir: e.STORAGE_DIR,
      s3:
        e.STORAGE_DRIVER === 's3'
          ? {
              endpoint: e.S3_ENDPOINT as string,
              bucket: e.S3_BUCKET as string,
              region: e.S3_REGION,
              accessKeyId: e.S3_ACCESS_KEY_ID as string,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
              prefix: e.S3_PREFIX,
            }
          : null,
    },
    log: { level: e.LOG_LEVEL },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

/**
 * For process entry points: on a bad value, print one line naming the variable and exit non-zero,
 * before anything else starts.
 */
export function loadConfigOrExit(
  env: Record<string, string | undefined> = process.env,
  exit: (code: number) => never = process.exit,
): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return exit(78); // EX_CONFIG
    }
    throw error;
  }
}
