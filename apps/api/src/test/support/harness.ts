import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { emptyReportContent, summarizeReport, type ReportContent, type ReportStatus } from '@evalflow/domain';
import { createLogger } from '@evalflow/observability';
import {
  dataSourceOptions,
  enterTenant,
  insertParts,
  applicableTemplateVersion,
  insertReport as storeReport,
  setupDatabase,
} from '@evalflow/persistence';
import { DEMO_PASSWORD, seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../bootstrap';

export { DEMO_PASSWORD };

export const silentLogger = createLogger({ level: 'silent', service: 'api-test' });

/** The API on a test database, in-process and ready for `inject`. */
export async function startApi(db: TestDatabase, overrides: Record<string, string> = {}) {
  const app = await createApiApp(db.config(overrides), silentLogger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** A migrated test database with the demo counties, and the API on it (in-process, real everything). */
export async function startSeededApi(overrides: Record<string, string> = {}) {
  const db = await TestDatabase.create(setupDatabase);
  const owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 2, applicationName: 'api-test' }));
  await owner.initialize();
  await seedDemo(owner, new Argon2PasswordHasher());
  await owner.destroy();
  const app = await startApi(db, overrides);
  return { db, app, close: async () => (await app.close(), await db.destroy()) };
}

export interface Session {
  username: string;
  accessToken: string;
  refreshCookie: string;
  me: {
    user: { id: string; displayName: string; roles: string[] };
    tenant: { id: string } | null;
    department: { id: string } | null;
  };
}

export function cookieOf(response: LightMyRequestResponse, name = 'evalflow_refresh'): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const match = all.map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)).find(Boolean);
  return match?.[1] || undefined;
}

export async function login(app: NestFastifyApplication, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} → ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { username, accessToken: body.accessToken, refreshCookie: cookieOf(res) as string, me: body.me };
}

/** Signs in each of `usernames` (with the demo password) at once; the sessions in the same order. */
export function loginAll(app: NestFastifyApplication, usernames: string[]): Promise<Session[]> {
  return Promise.all(usernames.map((username) => login(app, username)));
}

/** Sends a request as a signed-in user (or anonymously with `null`). */
export function as(app: NestFastifyApplication, session: Session | null) {
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
        ...(options.headers ?? {}),
      },
    });
}

/** Reads a row's version as the owner (bypassing RLS), to send a fresh If-Match. */
export async function versionOf(
  db: TestDatabase,
  table: 'tenants' | 'departments' | 'users' | 'reports',
  id: string,
): Promise<number> {
  return db.owner(async (c) => (await c.query(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version);
}

/** The seeded sample: 赵县总工会's 2024 report, a draft. */
export function unionReport2024(db: TestDatabase): Promise<string> {
  return idOf(
    db,
    `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
      WHERE d.name = '赵县总工会' AND r.fiscal_year = 2024 AND r.kind = 'department_overall'`,
  );
}

export async function idOf(db: TestDatabase, sql: string, params: unknown[] = []): Promise<string> {
  return db.owner(async (c) => {
    const { rows } = await c.query(sql, params);
    if (!rows[0]) throw new Error(`no row for ${sql}`);
    return rows[0].id as string;
  });
}

/** PATCHes a row with If-Match set to its current version (read as the owner). */
export async function patchCurrent(
  app: NestFastifyApplication,
  session: Session,
  db: TestDatabase,
  table: 'tenants' | 'departments' | 'users',
  id: string,
  payload: object,
) {
  const path = { tenants: 'tenants', departments: 'departments', users: 'users' }[table];
  return as(
    app,
    session,
  )({
    method: 'PATCH',
    url: `/api/${path}/${id}`,
    headers: { 'if-match': `"${await versionOf(db, table, id)}"` },
    payload,
  });
}

/** A report with all its parts, written as the owner in its county (fixtures for other departments and counties). */
export async function insertReport(
  db: TestDatabase,
  departmentId: string,
  fiscalYear: number,
  status: ReportStatus = 'draft',
  content?: ReportContent,
): Promise<string> {
  const owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'api-fixture' }));
  await owner.initialize();
  try {
    return await owner.transaction(async (em) => {
      const [dept] = await em.query(`SELECT tenant_id, name FROM departments WHERE id = $1`, [departmentId]);
      const tx = await enterTenant(em, dept.tenant_id);
      const body = content ?? emptyReportContent({ departmentName: dept.name, fiscalYear });
      const inserted = await storeReport(tx, {
        departmentId,
        fiscalYear,
        kind: body.kind,
        project: body.kind === 'project' ? { code: body.projectInfo.code, name: body.projectInfo.name } : null,
        schemaVersion: body.schemaVersion,
        templateVersionId: await applicableTemplateVersion(tx, fiscalYear, body.kind),
        summary: summarizeReport(body),
        status,
      });
      if (!inserted.created) throw new Error(`fixture report exists: ${inserted.existingId}`);
      await insertParts(tx, { reportId: inserted.id, content: body });
      return inserted.id;
    });
  } finally {
    await owner.destroy();
  }
}

/** A report part's current version, read as the owner, for a fresh If-Match. */
export async function partVersionOf(db: TestDatabase, reportId: string, part: string): Promise<number> {
  return db.owner(
    async (c) =>
      (await c.query(`SELECT version FROM report_parts WHERE report_id = $1 AND part = $2`, [reportId, part])).rows[0]
        ?.version ?? 1,
  );
}
