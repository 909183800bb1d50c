import { hkdfSync } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { AppConfig } from './app-config';
import { port, positiveInt } from './env-values';
import { isSecretVariable, MAIL_ENV, mailConfig } from './mail-config';

/** Development-only secrets; production refuses them. */
const DEV_ACCESS_SECRET = 'dev-only-access-secret-change-me-0123456789';
const DEV_REFRESH_SECRET = 'dev-only-refresh-secret-change-me-0123456789';

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

/** A key of its own for one purpose, derived from a configured secret (HKDF-SHA256), as hex. */
function derivedKey(from: string, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', from, '', purpose, 32)).toString('hex');
}

/**
 * A secret an attacker cannot guess: 32+ characters (checked above) with at least 12 distinct ones and no
 * word that marks a placeholder. `openssl rand -hex 32` passes; "change-me-change-me-…" does not.
 */
export function weakSecretReason(value: string): string | null {
  if (new Set(value).size < 12) return 'has fewer than 12 distinct characters (use e.g. openssl rand -hex 32)';
  if (/change.?me|example|secret|password|evalflow|dev-only|placeholder/i.test(value))
    return 'looks like a placeholder (use e.g. openssl rand -hex 32)';
  return null;
}

/** Passwords that ship in examples and must never reach production. */
const KNOWN_PASSWORDS = new Set([
  'postgres',
  'password',
  'evalflow',
  'evalflow-app',
  'evalflow-platform',
  'evalflow-owner',
]);

/**
 * TRUST_PROXY: whose X-Forwarded-For to believe. Unset or "false": nobody (the socket's address counts).
 * Otherwise a comma-separated list of proxy addresses or CIDR ranges, or the names loopback, linklocal,
 * uniquelocal. "true" (believe anyone) is refused: a client could then pick its own address and dodge
 * the login throttle, or spend a whole office's budget.
 */
const trustedProxies = z
  .string()
  .default('false')
  .transform((value, ctx) => {
    if (value === 'false' || value === '0') return [];
    if (value === 'true' || value === '1') {
      ctx.addIssue({
        code: 'custom',
        message:
          'must list the proxies to trust (addresses, CIDR ranges, loopback…), not true: true lets any client pick its own address',
      });
      return z.NEVER;
    }
    const entries = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const bad = entries.find((entry) => !isProxyEntry(entry));
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `has "${bad}", which is neither an address, a CIDR range nor loopback/linklocal/uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });

function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const v = isIP(address);
  if (!v) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (v === 4 ? 32 : 128);
}

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    })
    .default('production'),
  HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
  PORT: port(3000),
  TRUST_PROXY: trustedProxies,
  REQUEST_TIMEOUT_MS: positiveInt(30000, 600000),
  RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(30, 100000),
  RATE_LIMIT_COSTLY_PER_MINUTE: positiveInt(20, 100000),
  RATE_LIMIT_WRITES_PER_MINUTE: positiveInt(300, 100000),
  RATE_LIMIT_READS_PER_MINUTE: positiveInt(1200, 100000),
  RATE_LIMIT_PUBLIC_PER_MINUTE: positiveInt(60, 100000),
  RATE_LIMIT_API_KEY_PER_MINUTE: positiveInt(120, 100000),
  WEB_DIST_DIR: z.string().min(1).default('dist/apps/web'),
  WORKER_HEALTH_PORT: port(3001),
  WORKER_CONCURRENCY: positiveInt(4, 64),
  // a submitted report's documents wait in the outbox for the next poll: 200 ms keeps that short (bench:peak)
  OUTBOX_POLL_MS: positiveInt(200, 60000),
  DEADLINE_REMINDER_EVERY_MS: positiveInt(3600000, 24 * 3600000),
  ...MAIL_ENV,
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
  /** encrypts webhook signing secrets at rest (they must be read back to sign, so they cannot be hashed) */
  WEBHOOK_SECRET_KEY: z.string().min(32, 'must be at least 32 characters long').optional(),
  /** attempts per webhook delivery, and the first retry's delay (doubling after each failure) */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).default(60_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  JWT_ACCESS_TTL_SECONDS: positiveInt(900, 900),
  // a session check may be answered from memory this long (0: never); changes reach every instance at once anyway
  SESSION_CACHE_MS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(60000, 'must be at most 60000')
    .default(10000),
  LOGIN_MAX_FAILURES: positiveInt(5, 100),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(30, 10000),
  JWT_REFRESH_TTL_SECONDS: positiveInt(7 * 24 * 3600, 90 * 24 * 3600),
  STORAGE_DIR: z.string().min(1, 'must not be empty').default('var/storage'),
  STORAGE_DRIVER: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3–63 lowercase letters, digits, "." or "-", starting and ending with a letter or digit',
    )
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a region name such as us-east-1, cn-north-1 or cn-hangzhou')
    .default('us-east-1'),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_SESSION_TOKEN: z.string().optional(),
  S3_REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(600000, 'must be at most 600000')
    .default(30000),
  S3_MAX_ATTEMPTS: positiveInt(3, 10),
  // S3 refuses parts under 5 MiB; 4 parts of one upload are in memory at once
  S3_PART_SIZE_MB: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be at least 5 (S3 refuses smaller parts)')
    .max(64, 'must be at most 64')
    .default(8),
  S3_CHECKSUMS: z
    .enum(['when_supported', 'when_required'], { error: 'must be when_supported or when_required' })
    .default('when_supported'),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "-" or "_"')
    .default(''),
  WORKER_LOCK_MS: positiveInt(30000, 600000),
  RENDER_MAX_PAGES: positiveInt(300, 5000),
  RENDER_MAX_BYTES: positiveInt(50 * 1024 * 1024, 500 * 1024 * 1024),
  RENDER_TIMEOUT_MS: positiveInt(120000, 30 * 60000),
  RENDER_MAX_HEAP_MB: positiveInt(512, 4096),
  SWEEP_EVERY_MS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .refine((n) => n === 0 || (n >= 5000 && n <= 3600000), 'must be 0 (off) or between 5000 and 3600000')
    .default(60000),
  // a parsed import not confirmed within this many hours expires (its file deleted); 7 days, at most 90
  IMPORT_EXPIRE_AFTER_HOURS: positiveInt(7 * 24, 90 * 24),
  // 佐证材料: the platform's ceilings (a county sets its own limits up to these) and the optional virus scan
  EVIDENCE_MAX_FILE_MB: positiveInt(50, 500),
  EVIDENCE_MAX_REPORT_MB: positiveInt(2048, 100 * 1024),
  // a command run on each uploaded file, its path appended (e.g. "clamdscan --no-summary --fdpass"); exit 0 clean, 1 refused
  EVIDENCE_SCAN_COMMAND: z.string().trim().optional(),
  EVIDENCE_SCAN_TIMEOUT_MS: positiveInt(60000, 10 * 60000),
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

/**
 * In production a database reached over the network needs a real password; a local socket or
 * 127.0.0.1 may rely on the server's own authentication (peer, trust on a private host).
 */
function weakDatabasePassword(value: string): string | null {
  const url = new URL(value);
  const local = ['127.0.0.1', 'localhost', '[::1]', ''].includes(url.hostname);
  const password = decodeURIComponent(url.password);
  if (!password) return local ? null : 'needs a password in production for a database on another host';
  if (KNOWN_PASSWORDS.has(password.toLowerCase()))
    return 'uses a password from the examples; choose your own (e.g. openssl rand -hex 16)';
  if (!local && password.length < 12) return 'needs a password of at least 12 characters in production';
  return null;
}

function describe(value: unknown): string {
  // a URL's password never reaches a log, even in a URL too broken to parse
  const text = String(value).replace(/(:\/\/[^/@:\s]*):[^@/\s]*@/g, '$1:***@');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * STORAGE_DRIVER=s3: a bucket; an endpoint, if given, as an http(s) URL; the key pair whole or not at all (none: the
 * SDK's default chain, e.g. an instance role); a session token only beside a key pair.
 */
function s3Problems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (!e.S3_BUCKET) problems.push('S3_BUCKET must be set when STORAGE_DRIVER=s3');
  if (e.S3_ENDPOINT !== undefined) {
    let ok = false;
    try {
      const url = new URL(e.S3_ENDPOINT);
      ok = /^https?:$/.test(url.protocol) && url.hostname.length > 0;
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`S3_ENDPOINT must be an http:// or https:// URL (got "${describe(e.S3_ENDPOINT)}")`);
  }
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither, for the default AWS credential chain)',
    );
  }
  if (e.S3_SESSION_TOKEN && !e.S3_ACCESS_KEY_ID) {
    problems.push('S3_SESSION_TOKEN needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (it belongs to that key pair)');
  }
  return problems;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const input = withoutEmpty(env);
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const secretVar = isSecretVariable(name);
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
    for (const name of ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'WEBHOOK_SECRET_KEY'] as const) {
      if (e[name] === undefined) continue;
      const devDefault =
        name !== 'WEBHOOK_SECRET_KEY' && (e[name] === DEV_ACCESS_SECRET || e[name] === DEV_REFRESH_SECRET);
      const reason = devDefault ? null : weakSecretReason(e[name]);
      if (reason) problems.push(`${name} ${reason}`);
    }
    for (const name of ['DATABASE_URL', 'DATABASE_PLATFORM_URL', 'DATABASE_MIGRATION_URL'] as const) {
      const reason = weakDatabasePassword(e[name]);
      if (reason && name in input) problems.push(`${name} ${reason}`);
    }
    if (problems.length) throw new ConfigError(problems);
  }
  if (e.STORAGE_DRIVER === 's3') {
    const problems = s3Problems(e);
    if (problems.length) throw new ConfigError(problems);
  }
  if (e.JWT_ACCESS_SECRET === e.JWT_REFRESH_SECRET) {
    throw new ConfigError(['JWT_REFRESH_SECRET must differ from JWT_ACCESS_SECRET']);
  }
  const mailProblems: string[] = [];
  const mail = mailConfig(e, e.NODE_ENV, mailProblems);
  if (mailProblems.length) throw new ConfigError(mailProblems);
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      webDistDir: e.WEB_DIST_DIR,
      trustProxy: e.TRUST_PROXY,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      rateLimits: {
        auth: e.RATE_LIMIT_AUTH_PER_MINUTE,
        costly: e.RATE_LIMIT_COSTLY_PER_MINUTE,
        writes: e.RATE_LIMIT_WRITES_PER_MINUTE,
        reads: e.RATE_LIMIT_READS_PER_MINUTE,
        public: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
        apiKey: e.RATE_LIMIT_API_KEY_PER_MINUTE,
      },
    },
    worker: {
      healthPort: e.WORKER_HEALTH_PORT,
      concurrency: e.WORKER_CONCURRENCY,
      outboxPollMs: e.OUTBOX_POLL_MS,
      deadlineReminderEveryMs: e.DEADLINE_REMINDER_EVERY_MS,
      lockMs: e.WORKER_LOCK_MS,
    },
    render: {
      maxPages: e.RENDER_MAX_PAGES,
      maxBytes: e.RENDER_MAX_BYTES,
      timeoutMs: e.RENDER_TIMEOUT_MS,
      maxHeapMb: e.RENDER_MAX_HEAP_MB,
    },
    sweepEveryMs: e.SWEEP_EVERY_MS,
    imports: { expireAfterMs: e.IMPORT_EXPIRE_AFTER_HOURS * 3600_000 },
    evidence: {
      maxFileMb: e.EVIDENCE_MAX_FILE_MB,
      maxReportMb: e.EVIDENCE_MAX_REPORT_MB,
      scanCommand: e.EVIDENCE_SCAN_COMMAND || null,
      scanTimeoutMs: e.EVIDENCE_SCAN_TIMEOUT_MS,
    },
    mail,
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
      sessionCacheMs: e.SESSION_CACHE_MS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    webhooks: {
      // unset: derived from JWT_REFRESH_SECRET (itself required and strong in production), as the audit
      // chain's key is; set it to rotate the JWT secrets without losing the endpoints' signing secrets
      secretKey: e.WEBHOOK_SECRET_KEY ?? derivedKey(e.JWT_REFRESH_SECRET, 'evalflow webhook signing secrets'),
      attempts: e.WEBHOOK_ATTEMPTS,
      backoffMs: e.WEBHOOK_BACKOFF_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      // plain http and private targets only where a developer's own machine is the receiver
      allowInsecureTargets: e.NODE_ENV === 'development' || e.NODE_ENV === 'test',
    },
    storage: {
      driver: e.STORAGE_DRIVER,
      dir: e.STORAGE_DIR,
      s3:
        e.STORAGE_DRIVER === 's3'
          ? {
              endpoint: e.S3_ENDPOINT ?? null,
              bucket: e.S3_BUCKET as string,
              region: e.S3_REGION,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
              credentials: e.S3_ACCESS_KEY_ID
                ? {
                    accessKeyId: e.S3_ACCESS_KEY_ID,
                    secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
                    ...(e.S3_SESSION_TOKEN ? { sessionToken: e.S3_SESSION_TOKEN } : {}),
                  }
                : null,
              prefix: e.S3_PREFIX,
              requestTimeoutMs: e.S3_REQUEST_TIMEOUT_MS,
              maxAttempts: e.S3_MAX_ATTEMPTS,
              partSizeBytes: e.S3_PART_SIZE_MB * 1024 * 1024,
              checksums: e.S3_CHECKSUMS,
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
