// Login throughput: HTTP logins per second, next to the cost floor measured in the same run —
// argon2id verifications per second with the same parameters and concurrency, no HTTP, no database.
// Usage: npm run bench:login   (builds api and cli first)
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { benchDatabase, cannon, row, startApi } from './lib.mjs';

const PARAMS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const DURATION_S = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || availableParallelism() * 2);

async function argon2Baseline(seconds, concurrency) {
  const hash = await argon2.hash('evalflow-demo', PARAMS);
  const started = Date.now();
  let done = 0;
  const latencies = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() - started < seconds * 1000) {
        const t = performance.now();
        await argon2.verify(hash, 'evalflow-demo');
        latencies.push(performance.now() - t);
        done++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: done / ((Date.now() - started) / 1000),
    p50: latencies[Math.floor(latencies.length / 2)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
  };
}

const db = await benchDatabase();
const api = await startApi(db.env);
try {
  console.log(`login benchmark: ${DURATION_S} s per run, ${CONNECTIONS} connections, ${availableParallelism()} cores`);
  console.log(`argon2id m=${PARAMS.memoryCost} KiB t=${PARAMS.timeCost} p=${PARAMS.parallelism}\n`);
  const single = await argon2Baseline(3, 1);
  console.log(`baseline: one argon2 verify                    ${single.p50.toFixed(1)} ms (p50)`);
  const floor = await argon2Baseline(DURATION_S, CONNECTIONS);
  console.log(
    `baseline: argon2 verify, ${CONNECTIONS} concurrent${' '.repeat(14)} ${floor.perSecond.toFixed(0).padStart(7)} verify/s p50 ${floor.p50.toFixed(0).padStart(4)} ms   p99 ${floor.p99.toFixed(0).padStart(4)} ms`,
  );
  const logins = await cannon({
    url: `${api.base}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhaoxian.union.editor', password: 'evalflow-demo' }),
    duration: DURATION_S,
    connections: CONNECTIONS,
  });
  console.log(row('POST /api/auth/login (HTTP, sessions, audit)', logins));
  console.log(`\nratio: logins/s ÷ argon2 verify/s = ${(logins.requests.average / floor.perSecond).toFixed(2)}`);
} finally {
  await api.stop();
  await db.drop();
}
