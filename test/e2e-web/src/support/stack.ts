import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupDatabase } from '@evalflow/persistence';
import { freePort, runApp, startApp, stop, TestDatabase, waitUntilReady, type RunningProcess } from '@evalflow/testing';

export const DEMO_PASSWORD = 'evalflow-demo';

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
    const seed = await runApp('cli', env, ['seed:demo']);
    if (seed.code !== 0) throw new Error(`seed:demo failed:\n${seed.output}`);
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
