import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setupDatabase } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';
import type { InjectOptions } from 'fastify';
import { createApiApp } from '../bootstrap';
import { as, login, silentLogger, startApi, startSeededApi } from './support/harness';

describe('API HTTP basics (in-process, real PostgreSQL and Redis)', () => {
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  /** The ping routes are for the platform operator. */
  let operator: (options: InjectOptions) => ReturnType<NestFastifyApplication['inject']>;
  /** A ping request with a raw body of the given content type. */
  const rawPing = (contentType: string, payload: string) =>
    operator({ method: 'POST', url: '/api/system/pings', headers: { 'content-type': contentType }, payload });

  beforeAll(async () => {
    ({ app, close } = await startSeededApi());
    operator = as(app, await login(app, 'platform.admin'));
  });
  afterAll(async () => {
    await close?.();
  });

  it('GET /api/health answers ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      dependencies: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(res.json()).not.toHaveProperty('degraded');
  });

  it('GET /api/ready reports PostgreSQL and Redis up', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.info.title).toContain('EvalFlow');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/ready', '/api/system/pings', '/api/system/pings/{id}']),
    );
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown route with the error body and 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
  });

  it('rejects unknown fields with VALIDATION_FAILED and a Chinese message per field', async () => {
    const res = await operator({ method: 'POST', url: '/api/system/pings', payload: { message: 'hi', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('extra');
    expect(body.details).toEqual([{ field: 'extra', rule: 'whitelistValidation', message: '不允许提交此字段' }]);
  });

  it('reports every invalid field, with the message the DTO declares', async () => {
    const res = await operator({
      method: 'POST',
      url: '/api/system/pings',
      payload: { message: 'x'.repeat(201), holdMs: 20000 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual(
      expect.arrayContaining([
        { field: 'message', rule: 'maxLength', message: '不能超过 200 个字符' },
        { field: 'holdMs', rule: 'max', message: '不能超过 10000 毫秒' },
      ]),
    );
  });

  it('answers malformed JSON with INVALID_JSON', async () => {
    const res = await rawPing('application/json', '{"message": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_JSON', message: '请求内容不是合法的 JSON' });
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await rawPing('text/plain', 'hello');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses JSON with a __proto__ key (prototype poisoning)', async () => {
    const res = await rawPing('application/json', '{"__proto__": {"admin": true}}');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_JSON');
  });

  it('enqueues a ping (202) and shows its state; an unknown job is 404', async () => {
    const created = await operator({ method: 'POST', url: '/api/system/pings', payload: { message: '你好' } });
    expect(created.statusCode).toBe(202);
    const { id, state } = created.json();
    expect(id).toMatch(/^ping-[0-9a-f-]{36}$/);
    expect(state).toBe('waiting');
    const shown = await operator({ method: 'GET', url: `/api/system/pings/${id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ id, state: 'waiting' }); // no worker runs in this test
    for (const url of ['/api/system/pings/ping-00000000-0000-0000-0000-000000000000', '/api/system/pings/..%2Fx']) {
      const missing = await operator({ method: 'GET', url });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ code: 'JOB_NOT_FOUND', message: '后台任务不存在或已过期' });
    }
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const bad = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'x y' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('API when Redis is unreachable', () => {
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    ({ app, close } = await startSeededApi({ REDIS_URL: 'redis://127.0.0.1:1' }));
  });
  afterAll(async () => {
    await close?.();
  });

  it('stays ready (drafts, reviews and submissions need only PostgreSQL) and reports Redis as degraded', async () => {
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'down' } },
      degraded: ['Redis'],
    });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      dependencies: { database: { status: 'up' }, redis: { status: 'down' } },
      degraded: ['Redis'],
    });
  });

  it('answers a ping with 503 QUEUE_UNAVAILABLE instead of hanging', async () => {
    const started = Date.now();
    const res = await as(
      app,
      await login(app, 'platform.admin'),
    )({ method: 'POST', url: '/api/system/pings', payload: {} });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'QUEUE_UNAVAILABLE', message: '后台任务队列暂时不可用，请稍后重试' });
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('API serving the web app', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'evalflow-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    db = await TestDatabase.create(setupDatabase);
    app = await startApi(db, { WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const url of ['/', '/login', '/reports/123']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown API routes and missing files as JSON 404s', async () => {
    for (const url of ['/api/nope', '/assets/missing.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('ROUTE_NOT_FOUND');
    }
  });
});

describe('API start-up guard', () => {
  it('refuses to start on a connection that bypasses row-level security', async () => {
    const db = await TestDatabase.create(setupDatabase);
    try {
      await expect(createApiApp(db.config({ DATABASE_URL: db.ownerUrl }), silentLogger)).rejects.toThrow(
        /row-level security would not isolate tenants/,
      );
    } finally {
      await db.destroy();
    }
  });
});
