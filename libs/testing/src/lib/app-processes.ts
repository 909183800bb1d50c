import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built apps as real processes, for the end-to-end suites (test/e2e, test/e2e-web). */

/** The repository's root (this file is libs/testing/src/lib). */
export const ROOT = join(__dirname, '../../../..');
const DIST = join(ROOT, 'dist/apps');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a built app (dist/apps/<name>/main.js) as a real process. */
export function startApp(
  name: 'api' | 'worker' | 'cli',
  env: Record<string, string>,
  args: string[] = [],
): RunningProcess {
  const child = spawn(process.execPath, [join(DIST, name, 'main.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Runs a built app to completion. */
export async function runApp(name: 'api' | 'worker' | 'cli', env: Record<string, string>, args: string[] = []) {
  const proc = startApp(name, env, args);
  const { code } = await proc.exited;
  return { code, output: proc.output() };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export async function waitUntilReady(url: string, proc: RunningProcess, timeoutMs = 30000): Promise<void> {
  await waitFor(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
      const res = await fetch(url);
      return res.ok ? true : undefined;
    },
    `${url} to answer 200`,
    timeoutMs,
  );
}

export async function stop(proc: RunningProcess | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15000);
  await proc.exited;
  clearTimeout(timer);
}

/** An api and a worker on one seeded test database, both ready: what an end-to-end test starts from. */
export interface SeededSystem {
  /** the environment both run with (start another worker with it) */
  env: Record<string, string>;
  /** the api's address, http://127.0.0.1:<port> */
  base: string;
  api: RunningProcess;
  worker: RunningProcess;
  stop(): Promise<void>;
}

/**
 * Seeds the database with the demo counties (`cli seed:demo`), starts the built api and worker on free ports with
 * `env` added, and waits until both answer ready.
 */
export async function startSeededSystem(
  db: { env(overrides: Record<string, string>): Record<string, string> },
  env: Record<string, string> = {},
): Promise<SeededSystem> {
  const [port, workerPort] = [await freePort(), await freePort()];
  const all = db.env({ PORT: String(port), WORKER_HEALTH_PORT: String(workerPort), HOST: '127.0.0.1', ...env });
  const seeded = await runApp('cli', all, ['seed:demo']);
  if (seeded.code !== 0) throw new Error(`seed:demo failed:\n${seeded.output}`);
  const system: SeededSystem = {
    env: all,
    base: `http://127.0.0.1:${port}`,
    api: startApp('api', all),
    worker: startApp('worker', all),
    stop: async () => {
      await stop(system.api);
      await stop(system.worker);
    },
  };
  await waitUntilReady(`${system.base}/api/ready`, system.api);
  await waitUntilReady(`http://127.0.0.1:${workerPort}/ready`, system.worker);
  return system;
}
