import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BUILTIN_TEMPLATES, type Role } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import type { InjectOptions } from 'fastify';
import { Workbook } from 'exceljs';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { API_KEY_SCOPE } from '@evalflow/auth';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { declaredRoutes } from '../access/route-access.check';
import { registeredRoutes } from '../bootstrap';
import {
  as,
  idOf,
  insertReport,
  login,
  partVersionOf,
  startSeededApi,
  versionOf,
  type Session,
} from './support/harness';

/**
 * The authorization matrix: every route × every role (and anonymous) × the target's place
 * (own department, another department of the same county, another county) → expected status.
 * The routes are read from the running server, so a route without a row here fails the test.
 */
type Actor = 'anonymous' | Role;
type Scope = '-' | 'own' | 'other' | 'foreign' | 'self' | 'sameDept' | 'otherDept';

const ACTORS: Record<Actor, string | null> = {
  anonymous: null,
  platform_admin: 'platform.admin',
  tenant_admin: 'zhaoxian.admin',
  dept_editor: 'zhaoxian.union.editor',
  dept_head: 'zhaoxian.union.head',
  finance_reviewer: 'zhaoxian.finance.reviewer',
  finance_approver: 'zhaoxian.finance.approver',
};
const ROLES_IN_MATRIX = Object.keys(ACTORS).filter((a) => a !== 'anonymous') as Role[];

interface Fixture {
  db: TestDatabase;
  app: NestFastifyApplication;
  sessions: Partial<Record<Actor, Session>>;
  tenant: { own: string; foreign: string };
  department: { union: string; finance: string; education: string; foreign: string };
  user: { unionStaff: string; financeStaff: string; educationStaff: string; foreign: string };
  report: { union: string; education: string; foreign: string };
  /** an open comment thread on each of those reports */
  thread: { union: string; education: string; foreign: string };
  /** a queued document of each of those reports */
  document: { union: string; education: string; foreign: string };
  /** a queued county-wide export of 赵县 and one of 栾城区 */
  countyExport: { own: string; foreign: string };
  /** a stored 佐证材料 file of each of those reports */
  evidence: { union: string; education: string; foreign: string };
  /** a queued import (从文件导入) of each of those reports */
  reportImport: { union: string; education: string; foreign: string };
  /** a notification for each signed-in actor, one for a colleague, one in the other county */
  notification: { byUser: Record<string, string>; colleague: string; foreign: string };
  /** 赵县's own template (with a draft), a built-in, 栾城区's template: ids and a version of each */
  template: Record<'own' | 'other' | 'foreign', { id: string; versionId: string }>;
  pingId: string;
  /** a 指标库 entry of 赵县 and one of 栾城区, and a small workbook to import */
  library: { own: string; foreign: string; file: Buffer };
  /** 抽评: a batch of each county; each report selected, with a finding, an open item, a closed item, evidence */
  spot: {
    batch: { own: string; foreign: string };
    finding: Record<'union' | 'education' | 'foreign', string>;
    item: Record<'union' | 'education' | 'foreign', string>;
    closedItem: Record<'union' | 'education' | 'foreign', string>;
    evidence: Record<'union' | 'education' | 'foreign', string>;
  };
  seq: number;
  /** a withdrawn publication (随决算公开) of 赵县's union report and of 栾城区's */
  publication: { own: string; foreign: string };
  /** years for reports created by the matrix, one per create */
  year: number;
  /** 代理人: 赵县's seeded reviewer and a second approver; two users of 栾城区 */
  delegation: { reviewer: string; approverStaff: string; foreignPrincipal: string; foreignStandIn: string };
  /** an API key of 赵县 holding every scope (made through the API by its administrator) */
  apiKey: string;
}

type Expectation = number | Partial<Record<Scope, number>>;
interface RouteCase {
  scopes: Scope[];
  build: (f: Fixture, actor: Actor, scope: Scope) => Promise<InjectOptions> | InjectOptions;
  expect: Record<Actor, Expectation>;
}

const every = (status: number, anonymous = 401): Record<Actor, number> =>
  Object.fromEntries(Object.keys(ACTORS).map((a) => [a, a === 'anonymous' ? anonymous : status])) as Record<
    Actor,
    number
  >;
const onlyFor = (roles: Role[], ok: Expectation, otherwise = 403): Record<Actor, Expectation> =>
  Object.fromEntries(
    Object.keys(ACTORS).map((a) => [a, a === 'anonymous' ? 401 : roles.includes(a as Role) ? ok : otherwise]),
  ) as Record<Actor, Expectation>;

const isFinance = (actor: Actor) => actor === 'finance_reviewer' || actor === 'finance_approver';
function departmentFor(f: Fixture, actor: Actor, scope: Scope): string {
  if (scope === 'foreign') return f.department.foreign;
  if (scope === 'own') return isFinance(actor) ? f.department.finance : f.department.union;
  return isFinance(actor) ? f.department.union : f.department.education;
}
function userFor(f: Fixture, actor: Actor, scope: Scope): string {
  switch (scope) {
    case 'self':
      return f.sessions[actor]?.me.user.id ?? randomUUID();
    case 'sameDept':
      return isFinance(actor) ? f.user.financeStaff : f.user.unionStaff;
    case 'otherDept':
      return f.user.educationStaff;
    default:
      return f.user.foreign;
  }
}
/** own: the actor's department's report (for the finance bureau: one of its county); other: another department's. */
function reportFor(f: Fixture, scope: Scope): string {
  if (scope === 'foreign') return f.report.foreign;
  return scope === 'own' ? f.report.union : f.report.education;
}
const DEPT_STAFF: Role[] = ['dept_editor', 'dept_head'];
const FINANCE: Role[] = ['finance_reviewer', 'finance_approver'];
const COUNTY_ROLES: Role[] = ['tenant_admin', ...DEPT_STAFF, ...FINANCE];
/** Reading reports: department staff their own department's, the finance bureau its whole county. */
const reportReaders = (ok = 200): Record<Actor, Expectation> => ({
  ...onlyFor([...DEPT_STAFF, ...FINANCE], ok),
  dept_editor: { own: ok, other: 403, foreign: 404 },
  dept_head: { own: ok, other: 403, foreign: 404 },
  finance_reviewer: { own: ok, other: ok, foreign: 404 },
  finance_approver: { own: ok, other: ok, foreign: 404 },
});
const documentFor = (f: Fixture, scope: Scope) =>
  scope === 'foreign' ? f.document.foreign : scope === 'own' ? f.document.union : f.document.education;
const importFor = (f: Fixture, scope: Scope) =>
  scope === 'foreign' ? f.reportImport.foreign : scope === 'own' ? f.reportImport.union : f.reportImport.education;
const evidenceFor = (f: Fixture, scope: Scope) =>
  scope === 'foreign' ? f.evidence.foreign : scope === 'own' ? f.evidence.union : f.evidence.education;
const MATRIX_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
/** A 佐证材料 row of the report whose bytes are not stored (removing it deletes nothing; a missing object is no error). */
const unstoredEvidence = (f: Fixture, reportId: string) =>
  idOf(
    f.db,
    `INSERT INTO report_evidence (tenant_id, report_id, file_name, kind, content_type, size_bytes, sha256, storage_key,
                                  uploaded_by)
     SELECT r.tenant_id, r.id, 'm.png', 'png', 'image/png', 40, repeat('b', 64), 'matrix/evidence-' || gen_random_uuid(),
            (SELECT u.id FROM users u WHERE u.tenant_id = r.tenant_id ORDER BY u.created_at LIMIT 1)
       FROM reports r WHERE r.id = $1 RETURNING id`,
    [reportId],
  );
const threadFor = (f: Fixture, scope: Scope) =>
  scope === 'foreign' ? f.thread.foreign : scope === 'own' ? f.thread.union : f.thread.education;
const tenantFor = (f: Fixture, scope: Scope) => (scope === 'foreign' ? f.tenant.foreign : f.tenant.own);
/** own: the county's template; other: a built-in; foreign: the other county's template. */
const templateFor = (f: Fixture, scope: Scope) => f.template[scope as 'own' | 'other' | 'foreign'];
/** Templates are read by every county user: its own and the built-ins, never another county's. */
const templateReaders = (): Record<Actor, Expectation> => ({
  ...onlyFor(COUNTY_ROLES, { own: 200, other: 200, foreign: 404 }),
});
/** The If-Match of a template's draft as the API computes it: 0 while there is none. */
const draftEtagOf = async (f: Fixture, id: string) =>
  f.db.owner(
    async (c) =>
      (
        await c.query(
          `SELECT CASE WHEN draft IS NULL THEN 0 ELSE draft_version END AS v FROM report_templates WHERE id = $1`,
          [id],
        )
      ).rows[0]?.v ?? 0,
  );
/** Gives a county template a draft (the built-in's definition) so that publishing and discarding have one. */
const ensureDraft = (f: Fixture, id: string) =>
  f.db.owner((c) =>
    c.query(
      `UPDATE report_templates t SET draft = v.definition, draft_version = t.draft_version + 1
         FROM report_template_versions v WHERE t.id = $1 AND t.draft IS NULL AND v.id = $2`,
      [id, BUILTIN_TEMPLATES[0].id],
    ),
  );
const next = (f: Fixture) => ++f.seq;
/** A route case that GETs one fixed URL, for every actor alike. */
/** A webhook endpoint of the county of the place (own: 赵县, foreign: 栾城区), made for the case. */
function webhookOf(f: Fixture, scope: Scope): Promise<string> {
  return idOf(
    f.db,
    `INSERT INTO webhook_endpoints (tenant_id, url, events, secret_encrypted, created_by)
     SELECT $1, 'https://yth.example.gov.cn/hooks', '{report.approved}', 'v1.x.x.x', id FROM users
      WHERE tenant_id = $1 LIMIT 1 RETURNING id`,
    [tenantFor(f, scope)],
  );
}
/** A route on one webhook endpoint: the county administrator's own, 404 for another county's. */
const webhookCase = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  ok: number,
  payload?: object,
): RouteCase => ({
  scopes: ['own', 'foreign'],
  build: async (f, _actor, scope) => ({
    method,
    url: `/api/webhooks/${await webhookOf(f, scope)}${path}`,
    ...(payload && { payload }),
  }),
  expect: onlyFor(['tenant_admin'], { own: ok, foreign: 404 }),
});
const getUrl = (url: string, expect: Record<Actor, Expectation>): RouteCase => ({
  scopes: ['-'],
  build: () => ({ method: 'GET', url }),
  expect,
});
/** A route case that GETs (a sub-resource of) a report of each place; read as reportReaders says. */
const getReport = (path = ''): RouteCase => ({
  scopes: ['own', 'other', 'foreign'],
  build: (f, _a, scope) => ({ method: 'GET', url: `/api/reports/${reportFor(f, scope)}${path}` }),
  expect: reportReaders(),
});

/** The 指标库 is read by every county user and curated by the county administrator and the finance bureau. */
const LIBRARY_CURATORS: Role[] = ['tenant_admin', ...FINANCE];
const libraryEntryFor = (f: Fixture, scope: Scope) => (scope === 'foreign' ? f.library.foreign : f.library.own);
const libraryVersionOf = (f: Fixture, id: string): Promise<number> =>
  f.db.owner(async (c) => (await c.query(`SELECT version FROM indicator_library WHERE id = $1`, [id])).rows[0].version);
/** A change of a 指标库 entry of each place, with its current version as If-Match. */
const libraryChange = (path: string, payload?: object): RouteCase => ({
  scopes: ['own', 'foreign'],
  build: async (f, _a, scope) => {
    const id = libraryEntryFor(f, scope);
    return {
      method: path ? 'POST' : 'PATCH',
      url: `/api/indicator-library/${id}${path}`,
      headers: { 'if-match': `"${await libraryVersionOf(f, id)}"` },
      ...(payload ? { payload } : {}),
    };
  },
  expect: onlyFor(LIBRARY_CURATORS, { own: 200, foreign: 404 }),
});

/** 抽评 fixtures of each place: own is the union's (for the finance bureau: one of its county), other the education's. */
const spotKey = (scope: Scope) => (scope === 'foreign' ? 'foreign' : scope === 'own' ? 'union' : 'education');
const versionIn = (f: Fixture, table: string, id: string): Promise<number> =>
  f.db.owner(async (c) => (await c.query(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version);
/** A versioned write on a 整改事项 of each place. */
const itemWrite = (path: string, payload: object, closed = false): RouteCase['build'] => {
  return async (f, _a, scope) => {
    const id = (closed ? f.spot.closedItem : f.spot.item)[spotKey(scope)];
    return {
      method: path === '' ? 'PATCH' : 'POST',
      url: `/api/rectifications/${id}${path}`,
      headers: { 'if-match': `"${await versionIn(f, 'rectification_items', id)}"` },
      payload,
    };
  };
};
/** The report's own department (its staff hold update on it); never the finance bureau. */
const departmentAnswers = (ok: number): Record<Actor, Expectation> => ({
  ...onlyFor(DEPT_STAFF, ok),
  dept_editor: { own: ok, other: 403, foreign: 404 },
  dept_head: { own: ok, other: 403, foreign: 404 },
});

/** An API key row of 赵县 (own) or 栾城区 (foreign), as its administrator would make it, to revoke. */
const apiKeyRowFor = (f: Fixture, scope: Scope) =>
  idOf(
    f.db,
    `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes, created_by)
     SELECT $1, '矩阵密钥', 'ef_live_matrix', sha256(gen_random_uuid()::text::bytea), '{reports:read}', u.id
       FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'tenant_admin' WHERE u.tenant_id = $1
      LIMIT 1 RETURNING id`,
    [tenantFor(f, scope)],
  );

const MATRIX: Record<string, RouteCase> = {
  'GET /api/health': getUrl('/api/health', every(200, 200)),
  'GET /api/ready': getUrl('/api/ready', every(200, 200)),
  'GET /api/docs': getUrl('/api/docs', every(200, 200)),
  'GET /api/docs/': getUrl('/api/docs/', every(200, 200)),
  'GET /api/docs/*': getUrl('/api/docs/swagger-ui.css', every(200, 200)),
  'GET /api/docs/index.html': getUrl('/api/docs/index.html', every(200, 200)),
  // registered by Swagger UI, but swagger-ui-dist ships no LICENSE file: a public 404
  'GET /api/docs/LICENSE': getUrl('/api/docs/LICENSE', every(404, 404)),
  'GET /api/docs/swagger-ui-init.js': getUrl('/api/docs/swagger-ui-init.js', every(200, 200)),
  'GET /api/docs/docs/*': getUrl('/api/docs/docs/swagger-ui.css', every(200, 200)),
  'GET /api/docs/docs/swagger-ui-init.js': getUrl('/api/docs/docs/swagger-ui-init.js', every(200, 200)),
  'GET /api/docs-json': getUrl('/api/docs-json', every(200, 200)),
  'GET /api/docs-yaml': getUrl('/api/docs-yaml', every(200, 200)),

  'POST /api/auth/login': {
    scopes: ['-'],
    build: (_f, actor) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: ACTORS[actor] ?? 'nobody.here',
        password: actor === 'anonymous' ? 'wrong-password' : 'evalflow-demo',
      },
    }),
    expect: every(200, 401),
  },
  'POST /api/auth/refresh': {
    scopes: ['-'],
    build: async (f, actor) => {
      if (actor === 'anonymous') return { method: 'POST', url: '/api/auth/refresh' };
      const fresh = await login(f.app, ACTORS[actor] as string);
      return { method: 'POST', url: '/api/auth/refresh', cookies: { evalflow_refresh: fresh.refreshCookie } };
    },
    expect: every(200, 401),
  },
  'POST /api/auth/logout': {
    scopes: ['-'],
    build: async (f, actor) => {
      if (actor === 'anonymous') return { method: 'POST', url: '/api/auth/logout' };
      // a session of its own, so that ending it leaves the matrix's sessions alive
      const fresh = await login(f.app, ACTORS[actor] as string);
      return {
        method: 'POST',
        url: '/api/auth/logout',
        headers: { authorization: `Bearer ${fresh.accessToken}` },
        cookies: { evalflow_refresh: fresh.refreshCookie },
      };
    },
    expect: every(204, 204),
  },
  'GET /api/auth/me': getUrl('/api/auth/me', every(200)),
  'POST /api/auth/password': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-my-password', newPassword: 'Another#Password2025' },
    }),
    expect: every(400),
  },

  'GET /api/tenants': getUrl('/api/tenants', every(200)),
  'POST /api/tenants': {
    scopes: ['-'],
    build: (f) => ({
      method: 'POST',
      url: '/api/tenants',
      payload: { name: `测试县${next(f)}`, regionCode: String(300000 + f.seq), city: '某市', province: '某省' },
    }),
    expect: onlyFor(['platform_admin'], 201),
  },
  'GET /api/tenants/:id': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/tenants/${tenantFor(f, scope)}` }),
    expect: {
      ...every(200),
      platform_admin: 200,
      ...Object.fromEntries(
        ROLES_IN_MATRIX.filter((r) => r !== 'platform_admin').map((r) => [r, { own: 200, foreign: 404 }]),
      ),
    },
  },
  'PATCH /api/tenants/:id': {
    scopes: ['own', 'foreign'],
    build: async (f, _a, scope) => {
      const id = tenantFor(f, scope);
      return {
        method: 'PATCH',
        url: `/api/tenants/${id}`,
        headers: { 'if-match': `"${await versionOf(f.db, 'tenants', id)}"` },
        payload: { city: '石家庄市' },
      };
    },
    expect: onlyFor(['platform_admin'], 200),
  },
  'POST /api/tenants/:id/admins': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/tenants/${tenantFor(f, scope)}/admins`,
      payload: { username: `county.admin${next(f)}`, displayName: '管理员', password: 'County#Admin2025' },
    }),
    expect: onlyFor(['platform_admin'], 201),
  },

  'GET /api/departments': getUrl('/api/departments', { ...every(200), platform_admin: 403 }),
  'POST /api/departments': {
    scopes: ['-'],
    build: (f) => ({
      method: 'POST',
      url: '/api/departments',
      payload: { name: `测试局${next(f)}`, kind: 'budget_department' },
    }),
    expect: onlyFor(['tenant_admin'], 201),
  },
  'GET /api/departments/:id': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => ({ method: 'GET', url: `/api/departments/${departmentFor(f, actor, scope)}` }),
    expect: {
      anonymous: 401,
      platform_admin: 403,
      tenant_admin: { own: 200, other: 200, foreign: 404 },
      finance_reviewer: { own: 200, other: 200, foreign: 404 },
      finance_approver: { own: 200, other: 200, foreign: 404 },
      dept_editor: { own: 200, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  'PATCH /api/departments/:id': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, actor, scope) => {
      const id = departmentFor(f, actor, scope);
      return {
        method: 'PATCH',
        url: `/api/departments/${id}`,
        headers: { 'if-match': `"${await versionOf(f.db, 'departments', id)}"` },
        payload: { unitLevel: '正科级' },
      };
    },
    expect: onlyFor(['tenant_admin'], { own: 200, other: 200, foreign: 404 }),
  },

  'GET /api/users': getUrl('/api/users', { ...every(200), platform_admin: 403 }),
  'POST /api/users': {
    scopes: ['-'],
    build: (f) => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `new.user${next(f)}`,
        displayName: '新用户',
        departmentId: f.department.union,
        roles: ['dept_editor'],
        password: 'New#User2025pass',
      },
    }),
    expect: onlyFor(['tenant_admin'], 201),
  },
  'GET /api/users/:id': {
    scopes: ['self', 'sameDept', 'otherDept', 'foreign'],
    build: (f, actor, scope) => ({ method: 'GET', url: `/api/users/${userFor(f, actor, scope)}` }),
    expect: {
      anonymous: 401,
      platform_admin: 403,
      tenant_admin: { self: 200, sameDept: 200, otherDept: 200, foreign: 404 },
      ...Object.fromEntries(
        (['dept_editor', 'dept_head', 'finance_reviewer', 'finance_approver'] as Role[]).map((r) => [
          r,
          { self: 200, sameDept: 403, otherDept: 403, foreign: 404 },
        ]),
      ),
    } as Record<Actor, Expectation>,
  },
  'PATCH /api/users/:id': {
    scopes: ['self', 'sameDept', 'otherDept', 'foreign'],
    build: async (f, actor, scope) => {
      const id = userFor(f, actor, scope);
      return {
        method: 'PATCH',
        url: `/api/users/${id}`,
        headers: { 'if-match': `"${await versionOf(f.db, 'users', id).catch(() => 1)}"` },
        payload: { displayName: '改过的名字' },
      };
    },
    expect: onlyFor(['tenant_admin'], { self: 200, sameDept: 200, otherDept: 200, foreign: 404 }),
  },
  'POST /api/users/:id/password': {
    scopes: ['sameDept', 'otherDept', 'foreign'],
    build: (f, actor, scope) => ({
      method: 'POST',
      url: `/api/users/${userFor(f, actor, scope)}/password`,
      payload: { newPassword: 'Reset#Password2025' },
    }),
    expect: onlyFor(['tenant_admin'], { sameDept: 204, otherDept: 204, foreign: 404 }),
  },

  // 县级概览: every report of the caller's county, so the finance bureau only
  'GET /api/dashboard': getUrl('/api/dashboard?fiscalYear=2024', onlyFor(FINANCE, 200)),
  'GET /api/dashboard/summary.xlsx': getUrl('/api/dashboard/summary.xlsx?fiscalYear=2024', onlyFor(FINANCE, 200)),
  'GET /api/reports': getUrl('/api/reports', onlyFor([...DEPT_STAFF, ...FINANCE], 200)),
  // 首页: every signed-in user, each given its own role's lists (the platform's operators an empty one)
  'GET /api/home': getUrl('/api/home', every(200)),
  // 催报: the finance bureau, to a budget department of its county overdue in a year (2090's deadline long past;
  // each case starts with no reminder sent, so the 24-hour limit does not answer instead)
  'POST /api/reminders': {
    scopes: ['other', 'foreign'],
    build: async (f, _a, scope) => {
      const departmentId = scope === 'foreign' ? f.department.foreign : f.department.union;
      await f.db.owner(async (c) => {
        await c.query(`DELETE FROM department_reminders`);
        await c.query(
          `INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on) VALUES ($1, 2090, '2020-01-01')
           ON CONFLICT (tenant_id, fiscal_year) DO UPDATE SET due_on = EXCLUDED.due_on`,
          [tenantFor(f, scope)],
        );
      });
      return { method: 'POST', url: '/api/reminders', payload: { departmentId, fiscalYear: 2090 } };
    },
    expect: onlyFor(FINANCE, { other: 201, foreign: 404 }),
  },
  // county-wide exports: the finance bureau's, as 县级概览; the fixtures' exports are still queued
  'POST /api/exports': {
    scopes: ['-'],
    build: () => ({ method: 'POST', url: '/api/exports', payload: { kind: 'indicator_rows', fiscalYear: 2024 } }),
    expect: onlyFor(FINANCE, 202),
  },
  'GET /api/exports': getUrl('/api/exports', onlyFor(FINANCE, 200)),
  'GET /api/exports/:id': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/exports/${f.countyExport[scope as 'own' | 'foreign']}` }),
    expect: onlyFor(FINANCE, { own: 200, foreign: 404 }),
  },
  'GET /api/exports/:id/file': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/exports/${f.countyExport[scope as 'own' | 'foreign']}/file`,
    }),
    expect: onlyFor(FINANCE, { own: 409, foreign: 404 }),
  },
  'POST /api/reports': {
    scopes: ['-'],
    build: (f) => ({ method: 'POST', url: '/api/reports', payload: { fiscalYear: ++f.year } }),
    expect: onlyFor(DEPT_STAFF, 201),
  },
  'GET /api/reports/:id': getReport(),
  'GET /api/reports/:id/checks': getReport('/checks'),
  'GET /api/reports/:id/parts/:part': getReport('/parts/team'),
  'PUT /api/reports/:id/parts/:part': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, actor, scope) => {
      const id = reportFor(f, scope);
      return {
        method: 'PUT',
        url: `/api/reports/${id}/parts/problems`,
        headers: { 'if-match': `"${await partVersionOf(f.db, id, 'problems')}"` },
        payload: { problems: `${actor} 写的问题 ${next(f)}`, measures: '' },
      };
    },
    expect: {
      ...onlyFor(DEPT_STAFF, 200),
      dept_editor: { own: 200, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/score-sheet/xlsx': getReport('/score-sheet/xlsx'),
  'POST /api/reports/:id/score-sheet/import': {
    scopes: ['own', 'other', 'foreign'],
    // a preview writes nothing (any workbook: the answer lists what it lacks)
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/score-sheet/import?mode=preview`,
      payload: f.library.file,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 200),
      dept_editor: { own: 200, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  // 从文件导入: the department's staff import into their draft; whoever reads the report reads the import
  'POST /api/reports/:id/imports': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/imports`,
      payload: Buffer.from('一、部门基本情况\n', 'utf8'),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 202),
      dept_editor: { own: 202, other: 403, foreign: 404 },
      dept_head: { own: 202, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/imports/:importId': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/reports/${reportFor(f, scope)}/imports/${importFor(f, scope)}`,
    }),
    expect: reportReaders(),
  },
  'POST /api/reports/:id/imports/:importId/apply': {
    scopes: ['own', 'other', 'foreign'],
    // the fixtures' imports are still queued: nothing is applied (409)
    build: async (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/imports/${importFor(f, scope)}/apply`,
      headers: { 'if-match': `"${await versionOf(f.db, 'reports', reportFor(f, scope))}"` },
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 409),
      dept_editor: { own: 409, other: 403, foreign: 404 },
      dept_head: { own: 409, other: 403, foreign: 404 },
    },
  },
  'POST /api/reports/:id/imports/:importId/discard': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/imports/${importFor(f, scope)}/discard`,
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 200),
      dept_editor: { own: 200, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/sources': getReport('/sources'),
  // 佐证材料: whoever reads the report reads its files; the department's staff change them while it is editable
  'GET /api/reports/:id/evidence': getReport('/evidence'),
  'POST /api/reports/:id/evidence': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/evidence?fileName=${encodeURIComponent('照片.png')}`,
      payload: MATRIX_PNG,
      headers: { 'content-type': 'image/png' },
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 201),
      dept_editor: { own: 201, other: 403, foreign: 404 },
      dept_head: { own: 201, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/evidence/:evidenceId/file': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/reports/${reportFor(f, scope)}/evidence/${evidenceFor(f, scope)}/file`,
    }),
    expect: reportReaders(),
  },
  'PATCH /api/reports/:id/evidence/:evidenceId': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'PATCH',
      url: `/api/reports/${reportFor(f, scope)}/evidence/${evidenceFor(f, scope)}`,
      payload: { indicator: null },
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 200),
      dept_editor: { own: 200, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  'DELETE /api/reports/:id/evidence/:evidenceId': {
    scopes: ['own', 'other', 'foreign'],
    // each case removes a row of its own, so the others keep theirs
    build: async (f, _a, scope) => ({
      method: 'DELETE',
      url: `/api/reports/${reportFor(f, scope)}/evidence/${await unstoredEvidence(f, reportFor(f, scope))}`,
    }),
    expect: {
      ...onlyFor(DEPT_STAFF, 204),
      dept_editor: { own: 204, other: 403, foreign: 404 },
      dept_head: { own: 204, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/revisions/:number/evidence': getReport('/revisions/1/evidence'),
  'POST /api/reports/:id/transitions': {
    scopes: ['own', 'other', 'foreign'],
    // withdrawing a draft is never legal, so no case changes the fixtures
    build: async (f, _a, scope) => {
      const id = reportFor(f, scope);
      return {
        method: 'POST',
        url: `/api/reports/${id}/transitions`,
        payload: { action: 'withdraw', expectedVersion: await versionOf(f.db, 'reports', id) },
      };
    },
    expect: {
      ...onlyFor([...DEPT_STAFF, ...FINANCE], 403),
      dept_editor: { own: 403, other: 403, foreign: 404 },
      dept_head: { own: 409, other: 403, foreign: 404 },
      finance_reviewer: { own: 403, other: 403, foreign: 404 },
      finance_approver: { own: 403, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/history': getReport('/history'),
  'GET /api/reports/:id/revisions': getReport('/revisions'),
  'GET /api/reports/:id/revisions/:number': getReport('/revisions/1'),
  'GET /api/reports/:id/diff': getReport('/diff?from=1&to=1'),
  'POST /api/reports/:id/sign-off': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, _a, scope) => {
      const id = reportFor(f, scope);
      return {
        method: 'POST',
        url: `/api/reports/${id}/sign-off`,
        payload: { expectedVersion: await versionOf(f.db, 'reports', id) },
      };
    },
    // only the department's own head; the editor may update the report but not sign it off
    expect: {
      ...onlyFor(DEPT_STAFF, 403),
      dept_editor: { own: 403, other: 403, foreign: 404 },
      dept_head: { own: 200, other: 403, foreign: 404 },
    },
  },
  'GET /api/reports/:id/comments': getReport('/comments'),
  'POST /api/reports/:id/documents': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/documents`,
      payload: { format: 'pdf' },
    }),
    expect: reportReaders(202),
  },
  'GET /api/reports/:id/documents': getReport('/documents'),
  'GET /api/documents/:id': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/documents/${documentFor(f, scope)}` }),
    expect: reportReaders(),
  },
  // the fixtures' documents are still queued: whoever may read the report learns it is not ready yet
  'GET /api/documents/:id/file': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/documents/${documentFor(f, scope)}/file` }),
    expect: reportReaders(409),
  },
  'POST /api/reports/:id/comments': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/comments`,
      payload: { part: 'budget', fieldPath: 'budget.lines.0.amount', body: `${actor} 的意见 ${next(f)}` },
    }),
    expect: reportReaders(201),
  },
  'POST /api/reports/:id/comments/:threadId/replies': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/comments/${threadFor(f, scope)}/replies`,
      payload: { body: `${actor} 的回复 ${next(f)}` },
    }),
    expect: reportReaders(201),
  },
  'PATCH /api/reports/:id/comments/:threadId': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, _a, scope) => {
      const id = threadFor(f, scope);
      const version = await f.db.owner(
        async (c) => (await c.query(`SELECT version FROM comment_threads WHERE id = $1`, [id])).rows[0].version,
      );
      return {
        method: 'PATCH',
        url: `/api/reports/${reportFor(f, scope)}/comments/${id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { status: next(f) % 2 ? 'resolved' : 'open' },
      };
    },
    // the finance bureau decides on comments; the department may read and answer them (a role that may never
    // decide is refused before any report is looked up, so it learns nothing of other counties either)
    expect: onlyFor(FINANCE, { own: 200, other: 200, foreign: 404 }),
  },
  // 抽评 and 整改: selections are the finance bureau's; findings and items are read by whoever reads the report
  'GET /api/spot-checks': getUrl('/api/spot-checks', onlyFor(FINANCE, 200)),
  'GET /api/spot-checks/candidates': getUrl('/api/spot-checks/candidates?fiscalYear=2024', onlyFor(FINANCE, 200)),
  'POST /api/spot-checks/preview': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/spot-checks/preview',
      payload: { fiscalYear: 2024, rule: { kind: 'below_score', maxScore: '100' } },
    }),
    expect: onlyFor(FINANCE, 200),
  },
  // a rule that selects nothing (every report of 2024 is already selected): refused, nothing stored
  'POST /api/spot-checks': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/spot-checks',
      payload: { name: '矩阵批次', fiscalYear: 2024, rule: { kind: 'random', sharePercent: '100', seed: 1 } },
    }),
    expect: onlyFor(FINANCE, 422),
  },
  'GET /api/spot-checks/:id': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/spot-checks/${scope === 'foreign' ? f.spot.batch.foreign : f.spot.batch.own}`,
    }),
    expect: onlyFor(FINANCE, { own: 200, foreign: 404 }),
  },
  'GET /api/reports/:id/spot-check': getReport('/spot-check'),
  'POST /api/reports/:id/spot-check/findings': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/spot-check/findings`,
      payload: { body: `${actor} 发现的问题 ${next(f)}` },
    }),
    expect: onlyFor(FINANCE, { own: 201, other: 201, foreign: 404 }),
  },
  'PATCH /api/reports/:id/spot-check/findings/:findingId': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, actor, scope) => {
      const id = f.spot.finding[spotKey(scope)];
      return {
        method: 'PATCH',
        url: `/api/reports/${reportFor(f, scope)}/spot-check/findings/${id}`,
        headers: { 'if-match': `"${await versionIn(f, 'spot_check_findings', id)}"` },
        payload: { body: `${actor} 改的问题 ${next(f)}` },
      };
    },
    expect: onlyFor(FINANCE, { own: 200, other: 200, foreign: 404 }),
  },
  'POST /api/reports/:id/rectifications': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => ({
      method: 'POST',
      url: `/api/reports/${reportFor(f, scope)}/rectifications`,
      payload: { title: `${actor} 提出的整改事项 ${next(f)}`, ownerName: '张三', dueOn: '2099-06-30' },
    }),
    expect: onlyFor(FINANCE, { own: 201, other: 201, foreign: 404 }),
  },
  'GET /api/rectifications': getUrl('/api/rectifications', onlyFor([...DEPT_STAFF, ...FINANCE], 200)),
  'PATCH /api/rectifications/:id': {
    scopes: ['own', 'other', 'foreign'],
    build: itemWrite('', { ownerName: '李四' }),
    expect: onlyFor(FINANCE, { own: 200, other: 200, foreign: 404 }),
  },
  'POST /api/rectifications/:id/answer': {
    scopes: ['own', 'other', 'foreign'],
    build: itemWrite('/answer', { answer: '已整改', evidenceText: '整改报告' }),
    expect: departmentAnswers(200),
  },
  // closing a closed item: whoever may decide reaches the state machine (409), nothing changes
  'POST /api/rectifications/:id/decision': {
    scopes: ['own', 'other', 'foreign'],
    build: itemWrite('/decision', { action: 'close' }, true),
    expect: onlyFor(FINANCE, { own: 409, other: 409, foreign: 404 }),
  },
  'POST /api/rectifications/:id/evidence': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/rectifications/${f.spot.item[spotKey(scope)]}/evidence`,
      payload: { fileName: '佐证.pdf', contentBase64: Buffer.from('%PDF-1.4 matrix').toString('base64') },
    }),
    expect: departmentAnswers(201),
  },
  'GET /api/rectifications/:id/evidence/:evidenceId': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/rectifications/${f.spot.item[spotKey(scope)]}/evidence/${f.spot.evidence[spotKey(scope)]}`,
    }),
    expect: reportReaders(200),
  },
  // 财政复核评分: read wherever the report is read (a department's answer before approval: see the test below)
  'GET /api/reports/:id/rescore': getReport('/rescore'),
  'PUT /api/reports/:id/rescore': {
    scopes: ['own', 'other', 'foreign'],
    // the finance bureau re-scores a submitted report: a fresh one of the place's department for each case
    build: async (f, actor, scope) => {
      const department =
        scope === 'foreign' ? f.department.foreign : scope === 'own' ? f.department.union : f.department.education;
      const id = isFinance(actor) ? await insertReport(f.db, department, ++f.year, 'submitted') : reportFor(f, scope);
      return {
        method: 'PUT',
        url: `/api/reports/${id}/rescore`,
        headers: { 'if-match': '"0"' },
        payload: { rows: [] },
      };
    },
    // a role that may never re-score is refused before any report is looked up
    expect: onlyFor(FINANCE, { own: 200, other: 200, foreign: 404 }),
  },
  'GET /api/notifications': getUrl('/api/notifications', onlyFor(COUNTY_ROLES, 200)),
  'POST /api/notifications/read-all': {
    scopes: ['-'],
    build: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    expect: onlyFor(COUNTY_ROLES, 200),
  },
  'POST /api/notifications/:id/read': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, actor, scope) => {
      const self = f.sessions[actor]?.me.user.id ?? '';
      const id =
        scope === 'own'
          ? (f.notification.byUser[self] ?? f.notification.colleague)
          : scope === 'other'
            ? f.notification.colleague
            : f.notification.foreign;
      return { method: 'POST', url: `/api/notifications/${id}/read` };
    },
    // someone else's notification, in the county or not, is answered as not found
    expect: onlyFor(COUNTY_ROLES, { own: 200, other: 404, foreign: 404 }),
  },
  // one's own settings (no id: nobody reaches anyone else's); the platform administrator has no inbox
  'GET /api/notifications/settings': getUrl('/api/notifications/settings', onlyFor(COUNTY_ROLES, 200)),
  'PUT /api/notifications/settings': {
    scopes: ['-'],
    build: async (f, actor) => {
      const self = f.sessions[actor]?.me.user.id;
      const version = self ? await versionOf(f.db, 'users', self) : 0;
      return {
        method: 'PUT',
        url: '/api/notifications/settings',
        headers: { 'if-match': `"${version}"` },
        payload: { email: null, mailOptOut: ['comment'] },
      };
    },
    expect: onlyFor(COUNTY_ROLES, 200),
  },
  'GET /api/indicator-library': getUrl('/api/indicator-library', onlyFor(COUNTY_ROLES, 200)),
  'GET /api/indicator-library/export': getUrl('/api/indicator-library/export', onlyFor(COUNTY_ROLES, 200)),
  'GET /api/indicator-library/:id': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/indicator-library/${libraryEntryFor(f, scope)}` }),
    expect: onlyFor(COUNTY_ROLES, { own: 200, foreign: 404 }),
  },
  'POST /api/indicator-library': {
    scopes: ['-'],
    build: (f) => ({
      method: 'POST',
      url: '/api/indicator-library',
      payload: { level1: '产出指标', level2: '数量指标', level3: `矩阵指标 ${next(f)}`, nature: '>=' },
    }),
    expect: onlyFor(LIBRARY_CURATORS, 201),
  },
  'PATCH /api/indicator-library/:id': libraryChange('', { note: '矩阵修改' }),
  'POST /api/indicator-library/:id/archive': libraryChange('/archive'),
  'POST /api/indicator-library/:id/restore': libraryChange('/restore'),
  'POST /api/indicator-library/import': {
    scopes: ['-'],
    // a preview writes nothing
    build: (f) => ({
      method: 'POST',
      url: '/api/indicator-library/import?mode=preview',
      payload: f.library.file,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
    expect: onlyFor(LIBRARY_CURATORS, 200),
  },
  'GET /api/settings': getUrl('/api/settings', onlyFor(COUNTY_ROLES, 200)),
  'GET /api/settings/deadlines': getUrl('/api/settings/deadlines', onlyFor(COUNTY_ROLES, 200)),
  'PUT /api/settings/deadlines/:fiscalYear': {
    scopes: ['-'],
    build: async (f) => {
      const version = await f.db.owner(
        async (c) =>
          (
            await c.query(`SELECT version FROM report_deadlines WHERE tenant_id = $1 AND fiscal_year = 2030`, [
              f.tenant.own,
            ])
          ).rows[0]?.version ?? 0,
      );
      return {
        method: 'PUT',
        url: '/api/settings/deadlines/2030',
        headers: { 'if-match': `"${version}"` },
        payload: { dueOn: `2031-04-${String(10 + (next(f) % 18)).padStart(2, '0')}` },
      };
    },
    expect: onlyFor(['tenant_admin'], 200),
  },
  'PATCH /api/settings': {
    scopes: ['-'],
    build: async (f) => {
      const version = await f.db.owner(
        async (c) =>
          (await c.query(`SELECT version FROM tenant_settings WHERE tenant_id = $1`, [f.tenant.own])).rows[0]
            ?.version ?? 0,
      );
      return {
        method: 'PATCH',
        url: '/api/settings',
        headers: { 'if-match': `"${version}"` },
        payload: {
          gradeBands: [
            { grade: 'excellent', label: '优秀', min: '90' },
            { grade: 'good', label: '良好', min: '80' },
            { grade: 'fair', label: '中', min: '60' },
            { grade: 'poor', label: '差', min: '0' },
          ],
        },
      };
    },
    expect: onlyFor(['tenant_admin'], 200),
  },

  'GET /api/templates': getUrl('/api/templates', onlyFor(COUNTY_ROLES, 200)),
  'GET /api/templates/publications': getUrl('/api/templates/publications', onlyFor(COUNTY_ROLES, 200)),
  'GET /api/templates/versions/:versionId': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/templates/versions/${templateFor(f, scope).versionId}` }),
    expect: templateReaders(),
  },
  'GET /api/templates/:id': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({ method: 'GET', url: `/api/templates/${templateFor(f, scope).id}` }),
    expect: templateReaders(),
  },
  'POST /api/templates': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: '/api/templates',
      payload: { sourceVersionId: templateFor(f, scope).versionId, name: `复制的模板 ${next(f)}` },
    }),
    expect: onlyFor(['tenant_admin'], { own: 201, other: 201, foreign: 404 }),
  },
  'PUT /api/templates/:id/draft': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, _a, scope) => {
      const { id } = templateFor(f, scope);
      return {
        method: 'PUT',
        url: `/api/templates/${id}/draft`,
        headers: { 'if-match': `"${await draftEtagOf(f, id)}"` },
        payload: { definition: { ...BUILTIN_TEMPLATES[0].definition, name: `模板 ${next(f)}` } },
      };
    },
    expect: onlyFor(['tenant_admin'], { own: 200, other: 403, foreign: 404 }),
  },
  'DELETE /api/templates/:id/draft': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, _a, scope) => {
      const { id } = templateFor(f, scope);
      await ensureDraft(f, id);
      return {
        method: 'DELETE',
        url: `/api/templates/${id}/draft`,
        headers: { 'if-match': `"${await draftEtagOf(f, id)}"` },
      };
    },
    expect: onlyFor(['tenant_admin'], { own: 200, other: 403, foreign: 404 }),
  },
  'POST /api/templates/:id/publish': {
    scopes: ['own', 'other', 'foreign'],
    build: async (f, _a, scope) => {
      const { id, versionId } = templateFor(f, scope);
      await ensureDraft(f, id);
      return {
        method: 'POST',
        url: `/api/templates/${id}/publish`,
        headers: { 'if-match': `"${await draftEtagOf(f, id)}"` },
        // a built-in is published as it is (its version); a county's template publishes its draft
        payload: { fiscalYear: 2001 + (next(f) % 20), ...(scope === 'other' ? { versionId } : {}) },
      };
    },
    expect: onlyFor(['tenant_admin'], { own: 200, other: 200, foreign: 404 }),
  },
  'POST /api/templates/preview': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/templates/preview',
      payload: { definition: BUILTIN_TEMPLATES[2].definition },
    }),
    expect: onlyFor(COUNTY_ROLES, 200),
  },

  'GET /api/audit-log': getUrl('/api/audit-log', onlyFor(['platform_admin', 'tenant_admin'], 200)),
  'GET /api/audit-log/verification': getUrl(
    '/api/audit-log/verification',
    onlyFor(['platform_admin', 'tenant_admin'], 200),
  ),
  'POST /api/system/pings': {
    scopes: ['-'],
    build: () => ({ method: 'POST', url: '/api/system/pings', payload: {} }),
    expect: onlyFor(['platform_admin'], 202),
  },
  'GET /api/system/pings/:id': {
    scopes: ['-'],
    build: (f) => ({ method: 'GET', url: `/api/system/pings/${f.pingId}` }),
    expect: onlyFor(['platform_admin'], 200),
  },

  // 随决算公开: the finance approver publishes and withdraws, the bureau reads the register
  'POST /api/reports/:id/publication': {
    scopes: ['own', 'other', 'foreign'],
    build: (f, _a, scope) => ({ method: 'POST', url: `/api/reports/${reportFor(f, scope)}/publication` }),
    // the fixtures' reports are drafts: the approver is told only approved reports are published
    expect: { ...onlyFor(['finance_approver'], 403), finance_approver: { own: 409, other: 409, foreign: 404 } },
  },
  'GET /api/publications': getUrl('/api/publications?includeWithdrawn=true', onlyFor(FINANCE, 200)),
  'POST /api/publications/:id/withdrawal': {
    scopes: ['own', 'foreign'],
    build: (f, _a, scope) => ({
      method: 'POST',
      url: `/api/publications/${scope === 'foreign' ? f.publication.foreign : f.publication.own}/withdrawal`,
      payload: { reason: '矩阵测试' },
    }),
    // already withdrawn: nothing changes, whoever asks
    expect: { ...onlyFor(['finance_approver'], 403), finance_approver: { own: 409, foreign: 404 } },
  },
  // the public page: the same answer for everyone, signed in or not
  'GET /api/public/counties/:code/publications': getUrl('/api/public/counties/130133/publications', every(200, 200)),
  'GET /api/public/counties/:code/publications/:id/pdf': {
    scopes: ['own', 'foreign'],
    // a withdrawn publication of the county, and another county's: neither is served
    build: (f, _a, scope) => ({
      method: 'GET',
      url: `/api/public/counties/130133/publications/${scope === 'foreign' ? f.publication.foreign : f.publication.own}/pdf`,
    }),
    expect: every(404, 404),
  },
  // 代理人: the reviewers and approvers for themselves, the county administrator for anyone of the county
  'GET /api/delegations': getUrl('/api/delegations', onlyFor(['tenant_admin', ...FINANCE], 200)),
  'GET /api/delegations/candidates': getUrl(
    '/api/delegations/candidates?role=finance_approver',
    onlyFor(['tenant_admin', ...FINANCE], 200),
  ),
  'POST /api/delegations': {
    // own: a colleague of the county with the role; foreign: a user of the other county
    scopes: ['own', 'foreign'],
    build: (f, actor, scope) => {
      const year = 2040 + ++f.seq;
      const approver = actor === 'finance_approver';
      const colleague = approver ? f.delegation.approverStaff : f.user.financeStaff;
      return {
        method: 'POST',
        url: '/api/delegations',
        payload: {
          standInUserId: scope === 'foreign' ? f.delegation.foreignStandIn : colleague,
          role: approver ? 'finance_approver' : 'finance_reviewer',
          // the administrator arranges one for the county's reviewer
          ...(actor === 'tenant_admin' && { principalUserId: f.delegation.reviewer }),
          startsOn: `${year}-01-01`,
          endsOn: `${year}-01-10`,
        },
      };
    },
    expect: {
      ...onlyFor([], 403),
      tenant_admin: { own: 201, foreign: 403 },
      finance_reviewer: { own: 201, foreign: 403 },
      finance_approver: { own: 201, foreign: 403 },
    },
  },
  'POST /api/delegations/:id/revocation': {
    // own: the actor's own (a finance actor's; the county reviewer's otherwise); other: two colleagues'; foreign: 栾城区's
    scopes: ['own', 'other', 'foreign'],
    build: async (f, actor, scope) => {
      const self = f.sessions[actor]?.me.user.id;
      const [principal, standIn] =
        scope === 'foreign'
          ? [f.delegation.foreignPrincipal, f.delegation.foreignStandIn]
          : scope === 'own' && isFinance(actor) && self
            ? [self, f.user.financeStaff]
            : [f.user.financeStaff, f.delegation.approverStaff];
      const id = await idOf(
        f.db,
        `INSERT INTO delegations (tenant_id, principal_user_id, stand_in_user_id, role, starts_on, ends_on, created_by)
         SELECT tenant_id, id, $2, 'finance_reviewer', current_date, current_date + 5, id FROM users WHERE id = $1
         RETURNING id`,
        [principal, standIn],
      );
      return { method: 'POST', url: `/api/delegations/${id}/revocation` };
    },
    expect: {
      ...onlyFor([], 403),
      tenant_admin: { own: 200, other: 200, foreign: 404 },
      finance_reviewer: { own: 200, other: 404, foreign: 404 },
      finance_approver: { own: 200, other: 404, foreign: 404 },
    },
  },
  // API keys: the county administrator's, its own county's only
  'GET /api/api-keys': getUrl('/api/api-keys', onlyFor(['tenant_admin'], 200)),
  'POST /api/api-keys': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: '预算一体化', scopes: ['reports:read', 'summary:read'] },
    }),
    expect: onlyFor(['tenant_admin'], 201),
  },
  'POST /api/api-keys/:id/revocation': {
    scopes: ['own', 'foreign'],
    build: async (f, _a, scope) => ({
      method: 'POST',
      url: `/api/api-keys/${await apiKeyRowFor(f, scope)}/revocation`,
    }),
    expect: onlyFor(['tenant_admin'], { own: 200, foreign: 404 }),
  },
  // 推送地址: the county administrator's alone; another county's answer 404
  'GET /api/webhooks': getUrl('/api/webhooks', onlyFor(['tenant_admin'], 200)),
  'POST /api/webhooks': {
    scopes: ['-'],
    build: () => ({
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'https://yth.example.gov.cn/hooks', events: ['report.approved'] },
    }),
    expect: onlyFor(['tenant_admin'], 201),
  },
  'PATCH /api/webhooks/:id': webhookCase('PATCH', '', 200, { description: '预算一体化' }),
  'DELETE /api/webhooks/:id': webhookCase('DELETE', '', 204),
  'POST /api/webhooks/:id/secret': webhookCase('POST', '/secret', 200),
  'GET /api/webhooks/:id/deliveries': webhookCase('GET', '/deliveries', 200),
  'POST /api/webhooks/:id/deliveries/:deliveryId/replay': {
    scopes: ['own', 'foreign'],
    build: async (f, _actor, scope) => {
      const id = await webhookOf(f, scope);
      const delivery = await idOf(
        f.db,
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event, event_key, payload, status)
         SELECT tenant_id, id, 'report.approved', gen_random_uuid()::text, '{}', 'failed' FROM webhook_endpoints
          WHERE id = $1 RETURNING id`,
        [id],
      );
      return { method: 'POST', url: `/api/webhooks/${id}/deliveries/${delivery}/replay` };
    },
    expect: onlyFor(['tenant_admin'], { own: 202, foreign: 404 }),
  },
};

/**
 * The API key as a caller of its own kind: a 赵县 key with every scope. It reads the routes named
 * here and nothing else (403); public routes ignore it and answer as they answer anyone.
 */
const API_KEY_READS: Record<string, Expectation> = {
  'GET /api/reports': 200,
  'GET /api/reports/:id': { own: 200, other: 200, foreign: 404 },
  // the fixtures' reports are drafts: documents:read takes approved reports' documents only
  'GET /api/reports/:id/documents': { own: 403, other: 403, foreign: 404 },
  'GET /api/documents/:id': { own: 403, other: 403, foreign: 404 },
  'GET /api/documents/:id/file': { own: 403, other: 403, foreign: 404 },
  'GET /api/dashboard': 200,
  'GET /api/dashboard/summary.xlsx': 200,
  // public: the key is ignored, the anonymous request's own answer (wrong password, no cookie)
  'POST /api/auth/login': 401,
  'POST /api/auth/refresh': 401,
};
/** What the key gets: as listed above; elsewhere 403 where a request needs a caller, or the public answer. */
function apiKeyExpectation(route: string, spec: RouteCase, scope: Scope): number {
  const pick = (e: Expectation) => (typeof e === 'number' ? e : (e[scope] as number));
  const listed = API_KEY_READS[route];
  if (listed !== undefined) return pick(listed);
  const anonymous = pick(spec.expect.anonymous);
  return anonymous === 401 ? 403 : anonymous;
}

describe('authorization matrix (real API, PostgreSQL and Redis)', () => {
  const f = { seq: 0, year: 2000, sessions: {} } as Fixture;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    // the matrix sends a few hundred requests with one key
    const started = await startSeededApi({
      RATE_LIMIT_API_KEY_PER_MINUTE: '100000',
      // each role sends every costly route three times (renders, imports, uploads…) within the minute
      RATE_LIMIT_COSTLY_PER_MINUTE: '100000',
    });
    Object.assign(f, { db: started.db, app: started.app });
    close = started.close;
    const db = f.db;
    f.tenant = {
      own: await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`),
      foreign: await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`),
    };
    const dept = (name: string) => idOf(db, `SELECT id FROM departments WHERE name = $1`, [name]);
    f.department = {
      union: await dept('赵县总工会'),
      finance: await dept('赵县财政局'),
      education: await idOf(
        db,
        `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '赵县教育局', 'budget_department') RETURNING id`,
        [f.tenant.own],
      ),
      foreign: await dept('栾城区总工会'),
    };
    const staff = (username: string, tenant: string, department: string, role: Role) =>
      idOf(
        db,
        `WITH u AS (INSERT INTO users (tenant_id, department_id, username, display_name, password_hash)
                    VALUES ($1, $2, $3, '职员', 'x') RETURNING id, tenant_id)
         INSERT INTO user_roles (user_id, role, tenant_id) SELECT id, $4, tenant_id FROM u RETURNING user_id AS id`,
        [tenant, department, username, role],
      );
    f.user = {
      unionStaff: await staff('zx.union.staff', f.tenant.own, f.department.union, 'dept_editor'),
      financeStaff: await staff('zx.finance.staff', f.tenant.own, f.department.finance, 'finance_reviewer'),
      educationStaff: await staff('zx.edu.staff', f.tenant.own, f.department.education, 'dept_editor'),
      foreign: await staff('lc.union.staff', f.tenant.foreign, f.department.foreign, 'dept_editor'),
    };
    f.report = {
      union: await idOf(
        db,
        `SELECT r.id FROM reports r WHERE r.department_id = $1 AND r.fiscal_year = 2024 AND r.kind = 'department_overall'`,
        [f.department.union],
      ),
      education: await insertReport(db, f.department.education, 2024),
      foreign: await insertReport(db, f.department.foreign, 2024),
    };
    // a frozen revision of each, as a submission would leave
    await db.owner((c) =>
      c.query(
        `INSERT INTO report_revisions (tenant_id, report_id, number, schema_version, content, report_version)
         SELECT tenant_id, id, 1, schema_version, '{}'::jsonb, version FROM reports WHERE id = ANY($1)`,
        [Object.values(f.report)],
      ),
    );
    const thread = (reportId: string) =>
      idOf(
        db,
        `WITH t AS (INSERT INTO comment_threads (tenant_id, report_id, part) SELECT tenant_id, id, 'budget' FROM reports
                     WHERE id = $1 RETURNING tenant_id, id)
         INSERT INTO comments (tenant_id, thread_id, body, side, author_name)
         SELECT tenant_id, id, '请核对', 'finance', '审核人' FROM t RETURNING thread_id AS id`,
        [reportId],
      );
    const document = (reportId: string) =>
      idOf(
        db,
        `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark)
         SELECT tenant_id, id, 'v999', '{}'::jsonb, 'docx', 1, '草稿' FROM reports WHERE id = $1 RETURNING id`,
        [reportId],
      );
    f.document = {
      union: await document(f.report.union),
      education: await document(f.report.education),
      foreign: await document(f.report.foreign),
    };
    const publication = (reportId: string, userId: string) =>
      idOf(
        db,
        `WITH doc AS (INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version,
                                             watermark, status)
                      SELECT tenant_id, id, 'r1-public-20250801', '{}'::jsonb, 'pdf', 2, '公开版', 'done'
                        FROM reports WHERE id = $1 RETURNING id, tenant_id, report_id)
         INSERT INTO publications (tenant_id, report_id, revision_id, revision, document_id, published_on, published_by,
                                   published_by_name, withdrawn_at, withdrawn_by, withdrawn_by_name, withdrawal_reason)
         SELECT doc.tenant_id, doc.report_id, v.id, 1, doc.id, '2025-08-01', $2, '领导', now(), $2, '领导', '矩阵'
           FROM doc JOIN report_revisions v ON v.report_id = doc.report_id RETURNING id`,
        [reportId, userId],
      );
    f.publication = {
      own: await publication(f.report.union, f.user.financeStaff),
      foreign: await publication(f.report.foreign, f.user.foreign),
    };
    const countyExport = (reportId: string) =>
      idOf(
        db,
        `INSERT INTO exports (tenant_id, kind, params) SELECT tenant_id, 'indicator_rows', '{"fiscalYear": 2019}'
           FROM reports WHERE id = $1 RETURNING id`,
        [reportId],
      );
    f.countyExport = { own: await countyExport(f.report.union), foreign: await countyExport(f.report.foreign) };
    const reportImport = (reportId: string) =>
      idOf(
        db,
        `INSERT INTO report_imports (tenant_id, report_id, format, storage_key, size_bytes, sha256)
         SELECT tenant_id, id, 'txt', 'matrix/none.txt', 1, repeat('a', 64) FROM reports WHERE id = $1 RETURNING id`,
        [reportId],
      );
    f.reportImport = {
      union: await reportImport(f.report.union),
      education: await reportImport(f.report.education),
      foreign: await reportImport(f.report.foreign),
    };
    const storage = f.app.get(DOCUMENT_STORAGE, { strict: false }) as DocumentStorage;
    const storedEvidence = async (reportId: string) => {
      const id = await unstoredEvidence(f, reportId);
      const [{ key }] = await db.owner(
        async (c) => (await c.query(`SELECT storage_key AS key FROM report_evidence WHERE id = $1`, [id])).rows,
      );
      await storage.put(key, MATRIX_PNG, 'image/png');
      return id;
    };
    f.evidence = {
      union: await storedEvidence(f.report.union),
      education: await storedEvidence(f.report.education),
      foreign: await storedEvidence(f.report.foreign),
    };
    f.thread = {
      union: await thread(f.report.union),
      education: await thread(f.report.education),
      foreign: await thread(f.report.foreign),
    };
    for (const [actor, username] of Object.entries(ACTORS)) {
      if (username) f.sessions[actor as Actor] = await login(f.app, username);
    }
    const key = await as(
      f.app,
      f.sessions.tenant_admin as Session,
    )({
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: '矩阵', scopes: ['reports:read', 'documents:read', 'summary:read'] },
    });
    f.apiKey = key.json().key;
    const userNamed = (username: string) => idOf(db, `SELECT id FROM users WHERE username = $1`, [username]);
    f.delegation = {
      reviewer: await userNamed('zhaoxian.finance.reviewer'),
      approverStaff: await staff('zx.finance.approver2', f.tenant.own, f.department.finance, 'finance_approver'),
      foreignPrincipal: await userNamed('luancheng.finance.reviewer'),
      foreignStandIn: await userNamed('luancheng.finance.approver'),
    };
    const notify = (userId: string) =>
      idOf(
        db,
        `INSERT INTO notifications (tenant_id, user_id, kind, title, source_key)
         SELECT tenant_id, id, 'test', '测试通知', 'matrix-' || id FROM users WHERE id = $1 RETURNING id`,
        [userId],
      );
    f.notification = { byUser: {}, colleague: await notify(f.user.unionStaff), foreign: await notify(f.user.foreign) };
    for (const session of Object.values(f.sessions)) {
      if (session?.me.tenant) f.notification.byUser[session.me.user.id] = await notify(session.me.user.id);
    }
    const countyTemplate = async (tenant: string, name: string) => {
      const id = await idOf(
        db,
        `INSERT INTO report_templates (tenant_id, kind, name, draft, draft_version)
         SELECT $1, 'department_overall', $2, definition, 1 FROM report_template_versions WHERE id = $3 RETURNING id`,
        [tenant, name, BUILTIN_TEMPLATES[0].id],
      );
      const versionId = await idOf(
        db,
        `INSERT INTO report_template_versions (template_id, tenant_id, version, definition)
         SELECT $1, $2, 1, definition FROM report_template_versions WHERE id = $3 RETURNING id`,
        [id, tenant, BUILTIN_TEMPLATES[0].id],
      );
      return { id, versionId };
    };
    f.template = {
      own: await countyTemplate(f.tenant.own, '赵县模板'),
      other: { id: BUILTIN_TEMPLATES[0].templateId, versionId: BUILTIN_TEMPLATES[0].id },
      foreign: await countyTemplate(f.tenant.foreign, '栾城区模板'),
    };
    const ping = await as(
      f.app,
      f.sessions.platform_admin as Session,
    )({ method: 'POST', url: '/api/system/pings', payload: {} });
    f.pingId = ping.json().id;
    const workbook = new Workbook();
    workbook.addWorksheet('指标库').addRows([
      ['一级指标', '二级指标', '三级指标', '计量单位', '指标性质', '建议指标值', '佐证材料', '说明'],
      ['产出指标', '数量指标', '矩阵导入指标', '次', '≥', '3', '', ''],
    ]);
    f.library = {
      own: await idOf(db, `SELECT id FROM indicator_library WHERE tenant_id = $1 AND level3 = '职工满意度'`, [
        f.tenant.own,
      ]),
      foreign: await idOf(
        db,
        `INSERT INTO indicator_library (tenant_id, level1, level2, level3, nature)
         VALUES ($1, '产出指标', '数量指标', '栾城区指标', '=') RETURNING id`,
        [f.tenant.foreign],
      ),
      file: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
    // 抽评: every 2024 report of the fixtures selected; a union item gets a real evidence file through the API
    const spotBatch = (tenant: string) =>
      idOf(
        db,
        `INSERT INTO spot_check_batches (tenant_id, fiscal_year, name, rule, rule_text, created_by_name)
         VALUES ($1, 2024, '矩阵抽评', '{"kind":"manual","reportIds":[]}', '手工选择', '审核人') RETURNING id`,
        [tenant],
      );
    f.spot = {
      batch: { own: await spotBatch(f.tenant.own), foreign: await spotBatch(f.tenant.foreign) },
    } as Fixture['spot'];
    await db.owner((c) =>
      c.query(
        `INSERT INTO spot_check_reports (tenant_id, report_id, batch_id)
         SELECT r.tenant_id, r.id, b.id FROM reports r JOIN spot_check_batches b ON b.tenant_id = r.tenant_id
          WHERE r.fiscal_year = 2024 AND r.status IN ('submitted', 'in_review', 'approved')
             OR r.id = ANY($1)`,
        [Object.values(f.report)],
      ),
    );
    const spotRow = (sql: string, reportId: string) => idOf(db, sql, [reportId]);
    const keys = ['union', 'education', 'foreign'] as const;
    f.spot.finding = {} as Fixture['spot']['finding'];
    f.spot.item = {} as Fixture['spot']['item'];
    f.spot.closedItem = {} as Fixture['spot']['closedItem'];
    for (const key of keys) {
      f.spot.finding[key] = await spotRow(
        `INSERT INTO spot_check_findings (tenant_id, report_id, body) SELECT tenant_id, id, '问题' FROM reports WHERE id = $1 RETURNING id`,
        f.report[key],
      );
      const item = (status: string) =>
        spotRow(
          `INSERT INTO rectification_items (tenant_id, report_id, title, owner_name, due_on, status)
           SELECT tenant_id, id, '整改', '张三', '2099-01-01', '${status}' FROM reports WHERE id = $1 RETURNING id`,
          f.report[key],
        );
      f.spot.item[key] = await item('open');
      f.spot.closedItem[key] = await item('closed');
    }
    const uploaded = await as(
      f.app,
      f.sessions.dept_editor as Session,
    )({
      method: 'POST',
      url: `/api/rectifications/${f.spot.item.union}/evidence`,
      payload: { fileName: '佐证.pdf', contentBase64: Buffer.from('%PDF-1.4 fixture').toString('base64') },
    });
    const evidenceRow = await f.db.owner(
      async (c) =>
        (await c.query(`SELECT * FROM rectification_evidence WHERE id = $1`, [uploaded.json().evidence[0].id])).rows[0],
    );
    f.spot.evidence = { union: evidenceRow.id } as Fixture['spot']['evidence'];
    // the other places' evidence rows point at the same stored bytes
    for (const key of ['education', 'foreign'] as const) {
      f.spot.evidence[key] = await idOf(
        db,
        `INSERT INTO rectification_evidence (tenant_id, item_id, file_name, content_type, size_bytes, sha256, storage_key)
         SELECT tenant_id, id, '佐证.pdf', 'application/pdf', $2, $3, $4 FROM rectification_items WHERE id = $1 RETURNING id`,
        [f.spot.item[key], evidenceRow.size_bytes, evidenceRow.sha256, evidenceRow.storage_key],
      );
    }
  });

  afterAll(async () => {
    await close?.();
  });

  it('declares this access on each controller route (the reviewed permission map)', () => {
    const map = Object.fromEntries(
      declaredRoutes(f.app.get(DiscoveryService), f.app.get(MetadataScanner), f.app.get(Reflector)).map((r) => [
        r.handler,
        r.access?.kind === 'policy' ? `${r.access.action} ${r.access.subject}` : (r.access?.kind ?? 'NONE'),
      ]),
    );
    expect(map).toEqual({
      'HealthController.liveness': 'public',
      'HealthController.readiness': 'public',
      'AuthController.login': 'public',
      'AuthController.refresh': 'public',
      'AuthController.logout': 'public',
      'AuthController.me': 'authenticated',
      'AuthController.changePassword': 'authenticated',
      'TenantsController.list': 'read Tenant',
      'TenantsController.create': 'create Tenant',
      'TenantsController.get': 'read Tenant',
      'TenantsController.update': 'update Tenant',
      'TenantsController.createAdmin': 'create Tenant',
      'DepartmentsController.list': 'read Department',
      'DepartmentsController.create': 'create Department',
      'DepartmentsController.get': 'read Department',
      'DepartmentsController.update': 'update Department',
      'UsersController.list': 'read User',
      'UsersController.create': 'create User',
      'UsersController.get': 'read User',
      'UsersController.update': 'update User',
      'UsersController.resetPassword': 'resetPassword User',
      'SettingsController.get': 'read TenantSettings',
      'SettingsController.update': 'update TenantSettings',
      'SettingsController.listDeadlines': 'read TenantSettings',
      'SettingsController.setDeadline': 'update TenantSettings',
      'CommentsController.list': 'read Report',
      'CommentsController.create': 'read Report',
      'CommentsController.reply': 'read Report',
      'CommentsController.setStatus': 'review Report',
      'ReportsController.signOff': 'update Report',
      'DocumentsController.request': 'read Report',
      'DocumentsController.list': 'read Report',
      'DocumentsController.get': 'read Report',
      'DocumentsController.file': 'read Report',
      'DashboardController.get': 'read Report',
      'DashboardController.summary': 'read Report',
      'ScoreSheetsController.export': 'read Report',
      'ScoreSheetsController.import': 'update Report',
      'ExportsController.request': 'read Report',
      'HomeController.get': 'authenticated',
      'HomeController.remind': 'review Report',
      'ExportsController.list': 'read Report',
      'ExportsController.get': 'read Report',
      'ExportsController.file': 'read Report',
      'RescoreController.get': 'read Report',
      'RescoreController.put': 'review Report',
      'ReportImportsController.upload': 'update Report',
      'ReportImportsController.get': 'read Report',
      'ReportImportsController.apply': 'update Report',
      'ReportImportsController.discard': 'update Report',
      'ReportImportsController.sources': 'read Report',
      'EvidenceController.list': 'read Report',
      'EvidenceController.upload': 'update Report',
      'EvidenceController.file': 'read Report',
      'EvidenceController.move': 'update Report',
      'EvidenceController.remove': 'update Report',
      'EvidenceController.frozen': 'read Report',
      'ReportsController.list': 'read Report',
      'ReportsController.create': 'create Report',
      'ReportsController.get': 'read Report',
      'ReportsController.checks': 'read Report',
      'ReportsController.getPart': 'read Report',
      'ReportsController.writePart': 'update Report',
      'ReportsController.transition': 'read Report',
      'ReportsController.history': 'read Report',
      'ReportsController.revisions': 'read Report',
      'ReportsController.revision': 'read Report',
      'ReportsController.diff': 'read Report',
      'NotificationsController.list': 'read Notification',
      'NotificationsController.markRead': 'update Notification',
      'NotificationsController.markAllRead': 'update Notification',
      'NotificationSettingsController.get': 'read Notification',
      'NotificationSettingsController.update': 'update Notification',
      'AuditLogController.list': 'read AuditLog',
      'AuditLogController.verify': 'read AuditLog',
      'PingController.create': 'manage System',
      'PingController.find': 'manage System',
      'TemplatesController.list': 'read ReportTemplate',
      'TemplatesController.publications': 'read ReportTemplate',
      'TemplatesController.version': 'read ReportTemplate',
      'TemplatesController.previewPdf': 'read ReportTemplate',
      'TemplatesController.get': 'read ReportTemplate',
      'TemplatesController.copy': 'create ReportTemplate',
      'TemplatesController.saveDraft': 'update ReportTemplate',
      'TemplatesController.discardDraft': 'update ReportTemplate',
      'TemplatesController.publish': 'update ReportTemplate',
      'IndicatorLibraryController.list': 'read IndicatorLibrary',
      'IndicatorLibraryController.export': 'read IndicatorLibrary',
      'IndicatorLibraryController.import': 'update IndicatorLibrary',
      'IndicatorLibraryController.create': 'create IndicatorLibrary',
      'IndicatorLibraryController.get': 'read IndicatorLibrary',
      'IndicatorLibraryController.update': 'update IndicatorLibrary',
      'IndicatorLibraryController.archive': 'update IndicatorLibrary',
      'IndicatorLibraryController.restore': 'update IndicatorLibrary',
      'SpotChecksController.list': 'review Report',
      'SpotChecksController.candidates': 'review Report',
      'SpotChecksController.preview': 'review Report',
      'SpotChecksController.create': 'review Report',
      'SpotChecksController.get': 'review Report',
      'RectificationsController.forReport': 'read Report',
      'RectificationsController.addFinding': 'review Report',
      'RectificationsController.editFinding': 'review Report',
      'RectificationsController.create': 'review Report',
      'RectificationsController.inbox': 'read Report',
      'RectificationsController.update': 'review Report',
      'RectificationsController.answer': 'update Report',
      'RectificationsController.decide': 'review Report',
      'RectificationsController.upload': 'update Report',
      'RectificationsController.file': 'read Report',
      'PublicationsController.publish': 'create Publication',
      'PublicationsController.list': 'read Publication',
      'PublicationsController.withdraw': 'update Publication',
      'PublicDisclosureController.list': 'public',
      'PublicDisclosureController.pdf': 'public',
      'DelegationsController.list': 'read Delegation',
      'DelegationsController.candidates': 'create Delegation',
      'DelegationsController.create': 'create Delegation',
      'DelegationsController.revoke': 'update Delegation',
      'ApiKeysController.list': 'read ApiKey',
      'ApiKeysController.create': 'create ApiKey',
      'ApiKeysController.revoke': 'update ApiKey',
      'WebhooksController.list': 'read WebhookEndpoint',
      'WebhooksController.create': 'create WebhookEndpoint',
      'WebhooksController.update': 'update WebhookEndpoint',
      'WebhooksController.remove': 'update WebhookEndpoint',
      'WebhooksController.rotateSecret': 'update WebhookEndpoint',
      'WebhooksController.deliveries': 'read WebhookEndpoint',
      'WebhooksController.replay': 'update WebhookEndpoint',
    });
  });

  it('opens these routes, and only these, to API keys (the reviewed scope map)', () => {
    const reflector = f.app.get(Reflector);
    const opened: Record<string, string> = {};
    for (const wrapper of f.app.get(DiscoveryService).getControllers()) {
      const prototype = Object.getPrototypeOf(wrapper.instance ?? {});
      for (const name of f.app.get(MetadataScanner).getAllMethodNames(prototype)) {
        const scope = reflector.get<string | undefined>(API_KEY_SCOPE, prototype[name]);
        if (scope) opened[`${wrapper.name}.${name}`] = scope;
      }
    }
    expect(opened).toEqual({
      'ReportsController.list': 'reports:read',
      'ReportsController.get': 'reports:read',
      'DocumentsController.list': 'documents:read',
      'DocumentsController.get': 'documents:read',
      'DocumentsController.file': 'documents:read',
      'DashboardController.get': 'summary:read',
      'DashboardController.summary': 'summary:read',
    });
  });

  it('has a row for every route the server serves, and no row for a route it does not', () => {
    const served = registeredRoutes(f.app).map((r) => `${r.method} ${r.url}`);
    expect([...new Set(served)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  /** One test a route, each within its own time: the matrix grows with the API, no single test with it. */
  describe('answers every route × role × place as the matrix says', () => {
    let cases = 0;
    for (const [route, spec] of Object.entries(MATRIX)) {
      it(route, async () => {
        const mismatches: string[] = [];
        for (const actor of Object.keys(ACTORS) as Actor[]) {
          for (const scope of spec.scopes) {
            const expectation = spec.expect[actor];
            const expected = typeof expectation === 'number' ? expectation : expectation[scope];
            if (expected === undefined) throw new Error(`${route}: no expectation for ${actor}/${scope}`);
            const options = await spec.build(f, actor, scope);
            const response = await as(f.app, f.sessions[actor] ?? null)(options);
            cases++;
            if (response.statusCode !== expected) {
              mismatches.push(
                `${route} as ${actor} on ${scope}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
              );
            }
            if (response.statusCode >= 400 && !response.headers['content-type']?.toString().includes('text/html')) {
              const body = response.json();
              if (typeof body.code !== 'string' || !/[\u4e00-\u9fff]/.test(body.message)) {
                mismatches.push(`${route} as ${actor} on ${scope}: error body without code or Chinese message`);
              }
            }
          }
        }
        // the API key, built as the anonymous request is (so nothing of a user's session rides along)
        for (const scope of spec.scopes) {
          const expected = apiKeyExpectation(route, spec, scope);
          const options = await spec.build(f, 'anonymous', scope);
          const response = await f.app.inject({
            ...options,
            headers: { ...(options.headers ?? {}), authorization: `Bearer ${f.apiKey}` },
          });
          cases++;
          if (response.statusCode !== expected) {
            mismatches.push(
              `${route} as api_key on ${scope}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
          }
        }
        expect(mismatches).toEqual([]);
      });
    }

    it('ran every case', () => {
      expect(cases).toBeGreaterThan(150);
      console.log(`authorization matrix: ${cases} cases`);
    });
  });

  it('shows department users no re-score before approval, on their own report as on any other', async () => {
    // 赵县总工会's report, submitted and re-scored by the finance bureau
    const id = await insertReport(f.db, f.department.union, ++f.year, 'submitted');
    const url = `/api/reports/${id}/rescore`;
    const reviewer = as(f.app, f.sessions.finance_reviewer as Session);
    const unscored = (await reviewer({ method: 'GET', url })).json();
    const saved = await reviewer({
      method: 'PUT',
      url,
      headers: { 'if-match': '"0"' },
      payload: { rows: [{ row: 'funding', score: null, note: '复核说明' }] },
    });
    expect(saved.json()).toMatchObject({ version: 1, rows: [{ note: '复核说明' }] });
    const seen: Record<string, unknown> = {};
    for (const actor of ['dept_editor', 'dept_head', 'finance_reviewer', 'finance_approver'] as const) {
      const body = (await as(f.app, f.sessions[actor] as Session)({ method: 'GET', url })).json();
      seen[actor] = { version: body.version, note: body.rows[0].note };
    }
    expect(seen).toEqual({
      dept_editor: { version: 0, note: '' },
      dept_head: { version: 0, note: '' },
      finance_reviewer: { version: 1, note: '复核说明' },
      finance_approver: { version: 1, note: '复核说明' },
    });
    const editorView = (await as(f.app, f.sessions.dept_editor as Session)({ method: 'GET', url })).json();
    expect(editorView).toEqual({ ...unscored, editable: false });
    // once approved, the department sees what the bureau sees
    await f.db.owner((c) => c.query(`UPDATE reports SET status = 'approved' WHERE id = $1`, [id]));
    const after = (await as(f.app, f.sessions.dept_head as Session)({ method: 'GET', url })).json();
    expect(after).toMatchObject({ version: 1, rows: [{ note: '复核说明' }] });
  });

  it('audits every 403 with who, what and where', async () => {
    const editor = f.sessions.dept_editor as Session;
    const res = await as(f.app, editor)({ method: 'GET', url: `/api/departments/${f.department.education}` });
    expect(res.statusCode).toBe(403);
    const [entry] = await f.db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT tenant_id, actor_username, action, outcome, target_id, details FROM audit_log
              WHERE action = 'access.denied' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
            [f.department.education],
          )
        ).rows,
    );
    expect(entry).toMatchObject({
      tenant_id: f.tenant.own,
      actor_username: 'zhaoxian.union.editor',
      outcome: 'denied',
      details: { code: 'FORBIDDEN', method: 'GET', route: '/api/departments/:id' },
    });
  });
});
