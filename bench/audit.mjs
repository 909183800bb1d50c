// Audit append against chain length: one audited INSERT (through the chain trigger, as the application
// role in a county's transaction) with 10 000 and then 1 000 000 entries in the county's chain, next to
// the baseline measured in the same run — the previous trigger's lookup of the chain's newest entry
// (WHERE tenant_id IS NOT DISTINCT FROM … ORDER BY chain_position DESC LIMIT 1), which read the chain.
// The chain is filled in bulk with the trigger disabled (its hashes are placeholders: this measures
// appends, not verification), then its head row is set to the last entry, as the trigger keeps it.
// Usage: npm run bench:audit   (BENCH_AUDIT_SIZES=10000,1000000  BENCH_AUDIT_INSERTS=200)
// Migrates its throwaway database from the sources (ts-node), so it needs no build.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_AUDIT_SIZES || '10000,1000000').split(',').map(Number);
const N = Number(process.env.BENCH_AUDIT_INSERTS || 200);
const WARMUP = 20;
const OWNER = process.env.DATABASE_MIGRATION_URL || 'postgres://postgres@127.0.0.1:5432/evalflow';
const APP = process.env.DATABASE_URL || 'postgres://evalflow_app@127.0.0.1:5432/evalflow';
const PLATFORM = process.env.DATABASE_PLATFORM_URL || 'postgres://evalflow_platform@127.0.0.1:5432/evalflow';
const withDb = (url, db) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

/** Creates and migrates the database with the real set-up (roles, migrations, grants), from the sources. */
function migrate(urls) {
  const script = `require('@evalflow/persistence').setupDatabase(${JSON.stringify(urls)})
    .then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })`;
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', script],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.base.json',
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({
          module: 'commonjs',
          moduleResolution: 'node10',
          ignoreDeprecations: '6.0',
        }),
      },
    },
  );
}

const FILL_SQL = `
  INSERT INTO audit_log (tenant_id, action, chain_position, prev_hash, hash, digest_version)
  SELECT $1, 'bench.fill', g, sha256(int8send(g - 1)), sha256(int8send(g)), 2
    FROM generate_series($2::bigint + 1, $3::bigint) g`;
const HEAD_SQL = `
  INSERT INTO audit_chain_heads (tenant_id, chain_position, hash, entry_id)
  SELECT tenant_id, chain_position, hash, id FROM audit_log WHERE tenant_id = $1 ORDER BY chain_position DESC LIMIT 1
  ON CONFLICT (chain_key) DO UPDATE
    SET chain_position = EXCLUDED.chain_position, hash = EXCLUDED.hash, entry_id = EXCLUDED.entry_id`;
const APPEND_SQL = `INSERT INTO audit_log (tenant_id, action, details) VALUES ($1, 'bench.append', $2)`;
const NEW_LOOKUP_SQL = `SELECT chain_position, hash FROM audit_chain_heads
  WHERE chain_key = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`;
const OLD_LOOKUP_SQL = `SELECT a.hash, a.chain_position + 1 FROM audit_log a
  WHERE a.tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY a.chain_position DESC LIMIT 1`;

/** Fills the chain to `size` entries in bulk, then points its head at the last one; returns seconds. */
async function fill(owner, tenant, size) {
  const started = performance.now();
  const [{ position }] = (
    await owner.query(
      `SELECT coalesce(max(chain_position), 0)::bigint AS position FROM audit_log WHERE tenant_id = $1`,
      [tenant],
    )
  ).rows;
  await owner.query('BEGIN');
  await owner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain`);
  await owner.query(FILL_SQL, [tenant, position, size]);
  await owner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain`);
  await owner.query(HEAD_SQL, [tenant]);
  await owner.query('COMMIT');
  await owner.query(`VACUUM ANALYZE audit_log`);
  await owner.query(`VACUUM ANALYZE audit_chain_heads`);
  return (performance.now() - started) / 1000;
}

/** Times `n` runs of one statement in the county's transaction (as the application role), after a warm-up. */
async function time(app, tenant, sql, params) {
  const ms = [];
  for (let i = 0; i < WARMUP + N; i++) {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    const t = performance.now();
    await app.query(sql, params(i));
    if (i >= WARMUP) ms.push(performance.now() - t);
    await app.query('COMMIT');
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
}

const fmt = ({ p50, p95 }) => `${p50.toFixed(2).padStart(8)} / ${p95.toFixed(2).padStart(7)}`;

const name = `evalflow_bench_${randomBytes(4).toString('hex')}`;
const urls = { migrationUrl: withDb(OWNER, name), appUrl: withDb(APP, name), platformUrl: withDb(PLATFORM, name) };
const owner = new pg.Client({ connectionString: urls.migrationUrl });
const app = new pg.Client({ connectionString: urls.appUrl });
try {
  migrate(urls);
  await owner.connect();
  await app.connect();
  const [{ id: tenant }] = (
    await owner.query(
      `INSERT INTO tenants (name, region_code, city, province) VALUES ('基准县', '139999', '基准市', '河北省') RETURNING id`,
    )
  ).rows;
  const version = (await owner.query(`SHOW server_version`)).rows[0].server_version;
  console.log(
    `audit append vs chain length: ${N} statements per cell after ${WARMUP} warm-up, median / p95 in ms; ` +
      `PostgreSQL ${version}, ${availableParallelism()} cores\n`,
  );
  console.log(
    `${'chain entries'.padStart(13)}   ${'fill (s)'.padStart(8)}   ${'append, head row'.padStart(18)}   ` +
      `${'head lookup'.padStart(18)}   ${'baseline: old lookup (scan)'.padStart(28)}`,
  );
  for (const size of SIZES) {
    const seconds = await fill(owner, tenant, size);
    const append = await time(app, tenant, APPEND_SQL, (i) => [tenant, JSON.stringify({ n: i })]);
    const head = await time(app, tenant, NEW_LOOKUP_SQL, () => [tenant]);
    const old = await time(app, tenant, OLD_LOOKUP_SQL, () => [tenant]);
    console.log(
      `${size.toLocaleString('en').padStart(13)}   ${seconds.toFixed(1).padStart(8)}   ${fmt(append).padStart(18)}   ` +
        `${fmt(head).padStart(18)}   ${fmt(old).padStart(28)}`,
    );
  }
} finally {
  await app.end().catch(() => undefined);
  await owner.end().catch(() => undefined);
  const admin = new pg.Client({ connectionString: withDb(OWNER, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
