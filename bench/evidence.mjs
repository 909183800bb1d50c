// 佐证材料 uploads and downloads of a 20 MB file through the built API (streamed to a temporary file, judged by
// content, stored, recorded), against a bare Node HTTP server in the same run that only streams the body to a file
// and hashes it (the least any upload must do). Prints MB/s for each, their ratio, and the API process's resident
// memory (VmRSS sampled every 10 ms, and VmHWM) while one and then four uploads run at once: a buffering API would
// grow by about the files' size, a streaming one by little.
// Usage: npm run bench:evidence   (builds api and cli first; BENCH_RUNS: uploads timed, default 5; BENCH_MB: 20)
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { benchDatabase, call, startApi } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.BENCH_MB || 20);
const EDITOR = { username: 'zhaoxian.union.editor', password: 'evalflow-demo' };

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Samples a process's RSS until stopped; the highest seen. */
function sampleRss(pid) {
  let highest = memoryOf(pid).rss;
  const timer = setInterval(() => (highest = Math.max(highest, memoryOf(pid).rss)), 10);
  return () => (clearInterval(timer), highest);
}

/** A bare server: the body streamed to a file and hashed, 201 with the hash. */
async function bareServer(dir) {
  let n = 0;
  const server = createServer(async (req, res) => {
    const hash = createHash('sha256');
    req.on('data', (chunk) => hash.update(chunk));
    await pipeline(req, createWriteStream(join(dir, `bare-${n++}`)));
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256: hash.digest('hex') }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function timed(work) {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const mbps = (bytes, ms) => bytes / MB / (ms / 1000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const db = await benchDatabase();
  const storage = await mkdtemp(join(tmpdir(), 'evalflow-bench-evidence-'));
  const bareDir = await mkdtemp(join(tmpdir(), 'evalflow-bench-bare-'));
  const owner = new pg.Client({ connectionString: db.urls.owner });
  let api;
  let bare;
  try {
    await owner.connect();
    const [{ id: report }] = (
      await owner.query(
        `SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
          WHERE d.name = '赵县总工会' AND r.fiscal_year = 2024 AND r.kind = 'department_overall'`,
      )
    ).rows;
    // the file: a PDF's first bytes, then random ones (nothing to gain from compression anywhere)
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE_MB * MB - 9)]);
    api = await startApi({ ...db.env, STORAGE_DIR: storage });
    bare = await bareServer(bareDir);
    const token = (await call(api.base, 'POST', '/api/auth/login', null, EDITOR)).accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const uploadTo = async (url, headers) => {
      const res = await fetch(url, { method: 'POST', body: file, headers: { ...headers, 'content-type': 'application/pdf' } });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
      return body;
    };
    const evidenceUrl = (i) => `${api.base}/api/reports/${report}/evidence?fileName=${encodeURIComponent(`佐证${i}.pdf`)}`;
    const remove = (id) => fetch(`${api.base}/api/reports/${report}/evidence/${id}`, { method: 'DELETE', headers: auth });

    console.log(`evidence benchmark: ${SIZE_MB} MB file, ${RUNS} runs each, local storage, one connection`);
    // warm both once
    await uploadTo(`${bare.base}/`, {});
    await remove((await uploadTo(evidenceUrl('w'), auth)).id);

    const bareMs = [];
    const apiMs = [];
    for (let i = 0; i < RUNS; i++) {
      bareMs.push(await timed(() => uploadTo(`${bare.base}/`, {})));
      let id;
      apiMs.push(await timed(async () => (id = (await uploadTo(evidenceUrl(i), auth)).id)));
      await remove(id);
    }
    const bareRate = mbps(file.length, median(bareMs));
    const apiRate = mbps(file.length, median(apiMs));
    console.log(`bare Node server (stream to file + SHA-256): median ${median(bareMs).toFixed(0)} ms, ${bareRate.toFixed(0)} MB/s`);
    console.log(
      `EvalFlow POST /api/reports/:id/evidence:    median ${median(apiMs).toFixed(0)} ms, ${apiRate.toFixed(0)} MB/s ` +
        `(ratio to bare ${(apiRate / bareRate).toFixed(2)})`,
    );

    // memory: one upload, then four at once, then a download, each sampled
    const idle = memoryOf(api.pid).rss;
    let stop = sampleRss(api.pid);
    const one = (await uploadTo(evidenceUrl('m1'), auth)).id;
    const oneHigh = stop();
    stop = sampleRss(api.pid);
    const four = await Promise.all([0, 1, 2, 3].map(async (i) => (await uploadTo(evidenceUrl(`m4-${i}`), auth)).id));
    const fourHigh = stop();
    stop = sampleRss(api.pid);
    let downloaded = 0;
    const downloadMs = await timed(async () => {
      const res = await fetch(`${api.base}/api/reports/${report}/evidence/${one}/file`, { headers: auth });
      for await (const chunk of res.body) downloaded += chunk.length;
    });
    const downloadHigh = stop();
    if (downloaded !== file.length) throw new Error(`downloaded ${downloaded} of ${file.length} bytes`);
    for (const id of [one, ...four]) await remove(id);
    const after = memoryOf(api.pid);
    console.log(`api RSS idle ${idle.toFixed(0)} MB`);
    console.log(`  during 1 upload of ${SIZE_MB} MB:  highest ${oneHigh.toFixed(0)} MB (+${(oneHigh - idle).toFixed(0)} MB)`);
    console.log(
      `  during 4 uploads at once (${4 * SIZE_MB} MB): highest ${fourHigh.toFixed(0)} MB (+${(fourHigh - idle).toFixed(0)} MB)`,
    );
    console.log(
      `  during 1 download: highest ${downloadHigh.toFixed(0)} MB (+${(downloadHigh - idle).toFixed(0)} MB), ` +
        `${mbps(downloaded, downloadMs).toFixed(0)} MB/s`,
    );
    console.log(`  process peak (VmHWM) over the whole run: ${after.peak.toFixed(0)} MB`);
  } finally {
    await owner.end().catch(() => undefined);
    if (bare) await bare.close();
    if (api) await api.stop();
    await db.drop();
    await rm(storage, { recursive: true, force: true });
    await rm(bareDir, { recursive: true, force: true });
  }
}

await main();
