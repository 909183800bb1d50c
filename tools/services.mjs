// Checks that PostgreSQL and Redis answer before anything is built or started, and says in one
// line how to start the one that does not. Plain Node: it must run before `npm ci` has built anything.
import net from 'node:net';

const PG_URL = process.env.DATABASE_MIGRATION_URL || 'postgres://postgres@127.0.0.1:5432/evalflow';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const HOW_TO_START = {
  PostgreSQL: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  Redis: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
};

/** Sends `probe` and resolves true when the first reply starts with `expect`. */
function answers(host, port, probe, expect, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write(probe));
    socket.once('data', (data) => done(data.subarray(0, expect.length).equals(expect)));
  });
}

// PostgreSQL answers an SSLRequest with a single byte, 'S' or 'N'.
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);

export async function checkServices() {
  const pg = new URL(PG_URL);
  const redis = new URL(REDIS_URL);
  const pgHost = pg.hostname || '127.0.0.1';
  const pgPort = Number(pg.port || 5432);
  const redisHost = redis.hostname || '127.0.0.1';
  const redisPort = Number(redis.port || 6379);
  const [pgUp, redisUp] = await Promise.all([
    answers(pgHost, pgPort, SSL_REQUEST, Buffer.from('N')).then(
      (ok) => ok || answers(pgHost, pgPort, SSL_REQUEST, Buffer.from('S')),
    ),
    answers(redisHost, redisPort, 'PING\r\n', Buffer.from('+PONG')),
  ]);
  const problems = [];
  if (!pgUp) problems.push(['PostgreSQL', `${pgHost}:${pgPort}`]);
  if (!redisUp) problems.push(['Redis', `${redisHost}:${redisPort}`]);
  for (const [name, where] of problems) {
    console.error(`${name} is not reachable at ${where}; start it with: ${HOW_TO_START[name]}`);
  }
  return problems.length === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit((await checkServices()) ? 0 : 1);
}
