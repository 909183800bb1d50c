// 指标明细 as a job, end to end, on a big county year: 赵县 (the demo county) is given 300 generated departments × 5
// reports of 2021 (a 部门整体 report and four 项目支出 tables each, every status) with ~10 indicators each — the same
// generator the worker's test uses, read from the sources. Then POST /api/exports and GET /api/exports/:id until
// done, through the built api and worker processes (outbox → BullMQ → the worker's streamed workbook → storage).
// Prints, per run: the time from the request to done, the worker's own time (started → finished), rows/s, the
// file's size, and the worker process's peak resident memory (VmHWM) before the first export and after each.
// Usage: npm run bench:exports   (builds api, worker and cli first; BENCH_RUNS: exports timed, default 3)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchDatabase, call, memoryOf, startApi, startWorker } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 3);
const DEPARTMENTS = 300;
const INDICATORS = 10;
const YEAR = 2021;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REVIEWER = { username: 'zhaoxian.finance.reviewer', password: 'evalflow-demo' };

/** The generator's statements, from the sources (so the bench and the test county never drift apart). */
function countyStatements(tenantId) {
  const options = JSON.stringify({ tenantId, fiscalYear: YEAR, departments: DEPARTMENTS, indicators: INDICATORS });
  const script = `process.stdout.write(JSON.stringify(require('./apps/worker/src/test/support/generated-county.ts').countyYearStatements(${options})))`;
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

/** One export asked for and watched until done (polled every 50 ms). */
async function timeExport(api, token) {
  const started = process.hrtime.bigint();
  let view = await call(api.base, 'POST', '/api/exports', token, { kind: 'indicator_rows', fiscalYear: YEAR });
  while (view.status === 'queued' || view.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    view = await call(api.base, 'GET', `/api/exports/${view.id}`, token);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (view.status !== 'done') throw new Error(`export ${view.id} ${view.status}: ${view.error}`);
  const workerMs = new Date(view.finishedAt).getTime() - new Date(view.startedAt).getTime();
  const file = await fetch(`${api.base}/api/exports/${view.id}/file`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = (await file.arrayBuffer()).byteLength;
  return { ms, workerMs, rows: view.rowCount, bytes };
}

async function main() {
  const db = await benchDatabase();
  const storage = await mkdtemp(join(tmpdir(), 'evalflow-bench-exports-'));
  const env = { ...db.env, STORAGE_DIR: storage };
  const owner = new pg.Client({ connectionString: db.urls.owner });
  let api;
  let worker;
  try {
    await owner.connect();
    const [{ id: tenantId }] = (await owner.query(`SELECT id FROM tenants WHERE region_code = '130133'`)).rows;
    const generating = Date.now();
    for (const s of countyStatements(tenantId)) await owner.query(s.sql, s.params);
    for (const table of ['departments', 'reports', 'report_parts']) await owner.query(`ANALYZE ${table}`);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS reports, sum(jsonb_array_length(p.content->'indicators'))::int AS indicators
         FROM reports r LEFT JOIN report_parts p ON p.report_id = r.id AND p.part = 'scoreTable'
        WHERE r.tenant_id = $1 AND r.fiscal_year = $2`,
      [tenantId, YEAR],
    );
    console.log(
      `exports benchmark: ${rows[0].reports} reports of ${YEAR}, ${rows[0].indicators} indicator rows (generated in ${Date.now() - generating} ms); ${RUNS} runs`,
    );
    api = await startApi(env);
    worker = await startWorker({ ...env, OUTBOX_POLL_MS: '100' });
    const token = (await call(api.base, 'POST', '/api/auth/login', null, REVIEWER)).accessToken;
    const before = memoryOf(worker.pid);
    console.log(`worker before: RSS ${before.rss.toFixed(0)} MB, peak ${before.peak.toFixed(0)} MB`);
    for (let run = 1; run <= RUNS; run++) {
      // a change to the year, so each run makes a new export instead of serving the last one
      await owner.query(`UPDATE reports SET updated_at = now() WHERE tenant_id = $1 AND fiscal_year = $2`, [
        tenantId,
        YEAR,
      ]);
      const t = await timeExport(api, token);
      const memory = memoryOf(worker.pid);
      console.log(
        `run ${run}: ${t.rows} rows, ${(t.bytes / 1024).toFixed(0)} KB .xlsx; request → done ${t.ms.toFixed(0)} ms ` +
          `(worker ${t.workerMs} ms, ${Math.round(t.rows / (t.workerMs / 1000))} rows/s); ` +
          `worker RSS ${memory.rss.toFixed(0)} MB, peak ${memory.peak.toFixed(0)} MB`,
      );
    }
  } finally {
    await owner.end().catch(() => undefined);
    if (worker) await worker.stop();
    if (api) await api.stop();
    await db.drop();
    await rm(storage, { recursive: true, force: true });
  }
}

await main();
