// The run's own database and queue prefix, and the built apps (dist/apps/*/main.js) as restartable processes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import pg from 'pg';
import { TcpProxy } from './proxy.mjs';

export const ROOT = join(import.meta.dirname, '../..');

const OWNER = process.env.DATABASE_MIGRATION_URL || 'postgres://postgres@127.0.0.1:5432/evalflow';
const APP = process.env.DATABASE_URL || 'postgres://evalflow_app@127.0.0.1:5432/evalflow';
const PLATFORM = process.env.DATABASE_PLATFORM_URL || 'postgres://evalflow_platform@127.0.0.1:5432/evalflow';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export const withDb = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function hostPort(url, defaultPort) {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || defaultPort) };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh name for the run: its database and its queue prefix. */
export function runName() {
  return `evalflow_faults_${randomBytes(4).toString('hex')}`;
}

/** The run's database: direct URLs (the checks and the cli use them; the apps get them through the proxy). */
export function runDatabase(name) {
  return {
    name,
    owner: withDb(OWNER, name),
    app: withDb(APP, name),
    platform: withDb(PLATFORM, name),
  };
}

/** Runs a built app to completion; resolves with its exit code and output. */
export function runApp(name, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps', name, 'main.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Creates, migrates and seeds the run's database with the real cli; throws with its output on failure. */
export async function prepareDatabase(db, prefix) {
  const env = {
    DATABASE_URL: db.app,
    DATABASE_MIGRATION_URL: db.owner,
    DATABASE_PLATFORM_URL: db.platform,
    QUEUE_PREFIX: prefix,
    REDIS_URL,
    LOG_LEVEL: 'warn',
    // the demo seed and its logins: development only
    NODE_ENV: 'development',
  };
  for (const command of ['migrate', 'seed:demo']) {
    const { code, output } = await runApp('cli', [command], env);
    if (code !== 0) throw new Error(`cli ${command} exited ${code}:\n${output.slice(-3000)}`);
  }
}

/** A built app (api or worker) as a child process whose output goes to a log file. */
export class AppProcess {
  constructor(name, env, logFile) {
    this.name = name;
    this.env = env;
    this.logFile = logFile;
    this.child = null;
  }

  start() {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== ${this.name} started ${new Date().toISOString()} =====\n`);
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps', this.name, 'main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        log.end(`===== ${this.name} exited code=${code} signal=${signal} ${new Date().toISOString()} =====\n`);
        resolve({ code, signal });
      }),
    );
    this.child = child;
    return this;
  }

  get running() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once `url` answers 200; throws when the process exits first or the time is up. */
  async waitReady(url, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited before it was ready (see ${this.logFile})`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // starting
      }
      await sleep(100);
    }
    throw new Error(`${this.name} was not ready at ${url} within ${timeoutMs / 1000} s (see ${this.logFile})`);
  }

  /** Sends a signal and waits for the exit (SIGKILL after `timeoutMs`). */
  async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
    if (!this.running) return this.exited ? await this.exited : null;
    this.child.kill(signal);
    const timer = setTimeout(() => this.running && this.child.kill('SIGKILL'), timeoutMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}

/** Drops the run's database (whoever is still connected). */
export async function dropDatabase(name) {
  const client = new pg.Client({ connectionString: withDb(OWNER, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key under the run's queue prefix (queues, job data, rate-limit counters). */
export async function obliterateQueuePrefix(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/**
 * The system under test: the run's database and queue prefix, PostgreSQL and Redis behind proxies the
 * faults cut, one api and one worker (restartable) talking through them.
 */
export class SystemUnderTest {
  api = null;
  worker = null;
  proxies = {};

  constructor({ name, workDir, workerLockMs }) {
    this.name = name;
    this.prefix = name;
    this.db = runDatabase(name);
    this.workDir = workDir;
    this.workerLockMs = workerLockMs;
    // the cli and the checks reach the database directly, never through the proxy
    this.cliEnv = {
      NODE_ENV: 'development',
      DATABASE_URL: this.db.app,
      DATABASE_MIGRATION_URL: this.db.owner,
      DATABASE_PLATFORM_URL: this.db.platform,
      QUEUE_PREFIX: this.prefix,
      REDIS_URL,
      LOG_LEVEL: 'warn',
    };
  }

  async start() {
    await prepareDatabase(this.db, this.prefix);
    this.proxies.pg = await TcpProxy.start(hostPort(this.db.app, 5432));
    this.proxies.redis = await TcpProxy.start(hostPort(REDIS_URL, 6379));
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    this.apiPort = apiPort;
    this.workerPort = workerPort;
    this.base = `http://127.0.0.1:${apiPort}`;
    this.env = {
      NODE_ENV: 'development',
      DATABASE_URL: this.proxies.pg.url(this.db.app),
      DATABASE_PLATFORM_URL: this.proxies.pg.url(this.db.platform),
      DATABASE_MIGRATION_URL: this.db.owner,
      REDIS_URL: this.proxies.redis.url(REDIS_URL),
      QUEUE_PREFIX: this.prefix,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerPort),
      STORAGE_DIR: join(this.workDir, 'storage'),
      MAIL_DIR: join(this.workDir, 'mail'),
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '500',
      // the load drives a few users hard; sign-in keeps its real limit (the login flood meets it)
      RATE_LIMIT_READS_PER_MINUTE: '100000',
      RATE_LIMIT_WRITES_PER_MINUTE: '100000',
      RATE_LIMIT_COSTLY_PER_MINUTE: '100000',
      ...(this.workerLockMs ? { WORKER_LOCK_MS: this.workerLockMs } : {}),
    };
    await this.startApi();
    await this.startWorker();
  }

  /** Starts an api (on the run's port) and waits until it is ready. */
  async startApi() {
    this.api = new AppProcess('api', this.env, join(this.workDir, 'api.log')).start();
    await this.api.waitReady(`${this.base}/api/ready`);
  }

  /** Starts a worker and waits until it is ready. */
  async startWorker() {
    this.worker = new AppProcess('worker', this.env, join(this.workDir, 'worker.log')).start();
    await this.worker.waitReady(`http://127.0.0.1:${this.workerPort}/ready`);
  }

  async stop() {
    for (const app of [this.api, this.worker]) await app?.stop('SIGTERM', 20_000).catch(() => undefined);
    for (const proxy of Object.values(this.proxies)) await proxy.close().catch(() => undefined);
  }
}
