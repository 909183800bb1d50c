// `npm run faults` (and `node tools/faults/run.mjs --short` in CI): the built api and worker under a steady
// load while PostgreSQL and Redis "restart" (a TCP proxy between them and the apps is cut), the worker is
// killed mid-render, the api is stopped mid-request and logins are flooded; then every acknowledged write
// is checked to be stored exactly once and every job it implies done exactly once. Exit code 1 on any loss.
// Expects a build: `nx run-many -t build -p api worker cli` (the npm script does it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { checkServices } from '../services.mjs';
import { runChecks, waitForRecovery } from './checks.mjs';
import { runFaults } from './faults.mjs';
import { Recorder, VirtualUser } from './load.mjs';
import { dropDatabase, obliterateQueuePrefix, runName, SystemUnderTest } from './processes.mjs';
import { printReport, seconds } from './table.mjs';

const SHORT = process.argv.includes('--short');
const OPTIONS = SHORT
  ? {
      users: 3,
      steadyMs: 3000,
      outageMs: 3000,
      floodMs: 4000,
      paceMs: 300,
      documentEveryMs: 10_000,
      submitEveryMs: 10_000,
      submittedHoldMs: 1500,
      // a killed worker's render is taken up again after this (the default, 30 s, in the full run)
      workerLockMs: '5000',
      recoveryWaitMs: 120_000,
    }
  : {
      users: 5,
      steadyMs: 10_000,
      outageMs: 5000,
      floodMs: 10_000,
      paceMs: 500,
      documentEveryMs: 15_000,
      submitEveryMs: 20_000,
      submittedHoldMs: 3000,
      workerLockMs: undefined,
      recoveryWaitMs: 120_000,
    };
// dept editors and heads of both counties (the heads also submit and withdraw); the probe signs in for /me
const USERNAMES = [
  'zhaoxian.union.head',
  'luancheng.union.head',
  'luancheng.health.editor',
  'zhaoxian.union.editor',
  'luancheng.union.editor',
];
const PROBE_USER = 'zhaoxian.admin';

const T0 = Date.now();
const log = (line) => console.log(`[faults +${seconds(Date.now() - T0)}] ${line}`);

if (!(await checkServices())) process.exit(1);

const name = runName();
const workDir = await mkdtemp(join(tmpdir(), `${name}-`));
const system = new SystemUnderTest({ name, workDir, workerLockMs: OPTIONS.workerLockMs });
let cleaning = null;

/** Stops what was started, drops the database, clears the queue prefix in Redis; keeps the logs of a failed run. */
function cleanup(keepLogs) {
  cleaning ??= (async () => {
    await system.stop();
    await dropDatabase(name).catch((e) => console.error(`could not drop database ${name}: ${e.message}`));
    await obliterateQueuePrefix(system.prefix).catch((e) =>
      console.error(`could not clear Redis keys ${system.prefix}:*: ${e.message}`),
    );
    if (keepLogs) console.log(`logs of the api and worker kept in ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup(true).finally(() => process.exit(130)));
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`fault suite: ${error.stack ?? error}`);
} finally {
  await cleanup(exitCode !== 0);
}
process.exit(exitCode);

async function main() {
  log(`${SHORT ? 'short' : 'full'} run: database and queue prefix ${name}, ${OPTIONS.users} users`);
  await system.start();
  log(
    `api on :${system.apiPort}, worker health on :${system.workerPort}; PostgreSQL via :${system.proxies.pg.port}, Redis via :${system.proxies.redis.port}`,
  );
  const owner = new pg.Client({ connectionString: system.db.owner });
  await owner.connect();
  try {
    const { users, probe, recorder } = await setUpUsers(owner);
    log(`${users.length} users set up, each with its own 项目支出绩效自评表; load starts`);
    let stopping = false;
    const loops = users.map((u) => u.run(() => stopping));
    const { phases, notes, flood } = await runFaults({ system, users, probe, recorder, owner, options: OPTIONS, log });
    stopping = true;
    await Promise.all(loops);

    log('load stopped; waiting for the worker to catch up');
    const owed = await waitForRecovery(system.db.owner, users, OPTIONS.recoveryWaitMs);
    log(
      `caught up after ${seconds(owed.waitedMs)}${owed.settled ? '' : ` — still owed: ${owed.documents} documents, ${owed.notifications} notifications, ${owed.outbox} outbox rows`}`,
    );
    await noteVictim(owner, phases, notes);
    const result = await runChecks({
      db: system.db,
      prefix: system.prefix,
      users,
      recorder,
      phases,
      faultNotes: notes,
      flood: flood.flood,
      cliEnv: system.cliEnv,
    });
    printReport({ phases, notes, flood, users, result });
    console.log(`fault suite: ${result.failures.length ? 'FAILED' : 'passed'} in ${seconds(Date.now() - T0)}`);
    return result.failures.length ? 1 : 0;
  } finally {
    await owner.end();
  }
}

/** The load's users, each with its own report filled in from the demo's submitted project table, and the probe. */
async function setUpUsers(owner) {
  // the demo's submitted project table passes every check: each user's table starts as a copy of it
  const { rows } = await owner.query(
    `SELECT part, content FROM report_parts
      WHERE report_id = (SELECT id FROM reports WHERE kind = 'project' AND status = 'submitted' ORDER BY project_code LIMIT 1)`,
  );
  const sample = Object.fromEntries(rows.map((r) => [r.part, r.content]));
  const recorder = new Recorder();
  const user = (username, tag, rec = recorder) =>
    new VirtualUser({ base: system.base, recorder: rec, username, tag, sample, options: OPTIONS });
  const users = USERNAMES.slice(0, OPTIONS.users).map((username, i) => user(username, `${name.slice(-4)}u${i}`));
  for (const [i, u] of users.entries()) await u.setup(i);
  const probe = user(PROBE_USER, 'probe', new Recorder());
  await probe.signIn();
  return { users, probe, recorder };
}

/** How the document being rendered when the worker was killed ended. */
async function noteVictim(owner, phases, notes) {
  const victim = phases.find((p) => p.victim)?.victim;
  if (!victim) return;
  const { rows } = await owner.query(`SELECT status, attempts FROM documents WHERE id = $1`, [victim.id]);
  notes.push({
    text: `worker kill: document ${victim.id} ended ${rows[0]?.status} after ${rows[0]?.attempts} attempts`,
  });
}
