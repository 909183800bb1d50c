// The request paths at national scale, on the database of npm run seed:scale (SCALE_DATABASE, default
// evalflow_scale): a generated county (150 departments, ~1,200 reports over two years, among thousands of
// counties) next to the demo county 赵县 (8 reports) in the same database and run — the baseline. Sequential
// requests through the built api, p50/p95 per line:
//   县级概览 GET /api/dashboard; the report list with filters, first and last keyset page; a report read; a part
//   write; a login; an audit insert in a chain of 50,000+ entries against one in a short chain.
// Then every statement those requests ran, EXPLAINed with their real parameters (auto_explain, the server's log),
// and any sequential scan of a big table named.
// Usage: npm run seed:scale, then npm run bench:scale   (BENCH_RUNS: timed requests per line, default 200)
import pg from 'pg';
import { call, startApi, timeRuns } from './lib.mjs';
import { SCALE_DATABASE, SCALE_PASSWORD, scaleEnv } from './scale-db.mjs';
import { capturePlans } from './scale-plans.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 200);
const WARMUP = 20;
const DEMO = { reviewer: 'zhaoxian.finance.reviewer', editor: 'zhaoxian.union.editor', password: 'evalflow-demo' };

const fmt = (t) => `p50 ${t.p50.toFixed(1).padStart(6)} ms  p95 ${t.p95.toFixed(1).padStart(6)} ms`;
const line = (label, big, small) =>
  `${label.padEnd(46)} ${fmt(big)}   | 赵县 ${fmt(small)}   p95 ×${(big.p95 / small.p95).toFixed(2)}`;

async function get(base, path, token) {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** Walks the filtered list to its last page; answers the path of the last page and the pages walked. */
async function lastPage(base, token, query) {
  let path = `/api/reports?${query}`;
  let pages = 1;
  for (;;) {
    const page = await get(base, path, token);
    if (!page.nextCursor) return { path, pages };
    path = `/api/reports?${query}&cursor=${encodeURIComponent(page.nextCursor)}`;
    pages++;
  }
}

/** A county's draft 部门整体 report and its editor: the target of the part writes. */
async function editableReport(owner, regionCode) {
  const { rows } = await owner.query(
    `SELECT r.id, u.username FROM reports r JOIN tenants t ON t.id = r.tenant_id
       JOIN users u ON u.department_id = r.department_id
       JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'dept_editor'
      WHERE t.region_code = $1 AND r.kind = 'department_overall' AND r.status IN ('draft', 'returned')
      ORDER BY r.fiscal_year DESC, r.id, u.username LIMIT 1`,
    [regionCode],
  );
  if (!rows[0]) throw new Error(`county ${regionCode} has no editable report`);
  return rows[0];
}

/** The part-write loop of one report: the current version in If-Match, a changed paragraph each time. */
function partWriter(base, token, reportId) {
  let version;
  let content;
  return async (i) => {
    if (version === undefined) {
      const part = await get(base, `/api/reports/${reportId}/parts/problems`, token);
      ({ version, content } = part);
    }
    const body = JSON.stringify({ ...content, measures: `${content.measures ?? ''}（第 ${i} 次保存）`.slice(-900) });
    const response = await fetch(`${base}/api/reports/${reportId}/parts/problems`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${version}"` },
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`PUT part answered ${response.status}: ${text.slice(0, 200)}`);
    version = JSON.parse(text).version;
  };
}

/** One audit entry appended in the county's own transaction, as the API appends them (the trigger chains it). */
function auditInsert(app, tenantId) {
  return async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    await app.query(
      `INSERT INTO audit_log (tenant_id, action, target_type, target_id, details) VALUES ($1, 'report.part_updated', 'report', 'bench', '{"part":"problems"}')`,
      [tenantId],
    );
    await app.query('COMMIT');
  };
}

async function main() {
  const env = scaleEnv();
  const owner = new pg.Client({ connectionString: env.DATABASE_MIGRATION_URL });
  const app = new pg.Client({ connectionString: env.DATABASE_URL });
  await owner.connect();
  await app.connect();
  const counties = await owner.query(
    `SELECT t.id, t.region_code, t.name, (SELECT count(*)::int FROM reports r WHERE r.tenant_id = t.id) AS reports
       FROM tenants t WHERE t.region_code IN ('900000', '130133')`,
  );
  const big = counties.rows.find((c) => c.region_code === '900000');
  const small = counties.rows.find((c) => c.region_code === '130133');
  if (!big) throw new Error(`no generated county in ${SCALE_DATABASE}: run npm run seed:scale first`);
  const size = (
    await owner.query(`SELECT (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM reports)::int AS reports,
       (SELECT count(*) FROM audit_log)::int AS audit, pg_size_pretty(pg_database_size(current_database())) AS bytes`)
  ).rows[0];
  // a long chain for the generated county: appended through the trigger, as the API's entries are
  await owner.query(
    `INSERT INTO audit_log (tenant_id, action, target_type, target_id, details)
     SELECT $1, 'report.part_updated', 'report', 'bench', '{}' FROM generate_series(1, 50000)`,
    [big.id],
  );
  const chains = await owner.query(
    `SELECT tenant_id, chain_position FROM audit_chain_heads WHERE tenant_id = ANY($1::uuid[])`,
    [[big.id, small.id]],
  );
  const chainOf = (id) => chains.rows.find((c) => c.tenant_id === id)?.chain_position ?? 0;

  let api = await startApi(env);
  try {
    const login = (username, password) => call(api.base, 'POST', '/api/auth/login', null, { username, password });
    const tokens = {
      big: (await login('s00000.reviewer', SCALE_PASSWORD)).accessToken,
      small: (await login(DEMO.reviewer, DEMO.password)).accessToken,
    };
    const years = { big: 2025, small: 2024 };
    const writers = {
      big: await editableReport(owner, '900000'),
      small: await editableReport(owner, '130133'),
    };
    const editors = {
      big: (await login(writers.big.username, SCALE_PASSWORD)).accessToken,
      small: (await login(writers.small.username, DEMO.password)).accessToken,
    };
    const filtered = (k) => `fiscalYear=${years[k]}&status=submitted,in_review,approved&limit=50`;
    const pages = {
      big: await lastPage(api.base, tokens.big, filtered('big')),
      small: await lastPage(api.base, tokens.small, filtered('small')),
    };

    console.log(
      `scale benchmark on ${SCALE_DATABASE} (${size.bytes}): ${size.tenants} counties, ${size.reports} reports, ${size.audit} audit entries; ${RUNS} sequential runs per line`,
    );
    console.log(
      `generated county ${big.name} (${big.reports} reports, audit chain ${chainOf(big.id)}) | 赵县 (${small.reports} reports, audit chain ${chainOf(small.id)})\n`,
    );
    const both = async (label, work, runs) => {
      const b = await timeRuns(work('big'), runs ?? RUNS, WARMUP);
      const s = await timeRuns(work('small'), runs ?? RUNS, WARMUP);
      console.log(line(label, b, s));
      return { big: b, small: s };
    };
    const results = {};
    results.dashboard = await both(
      'GET /api/dashboard',
      (k) => () => get(api.base, `/api/dashboard?fiscalYear=${years[k]}`, tokens[k]),
    );
    results.firstPage = await both(
      'GET /api/reports (filtered, first page)',
      (k) => () => get(api.base, `/api/reports?${filtered(k)}`, tokens[k]),
    );
    results.lastPage = await both(
      `GET /api/reports (filtered, last page: ${pages.big.pages})`,
      (k) => () => get(api.base, pages[k].path, tokens[k]),
    );
    results.read = await both(
      'GET /api/reports/:id',
      (k) => () => get(api.base, `/api/reports/${writers[k].id}`, editors[k]),
    );
    results.write = await both('PUT /api/reports/:id/parts/problems', (k) =>
      partWriter(api.base, editors[k], writers[k].id),
    );
    results.login = await both(
      'POST /api/auth/login',
      (k) => () => (k === 'big' ? login('s00000.d002.editor', SCALE_PASSWORD) : login(DEMO.editor, DEMO.password)),
      20,
    );
    const b = await timeRuns(auditInsert(app, big.id), RUNS, WARMUP);
    const s = await timeRuns(auditInsert(app, small.id), RUNS, WARMUP);
    console.log(line(`audit insert (chain ${chainOf(big.id)} vs short)`, b, s));

    const goals = [
      ['县级概览 p95 ≤ 20 ms', results.dashboard.big.p95 <= 20],
      ['report list, last page p95 ≤ 20 ms', results.lastPage.big.p95 <= 20],
      ['audit insert does not grow with the chain (p50 within 1.5× of a short chain)', b.p50 <= s.p50 * 1.5],
    ];
    console.log(`\ngoals: ${goals.map(([g, ok]) => `${ok ? 'met' : 'MISSED'}: ${g}`).join('; ')}`);

    await api.stop();
    api = undefined;
    await capturePlans(owner, env, async (planApi) => {
      const token = (
        await call(planApi.base, 'POST', '/api/auth/login', null, {
          username: 's00000.reviewer',
          password: SCALE_PASSWORD,
        })
      ).accessToken;
      const editor = (
        await call(planApi.base, 'POST', '/api/auth/login', null, {
          username: writers.big.username,
          password: SCALE_PASSWORD,
        })
      ).accessToken;
      await get(planApi.base, `/api/dashboard?fiscalYear=2025`, token);
      await get(planApi.base, pages.big.path, token);
      await get(planApi.base, `/api/reports/${writers.big.id}`, editor);
      await partWriter(planApi.base, editor, writers.big.id)(0);
    });
  } finally {
    if (api) await api.stop();
    await owner.end();
    await app.end();
  }
}

await main();
