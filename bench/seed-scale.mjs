// npm run seed:scale [-- --counties N --departments N --projects N --years 2024,2025 --concurrency N]
// Creates the database SCALE_DATABASE afresh (default evalflow_scale; an existing one is dropped only with
// SCALE_REPLACE=1), migrates it and runs the cli's seed:scale: the demo, then a national load by COPY.
import pg from 'pg';
import { ownerUrl, run } from './lib.mjs';
import { SCALE_DATABASE, scaleEnv } from './scale-db.mjs';

const admin = new pg.Client({ connectionString: ownerUrl() });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [SCALE_DATABASE])).rowCount > 0;
if (exists && process.env.SCALE_REPLACE !== '1') {
  console.error(`database ${SCALE_DATABASE} exists; set SCALE_REPLACE=1 to drop and generate it again`);
  process.exit(1);
}
if (exists) await admin.query(`DROP DATABASE "${SCALE_DATABASE}" WITH (FORCE)`);
await admin.end();
const env = scaleEnv();
await run('node', ['dist/apps/cli/main.js', 'migrate'], env);
const started = Date.now();
await new Promise((resolve, reject) => {
  import('node:child_process').then(({ spawn }) => {
    const child = spawn('node', ['dist/apps/cli/main.js', 'seed:scale', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:scale exited ${code}`))));
  });
});
const client = new pg.Client({ connectionString: env.DATABASE_MIGRATION_URL });
await client.connect();
const { rows } = await client.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
await client.end();
console.log(`${SCALE_DATABASE}: ${rows[0].size} on disk, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
