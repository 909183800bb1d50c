import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { isNonPublicAddress } from '@evalflow/domain';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import {
  completeDocument,
  dataSourceOptions,
  encryptWebhookSecret,
  enqueueWebhookEvent,
  insertWebhookEndpoint,
  replayWebhookDelivery,
  setupDatabase,
  TenantDb,
} from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { announcePassedDeadlines } from '../notifications/deadline-reminders.handler';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { DeliverWebhookHandler } from '../webhooks/deliver-webhook.handler';
import { postWebhook } from '../webhooks/webhook-request';
import { WorkerModule } from '../worker.module';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

/** Signed deliveries to a receiver started here, retried through BullMQ with backoff (real PostgreSQL and Redis). */
describe('webhook deliveries (real PostgreSQL, Redis and a local receiver)', () => {
  const SECRET = 'whsec_test-secret-for-the-receiver';
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let app: DataSource;
  let server: Server;
  let baseUrl: string;
  let received: Received[] = [];
  /** the receiver's answers, in order; 200 once they run out */
  let answers: number[] = [];
  let ids: { tenant: string; admin: string; report: string };
  let secretKey: string;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const tenantDb = () => new TenantDb(app);
  async function endpoint(path: string, events = ['report.approved']) {
    return tenantDb().tx(
      (tx) =>
        insertWebhookEndpoint(tx, {
          tenantId: ids.tenant,
          url: `${baseUrl}${path}`,
          events,
          description: '预算一体化',
          active: true,
          secretEncrypted: encryptWebhookSecret(SECRET, secretKey),
          createdBy: ids.admin,
        }),
      ids.tenant,
    );
  }
  async function emit(eventKey: string, event: 'report.approved' | 'report.submitted' = 'report.approved') {
    const created = await tenantDb().tx(
      (tx) => enqueueWebhookEvent(tx, { tenantId: ids.tenant, event, eventKey, payload: { reportId: ids.report } }),
      ids.tenant,
    );
    await worker.get(OutboxRelay).flush();
    return created;
  }
  const delivery = async (id: string) =>
    (await owner(`SELECT status, attempts, replays FROM webhook_deliveries WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    const seeder = new DataSource(
      dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'webhook-test' }),
    );
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT u.tenant_id, u.id AS admin, (SELECT id FROM reports WHERE tenant_id = u.tenant_id LIMIT 1) AS report
         FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'tenant_admin' AND u.username LIKE 'zhaoxian%' LIMIT 1`,
    );
    ids = { tenant: row.tenant_id, admin: row.admin, report: row.report };
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body, receivedAt: Date.now() });
        const status = answers.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'x'.repeat(5000));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'webhook-test' }));
    await app.initialize();
    const config = db.config({ OUTBOX_POLL_MS: '60000', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_ATTEMPTS: '4' });
    secretKey = config.webhooks.secretKey;
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })),
    });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await app?.destroy();
    await db?.destroy();
    await new Promise((r) => server?.close(r));
  });

  beforeEach(async () => {
    received = [];
    answers = [];
    // each test's endpoints alone hear its events
    await owner(`UPDATE webhook_endpoints SET active = false`);
  });

  it('delivers a signed event, retries two 500s with backoff and records every attempt', async () => {
    const hook = await endpoint('/approved');
    // not subscribed to approvals: gets no delivery
    await endpoint('/submitted-only', ['report.submitted']);
    answers = [500, 500];
    const [id, ...others] = await emit('report-transition-t1');
    expect(others).toEqual([]);
    const settled = await until(
      () => delivery(id),
      (d) => d?.status === 'succeeded',
    );
    expect(settled.status).toBe('succeeded');
    expect(received.map((r) => r.headers['x-evalflow-delivery'])).toEqual([id, id, id]);
    expect(settled.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
    for (const a of settled.attempts) {
      expect(typeof a.ms).toBe('number');
      // no more than a bounded excerpt of the answer is kept
      expect(a.excerpt.length).toBeLessThanOrEqual(500);
    }
    // the receiver's check: signature over `timestamp.body`, timestamp within the replay window
    const last = received[2];
    const timestamp = Number(last.headers['x-evalflow-timestamp']);
    expect(Math.abs(last.receivedAt / 1000 - timestamp)).toBeLessThan(300);
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${last.body}`).digest('hex')}`;
    expect(last.headers['x-evalflow-signature']).toBe(expected);
    expect(last.headers['x-evalflow-event']).toBe('report.approved');
    expect(JSON.parse(last.body)).toMatchObject({ id, event: 'report.approved', data: { reportId: ids.report } });
    // the same event again is the same delivery, not a second one
    expect(await emit('report-transition-t1')).toEqual([]);
    expect(hook.failingSince).toBeNull();
  });

  it('marks a delivery failed after its last attempt, and a replay by hand sends it again', async () => {
    await endpoint('/flaky');
    answers = [500, 503, 500, 502];
    const [id] = await emit('report-transition-t2');
    const failed = await until(
      () => delivery(id),
      (d) => d?.status === 'failed',
    );
    expect(failed.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 500, 502]);
    await tenantDb().tx((tx) => replayWebhookDelivery(tx, id), ids.tenant);
    await worker.get(OutboxRelay).flush();
    const replayed = await until(
      () => delivery(id),
      (d) => d?.status === 'succeeded',
    );
    expect(replayed).toMatchObject({ status: 'succeeded', replays: 1 });
    expect(replayed.attempts).toHaveLength(5);
  });

  it('pauses an endpoint that has failed for a day and tells the county administrators', async () => {
    const hook = await endpoint('/down');
    const handler = worker.get(DeliverWebhookHandler);
    const [id] = await tenantDb().tx(
      (tx) =>
        enqueueWebhookEvent(tx, {
          tenantId: ids.tenant,
          event: 'report.approved',
          eventKey: 'report-transition-t3',
          payload: {},
        }),
      ids.tenant,
    );
    const start = new Date('2026-03-01T08:00:00Z');
    const at = (hours: number) => () => new Date(start.getTime() + hours * 3600_000);
    try {
      answers = [500, 500, 500];
      handler.now = at(0);
      await handler.deliver({ tenantId: ids.tenant, deliveryId: id }, false);
      handler.now = at(23);
      await handler.deliver({ tenantId: ids.tenant, deliveryId: id }, false);
      expect((await owner(`SELECT paused_at FROM webhook_endpoints WHERE id = $1`, [hook.id]))[0].paused_at).toBeNull();
      handler.now = at(24);
      await handler.deliver({ tenantId: ids.tenant, deliveryId: id }, false);
    } finally {
      handler.now = () => new Date();
    }
    const [row] = await owner(`SELECT paused_at, paused_reason FROM webhook_endpoints WHERE id = $1`, [hook.id]);
    expect(row.paused_at).toEqual(new Date(start.getTime() + 24 * 3600_000));
    const notes = await owner(`SELECT user_id, title FROM notifications WHERE kind = 'webhook.paused'`);
    expect(notes).toEqual([{ user_id: ids.admin, title: expect.stringContaining('推送地址已暂停') }]);
    // a paused endpoint gets no new deliveries, and a pending one is not sent
    expect(await emit('report-transition-t4')).toEqual([]);
    expect(await handler.deliver({ tenantId: ids.tenant, deliveryId: id }, false)).toEqual({ outcome: 'skipped' });
  });

  it('announces a document once it is ready, in the transaction that records it', async () => {
    const hook = await endpoint('/documents', ['document.ready']);
    const [doc] = await owner(
      `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, status)
       VALUES ($1, $2, 'v1', '{}', 'pdf', 1, 'rendering') RETURNING id`,
      [ids.tenant, ids.report],
    );
    await tenantDb().tx(
      (tx) => completeDocument(tx, { documentId: doc.id, storageKey: 'k', sha256: 'a'.repeat(64), sizeBytes: 1 }),
      ids.tenant,
    );
    const rows = await owner(`SELECT endpoint_id, event, payload FROM webhook_deliveries WHERE event_key = $1`, [
      `document-ready-${doc.id}`,
    ]);
    expect(rows).toEqual([
      {
        endpoint_id: hook.id,
        event: 'document.ready',
        payload: { documentId: doc.id, reportId: ids.report, edition: 'v1', format: 'pdf' },
      },
    ]);
  });

  it('announces a deadline passed in the last week once, naming the departments that had not submitted', async () => {
    const hook = await endpoint('/deadlines', ['deadline.passed']);
    await owner(
      `INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on) VALUES ($1, 2031, '2032-05-31'), ($1, 2030, '2031-05-31')`,
      [ids.tenant],
    );
    for (const today of ['2032-05-31', '2032-06-01', '2032-06-02']) {
      await tenantDb().tx((tx) => announcePassedDeadlines(tx, ids.tenant, today), ids.tenant);
    }
    const rows = await owner(`SELECT event_key, payload FROM webhook_deliveries WHERE endpoint_id = $1`, [hook.id]);
    expect(rows.map((r) => r.event_key)).toEqual(['deadline-passed-2031-2032-05-31']);
    expect(rows[0].payload).toMatchObject({ fiscalYear: 2031, dueOn: '2032-05-31' });
    expect(rows[0].payload.notSubmitted.length).toBeGreaterThan(0);
  });

  it('refuses, at delivery time, a name that now resolves to a loopback or private address', async () => {
    const name = hostname();
    const { address } = await lookup(name);
    if (!isNonPublicAddress(address)) throw new Error(`${name} resolves to ${address}: the test needs a local name`);
    const port = (server.address() as AddressInfo).port;
    const result = await postWebhook(
      `http://${name}:${port}/x`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        excerptChars: 500,
        allowPrivate: false,
      },
    );
    expect(result).toMatchObject({ status: null, error: expect.stringContaining('本机、内网或链路本地地址') });
    expect(received).toEqual([]);
    // where private targets are allowed (development, test), the same name is reached
    const allowed = await postWebhook(
      `http://${name}:${port}/x`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        excerptChars: 500,
        allowPrivate: true,
      },
    );
    expect(allowed.status).toBe(200);
  });
});
