import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, login, startSeededApi, type Session } from './support/harness';

/** A retried POST: the second 指标库 entry would be refused as a duplicate, a second comment would not. */
describe('Idempotency-Key on POST (real API and PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: TestDatabase;
  let close: () => Promise<unknown>;
  let reviewer: Session;
  let otherReviewer: Session;

  const entry = (level3: string) => ({
    level1: '产出指标',
    level2: '时效指标',
    level3,
    unit: '%',
    nature: '=',
    suggestedTarget: '100',
  });
  const create = (session: Session, key: string | undefined, payload: object) =>
    as(
      app,
      session,
    )({
      method: 'POST',
      url: '/api/indicator-library',
      payload,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const countOf = (level3: string) =>
    db.owner(
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM indicator_library WHERE level3 = $1`, [level3])).rows[0].n,
    );

  beforeAll(async () => {
    ({ app, db, close } = await startSeededApi());
    reviewer = await login(app, 'zhaoxian.finance.reviewer');
    otherReviewer = await login(app, 'luancheng.finance.reviewer');
  });
  afterAll(async () => {
    await close?.();
  });

  it('answers a retry with the same key and body with the first answer, creating once', async () => {
    const first = await create(reviewer, 'retry-key-0001', entry('按时发放率甲'));
    expect(first.statusCode).toBe(201);
    const again = await create(reviewer, 'retry-key-0001', { ...entry('按时发放率甲') });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countOf('按时发放率甲')).toBe(1);
  });

  it('treats the same JSON in another key order as the same request', async () => {
    const body = entry('按时发放率乙');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await create(reviewer, 'retry-key-0002', body)).statusCode).toBe(201);
    const again = await create(reviewer, 'retry-key-0002', reordered);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with another body (422), writing nothing', async () => {
    expect((await create(reviewer, 'retry-key-0003', entry('按时发放率丙'))).statusCode).toBe(201);
    const other = await create(reviewer, 'retry-key-0003', entry('按时发放率丁'));
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await countOf('按时发放率丁')).toBe(0);
  });

  it('keeps keys per user: another user’s same key is a request of its own', async () => {
    expect((await create(reviewer, 'shared-key-0004', entry('按时发放率戊'))).statusCode).toBe(201);
    const other = await create(otherReviewer, 'shared-key-0004', entry('按时发放率戊'));
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await countOf('按时发放率戊')).toBe(2); // one per county
  });

  it('leaves nothing behind when the request fails, so a corrected retry of the same request runs', async () => {
    const bad = await create(reviewer, 'retry-key-0005', { ...entry('按时发放率己'), nature: 'about' });
    expect(bad.statusCode).toBe(400);
    const rows = await db.owner(
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'retry-key-0005'`)).rows[0].n,
    );
    expect(rows).toBe(0);
  });

  it('refuses a malformed key with 400, and works without a key as before', async () => {
    const bad = await create(reviewer, 'short', entry('按时发放率庚'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await countOf('按时发放率庚')).toBe(0);
    expect((await create(reviewer, undefined, entry('按时发放率庚'))).statusCode).toBe(201);
  });
});
