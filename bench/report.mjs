// Report drafting throughput: the API's whole-report read, its checks and part writes — of a 部门整体
// report and of a 项目支出绩效自评表 — next to a
// baseline measured in the same run — a bare Fastify + pg server on the same database doing the
// minimal equivalent SQL (no auth, no row-level security, no validation, no audit).
// Usage: npm run bench:report   (builds api and cli first)
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { benchDatabase, cannon, cpuMeter, freePort, row, startApi } from './lib.mjs';

const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || availableParallelism() * 2);
const WARMUP_S = Math.min(2, DURATION_S);
// one report per writer, each a free fiscal year of the department (2000 to last year): past 20 connections,
// writers share reports and the extra writes answer 412 (counted apart)
const WRITERS = Math.min(CONNECTIONS, 20);
const PART = 'problems';
const PROJECT_PART = 'preparers';
const PROJECT_CODE = '13013324T000000000098';
const USER = { username: 'zhaoxian.union.editor', password: 'evalflow-demo' };

const READ_SQL = `SELECT part, content FROM report_parts WHERE report_id = $1`;
const WRITE_SQL = `UPDATE report_parts SET content = $3, version = version + 1
  WHERE report_id = $1 AND part = $2 AND version = $4 RETURNING version`;

/** The baseline server: run as a child process of this script, like the API. */
async function serveBaseline() {
  const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/ready', async () => ({ ok: true }));
  app.get('/reports/:id', async (request) => {
    const { rows } = await pool.query(READ_SQL, [request.params.id]);
    return Object.fromEntries(rows.map((r) => [r.part, r.content]));
  });
  app.put('/reports/:id/parts/:part', async (request, reply) => {
    const { id, part } = request.params;
    const version = Number(/\d+/.exec(request.headers['if-match'] ?? '')?.[0]);
    const { rows } = await pool.query(WRITE_SQL, [id, part, JSON.stringify(request.body), version]);
    if (rows.length) return { version: rows[0].version };
    const current = await pool.query(`SELECT version FROM report_parts WHERE report_id = $1 AND part = $2`, [id, part]);
    return reply.code(412).send({ currentVersion: current.rows[0]?.version ?? null });
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.once('SIGTERM', () => {
    app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}

async function startBaseline(ownerUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'baseline-server'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BASELINE_DATABASE_URL: ownerUrl, PORT: String(port) },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid,
    stop: () => new Promise((resolve) => (child.kill('SIGTERM'), child.on('exit', resolve))),
  };
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function rssMiB(pid) {
  try {
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    ).toFixed(0);
  } catch {
    return '?';
  }
}

async function call(base, method, path, token, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** One report per writer: fiscal years of the same department that the seed does not hold. */
async function writerReports(api, token, count) {
  const taken = new Set();
  for (let cursor = null, first = true; first || cursor; first = false) {
    const page = await call(
      api.base,
      'GET',
      `/api/reports?kind=department_overall&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      token,
    );
    for (const item of page.items) taken.add(item.fiscalYear);
    cursor = page.nextCursor && encodeURIComponent(page.nextCursor);
  }
  const ids = [];
  for (let year = new Date().getFullYear() - 2; ids.length < count && year >= 2000; year--) {
    if (taken.has(year)) continue;
    ids.push((await call(api.base, 'POST', '/api/reports', token, { fiscalYear: year })).id);
  }
  if (ids.length < count) throw new Error(`only ${ids.length} free fiscal years for ${count} writers`);
  return ids;
}

/** One project table per writer: new projects of the department in 2024. */
async function projectWriterReports(api, token, count) {
  const ids = [];
  for (let i = 1; i <= count; i++) {
    const project = { code: `BENCH-${String(i).padStart(3, '0')}`, name: `基准测试项目${i}` };
    ids.push((await call(api.base, 'POST', '/api/reports', token, { fiscalYear: 2024, kind: 'project', project })).id);
  }
  return ids;
}

/**
 * Part writes, each report written by at most one request at a time: a request takes a free report
 * and sends its current version in If-Match; the answer gives the next version back and frees it.
 * Contents alternate, so every successful write really changes the part.
 */
async function writeRun(target, reportIds, part, contents, versions, token, duration) {
  const jobs = reportIds.map((id) => ({ id, version: versions.get(id), flip: 0, busy: false }));
  const result = await cannon({
    url: target.base,
    duration,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'PUT',
        setupRequest(request, context) {
          const job = jobs.find((j) => !j.busy) ?? jobs[0]; // never happens unless a request was lost
          job.busy = true;
          context.job = job;
          return {
            ...request,
            path: `${target.prefix}/${job.id}/parts/${part}`,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'if-match': `"${job.version}"`,
            },
            body: contents[job.flip],
          };
        },
        onResponse(status, body, context) {
          const job = context.job;
          job.busy = false;
          if (status === 200) {
            job.version = JSON.parse(body).version;
            job.flip ^= 1;
          } else if (status === 412) {
            const current = /"currentVersion":(\d+)/.exec(body);
            if (current) job.version = Number(current[1]);
          }
        },
      },
    ],
  });
  const stale = result.statusCodeStats['412']?.count ?? 0;
  return { ...result, writes: result['2xx'] / result.duration, stale, failed: result.errors + result.non2xx - stale };
}

/** The part versions to start from, once writes still in flight from a finished run have landed. */
async function partVersions(client, reportIds, part) {
  await new Promise((r) => setTimeout(r, 500));
  const { rows } = await client.query(
    `SELECT report_id, version FROM report_parts WHERE part = $1 AND report_id = ANY($2::uuid[])`,
    [part, reportIds],
  );
  return new Map(rows.map((r) => [r.report_id, r.version]));
}

async function main() {
  const db = await benchDatabase();
  const stops = [];
  const owner = new pg.Client({ connectionString: db.urls.owner });
  try {
    const api = await startApi(db.env);
    stops.push(api);
    const baseline = await startBaseline(db.urls.owner);
    stops.push(baseline);
    await owner.connect();

    const { accessToken: token } = await call(api.base, 'POST', '/api/auth/login', null, USER);
    const reportId = (await call(api.base, 'GET', '/api/reports?fiscalYear=2024&kind=department_overall', token))
      .items[0].id;
    const original = (await call(api.base, 'GET', `/api/reports/${reportId}/parts/${PART}`, token)).content;
    const contents = [original, { ...original, measures: `${original.measures}（基准测试修改）` }].map((c) =>
      JSON.stringify(c),
    );
    const writers = await writerReports(api, token, WRITERS);
    const projectId = (await call(api.base, 'GET', '/api/reports?fiscalYear=2024&kind=project', token)).items.find(
      (r) => r.projectCode === PROJECT_CODE,
    ).id;
    const projectOriginal = (await call(api.base, 'GET', `/api/reports/${projectId}/parts/${PROJECT_PART}`, token))
      .content;
    const projectContents = [projectOriginal, { ...projectOriginal, phone: '0311-84900000' }].map((c) =>
      JSON.stringify(c),
    );
    const projectWriters = await projectWriterReports(api, token, WRITERS);
    const projectBytes = (
      await (await fetch(`${api.base}/api/reports/${projectId}`, { headers: auth(token) })).arrayBuffer()
    ).byteLength;
    const whole = await fetch(`${api.base}/api/reports/${reportId}`, { headers: auth(token) });
    const reportBytes = (await whole.arrayBuffer()).byteLength;

    console.log(
      `report benchmark: ${DURATION_S} s per run (after ${WARMUP_S} s warm-up), ${CONNECTIONS} connections, ${availableParallelism()} cores`,
    );
    console.log(`report ${reportId} (${(reportBytes / 1024).toFixed(1)} KB as JSON); writes: part '${PART}'`);
    console.log(
      `project table ${projectId} (${(projectBytes / 1024).toFixed(1)} KB as JSON); writes: part '${PROJECT_PART}'`,
    );
    console.log(
      `writers: ${writers.length} reports, each written by one request at a time where there are as many as connections\n`,
    );

    const targets = {
      api: { ...api, prefix: '/api/reports' },
      baseline: { ...baseline, prefix: '/reports' },
    };
    const read = async (target, path, duration) =>
      cannon({ url: `${target.base}${path}`, headers: auth(token), duration, connections: CONNECTIONS });
    const writeOf = (ids, part, bodies) => async (target, duration) => {
      const before = await partVersions(owner, ids, part);
      const result = await writeRun(target, ids, part, bodies, before, token, duration);
      const after = await partVersions(owner, ids, part);
      // every counted write must have changed the part: versions move once per 2xx (plus in-flight ones)
      return { ...result, advanced: ids.reduce((n, id) => n + after.get(id) - before.get(id), 0) };
    };
    const write = writeOf(writers, PART, contents);
    const writeProject = writeOf(projectWriters, PROJECT_PART, projectContents);
    // after a warm-up, the run; with the CPU the serving process and PostgreSQL spent per answered request
    const measure = async (run, target) => {
      await run(WARMUP_S);
      const meter = await cpuMeter(owner, db.name, target.pid);
      const result = await run(DURATION_S);
      const { serverS, pgS } = await meter.stop();
      const answered = result['2xx'];
      return { ...result, cpu: { serverMs: (serverS * 1000) / answered, pgMs: (pgS * 1000) / answered } };
    };

    const results = {};
    results.apiReport = await measure((d) => read(targets.api, `/api/reports/${reportId}`, d), targets.api);
    console.log(row('API GET /api/reports/:id', results.apiReport));
    results.apiChecks = await measure((d) => read(targets.api, `/api/reports/${reportId}/checks`, d), targets.api);
    console.log(row('API GET /api/reports/:id/checks', results.apiChecks));
    results.apiWrite = await measure((d) => write(targets.api, d), targets.api);
    console.log(writeRow(`API PUT /api/reports/:id/parts/${PART}`, results.apiWrite));
    results.baseRead = await measure((d) => read(targets.baseline, `/reports/${reportId}`, d), targets.baseline);
    console.log(row('baseline GET (SELECT part, content)', results.baseRead));
    results.baseWrite = await measure((d) => write(targets.baseline, d), targets.baseline);
    console.log(writeRow('baseline PUT (UPDATE … RETURNING)', results.baseWrite));
    results.apiProject = await measure((d) => read(targets.api, `/api/reports/${projectId}`, d), targets.api);
    console.log(row('API GET /api/reports/:id (project table)', results.apiProject));
    results.apiProjectChecks = await measure(
      (d) => read(targets.api, `/api/reports/${projectId}/checks`, d),
      targets.api,
    );
    console.log(row('API GET …/checks (project table)', results.apiProjectChecks));
    results.apiProjectWrite = await measure((d) => writeProject(targets.api, d), targets.api);
    console.log(writeRow(`API PUT …/parts/${PROJECT_PART} (project)`, results.apiProjectWrite));
    results.baseProjectRead = await measure(
      (d) => read(targets.baseline, `/reports/${projectId}`, d),
      targets.baseline,
    );
    console.log(row('baseline GET (project table)', results.baseProjectRead));
    results.baseProjectWrite = await measure((d) => writeProject(targets.baseline, d), targets.baseline);
    console.log(writeRow('baseline PUT (project table)', results.baseProjectWrite));

    console.log(
      `\n${'scenario'.padEnd(22)} ${'API/s'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)}   ${'base/s'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)}   API/base`,
    );
    const line = (label, apiRate, apiResult, baseRate, baseResult) =>
      console.log(
        `${label.padEnd(22)} ${apiRate.toFixed(0).padStart(7)} ${ms(apiResult.latency.p50)} ${ms(apiResult.latency.p99)}   ${baseRate.toFixed(0).padStart(7)} ${ms(baseResult.latency.p50)} ${ms(baseResult.latency.p99)}   ${(apiRate / baseRate).toFixed(3).padStart(8)}`,
      );
    const rate = (r) => r['2xx'] / r.duration;
    line('GET whole report', rate(results.apiReport), results.apiReport, rate(results.baseRead), results.baseRead);
    line('GET checks', rate(results.apiChecks), results.apiChecks, rate(results.baseRead), results.baseRead);
    line(`PUT part (${PART})`, results.apiWrite.writes, results.apiWrite, results.baseWrite.writes, results.baseWrite);
    const baseProject = rate(results.baseProjectRead);
    line('GET project table', rate(results.apiProject), results.apiProject, baseProject, results.baseProjectRead);
    line(
      'GET project checks',
      rate(results.apiProjectChecks),
      results.apiProjectChecks,
      baseProject,
      results.baseProjectRead,
    );
    line(
      `PUT project (${PROJECT_PART})`,
      results.apiProjectWrite.writes,
      results.apiProjectWrite,
      results.baseProjectWrite.writes,
      results.baseProjectWrite,
    );
    console.log('(rates count 2xx answers only; the GET rows of a report share its read baseline)');
    console.log(
      `\nCPU per answered request, server + PostgreSQL (less swayed by other load than requests a second; not immune):\n` +
        `${'scenario'.padEnd(22)} ${'API'.padStart(8)} ${'its PG'.padStart(8)} ${'base'.padStart(8)} ${'its PG'.padStart(8)}   base/API`,
    );
    const cpuLine = (label, apiResult, baseResult) => {
      const total = (r) => r.cpu.serverMs + r.cpu.pgMs;
      const f = (v) => `${v.toFixed(3).padStart(5)} ms`;
      console.log(
        `${label.padEnd(22)} ${f(apiResult.cpu.serverMs)} ${f(apiResult.cpu.pgMs)} ${f(baseResult.cpu.serverMs)} ${f(baseResult.cpu.pgMs)}   ${(total(baseResult) / total(apiResult)).toFixed(3).padStart(8)}`,
      );
    };
    cpuLine('GET whole report', results.apiReport, results.baseRead);
    cpuLine('GET checks', results.apiChecks, results.baseRead);
    cpuLine(`PUT part (${PART})`, results.apiWrite, results.baseWrite);
    cpuLine('GET project table', results.apiProject, results.baseProjectRead);
    cpuLine('GET project checks', results.apiProjectChecks, results.baseProjectRead);
    cpuLine(`PUT project (${PROJECT_PART})`, results.apiProjectWrite, results.baseProjectWrite);
    for (const [label, r] of [
      ['API', results.apiWrite],
      ['baseline', results.baseWrite],
      ['API project', results.apiProjectWrite],
      ['baseline project', results.baseProjectWrite],
    ]) {
      console.log(`${label} PUT: ${r['2xx']} × 2xx, ${r.stale} × 412, part versions advanced by ${r.advanced}`);
    }
    console.log(`\nRSS after the runs: API ${rssMiB(api.pid)} MiB, baseline ${rssMiB(baseline.pid)} MiB`);
  } finally {
    await owner.end().catch(() => undefined);
    for (const server of stops) if (alive(server.pid)) await server.stop();
    await db.drop();
  }
}

const auth = (token) => ({ authorization: `Bearer ${token}` });
const ms = (value) => `${String(value).padStart(4)} ms`;

function writeRow(label, result) {
  const extra = [result.stale && `${result.stale} × 412`, result.failed && `${result.failed} other errors/non-2xx`];
  return `${label.padEnd(44)} ${result.writes.toFixed(0).padStart(7)} writes/s p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms${extra.some(Boolean) ? `   (${extra.filter(Boolean).join(', ')})` : ''}`;
}

if (process.argv[2] === 'baseline-server') await serveBaseline();
else await main();
