// EXPLAIN (ANALYZE) of every statement the API runs for some requests, with their real parameters: auto_explain
// loaded for the database's new sessions while `work` runs against a fresh api, its plans read back from the
// server's log (PG_LOG, or Debian's /var/log/postgresql/postgresql-<major>-main.log).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { startApi } from './lib.mjs';

/** A table this big read whole on a request path is a finding; a smaller one the planner rightly reads whole. */
const BIG_ROWS = 10_000;

const SETTINGS = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'off',
  'auto_explain.log_nested_statements': 'on',
};

function readFrom(path, offset) {
  const size = statSync(path).size;
  const buffer = Buffer.alloc(Math.max(0, size - offset));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** The plans in a stretch of the log: each "duration: … plan:" entry with its query text and plan lines. */
function parsePlans(text) {
  const plans = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (/LOG:\s+duration: [\d.]+ ms\s+plan:/.test(line)) {
      current = { ms: Number(/duration: ([\d.]+)/.exec(line)[1]), query: '', lines: [] };
      plans.push(current);
    } else if (current && /^\s/.test(line)) {
      const trimmed = line.trim();
      if (trimmed.startsWith('Query Text:')) current.query = trimmed.slice(11).trim();
      else if (current.query) current.lines.push(line.replace(/^\t/, ''));
      else current.query += ` ${trimmed}`;
    } else if (current && !/^\s/.test(line)) {
      current = null;
    }
  }
  return plans;
}

export async function capturePlans(owner, env, work) {
  const major = Math.floor(Number((await owner.query('SHOW server_version_num')).rows[0].server_version_num) / 10000);
  const log = process.env.PG_LOG || `/var/log/postgresql/postgresql-${major}-main.log`;
  if (!existsSync(log)) {
    console.log(`\nplans: not captured (no server log at ${log}; set PG_LOG)`);
    return;
  }
  const database = (await owner.query('SELECT current_database() AS d')).rows[0].d;
  const offset = statSync(log).size;
  for (const [name, value] of Object.entries(SETTINGS)) {
    await owner.query(`ALTER DATABASE "${database}" SET ${name} = '${value}'`);
  }
  try {
    const api = await startApi(env);
    try {
      await work(api);
    } finally {
      await api.stop();
    }
  } finally {
    for (const name of Object.keys(SETTINGS)) await owner.query(`ALTER DATABASE "${database}" RESET ${name}`);
  }
  const big = new Set(
    (await owner.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples >= $1`, [BIG_ROWS])).rows.map(
      (r) => r.relname,
    ),
  );
  const plans = parsePlans(readFrom(log, offset)).filter((p) => p.lines.some((l) => /Scan/.test(l)));
  console.log(`\nplans of the statements on those paths (${plans.length}, EXPLAIN ANALYZE with the real parameters):`);
  const findings = [];
  for (const plan of plans) {
    console.log(`\n-- ${plan.ms.toFixed(2)} ms: ${plan.query.replace(/\s+/g, ' ').slice(0, 160)}`);
    for (const l of plan.lines)
      if (/->|^\S/.test(l.trim()) && !/^(Buffers|Planning|Execution)/.test(l.trim())) console.log(`   ${l}`);
    for (const l of plan.lines) {
      const seq = /Seq Scan on (\w+)/.exec(l);
      if (seq && big.has(seq[1])) findings.push(`${seq[1]}: ${plan.query.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
  }
  console.log(
    findings.length
      ? `\nsequential scans of tables over ${BIG_ROWS} rows (${findings.length}):\n  ${findings.join('\n  ')}`
      : `\nno sequential scan of a table over ${BIG_ROWS} rows: every such table on these paths is read through an index`,
  );
}
