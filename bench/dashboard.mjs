// 县级概览 on a big county: GET /api/dashboard?fiscalYear=2024 for a generated county of 300 departments × 5
// reports (a 部门整体 report and four 项目支出绩效自评表 each, in every status, with their transitions), next to
// the baselines measured in the same run: the same aggregate SQL (DASHBOARD_SQL, read from the sources) run
// bare on one connection — as the owner (no HTTP, no RLS), and as the application role in the county's
// transaction (row-level security, still no HTTP).
// Then the 汇总表 (GET /api/dashboard/summary.xlsx, streamed) of the same year: its time beside the dashboard's
// JSON, its size, and the api process's peak memory before and after exporting.
// Usage: npm run bench:dashboard   (builds api and cli first; BENCH_RUNS: timed requests per line, default 200)
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDatabase, call, firstSignIn, memoryOf, startApi, timeRuns } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 200);
const WARMUP = 20;
const DEPARTMENTS = 300;
const YEAR = 2024;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLATFORM = { username: 'platform.admin', password: 'evalflow-demo' };
const PASSWORD = 'Bench#Dashboard2025';

/** The statements the API runs, from the sources, so the baseline can never drift from them. */
function dashboardSql() {
  const script = `process.stdout.write(JSON.stringify(require('./libs/persistence/src/lib/dashboard/dashboard-sql.ts').DASHBOARD_SQL))`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({
        module: 'commonjs',
        moduleResolution: 'node10',
        ignoreDeprecations: '6.0',
      }),
    },
  });
  return JSON.parse(out.toString());
}

/** The county, its administrator, finance bureau and reviewer, through the real API. */
async function createCounty(api) {
  const platform = (await call(api.base, 'POST', '/api/auth/login', null, PLATFORM)).accessToken;
  const county = { name: '基准县', regionCode: '139999', city: '基准市', province: '河北省' };
  const tenant = await call(api.base, 'POST', '/api/tenants', platform, county);
  const admin = { username: 'bench.admin', password: PASSWORD };
  await call(api.base, 'POST', `/api/tenants/${tenant.id}/admins`, platform, { ...admin, displayName: '基准县管理员' });
  const adminToken = await firstSignIn(api.base, admin);
  const finance = await call(api.base, 'POST', '/api/departments', adminToken, {
    name: '基准县财政局',
    kind: 'finance_bureau',
  });
  const reviewer = { username: 'bench.reviewer', password: PASSWORD };
  await call(api.base, 'POST', '/api/users', adminToken, {
    ...reviewer,
    displayName: '基准县审核人',
    departmentId: finance.id,
    roles: ['finance_reviewer'],
  });
  await firstSignIn(api.base, reviewer);
  return { tenantId: tenant.id, reviewer };
}

const STATUSES = `(ARRAY['draft', 'submitted', 'in_review', 'returned', 'approved'])`;

/**
 * 300 departments, each with a 部门整体 report and four project tables of 2024, inserted as the owner:
 * statuses in turn, scores 60–99.75 (a third of the drafts unscored), 执行率 70–100.5 %, each graded by
 * the national bands, pinned to the kind's built-in template; transitions spread over 10 weeks of 2025.
 */
async function generateReports(owner, tenantId) {
  await owner.query('BEGIN');
  await owner.query(
    `INSERT INTO departments (tenant_id, name, kind)
     SELECT $1, '基准县第' || lpad(g::text, 3, '0') || '局', 'budget_department' FROM generate_series(1, $2) g`,
    [tenantId, DEPARTMENTS],
  );
  await owner.query(
    `WITH d AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM departments
                 WHERE tenant_id = $1 AND kind = 'budget_department'),
          t AS (SELECT DISTINCT ON (tp.kind) tp.kind, v.id FROM report_template_versions v
                  JOIN report_templates tp ON tp.id = v.template_id WHERE v.tenant_id IS NULL ORDER BY tp.kind, v.version),
          r AS (SELECT d.id AS department_id, d.n, k,
                       ${STATUSES}[1 + (d.n + k) % 5] AS status,
                       60 + (d.n * 7 + k * 13) % 40 + ((d.n + k) % 4) * 0.25 AS score,
                       70 + (d.n * 11 + k * 3) % 31 + (d.n % 2) * 0.5 AS rate
                  FROM d CROSS JOIN generate_series(0, 4) k)
     INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, project_code, project_name, status,
                          schema_version, total_score, grade, execution_rate, template_version_id)
     SELECT $1, r.department_id, $2, CASE WHEN k = 0 THEN 'department_overall' ELSE 'project' END,
            CASE WHEN k = 0 THEN NULL ELSE 'BENCH-' || r.n || '-' || k END,
            CASE WHEN k = 0 THEN NULL ELSE '基准项目' || k END,
            r.status, CASE WHEN k = 0 THEN 2 ELSE 1 END,
            CASE WHEN r.status = 'draft' AND r.n % 3 = 0 THEN NULL ELSE r.score END,
            CASE WHEN r.status = 'draft' AND r.n % 3 = 0 THEN NULL
                 WHEN r.score >= 90 THEN 'excellent' WHEN r.score >= 80 THEN 'good'
                 WHEN r.score >= 60 THEN 'fair' ELSE 'poor' END,
            r.rate, t.id
       FROM r JOIN t ON t.kind = CASE WHEN k = 0 THEN 'department_overall' ELSE 'project' END`,
    [tenantId, YEAR],
  );
  // each step a few days after the one before it, the first submissions spread over ten weeks
  const step = (action, from, to, statuses, days) =>
    owner.query(
      `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, occurred_at)
       SELECT tenant_id, id, $2, $3, $4,
              '2025-03-03T09:00:00+08:00'::timestamptz + (abs(hashtext(id::text)) % 70 + $6) * interval '1 day'
         FROM reports WHERE tenant_id = $1 AND status = ANY($5)`,
      [tenantId, action, from, to, statuses, days],
    );
  await step('submit', 'draft', 'submitted', ['submitted', 'in_review', 'returned', 'approved'], 0);
  await step('start_review', 'submitted', 'in_review', ['in_review', 'returned', 'approved'], 3);
  await step('return', 'in_review', 'returned', ['returned'], 7);
  await step('approve', 'in_review', 'approved', ['approved'], 10);
  await owner.query(`INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on) VALUES ($1, $2, '2025-05-31')`, [
    tenantId,
    YEAR,
  ]);
  await owner.query('COMMIT');
  for (const table of ['departments', 'reports', 'report_transitions']) await owner.query(`ANALYZE ${table}`);
  const { rows } = await owner.query(
    `SELECT count(*)::int AS reports, count(DISTINCT department_id)::int AS departments,
            (SELECT count(*)::int FROM report_transitions WHERE tenant_id = $1) AS transitions
       FROM reports WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows[0];
}

/** The aggregate the API runs, bare: one transaction on one connection, the same statements and parameters. */
function bareAggregate(client, sql, tenantId) {
  const year = [tenantId, YEAR];
  return async () => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const settings = await client.query(
      `SELECT grade_bands, inflation_thresholds FROM tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    const bands = JSON.stringify(settings.rows[0]?.grade_bands ?? []);
    await client.query(sql.years, [tenantId]);
    await client.query(sql.deadline, year);
    await client.query(sql.departments, year);
    const reports = await client.query(sql.reports, year);
    await client.query(sql.figures, [...year, bands]);
    await client.query(sql.progress, year);
    await client.query(sql.flagReports, year);
    await client.query('COMMIT');
    return reports.rowCount;
  };
}

/** The answer's size as sent with gzip asked for (fetch would decompress it before we could count). */
function bytesOnTheWire(url, token) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/** The 汇总表 of the year: timed like the dashboard (fewer runs: it is the costly family), with the api's memory. */
async function benchSummary(api, token, reports) {
  const url = `${api.base}/api/dashboard/summary.xlsx?fiscalYear=${YEAR}`;
  const fetchSheet = async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`GET /api/dashboard/summary.xlsx answered ${response.status}`);
    return bytes;
  };
  const before = memoryOf(api.pid);
  const bytes = await fetchSheet();
  const runs = Math.max(20, Math.round(RUNS / 5));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fetchSheet();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.ceil(times.length * q) - 1)];
  const after = memoryOf(api.pid);
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1], runs, bytes, reports, before, after };
}

const line = (label, t) =>
  `${label.padEnd(52)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   max ${t.max.toFixed(1).padStart(7)} ms`;

async function main() {
  const sql = dashboardSql();
  const db = await benchDatabase();
  // sessions as the API's (libs/persistence data-source options: no JIT), so both run the same plans the same way
  const owner = new pg.Client({ connectionString: db.urls.owner, options: '-c jit=off' });
  const app = new pg.Client({ connectionString: db.urls.app, options: '-c jit=off' });
  let api;
  try {
    api = await startApi(db.env);
    await owner.connect();
    await app.connect();
    const { tenantId, reviewer } = await createCounty(api);
    const size = await generateReports(owner, tenantId);
    const token = (await call(api.base, 'POST', '/api/auth/login', null, reviewer)).accessToken;

    const url = `${api.base}/api/dashboard?fiscalYear=${YEAR}`;
    const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await first.text();
    if (!first.ok) throw new Error(`GET /api/dashboard answered ${first.status}: ${body.slice(0, 300)}`);
    const view = JSON.parse(body);
    const listed = view.departments.reduce((n, d) => n + (d.report ? 1 : 0) + d.projectReports.length, 0);
    if (listed !== size.reports) throw new Error(`the dashboard lists ${listed} reports of ${size.reports}`);
    const zippedBytes = await bytesOnTheWire(url, token);

    console.log(
      `dashboard benchmark: ${RUNS} sequential runs per line (after ${WARMUP} warm-up), one connection, ${availableParallelism()} cores`,
    );
    console.log(
      `county: ${size.departments} departments, ${size.reports} reports of ${YEAR}, ${size.transitions} transitions; ` +
        `answer ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB JSON (${(zippedBytes / 1024).toFixed(0)} KB as sent, gzip)\n`,
    );
    const results = {};
    results.api = await timeRuns(
      async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`GET /api/dashboard answered ${response.status}`);
      },
      RUNS,
      WARMUP,
    );
    console.log(line('API GET /api/dashboard?fiscalYear=2024', results.api));
    results.owner = await timeRuns(bareAggregate(owner, sql, tenantId), RUNS, WARMUP);
    console.log(line('bare SQL, owner connection (no HTTP, no RLS)', results.owner));
    results.app = await timeRuns(bareAggregate(app, sql, tenantId), RUNS, WARMUP);
    console.log(line('bare SQL, application role in the tenant tx (RLS)', results.app));
    console.log(
      `\nAPI / bare owner SQL: p50 ${(results.api.p50 / results.owner.p50).toFixed(2)}×, p95 ${(results.api.p95 / results.owner.p95).toFixed(2)}×`,
    );
    const sheet = await benchSummary(api, token, size.reports);
    console.log(
      `\n汇总表: ${sheet.reports} rows, ${(sheet.bytes / 1024).toFixed(0)} KB .xlsx, ${sheet.runs} sequential runs`,
    );
    console.log(line('API GET /api/dashboard/summary.xlsx?fiscalYear=2024', sheet));
    console.log(
      `汇总表 / dashboard JSON: p50 ${(sheet.p50 / results.api.p50).toFixed(2)}×; api memory: RSS ${sheet.before.rss.toFixed(0)} MB → ${sheet.after.rss.toFixed(0)} MB, ` +
        `peak ${sheet.before.peak.toFixed(0)} MB before exporting → ${sheet.after.peak.toFixed(0)} MB after`,
    );
  } finally {
    await owner.end().catch(() => undefined);
    await app.end().catch(() => undefined);
    if (api) await api.stop();
    await db.drop();
  }
}

await main();
