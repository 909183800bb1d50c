// The faults, in order, each preceded and followed by steady load. A phase runs from the start of its
// steady load before the fault to the end of the one after; `faultStart`..`faultEnd` is the outage itself.
import { loginFlood, sampleMe } from './load.mjs';
import { sleep } from './processes.mjs';
import { seconds } from './table.mjs';

const FLOOD_CONCURRENCY = 50;
/** Wrong passwords for real accounts (none of the load's users, nor the probe), beside unknown names. */
const FLOOD_KNOWN_USERS = [
  'zhaoxian.finance.reviewer',
  'luancheng.finance.approver',
  'luancheng.admin',
  'platform.admin',
];

/** PostgreSQL "restarts": every connection of the apps dropped, new ones refused, for `outageMs`. */
function postgresRestart({ system, options }) {
  return {
    name: `PostgreSQL restart (${options.outageMs / 1000} s)`,
    async inject() {
      await system.proxies.pg.cut();
      await sleep(options.outageMs);
      await system.proxies.pg.restore();
    },
  };
}

/** Redis "restarts" the same way. */
function redisRestart({ system, options }) {
  return {
    name: `Redis restart (${options.outageMs / 1000} s)`,
    async inject() {
      await system.proxies.redis.cut();
      await sleep(options.outageMs);
      await system.proxies.redis.restore();
    },
  };
}

/** Every user asks for a document; the moment one is rendering, the worker is killed (-9) and a new one started. */
function workerKill({ system, users, owner }) {
  return {
    name: 'worker kill -9 mid-render',
    async inject(phase, note) {
      for (const u of users) u.wantDocument = true;
      const victim = await renderingDocument(owner, users, 60_000);
      phase.faultStart = Date.now();
      if (!victim)
        note('worker kill: no render was caught in progress within 60 s; the worker was killed anyway', true);
      const killed = await system.worker.stop('SIGKILL');
      phase.victim = victim;
      note(
        `worker kill: ${killed?.signal ?? 'already gone'} while rendering document ${victim?.id ?? '—'} (${victim?.edition ?? ''} ${victim?.format ?? ''})`,
      );
      await system.startWorker();
    },
  };
}

async function renderingDocument(owner, users, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await owner.query(
      `SELECT id::text, edition, format FROM documents WHERE status = 'rendering' AND report_id = ANY($1::uuid[]) LIMIT 1`,
      [users.map((u) => u.reportId)],
    );
    if (rows[0]) return rows[0];
    await sleep(20);
  }
  return null;
}

/** With requests in flight, the api gets SIGTERM; once it has exited a new one starts on the same port. */
function apiSigterm({ system, recorder, users }) {
  return {
    name: 'api SIGTERM mid-request',
    async inject(phase, note) {
      // two requests in flight if that comes within 10 s, else one
      for (const [wanted, ms] of [
        [Math.min(2, users.length), 10_000],
        [1, 10_000],
      ]) {
        const deadline = Date.now() + ms;
        while (recorder.inflight.size < wanted && Date.now() < deadline) await sleep(2);
        if (recorder.inflight.size >= wanted) break;
      }
      phase.faultStart = Date.now();
      const inflight = [...recorder.inflight.keys()];
      const exited = await system.api.stop('SIGTERM', 30_000);
      const stoppedAfter = Date.now() - phase.faultStart;
      await system.startApi();
      phase.faultEnd = Date.now();
      const answered = recorder.records.filter((r) => inflight.includes(r.id)).map((r) => r.status);
      note(
        `api SIGTERM: ${inflight.length} requests in flight, answered ${answered.join(', ') || '—'}; exited code ${exited?.code} signal ${exited?.signal} after ${seconds(stoppedAfter)}; a new api ready ${seconds(phase.faultEnd - phase.faultStart)} after the signal`,
        exited?.code !== 0,
      );
    },
  };
}

/** The signed-in probe's /me p50 alone, then during 50 concurrent bad logins from the same address. */
function loginFloodFault({ system, probe, options }, outcome) {
  return {
    name: `login flood (${FLOOD_CONCURRENCY} concurrent, ${options.floodMs / 1000} s)`,
    async inject(phase, note) {
      const quiet = await sampleMe(system.base, probe.token, options.floodMs);
      phase.faultStart = Date.now();
      const [flood, loud] = await Promise.all([
        loginFlood(system.base, {
          concurrency: FLOOD_CONCURRENCY,
          durationMs: options.floodMs,
          knownUsernames: FLOOD_KNOWN_USERS,
        }),
        sampleMe(system.base, probe.token, options.floodMs),
      ]);
      Object.assign(outcome, { flood, quiet, loud });
      if (loud.n === 0 || Object.keys(loud.statuses).some((s) => s !== '200')) {
        note(`login flood: the signed-in probe was answered ${JSON.stringify(loud.statuses)}`, true);
      }
    },
  };
}

/**
 * Runs the faults one after another under the load; answers the phases (with their times), the notes
 * (a failure flag on those that fail the run) and the login flood's figures.
 */
export async function runFaults(context) {
  const { options, log } = context;
  const phases = [];
  const notes = [];
  const flood = {};
  const note = (text, failure = false) => notes.push({ text, failure });
  const faults = [
    postgresRestart(context),
    redisRestart(context),
    workerKill(context),
    apiSigterm(context),
    loginFloodFault(context, flood),
  ];
  for (const fault of faults) {
    const phase = { name: fault.name, start: Date.now() };
    phases.push(phase);
    await sleep(options.steadyMs);
    phase.faultStart = Date.now();
    await fault.inject(phase, note);
    phase.faultEnd ??= Date.now();
    log(`${fault.name}: fault over after ${seconds(phase.faultEnd - phase.faultStart)}`);
    await sleep(options.steadyMs);
    phase.end = Date.now();
  }
  return { phases, notes, flood };
}
