// Shared helpers of the benchmarks: a throwaway database, the built apps as processes, autocannon.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import autocannon from 'autocannon';

const OWNER = process.env.DATABASE_MIGRATION_URL || 'postgres://postgres@127.0.0.1:5432/evalflow';
const APP = process.env.DATABASE_URL || 'postgres://evalflow_app@127.0.0.1:5432/evalflow';
const PLATFORM = process.env.DATABASE_PLATFORM_URL || 'postgres://evalflow_platform@127.0.0.1:5432/evalflow';

export const withDb = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

/** The owner's URL of database `db` (default: the server's maintenance database). */
export const ownerUrl = (db = 'postgres') => withDb(OWNER, db);

/** What the built cli, api and worker need to run on database `name`: its URLs, a queue prefix, no throttles. */
export function databaseEnv(name) {
  return {
    DATABASE_URL: withDb(APP, name),
    DATABASE_MIGRATION_URL: withDb(OWNER, name),
    DATABASE_PLATFORM_URL: withDb(PLATFORM, name),
    QUEUE_PREFIX: name,
    LOG_LEVEL: 'warn',
    // the demo seed and its logins: development only
    NODE_ENV: 'development',
    // a benchmark drives one user hard on purpose
    RATE_LIMIT_READS_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_COSTLY_PER_MINUTE: '100000',
  };
}

export async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A database of its own, migrated and seeded with the demo by the real cli. */
export async function benchDatabase() {
  const name = `evalflow_bench_${randomBytes(4).toString('hex')}`;
  const env = databaseEnv(name);
  for (const command of ['migrate', 'seed:demo']) await run('node', ['dist/apps/cli/main.js', command], env);
  return {
    name,
    env,
    urls: { owner: env.DATABASE_MIGRATION_URL, app: env.DATABASE_URL },
    async drop() {
      const client = new pg.Client({ connectionString: ownerUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Starts the built API and resolves once it is ready. */
export async function startApi(env, nodeArgs = []) {
  const port = await freePort();
  const child = spawn('node', [...nodeArgs, 'dist/apps/api/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid,
    stop: () => new Promise((resolve) => (child.kill('SIGTERM'), child.on('exit', resolve))),
  };
}

export function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: 10, connections: 10, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

export function row(label, result) {
  const errors = result.errors + result.non2xx;
  return `${label.padEnd(44)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms${errors ? `   (${errors} errors/non-2xx)` : ''}`;
}

/** One JSON call to the API as `token` (or anonymously); throws on any answer but 2xx. */
export async function call(base, method, path, token, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Signs in an account an administrator just created. Its password must be changed before anything else
 * (PASSWORD_CHANGE_REQUIRED), so it is changed to `<password>-own`, which `user.password` holds afterwards;
 * answers the session's access token.
 */
export async function firstSignIn(base, user) {
  const { accessToken, me } = await call(base, 'POST', '/api/auth/login', null, user);
  if (!me.user.mustChangePassword) return accessToken;
  const own = `${user.password}-own`;
  await call(base, 'POST', '/api/auth/password', accessToken, { currentPassword: user.password, newPassword: own });
  user.password = own;
  return accessToken;
}

/** p50/p95/max of plain numbers (ms). */
export function quantiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** `work` run `runs` times one after another (after `warmup` untimed runs): its p50/p95/max in ms. */
export async function timeRuns(work, runs, warmup = 20) {
  for (let i = 0; i < warmup; i++) await work(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return quantiles(times);
}

/** The built worker, ready once its health port answers /ready. */
export async function startWorker(env) {
  const healthPort = await freePort();
  const child = spawn('node', ['dist/apps/worker/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, WORKER_HEALTH_PORT: String(healthPort), HOST: '127.0.0.1' },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${healthPort}/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exited) throw new Error('the worker exited while starting');
  return {
    pid: child.pid,
    stop: () => new Promise((resolve) => (exited ? resolve() : (child.kill('SIGTERM'), child.on('exit', resolve)))),
  };
}

/** A process's resident and peak resident memory in MB, from /proc (Linux). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 when it is gone). */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/**
 * CPU used by a server process and by the PostgreSQL backends serving database `db`, between `start()` and
 * `stop()`: work per request, less swayed than requests a second by what else the machine is doing (a busy machine
 * still inflates it: shared caches, switches).
 */
export async function cpuMeter(pgClient, db, serverPid) {
  const backends = async () =>
    (
      await pgClient.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [db],
      )
    ).rows.map((r) => r.pid);
  const read = async () => {
    const pids = await backends();
    return { server: cpuSecondsOf(serverPid), pg: new Map(pids.map((pid) => [pid, cpuSecondsOf(pid)])) };
  };
  const before = await read();
  return {
    async stop() {
      const after = await read();
      let pg = 0;
      for (const [pid, seconds] of after.pg) pg += seconds - (before.pg.get(pid) ?? 0);
      return { serverS: after.server - before.server, pgS: pg };
    },
  };
}
