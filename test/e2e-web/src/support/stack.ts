import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupDatabase } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';

// The same way of starting the built apps as test/e2e/src/support/processes.ts (one project may not
// import another's files), reduced to what the browser suite needs.

export const ROOT = join(__dirname, '../../../..');
const DIST = join(ROOT, 'dist/apps');

export const DEMO_PASSWORD = 'evalflow-demo';

async function freePort(): Promise<number> {
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

interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApp(name: 'api' | 'worker' | 'cli', env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = spawn(process.execPath, [join(DIST, name, 'main.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(url: string, proc: RunningProcess, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${url} to answer 200:\n${proc.output()}`);
}

async function stop(proc: RunningProcess | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15000);
  await proc.exited;
  clearTimeout(timer);
}

/** The built api (serving the built web app) and worker on a fresh database seeded with the demo. */
export interface Stack {
  base: string;
  /** Signs in over HTTP and answers request headers with the bearer token. */
  apiAs: (username: string) => Promise<Record<string, string>>;
  stop: () => Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const db = await TestDatabase.create(setupDatabase);
  const storageDir = await mkdtemp(join(tmpdir(), 'evalflow-e2e-web-'));
  let api: RunningProcess | undefined;
  let worker: RunningProcess | undefined;
  const stopAll = async () => {
    await stop(api);
    await stop(worker);
    await db.destroy();
    await rm(storageDir, { recursive: true, force: true });
  };
  try {
    const [port, workerPort] = [await freePort(), await freePort()];
    const env = db.env({
      PORT: String(port),
      WORKER_HEALTH_PORT: String(workerPort),
      HOST: '127.0.0.1',
      STORAGE_DIR: storageDir,
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'warn',
    });
    const seed = startApp('cli', env, ['seed:demo']);
    if ((await seed.exited) !== 0) throw new Error(`seed:demo failed:\n${seed.output()}`);
    api = startApp('api', env);
    worker = startApp('worker', env);
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/api/ready`, api);
    await waitUntilReady(`http://127.0.0.1:${workerPort}/ready`, worker);
    const apiAs = async (username: string) => {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`login of ${username}: ${login.status}`);
      return { authorization: `Bearer ${(await login.json()).accessToken}`, 'content-type': 'application/json' };
    };
    return { base, apiAs, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
