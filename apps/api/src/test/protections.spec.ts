import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TcpProxy, waitFor, type TestDatabase } from '@evalflow/testing';
import { SessionCache } from '../auth/session-cache';
import { as, login, startApi, startSeededApi } from './support/harness';

const SECRETS = {
  JWT_ACCESS_SECRET: '3f9c2a7e1b8d4f60a5c9e2b7d1f48a3c6e0b9d2f',
  JWT_REFRESH_SECRET: '8b1e4d7a2c9f0e5b3a6d8c1f4e7b2a9d0c5f3e8a',
};

describe('HTTP protections (real API, PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'evalflow-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    mkdirSync(join(web, 'assets'));
    const script = `console.log(${JSON.stringify('预算绩效'.repeat(400))})`;
    writeFileSync(join(web, 'assets', 'app-abc123.js'), script);
    writeFileSync(join(web, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
    ({ db, app, close } = await startSeededApi({
      WEB_DIST_DIR: web,
      RATE_LIMIT_READS_PER_MINUTE: '4',
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
    }));
  });
  afterAll(async () => {
    await close?.();
  });

  it('sends the security headers on API replies and on the web app, with a CSP that forbids framing by other sites', async () => {
    for (const url of ['/api/health', '/', '/reports/anything']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'self' blob:");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // not in test: HSTS is for production, where TLS is the rule (below)
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('serves the web app’s assets pre-compressed, and compresses large API replies', async () => {
    const asset = await app.inject({
      method: 'GET',
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    const json = await app.inject({ method: 'GET', url: '/api/docs-json', headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(json.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('limits requests a minute per user with 429 and Retry-After, counted in Redis across instances', async () => {
    const second = await startApi(db, { RATE_LIMIT_READS_PER_MINUTE: '4' });
    try {
      const editor = await login(app, 'zhaoxian.union.editor');
      const me = { method: 'GET' as const, url: '/api/auth/me' };
      expect((await as(app, editor)(me)).statusCode).toBe(200);
      expect((await as(second, editor)(me)).statusCode).toBe(200);
      expect((await as(app, editor)(me)).statusCode).toBe(200);
      expect((await as(second, editor)(me)).statusCode).toBe(200);
      const refused = await as(app, editor)(me);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', details: { limitPerMinute: 4 } });
      expect(refused.json().message).toMatch(/^请求过于频繁（每分钟最多 4 次），请于 \d+ 秒后再试$/);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // another user, and the probes, are not affected
      const head = await login(app, 'zhaoxian.union.head');
      expect((await as(app, head)(me)).statusCode).toBe(200);
      for (let i = 0; i < 6; i++) expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('limits sign-in attempts per client address, whatever the password', async () => {
    const from = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { username: 'zhaoxian.admin', password: 'evalflow-demo' },
      });
    for (let i = 0; i < 3; i++) expect((await from('10.3.3.3')).statusCode).toBe(200);
    const res = await from('10.3.3.3');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    expect((await from('10.3.3.4')).statusCode).toBe(200);
  });
});

describe('the client address behind a proxy', () => {
  const signIn = (app: NestFastifyApplication, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: 'zhaoxian.admin', password: 'evalflow-demo' },
    });

  it('is the socket’s unless TRUST_PROXY lists the proxy: a client cannot choose its own', async () => {
    const { app, close } = await startSeededApi({ RATE_LIMIT_AUTH_PER_MINUTE: '2' });
    try {
      expect((await signIn(app, '203.0.113.1')).statusCode).toBe(200);
      expect((await signIn(app, '203.0.113.2')).statusCode).toBe(200);
      // a new X-Forwarded-For each time does not make a new client
      expect((await signIn(app, '203.0.113.3')).statusCode).toBe(429);
    } finally {
      await close();
    }
  });

  it('is the forwarded one when the request came through a listed proxy', async () => {
    // inject's requests come from 127.0.0.1: the proxy
    const { app, close } = await startSeededApi({ RATE_LIMIT_AUTH_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    try {
      for (let i = 0; i < 2; i++) expect((await signIn(app, '203.0.113.1')).statusCode).toBe(200);
      expect((await signIn(app, '203.0.113.1')).statusCode).toBe(429);
      // another office behind the same proxy is not locked out
      expect((await signIn(app, '203.0.113.2')).statusCode).toBe(200);
    } finally {
      await close();
    }
  });
});

describe('production headers', () => {
  let close: () => Promise<unknown>;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    ({ app, close } = await startSeededApi({ NODE_ENV: 'production', ...SECRETS }));
  });
  afterAll(async () => {
    await close?.();
  });

  it('adds HSTS and marks the refresh cookie Secure', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhaoxian.admin', password: 'evalflow-demo' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });
});

describe('a client that sends its request too slowly', () => {
  let close: () => Promise<unknown>;
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    ({ app, close } = await startSeededApi({ REQUEST_TIMEOUT_MS: '300' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    await close?.();
  });

  it('gets 408 and its connection closed, instead of holding it open', async () => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    // headers begun, never finished
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('PostgreSQL going away and coming back (through a proxy the test cuts)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let proxy: TcpProxy;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    ({ db, close } = await startSeededApi());
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(db.appUrl).port || 5432) });
    app = await startApi(db, { DATABASE_URL: proxy.url(db.appUrl), DATABASE_PLATFORM_URL: proxy.url(db.platformUrl) });
  });
  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
    await close?.();
  });

  it('answers 503 with Retry-After while it is away, never 500, and serves again when it is back, without a restart', async () => {
    const editor = await login(app, 'zhaoxian.union.editor');
    const me = () => as(app, editor)({ method: 'GET', url: '/api/auth/me' });
    expect((await me()).statusCode).toBe(200);

    await proxy.cut();
    // the session cache hears PostgreSQL go (its listener's connection drops) and stops answering from memory
    await waitFor(async () => (app.get(SessionCache).active ? undefined : true), 'the session cache to turn off');
    for (const res of [
      await me(),
      await as(app, editor)({ method: 'GET', url: '/api/reports' }),
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhaoxian.union.head', password: 'evalflow-demo' },
      }),
    ]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { retryAfterSeconds: 5 } });
      expect(res.headers['retry-after']).toBe('5');
    }
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().code).toBe('NOT_READY');

    await proxy.restore();
    expect((await me()).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });
});
