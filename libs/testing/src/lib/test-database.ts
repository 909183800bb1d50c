import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import { loadConfig, type AppConfig } from '@evalflow/config';

const STALE_AFTER_MS = 6 * 3600 * 1000;
const NAME = /^evalflow_t_(\d{14})_[0-9a-f]+$/;

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The environment a test run starts from (CI may point it elsewhere); defaults suit this machine. */
function baseConfig(): AppConfig {
  return loadConfig({
    DATABASE_URL: process.env['DATABASE_URL'],
    DATABASE_MIGRATION_URL: process.env['DATABASE_MIGRATION_URL'],
    DATABASE_PLATFORM_URL: process.env['DATABASE_PLATFORM_URL'],
    REDIS_URL: process.env['REDIS_URL'],
    NODE_ENV: 'test',
  });
}

/** Drops test databases left behind by runs that crashed hours ago (never a recent one: it may be running). */
async function dropStaleDatabases(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'evalflow_t_%'`,
    );
    const now = Date.now();
    for (const { datname } of rows) {
      const match = NAME.exec(datname);
      if (!match) continue;
      const s = match[1];
      const created = Date.UTC(
        +s.slice(0, 4),
        +s.slice(4, 6) - 1,
        +s.slice(6, 8),
        +s.slice(8, 10),
        +s.slice(10, 12),
        +s.slice(12, 14),
      );
      if (now - created > STALE_AFTER_MS) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Tests drive one user at machine speed; the rate limiter's own tests set their limits. Redis keeps
 * the counters per queue prefix, so runs never share them.
 */
const UNTHROTTLED = {
  RATE_LIMIT_AUTH_PER_MINUTE: '100000',
  RATE_LIMIT_COSTLY_PER_MINUTE: '100000',
  RATE_LIMIT_WRITES_PER_MINUTE: '100000',
  RATE_LIMIT_READS_PER_MINUTE: '100000',
};

/**
 * A fresh, migrated PostgreSQL database and a BullMQ prefix of its own, so test files and
 * concurrent runs never see each other's data. Real server, real migrations, real grants.
 */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly ownerUrl: string,
    readonly appUrl: string,
    readonly platformUrl: string,
    readonly redisUrl: string,
    readonly queuePrefix: string,
  ) {}

  /**
   * @param provision the real set-up (migrations, roles, grants) — passed in by the caller, as this
   * lib sits below persistence: `TestDatabase.create(setupDatabase)`.
   */
  static async create(
    provision: (targets: { migrationUrl: string; appUrl: string; platformUrl: string }) => Promise<unknown>,
  ): Promise<TestDatabase> {
    const base = baseConfig();
    const suffix = randomBytes(4).toString('hex');
    const name = `evalflow_t_${timestamp()}_${suffix}`;
    await dropStaleDatabases(base.database.migrationUrl).catch(() => undefined);
    const db = new TestDatabase(
      name,
      withDatabase(base.database.migrationUrl, name),
      withDatabase(base.database.url, name),
      withDatabase(base.database.platformUrl, name),
      base.redis.url,
      `evalflow_t_${suffix}`,
    );
    await provision({ migrationUrl: db.ownerUrl, appUrl: db.appUrl, platformUrl: db.platformUrl });
    return db;
  }

  /** The configuration an app under test gets: this database, this queue prefix, silent logs. */
  config(overrides: Record<string, string> = {}): AppConfig {
    return loadConfig({
      DATABASE_URL: this.appUrl,
      DATABASE_MIGRATION_URL: this.ownerUrl,
      DATABASE_PLATFORM_URL: this.platformUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      WEB_DIST_DIR: '/nonexistent',
      DATABASE_POOL_SIZE: '4',
      ...UNTHROTTLED,
      ...overrides,
    });
  }

  /** The environment variables for a child process (api, worker, cli) under test. */
  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.appUrl,
      DATABASE_MIGRATION_URL: this.ownerUrl,
      DATABASE_PLATFORM_URL: this.platformUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      NODE_ENV: 'test',
      ...UNTHROTTLED,
      ...overrides,
    };
  }

  /** A client as the table owner (bypasses RLS): for arranging and inspecting, never for the code under test. */
  async owner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.connect(this.ownerUrl, work);
  }

  /** A client as the application role (RLS applies). */
  async app<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return this.connect(this.appUrl, work);
  }

  private async connect<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    const admin = new Client({ connectionString: withDatabase(this.ownerUrl, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.queuePrefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
