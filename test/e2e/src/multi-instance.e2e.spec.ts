import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupDatabase } from '@evalflow/persistence';
import {
  freePort,
  nginxInstalled,
  runApp,
  startApp,
  startNginx,
  stop,
  TestDatabase,
  waitFor,
  waitUntilReady,
  type NginxProxy,
  type RunningProcess,
} from '@evalflow/testing';

/**
 * Two API and two worker processes on one PostgreSQL, one Redis and one shared storage directory, behind nginx passing
 * requests to the APIs in turn: sessions, refresh tokens, idempotency keys, the sign-in throttle, rate limits and job
 * de-duplication hold across instances, and a document rendered by either worker is served by either API. nginx's
 * access log names the instance that answered each request, so the test shows the requests really alternated.
 */
const describeWithNginx = nginxInstalled() ? describe : describe.skip;
if (!nginxInstalled())
  console.warn('nginx is not installed (apt-get install nginx-light): multi-instance test skipped');

describeWithNginx('more than one machine: two APIs and two workers behind nginx', () => {
  let db: TestDatabase;
  let storageDir: string;
  const apis: RunningProcess[] = [];
  const workers: RunningProcess[] = [];
  let apiPorts: number[];
  let proxy: NginxProxy;
  let base: string;

  const json = { 'content-type': 'application/json' };
  const login = (username: string, password = 'evalflow-demo') =>
    fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });
  const bearer = async (username: string) => {
    const res = await login(username);
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${(await res.json()).accessToken}`, ...json };
  };
  /** Which API instance answered each request, in order, as nginx logged it. */
  const answeredBy = async (path: string) =>
    (await proxy.accessLog())
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, uri]) => uri === path)
      .map(([, , status, upstream]) => ({
        status: Number(status),
        instance: apiPorts.indexOf(Number(upstream.split(':')[1])),
      }));

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-e2e-multi-'));
    apiPorts = [await freePort(), await freePort()];
    const workerPorts = [await freePort(), await freePort()];
    const shared = {
      STORAGE_DIR: storageDir,
      OUTBOX_POLL_MS: '200',
      // the proxy is the only client the APIs see; its X-Forwarded-For names the real one
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_COSTLY_PER_MINUTE: '4',
      LOGIN_MAX_FAILURES: '3',
    };
    expect((await runApp('cli', db.env(shared), ['seed:demo'])).code).toBe(0);
    for (let i = 0; i < 2; i++) {
      apis.push(startApp('api', db.env({ ...shared, PORT: String(apiPorts[i]), HOST: '127.0.0.1' })));
      workers.push(startApp('worker', db.env({ ...shared, WORKER_HEALTH_PORT: String(workerPorts[i]) })));
    }
    for (let i = 0; i < 2; i++) {
      await waitUntilReady(`http://127.0.0.1:${apiPorts[i]}/api/ready`, apis[i]);
      await waitUntilReady(`http://127.0.0.1:${workerPorts[i]}/ready`, workers[i]);
    }
    proxy = await startNginx(await freePort(), apiPorts);
    base = proxy.base;
  }, 120000);

  afterAll(async () => {
    await proxy?.stop();
    for (const p of [...apis, ...workers]) await stop(p);
    await db?.destroy();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('a session opened on one instance works on the other, and so does its refresh token', async () => {
    const res = await login('zhaoxian.union.editor');
    const { accessToken } = await res.json();
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    for (let i = 0; i < 4; i++) {
      const me = await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
    }
    const served = await answeredBy('/api/auth/me');
    expect(served.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(served.map((s) => s.instance))).toEqual(new Set([0, 1]));
    // the refresh token is single-use on either instance: rotated once, the old one is refused by the other
    const refreshed = await fetch(`${base}/api/auth/refresh`, { method: 'POST', headers: { cookie } });
    expect(refreshed.status).toBe(200);
    const reused = await fetch(`${base}/api/auth/refresh`, { method: 'POST', headers: { cookie } });
    expect(reused.status).toBe(401);
    const [first, second] = (await answeredBy('/api/auth/refresh')).map((s) => s.instance);
    expect(first).not.toBe(second);
  });

  it('an idempotency key holds across instances: the retry on the other instance gets the first answer', async () => {
    const editor = await bearer('zhaoxian.union.editor');
    const list = await (
      await fetch(`${base}/api/reports?fiscalYear=2024&kind=department_overall`, { headers: editor })
    ).json();
    const reportId = list.items[0].id as string;
    const key = randomUUID();
    const post = () =>
      fetch(`${base}/api/reports/${reportId}/comments`, {
        method: 'POST',
        headers: { ...editor, 'idempotency-key': key },
        body: JSON.stringify({ part: 'budget', body: '请核对第 2 行的金额（多实例测试）' }),
      });
    const [a, b] = [await post(), await post()];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await b.json()).id).toBe((await a.json()).id);
    const served = (await answeredBy(`/api/reports/${reportId}/comments`)).map((s) => s.instance);
    expect(served[0]).not.toBe(served[1]);
    const threads = await (await fetch(`${base}/api/reports/${reportId}/comments`, { headers: editor })).json();
    const mine = (Array.isArray(threads) ? threads : threads.items).filter(
      (t: { comments?: Array<{ body: string }> }) => JSON.stringify(t).includes('多实例测试'),
    );
    expect(mine).toHaveLength(1);
  });

  it('the sign-in throttle counts failures on both instances together', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await login('zhaoxian.union.head', 'wrong-password')).status);
    // 3 failures allowed (LOGIN_MAX_FAILURES), then locked: whichever instance is asked
    expect(answers).toEqual([401, 401, 401, 429]);
    const locked = await login('zhaoxian.union.head');
    expect(locked.status).toBe(429);
    expect(new Set((await answeredBy('/api/auth/login')).map((s) => s.instance))).toEqual(new Set([0, 1]));
  });

  it('one render for the same content whichever instance is asked; either worker renders it; either API serves it; costly requests are counted together', async () => {
    const editor = await bearer('zhaoxian.union.editor');
    const list = await (
      await fetch(`${base}/api/reports?fiscalYear=2024&kind=department_overall`, { headers: editor })
    ).json();
    const reportId = list.items[0].id as string;
    const ask = () =>
      fetch(`${base}/api/reports/${reportId}/documents`, {
        method: 'POST',
        headers: editor,
        body: JSON.stringify({ format: 'pdf' }),
      });
    const first = await ask();
    const second = await ask();
    expect([first.status, second.status]).toEqual([202, 202]);
    const id = (await first.json()).id as string;
    expect((await second.json()).id).toBe(id);
    const asked = (await answeredBy(`/api/reports/${reportId}/documents`)).map((s) => s.instance);
    expect(asked[0]).not.toBe(asked[1]);
    // the rate limit of costly routes (4 a minute here) is one count in Redis for both instances (asked at once, so
    // the minute that started with the first request cannot run out in between)
    const more = [(await ask()).status, (await ask()).status, (await ask()).status];
    expect(more).toEqual([202, 202, 429]);

    const done = await waitFor(
      async () => {
        const view = await (await fetch(`${base}/api/documents/${id}`, { headers: editor })).json();
        return view.status === 'done' ? view : undefined;
      },
      'the document rendered',
      60000,
    );
    expect(done.sizeBytes).toBeGreaterThan(1000);
    // exactly one file in the shared storage, served by both instances byte for byte
    const files = (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile() && e.name.endsWith('.pdf'),
    );
    expect(files).toHaveLength(1);
    const bodies = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/api/documents/${id}/file`, { headers: editor });
      expect(res.status).toBe(200);
      bodies.push(Buffer.from(await res.arrayBuffer()));
    }
    expect(bodies[0].equals(bodies[1])).toBe(true);
    expect(new Set((await answeredBy(`/api/documents/${id}/file`)).map((s) => s.instance))).toEqual(new Set([0, 1]));
  }, 90000);
});
