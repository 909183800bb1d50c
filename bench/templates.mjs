// Publishing a template change: the time from "保存草稿" to "发布" as a county administrator does it
// (a weight changed, the draft saved with If-Match, then published for 2025), next to a baseline
// measured in the same run: reading the same template (one authenticated GET of its detail).
// Usage: npm run bench:templates   (builds api and cli first; BENCH_RUNS: changes published, default 30)
import { benchDatabase, startApi } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 30);
const ADMIN = { username: 'zhaoxian.admin', password: 'evalflow-demo' };

async function call(base, method, path, token, body, ifMatch) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return {
    body: text ? JSON.parse(text) : null,
    etag: Number((response.headers.get('etag') ?? '0').replace(/"/g, '')),
  };
}

async function timed(work) {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const db = await benchDatabase();
const api = await startApi(db.env);
try {
  const login = await fetch(`${api.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const token = (await login.json()).accessToken;
  const list = (await call(api.base, 'GET', '/api/templates', token)).body;
  const hebei = list.find((t) => t.builtin && t.kind === 'department_overall');
  const copy = (
    await call(api.base, 'POST', '/api/templates', token, { sourceVersionId: hebei.latestVersion.id, name: '测速模板' })
  ).body;
  const reads = [];
  const saves = [];
  const publishes = [];
  for (let i = 0; i < RUNS; i++) {
    const read = await timed(() => call(api.base, 'GET', `/api/templates/${copy.id}`, token));
    reads.push(read.ms);
    const detail = read.result.body;
    const definition = structuredClone(detail.draftDefinition ?? detail.latestDefinition);
    // move one point between the first two 一级 indicators, back and forth: weights still total 100
    const [a, b] = definition.framework.level1;
    const step = i % 2 === 0 ? 1 : -1;
    a.weight = String(Number(a.weight) + step); // scores are decimal strings
    b.weight = String(Number(b.weight) - step);
    const saved = await timed(() =>
      call(api.base, 'PUT', `/api/templates/${copy.id}/draft`, token, { definition }, detail.draft?.version ?? 0),
    );
    saves.push(saved.ms);
    const published = await timed(() =>
      call(api.base, 'POST', `/api/templates/${copy.id}/publish`, token, { fiscalYear: 2025 }, saved.result.etag),
    );
    publishes.push(published.ms);
  }
  const line = (label, xs) =>
    console.log(`${label.padEnd(44)} ${median(xs).toFixed(1).padStart(8)} ms ${p95(xs).toFixed(1).padStart(8)} ms`);
  console.log(`template changes published: ${RUNS} (each a new frozen version for 2025)\n`);
  console.log(`${''.padEnd(44)} ${'median'.padStart(11)} ${'p95'.padStart(11)}`);
  line('baseline: GET /api/templates/:id', reads);
  line('save the draft (PUT …/draft, checks)', saves);
  line('publish for 2025 (POST …/publish)', publishes);
  const total = saves.map((s, i) => s + publishes[i]);
  line('a change, saved and published', total);
  console.log(`\npublish ÷ baseline read: ${(median(publishes) / median(reads)).toFixed(1)}×`);
} finally {
  await api.stop();
  await db.drop();
}
