// A CPU profile of the API under load: the built API started with --cpu-prof, one scenario driven by autocannon,
// then the profile summed up — the functions with the most time of their own (self), the ones whose calls take the
// most time in all (total, callees included), and the time by package. The .cpuprofile is kept (open it in Chrome
// DevTools or speedscope). Usage: npm run bench:profile -- read|checks   (PROFILE_SECONDS 15, PROFILE_CONNECTIONS 4)
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, call, cannon, row, startApi } from './lib.mjs';

const SCENARIO = process.argv[2] ?? 'read';
const SECONDS = Number(process.env.PROFILE_SECONDS || 15);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS || 4);
const TOP = Number(process.env.PROFILE_TOP || 25);
const USER = { username: 'zhaoxian.union.editor', password: 'evalflow-demo' };

/** Where a frame's code lives: a package, Node itself, or the app's own bundle. */
function placeOf(url) {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('dist/apps/api')) return 'evalflow (api bundle)';
  return url.replace(/^file:\/\//, '');
}

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const label = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${placeOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const places = new Map();
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      places.set(name, (places.get(name) ?? 0) + n.hitCount);
      continue;
    }
    self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);
    const place = placeOf(n.callFrame.url);
    places.set(place, (places.get(place) ?? 0) + n.hitCount);
  }
  // total time: a node's hits and its subtree's, each function counted once per stack (recursion not twice)
  const inclusive = new Map();
  const walk = (id, onStack) => {
    const n = byId.get(id);
    let hits = n.hitCount ?? 0;
    const key = label(n);
    const first = !onStack.has(key);
    if (first) onStack.add(key);
    for (const child of n.children ?? []) hits += walk(child, onStack);
    if (first) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
    }
    return hits;
  };
  walk(profile.nodes[0].id, new Set());
  const busy = total - (places.get('(idle)') ?? 0);
  const pct = (h, of) => `${((100 * h) / of).toFixed(1).padStart(5)}%`;
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nsamples: ${total}, busy (not idle): ${busy} (${pct(busy, total)} of the run)`);
  console.log(`\ntime by place (share of busy time):`);
  for (const [place, hits] of top(places, 15)) if (place !== '(idle)') console.log(`  ${pct(hits, busy)}  ${place}`);
  console.log(`\ntop ${TOP} by self time (share of busy time):`);
  for (const [name, hits] of top(self, TOP)) console.log(`  ${pct(hits, busy)}  ${name}`);
  console.log(
    `\ntop ${TOP} by total time, callees included (share of busy time), leaving out the event loop's own frames:`,
  );
  const skip =
    /^\(root\)|^processTicksAndRejections|^listOnTimeout|^processTimers|^runMicrotasks|^\(anonymous\) node internals/;
  for (const [name, hits] of top(inclusive, TOP * 3)
    .filter(([name]) => !skip.test(name))
    .slice(0, TOP))
    console.log(`  ${pct(hits, busy)}  ${name}`);
}

async function main() {
  const db = await benchDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'evalflow-profile-'));
  let api;
  try {
    api = await startApi(db.env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const { accessToken: token } = await call(api.base, 'POST', '/api/auth/login', null, USER);
    const reportId = (await call(api.base, 'GET', '/api/reports?fiscalYear=2024&kind=department_overall', token))
      .items[0].id;
    const path = { read: `/api/reports/${reportId}`, checks: `/api/reports/${reportId}/checks` }[SCENARIO];
    if (!path) throw new Error(`unknown scenario ${SCENARIO} (read, checks)`);
    const options = {
      url: `${api.base}${path}`,
      headers: { authorization: `Bearer ${token}` },
      connections: CONNECTIONS,
    };
    await cannon({ ...options, duration: 2 });
    const result = await cannon({ ...options, duration: SECONDS });
    console.log(`profile of GET ${SCENARIO}: ${SECONDS} s, ${CONNECTIONS} connections`);
    console.log(row(`API GET ${path.replace(reportId, ':id')}`, result));
    await api.stop();
    api = null;
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the API wrote no profile');
    summarise(JSON.parse(await readFile(join(dir, file), 'utf8')));
    console.log(`\nprofile kept: ${join(dir, file)}`);
  } finally {
    if (api) await api.stop();
    await db.drop();
  }
}

await main();
