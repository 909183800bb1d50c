import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LocalDirectoryStorage } from '@evalflow/storage';
import type { TestDatabase } from '@evalflow/testing';
import type { InjectOptions } from 'fastify';
import {
  as,
  idOf,
  insertReport,
  login,
  partVersionOf,
  startApi,
  startSeededApi,
  type Session,
} from './support/harness';

/** API keys (service accounts) for 预算一体化: shown once, hashed, scoped, read only, own county, revocable, limited. */
describe('API keys (real API, PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let storageDir: string;
  let admin: Session;
  let foreignAdmin: Session;
  let own: {
    tenant: string;
    union: string;
    approved: string;
    document: string;
    preApproval: string;
    draftDocument: string;
  };
  let foreign: { report: string; document: string };
  let year = 2030;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const withKey = (key: string, options: InjectOptions) =>
    app.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...(options.headers ?? {}) } });
  const createKey = async (session: Session, payload: object) => {
    const res = await as(app, session)({ method: 'POST', url: '/api/api-keys', payload });
    if (res.statusCode !== 201) throw new Error(`create key → ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; key: string; prefix: string; scopes: string[] };
  };
  const allScopes = { name: '预算一体化系统', scopes: ['reports:read', 'documents:read', 'summary:read'] };

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evalflow-keys-'));
    ({ db, app, close } = await startSeededApi({ STORAGE_DIR: storageDir, RATE_LIMIT_API_KEY_PER_MINUTE: '1000' }));
    [admin, foreignAdmin] = [await login(app, 'zhaoxian.admin'), await login(app, 'luancheng.admin')];
    const dept = (name: string) => idOf(db, `SELECT id FROM departments WHERE name = $1`, [name]);
    const union = await dept('赵县总工会');
    const approved = await insertReport(db, union, 2019, 'approved');
    const document = async (reportId: string, edition: string) => {
      const id = await idOf(
        db,
        `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark)
         SELECT tenant_id, id, $2, '{}'::jsonb, 'pdf', 1, $3 FROM reports WHERE id = $1 RETURNING id`,
        [reportId, edition, edition === 'v1' ? '草稿' : null],
      );
      const [doc] = await owner(`SELECT tenant_id FROM documents WHERE id = $1`, [id]);
      const key = `tenants/${doc.tenant_id}/reports/${reportId}/${id}.pdf`;
      const pdf = Buffer.from(`%PDF-1.7\n% ${edition}\n`);
      await new LocalDirectoryStorage(storageDir).put(key, pdf);
      await owner(
        `UPDATE documents SET status = 'done', progress = 100, storage_key = $2, sha256 = repeat('a', 64), size_bytes = $3
          WHERE id = $1`,
        [id, key, pdf.length],
      );
      return id;
    };
    const unionDraft = await idOf(
      db,
      `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = 2024 AND kind = 'department_overall'`,
      [union],
    );
    const foreignReport = await insertReport(db, await dept('栾城区总工会'), 2019, 'approved');
    own = {
      tenant: admin.me.tenant?.id as string,
      union: unionDraft,
      approved,
      document: await document(approved, 'r1-approved'),
      // a draft made before the approval: not the result
      preApproval: await document(approved, 'v1'),
      draftDocument: await document(unionDraft, 'v1'),
    };
    foreign = { report: foreignReport, document: await document(foreignReport, 'r1-approved') };
  });

  afterAll(async () => {
    await close?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('shows the key once, stores only its SHA-256, lists it by prefix without the key, and audits the creation', async () => {
    const created = await createKey(admin, { ...allScopes, expiresAt: '2099-01-01T00:00:00Z' });
    expect(created.key).toMatch(/^ef_live_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: '预算一体化系统', scopes: allScopes.scopes, state: 'active' });

    const [row] = await owner(`SELECT * FROM api_keys WHERE id = $1`, [created.id]);
    expect(Buffer.from(row.key_hash).equals(createHash('sha256').update(created.key).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row.tenant_id).toBe(own.tenant);

    const listed = await as(app, admin)({ method: 'GET', url: '/api/api-keys' });
    expect(listed.statusCode).toBe(200);
    const item = listed.json().find((k: { id: string }) => k.id === created.id);
    expect(item).toMatchObject({ prefix: created.prefix, name: '预算一体化系统', lastUsedAt: null, revokedAt: null });
    expect(item.key).toBeUndefined();
    expect(listed.body).not.toContain(created.key);
    // another county's administrator does not see it
    const theirs = await as(app, foreignAdmin)({ method: 'GET', url: '/api/api-keys' });
    expect(theirs.json().map((k: { id: string }) => k.id)).not.toContain(created.id);

    const [audit] = await owner(
      `SELECT actor_username, details FROM audit_log WHERE action = 'api_key.created' AND target_id = $1`,
      [created.id],
    );
    expect(audit).toMatchObject({ actor_username: 'zhaoxian.admin', details: { prefix: created.prefix } });
  });

  it('reads its county’s reports, approved documents and 汇总 per scope; another county’s are not found', async () => {
    const { key } = await createKey(admin, allScopes);
    const list = await withKey(key, { method: 'GET', url: '/api/reports?fiscalYear=2019' });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((r: { id: string }) => r.id);
    expect(ids).toContain(own.approved);
    expect(ids).not.toContain(foreign.report);

    const one = await withKey(key, { method: 'GET', url: `/api/reports/${own.approved}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: own.approved, status: 'approved' });
    expect((await withKey(key, { method: 'GET', url: `/api/reports/${foreign.report}` })).statusCode).toBe(404);

    const docs = await withKey(key, { method: 'GET', url: `/api/reports/${own.approved}/documents` });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().map((d: { id: string }) => d.id)).toEqual([own.document]);
    const file = await withKey(key, { method: 'GET', url: `/api/documents/${own.document}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toContain('r1-approved');
    // drafts, also those made before the approval, are not the result: refused, even with the reports scope held
    for (const doc of [own.draftDocument, own.preApproval]) {
      for (const url of [`/api/documents/${doc}`, `/api/documents/${doc}/file`]) {
        expect((await withKey(key, { method: 'GET', url })).statusCode).toBe(403);
      }
    }
    // a signed-in user still sees every edition
    const reviewer = await login(app, 'zhaoxian.finance.reviewer');
    const all = await as(app, reviewer)({ method: 'GET', url: `/api/reports/${own.approved}/documents` });
    expect(
      all
        .json()
        .map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([own.document, own.preApproval].sort());
    for (const url of [`/api/documents/${foreign.document}`, `/api/documents/${foreign.document}/file`]) {
      const res = await withKey(key, { method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('DOCUMENT_NOT_FOUND');
    }

    const dashboard = await withKey(key, { method: 'GET', url: '/api/dashboard?fiscalYear=2019' });
    expect(dashboard.statusCode).toBe(200);
    const xlsx = await withKey(key, { method: 'GET', url: '/api/dashboard/summary.xlsx?fiscalYear=2019' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('also takes the key as X-Api-Key', async () => {
    const { key } = await createKey(admin, { name: 'X-Api-Key', scopes: ['reports:read'] });
    const res = await app.inject({ method: 'GET', url: `/api/reports/${own.approved}`, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a route of a scope the key was not given (403), and audits the refusal in its county', async () => {
    const reportsOnly = await createKey(admin, { name: '只读报告', scopes: ['reports:read'] });
    for (const url of ['/api/dashboard?fiscalYear=2019', `/api/documents/${own.document}/file`]) {
      const res = await withKey(reportsOnly.key, { method: 'GET', url });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('API_KEY_ROUTE_FORBIDDEN');
    }
    const summaryOnly = await createKey(admin, { name: '只读汇总', scopes: ['summary:read'] });
    expect((await withKey(summaryOnly.key, { method: 'GET', url: '/api/reports' })).statusCode).toBe(403);
    const [denied] = await owner(
      `SELECT tenant_id, actor_user_id, actor_username, details FROM audit_log
        WHERE action = 'access.denied' AND actor_username = $1 ORDER BY id DESC LIMIT 1`,
      [`api-key:${summaryOnly.prefix}`],
    );
    expect(denied).toMatchObject({
      tenant_id: own.tenant,
      actor_user_id: null,
      details: { code: 'API_KEY_ROUTE_FORBIDDEN', method: 'GET', route: '/api/reports' },
    });
  });

  it('never writes and reaches no other route: 403 everywhere else', async () => {
    const { key } = await createKey(admin, allScopes);
    const attempts: InjectOptions[] = [
      { method: 'POST', url: '/api/reports', payload: { fiscalYear: ++year } },
      {
        method: 'PUT',
        url: `/api/reports/${own.union}/parts/problems`,
        headers: { 'if-match': `"${await partVersionOf(db, own.union, 'problems')}"` },
        payload: { problems: '密钥写的', measures: '' },
      },
      { method: 'POST', url: `/api/reports/${own.union}/transitions`, payload: { action: 'submit' } },
      { method: 'POST', url: `/api/reports/${own.approved}/documents`, payload: { format: 'pdf' } },
      { method: 'POST', url: '/api/api-keys', payload: allScopes },
      { method: 'POST', url: '/api/exports', payload: { kind: 'indicator_rows', fiscalYear: 2023 } },
      { method: 'GET', url: '/api/auth/me' },
      { method: 'GET', url: '/api/users' },
      { method: 'GET', url: '/api/api-keys' },
      { method: 'GET', url: `/api/reports/${own.approved}/history` },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const res = await withKey(key, attempt);
      answers.push(`${attempt.method} ${attempt.url} ${res.statusCode} ${res.json().code}`);
    }
    expect(answers).toEqual(attempts.map((a) => `${a.method} ${a.url} 403 API_KEY_ROUTE_FORBIDDEN`));
    const [{ count }] = await owner(`SELECT count(*)::int AS count FROM reports WHERE fiscal_year = $1`, [year]);
    expect(count).toBe(0);
  });

  it('answers 401 to a revoked, an expired and an unknown key (the same code), and audits the revocation', async () => {
    const revoked = await createKey(admin, allScopes);
    expect((await withKey(revoked.key, { method: 'GET', url: '/api/reports' })).statusCode).toBe(200);
    const revocation = await as(app, admin)({ method: 'POST', url: `/api/api-keys/${revoked.id}/revocation` });
    expect(revocation.statusCode).toBe(200);
    expect(revocation.json()).toMatchObject({ state: 'revoked' });
    expect((await as(app, admin)({ method: 'POST', url: `/api/api-keys/${revoked.id}/revocation` })).statusCode).toBe(
      409,
    );
    // another county's administrator cannot find it (RLS)
    expect(
      (await as(app, foreignAdmin)({ method: 'POST', url: `/api/api-keys/${revoked.id}/revocation` })).statusCode,
    ).toBe(404);

    const expired = await createKey(admin, allScopes);
    await owner(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const unknown = `ef_live_${'A'.repeat(43)}`;
    for (const key of [revoked.key, expired.key, unknown]) {
      const res = await withKey(key, { method: 'GET', url: '/api/reports' });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('API_KEY_INVALID');
    }
    const [audit] = await owner(
      `SELECT actor_username FROM audit_log WHERE action = 'api_key.revoked' AND target_id = $1`,
      [revoked.id],
    );
    expect(audit).toMatchObject({ actor_username: 'zhaoxian.admin' });
    const listed = (await as(app, admin)({ method: 'GET', url: '/api/api-keys' })).json();
    expect(listed.find((k: { id: string }) => k.id === expired.id)).toMatchObject({ state: 'expired' });
  });

  it('stamps last_used_at on use, at most once a minute', async () => {
    const { id, key } = await createKey(admin, allScopes);
    const lastUsed = async () => (await owner(`SELECT last_used_at FROM api_keys WHERE id = $1`, [id]))[0].last_used_at;
    expect(await lastUsed()).toBeNull();
    await withKey(key, { method: 'GET', url: '/api/reports' });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await withKey(key, { method: 'GET', url: '/api/reports' });
    expect((await lastUsed()).getTime()).toBe(first.getTime());
    // a minute later (moved back rather than waited for), the next use stamps again
    await owner(`UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [id]);
    const before = await lastUsed();
    await withKey(key, { method: 'GET', url: '/api/reports' });
    expect((await lastUsed()).getTime()).toBeGreaterThan(before.getTime());
  });

  it('limits each key per minute: 429 with Retry-After, while another key goes on', async () => {
    const limited = await startApi(db, { STORAGE_DIR: storageDir, RATE_LIMIT_API_KEY_PER_MINUTE: '3' });
    try {
      const one = await createKey(admin, allScopes);
      const other = await createKey(admin, allScopes);
      const call = (key: string) =>
        limited.inject({ method: 'GET', url: '/api/reports', headers: { authorization: `Bearer ${key}` } });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(one.key)).statusCode);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await call(one.key);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', details: { limitPerMinute: 3 } });
      expect((await call(other.key)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('may be managed by the county administrator only', async () => {
    const reviewer = await login(app, 'zhaoxian.finance.reviewer');
    expect((await as(app, reviewer)({ method: 'GET', url: '/api/api-keys' })).statusCode).toBe(403);
    expect((await as(app, reviewer)({ method: 'POST', url: '/api/api-keys', payload: allScopes })).statusCode).toBe(
      403,
    );
    const bad = await as(
      app,
      admin,
    )({ method: 'POST', url: '/api/api-keys', payload: { name: 'x', scopes: ['reports:write'] } });
    expect(bad.statusCode).toBe(400);
    const past = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/api-keys',
      payload: { ...allScopes, expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
  });

  it('is documented in OpenAPI: the schemes, and the routes that take a key with their scope', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json();
    expect(doc.components.securitySchemes).toMatchObject({
      'api-key': { type: 'http', scheme: 'bearer' },
      'api-key-header': { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    const accepting: Record<string, string[]> = {};
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { security?: object[] }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        const keyScheme = op.security?.find((s) => 'api-key' in s) as { 'api-key': string[] } | undefined;
        if (keyScheme) accepting[`${method.toUpperCase()} ${path}`] = keyScheme['api-key'];
      }
    }
    expect(accepting).toEqual({
      'GET /api/reports': ['reports:read'],
      'GET /api/reports/{id}': ['reports:read'],
      'GET /api/reports/{id}/documents': ['documents:read'],
      'GET /api/documents/{id}': ['documents:read'],
      'GET /api/documents/{id}/file': ['documents:read'],
      'GET /api/dashboard': ['summary:read'],
      'GET /api/dashboard/summary.xlsx': ['summary:read'],
    });
  });
});
