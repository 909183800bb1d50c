import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@evalflow/observability';
import { TenantDb } from '@evalflow/persistence';
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

  describe('a write and its key commit together', () => {
    const keyRow = (key: string) =>
      db.owner(
        async (c) =>
          (
            await c.query(
              `SELECT status_code, committed_at IS NOT NULL AS committed FROM idempotency_keys WHERE key = $1`,
              [key],
            )
          ).rows[0],
      );

    it('marks the key committed in the write’s own transaction (the kept answer does not)', async () => {
      expect((await create(reviewer, 'commit-key-0001', entry('按时发放率辛'))).statusCode).toBe(201);
      expect(await keyRow('commit-key-0001')).toEqual({ status_code: 201, committed: true });
    });

    it('never writes again when the answer was lost after the write committed, however late the retry', async () => {
      expect((await create(reviewer, 'lost-answer-0001', entry('按时发放率壬'))).statusCode).toBe(201);
      // the answer could not be kept (PostgreSQL went away between the commit and that update); the client
      // retries much later
      await db.owner((c) =>
        c.query(
          `UPDATE idempotency_keys SET status_code = NULL, response = NULL, created_at = now() - interval '10 minutes'
            WHERE key = 'lost-answer-0001'`,
        ),
      );
      const retry = await create(reviewer, 'lost-answer-0001', entry('按时发放率壬'));
      expect(retry.statusCode).toBe(409);
      expect(retry.json().code).toBe('IDEMPOTENCY_ANSWER_LOST');
      expect(await countOf('按时发放率壬')).toBe(1);
    });

    it('asks a retry to wait while the first request may still run, then lets it take over', async () => {
      await db.owner((c) =>
        c.query(
          `INSERT INTO idempotency_keys (user_id, key, tenant_id, claim_token, request_hash)
           SELECT id, 'in-flight-0001', tenant_id, gen_random_uuid(), '\\x00' FROM users WHERE username = $1`,
          [reviewer.username],
        ),
      );
      // another body's hash is stored: same key, other request
      expect((await create(reviewer, 'in-flight-0001', entry('按时发放率癸'))).statusCode).toBe(422);
      // now a claim of this very request, just made and not committed: wait (409 with Retry-After)
      const body = entry('按时发放率癸');
      const first = await create(reviewer, 'in-flight-0002', body);
      expect(first.statusCode).toBe(201);
      await db.owner((c) =>
        c.query(
          `UPDATE idempotency_keys SET status_code = NULL, response = NULL, committed_at = NULL,
                  claim_token = gen_random_uuid(), created_at = now() WHERE key = 'in-flight-0002'`,
        ),
      );
      await db.owner((c) => c.query(`DELETE FROM indicator_library WHERE level3 = '按时发放率癸'`));
      const waiting = await create(reviewer, 'in-flight-0002', body);
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
      // its request never committed (its process died): after a while the retry takes the claim over and runs
      await db.owner((c) =>
        c.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 minute' WHERE key = 'in-flight-0002'`),
      );
      const takenOver = await create(reviewer, 'in-flight-0002', body);
      expect(takenOver.statusCode).toBe(201);
      expect(await countOf('按时发放率癸')).toBe(1);
    });

    it('rolls back a write whose claim a retry took over, so it cannot land a second time', async () => {
      const [{ id: userId, tenant_id: tenantId }] = await db.owner(
        async (c) => (await c.query(`SELECT id, tenant_id FROM users WHERE username = $1`, [reviewer.username])).rows,
      );
      await db.owner((c) =>
        c.query(
          `INSERT INTO idempotency_keys (user_id, key, tenant_id, claim_token, request_hash)
           VALUES ($1, 'fenced-key-0001', $2, gen_random_uuid(), '\\x01')`,
          [userId, tenantId],
        ),
      );
      const stale = { userId, key: 'fenced-key-0001', token: '00000000-0000-4000-8000-000000000000' };
      const write = RequestContext.run({ requestId: 'fenced', tenantId, idempotencyClaim: stale }, () =>
        app.get(TenantDb).tx((tx) =>
          tx.query(
            `INSERT INTO indicator_library (tenant_id, level1, level2, level3, unit, nature, suggested_target,
                                            suggested_evidence, note, created_by, updated_by)
             VALUES ($1, '产出指标', '时效指标', '被接手的写入', '%', '=', '100', '', '', $2, $2)`,
            [tenantId, userId],
          ),
        ),
      );
      await expect(write).rejects.toMatchObject({ code: 'IDEMPOTENCY_CLAIM_LOST' });
      expect(await countOf('被接手的写入')).toBe(0);
    });
  });
});
