import { hostname } from 'node:os';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { WebhooksService } from '../webhooks/webhooks.service';
import { as, idOf, login, startSeededApi, type Session } from './support/harness';

/** 推送地址 through the real API and PostgreSQL: the secret shown once, SSRF refusals, deliveries and replays. */
describe('webhooks (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let admin: Session;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const create = (payload: object) => as(app, admin)({ method: 'POST', url: '/api/webhooks', payload });

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    admin = await login(app, 'zhaoxian.admin');
  });

  afterAll(async () => {
    await close?.();
  });

  it('shows the secret once, keeps it encrypted, and shows a new one once on rotation', async () => {
    const res = await create({
      url: 'https://yth.example.gov.cn/hooks',
      events: ['report.approved', 'report.returned'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ url: 'https://yth.example.gov.cn/hooks', active: true, pausedAt: null });
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = (await as(app, admin)({ method: 'GET', url: '/api/webhooks' })).json();
    expect(list).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    const [stored] = await owner(`SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1`, [body.id]);
    expect(stored.secret_encrypted).not.toContain(body.secret.slice(6));
    const rotated = await as(app, admin)({ method: 'POST', url: `/api/webhooks/${body.id}/secret` });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(body.secret);
  });

  it('refuses what is not https, and loopback or private targets, from a production instance (SSRF)', async () => {
    const settings = app.get(WebhooksService).settings;
    const before = settings.allowInsecureTargets;
    settings.allowInsecureTargets = false;
    try {
      const refusals: Record<string, unknown> = {};
      for (const url of [
        'http://yth.example.gov.cn/hooks',
        'https://127.0.0.1/hooks',
        'https://localhost:8443/hooks',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hooks',
        // a name that resolves to a loopback address here
        `https://${hostname()}/hooks`,
        'yth.example.gov.cn',
      ]) {
        const res = await create({ url, events: ['report.approved'] });
        refusals[url] = {
          status: res.statusCode,
          code: res.json().code,
          chinese: /[\u4e00-\u9fff]/.test(res.json().message),
        };
      }
      const refused = (code: string) => ({ status: 400, code, chinese: true });
      expect(refusals).toEqual({
        'http://yth.example.gov.cn/hooks': refused('WEBHOOK_URL_NOT_HTTPS'),
        'https://127.0.0.1/hooks': refused('WEBHOOK_URL_PRIVATE_ADDRESS'),
        'https://localhost:8443/hooks': refused('WEBHOOK_URL_PRIVATE_ADDRESS'),
        'https://169.254.169.254/latest/meta-data': refused('WEBHOOK_URL_PRIVATE_ADDRESS'),
        'https://[::1]/hooks': refused('WEBHOOK_URL_PRIVATE_ADDRESS'),
        [`https://${hostname()}/hooks`]: refused('WEBHOOK_URL_PRIVATE_ADDRESS'),
        'yth.example.gov.cn': refused('WEBHOOK_URL_INVALID'),
      });
    } finally {
      settings.allowInsecureTargets = before;
    }
    // in development and test, a receiver on this machine is allowed
    expect((await create({ url: 'http://127.0.0.1:9/hooks', events: ['report.submitted'] })).statusCode).toBe(201);
    expect((await create({ url: 'https://yth.example.gov.cn/', events: [] })).json().code).toBe(
      'WEBHOOK_EVENTS_INVALID',
    );
    expect((await create({ url: 'https://yth.example.gov.cn/', events: ['report.deleted'] })).statusCode).toBe(400);
  });

  it('lists deliveries and replays one by hand as a new job through the outbox', async () => {
    const hook = (await create({ url: 'https://yth.example.gov.cn/replay', events: ['report.approved'] })).json();
    const delivery = await idOf(
      db,
      `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event, event_key, payload, status, attempts)
       SELECT tenant_id, id, 'report.approved', 'report-transition-x', '{}', 'failed',
              '[{"at":"2026-03-01T08:00:00.000Z","status":500,"ms":12,"error":null,"excerpt":"boom"}]'
         FROM webhook_endpoints WHERE id = $1 RETURNING id`,
      [hook.id],
    );
    const listed = (await as(app, admin)({ method: 'GET', url: `/api/webhooks/${hook.id}/deliveries` })).json();
    expect(listed).toEqual([
      expect.objectContaining({ id: delivery, status: 'failed', attempts: [expect.objectContaining({ status: 500 })] }),
    ]);
    const res = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/webhooks/${hook.id}/deliveries/${delivery}/replay`,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id: delivery, status: 'pending', replays: 1 });
    const jobs = await owner(`SELECT job_id FROM outbox WHERE queue = 'webhooks' ORDER BY id`);
    expect(jobs).toEqual([{ job_id: `webhook-delivery-${delivery}-1` }]);
    // another endpoint's delivery is not found under this one
    const other = (await create({ url: 'https://yth.example.gov.cn/other', events: ['report.approved'] })).json();
    const wrong = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: `/api/webhooks/${other.id}/deliveries/${delivery}/replay`,
    });
    expect([wrong.statusCode, wrong.json().code]).toEqual([404, 'WEBHOOK_DELIVERY_NOT_FOUND']);
  });
});
