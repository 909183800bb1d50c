import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setupDatabase } from '@evalflow/persistence';
import {
  freePort,
  ROOT,
  runApp,
  startApp,
  stop,
  waitFor,
  TestDatabase,
  waitUntilReady,
  type RunningProcess,
} from '@evalflow/testing';

/**
 * The built api, worker and cli as real processes on a database and queue prefix of this run:
 * what `npm run demo` starts, driven over HTTP.
 */
describe('smoke: api + worker + cli as processes', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let worker: RunningProcess;
  let base: string;
  let workerBase: string;
  let env: Record<string, string>;
  /** The ping routes belong to the platform operator. */
  let operator: Record<string, string>;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    const [port, workerPort] = [await freePort(), await freePort()];
    env = db.env({ PORT: String(port), WORKER_HEALTH_PORT: String(workerPort), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const seeded = await runApp('cli', env, ['seed:demo']);
    expect(seeded).toEqual({
      code: 0,
      output: 'demo seed: 2 tenant(s), 7 department(s), 12 user(s), 8 report(s) created\n',
    });
    api = startApp('api', env);
    worker = startApp('worker', env);
    base = `http://127.0.0.1:${port}`;
    workerBase = `http://127.0.0.1:${workerPort}`;
    await waitUntilReady(`${base}/api/ready`, api);
    await waitUntilReady(`${workerBase}/ready`, worker);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'platform.admin', password: 'evalflow-demo' }),
    });
    expect(login.status).toBe(200);
    operator = { authorization: `Bearer ${(await login.json()).accessToken}` };
  });

  afterAll(async () => {
    await stop(api);
    await stop(worker);
    await db?.destroy();
  });

  it('the API reports PostgreSQL and Redis up', async () => {
    const body = await (await fetch(`${base}/api/ready`)).json();
    expect(body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('the worker serves only its health routes', async () => {
    expect((await fetch(`${workerBase}/health`)).status).toBe(200);
    expect((await fetch(`${workerBase}/ready`)).status).toBe(200);
    expect((await fetch(`${workerBase}/api/system/pings`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${workerBase}/api/auth/login`, { method: 'POST' })).status).toBe(404);
  });

  it('a ping travels API → Redis → worker process → API', async () => {
    const created = await fetch(`${base}/api/system/pings`, {
      method: 'POST',
      headers: { ...operator, 'content-type': 'application/json', 'x-request-id': 'smoke-ping-0001' },
      body: JSON.stringify({ message: '赵县' }),
    });
    expect(created.status).toBe(202);
    const { id } = await created.json();
    const done = await waitFor(
      async () => {
        const view = await (await fetch(`${base}/api/system/pings/${id}`, { headers: operator })).json();
        return view.state === 'completed' ? view : undefined;
      },
      'the ping to complete',
      15000,
    );
    expect(done.result).toMatchObject({ pong: true, message: '赵县', worker: { pid: worker.child.pid } });
    // The worker logged the job with the request id it came from, as JSON.
    await waitFor(
      async () => (worker.output().includes('"requestId":"smoke-ping-0001"') ? true : undefined),
      'the job log',
    );
    const line = worker
      .output()
      .split('\n')
      .find((l) => l.includes('"requestId":"smoke-ping-0001"'));
    expect(JSON.parse(line as string)).toMatchObject({
      level: 'info',
      service: 'worker',
      msg: 'job completed',
      job: 'ping',
    });
  });

  it('the API logs each request as one JSON line with its request id', async () => {
    await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'smoke-log-0001' } });
    await waitFor(async () => (api.output().includes('smoke-log-0001') ? true : undefined), 'the access log');
    const line = api
      .output()
      .split('\n')
      .find((l) => l.includes('smoke-log-0001'));
    expect(JSON.parse(line as string)).toMatchObject({
      service: 'api',
      requestId: 'smoke-log-0001',
      method: 'GET',
      route: '/api/health',
      status: 200,
      msg: 'request completed',
    });
  });

  it('serves the web app and the API documentation', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(existsSync(join(ROOT, 'dist/apps/web/index.html'))).toBe(true);
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    const unknown = await fetch(`${base}/api/unknown`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
  });

  it('seeding again changes nothing', async () => {
    const again = await runApp('cli', env, ['seed:demo']);
    expect(again).toEqual({
      code: 0,
      output: 'demo seed: 0 tenant(s), 0 department(s), 0 user(s), 0 report(s) created\n',
    });
  });

  it('SIGTERM lets the worker finish its running job, then it exits 0', async () => {
    const created = await fetch(`${base}/api/system/pings`, {
      method: 'POST',
      headers: { ...operator, 'content-type': 'application/json' },
      body: JSON.stringify({ holdMs: 1500 }),
    });
    const { id } = await created.json();
    await waitFor(async () => {
      const view = await (await fetch(`${base}/api/system/pings/${id}`, { headers: operator })).json();
      return view.state === 'active' ? true : undefined;
    }, 'the job to start');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const view = await (await fetch(`${base}/api/system/pings/${id}`, { headers: operator })).json();
    expect(view.state).toBe('completed');
    expect(worker.output()).toContain('stopped cleanly');
  });

  it('SIGTERM stops the API cleanly with exit code 0', async () => {
    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
  });
});

describe('start-up configuration errors', () => {
  it.each(['api', 'worker', 'cli'] as const)(
    '%s with DATABASE_URL=nonsense exits non-zero naming the variable',
    async (app) => {
      const { code, output } = await runApp(app, { DATABASE_URL: 'nonsense' }, app === 'cli' ? ['migrate'] : []);
      expect(code).toBe(78);
      const lines = output.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid configuration: DATABASE_URL must be a postgres/);
    },
  );

  it('the api refuses to serve through a connection that bypasses row-level security', async () => {
    const db = await TestDatabase.create(setupDatabase);
    try {
      const { code, output } = await runApp(
        'api',
        db.env({ DATABASE_URL: db.ownerUrl, PORT: String(await freePort()) }),
      );
      expect(code).toBe(1);
      expect(output).toContain('row-level security would not isolate tenants');
    } finally {
      await db.destroy();
    }
  });
});
