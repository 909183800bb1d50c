// 佐证材料 uploads and downloads of a 20 MB file through the built API (streamed to a temporary file, judged by
// content, stored, recorded), against two bare Node HTTP servers in the same run, each its own process: one streams
// the body to a file and hashes it (the least any upload must do), one collects it in memory first (what buffering
// costs). Prints MB/s for each, the API's ratio to the streaming one, and each process's resident memory (VmRSS
// sampled every 10 ms) while one and then four uploads run at once: the buffering server shows what the sampling sees
// when a body is held whole.
// Usage: npm run bench:evidence   (builds api and cli first; BENCH_RUNS: uploads timed, default 5; BENCH_MB: 20)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The bare servers' code, run in a child process: `stream` writes the body to a file as it comes, `buffer` holds it. */
const BARE_SERVER = `
const { createHash } = require('node:crypto');
const { createWriteStream, writeFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { pipeline } = require('node:stream/promises');
const [mode, dir] = process.argv.slice(1);
let n = 0;
createServer(async (req, res) => {
  const hash = createHash('sha256');
  const path = join(dir, mode + '-' + n++);
  if (mode === 'stream') {
    req.on('data', (chunk) => hash.update(chunk));
    await pipeline(req, createWriteStream(path));
  } else {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    hash.update(body);
    writeFileSync(path, body);
  }
  res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: path, sha256: hash.digest('hex') }));
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

async function bareServer(mode, dir) {
  const child = spawn(process.execPath, ['-e', BARE_SERVER, mode, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    close: () => new Promise((resolve) => (child.kill('SIGTERM'), child.on('exit', resolve))),
  };
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
  let buffering;
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
    // uploads are costly requests (20 a minute by default); the bench sends more than that in its minute
    api = await startApi({ ...db.env, STORAGE_DIR: storage, RATE_LIMIT_COSTLY_PER_MINUTE: '1000' });
    bare = await bareServer('stream', bareDir);
    buffering = await bareServer('buffer', bareDir);
    const token = (await call(api.base, 'POST', '/api/auth/login', null, EDITOR)).accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const uploadTo = async (url, headers) => {
      const res = await fetch(url, {
        method: 'POST',
        body: file,
        headers: { ...headers, 'content-type': 'application/pdf' },
      });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
      return body;
    };
    const evidenceUrl = (i) =>
      `${api.base}/api/reports/${report}/evidence?fileName=${encodeURIComponent(`佐证${i}.pdf`)}`;
    const remove = (id) =>
      fetch(`${api.base}/api/reports/${report}/evidence/${id}`, { method: 'DELETE', headers: auth });

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
    console.log(
      `bare Node server (stream to file + SHA-256): median ${median(bareMs).toFixed(0)} ms, ${bareRate.toFixed(0)} MB/s`,
    );
    console.log(
      `EvalFlow POST /api/reports/:id/evidence:    median ${median(apiMs).toFixed(0)} ms, ${apiRate.toFixed(0)} MB/s ` +
        `(ratio to bare ${(apiRate / bareRate).toFixed(2)})`,
    );

    // memory: one upload, then four at once, then a download, each sampled; the bare servers the same way
    const memoryUnder = async (pid, url, headers) => {
      const idle = memoryOf(pid).rss;
      let stop = sampleRss(pid);
      await uploadTo(url(0), headers);
      const one = stop();
      stop = sampleRss(pid);
      await Promise.all([1, 2, 3, 4].map((i) => uploadTo(url(i), headers)));
      return { idle, one: one - idle, four: stop() - idle };
    };
    for (const [label, server] of [
      ['bare server, streaming', bare],
      ['bare server, buffering', buffering],
    ]) {
      const m = await memoryUnder(server.pid, () => `${server.base}/`, {});
      console.log(
        `${label}: RSS idle ${m.idle.toFixed(0)} MB, +${m.one.toFixed(0)} MB during 1 upload, +${m.four.toFixed(0)} MB during 4 at once`,
      );
    }
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
    console.log(
      `  during 1 upload of ${SIZE_MB} MB:  highest ${oneHigh.toFixed(0)} MB (+${(oneHigh - idle).toFixed(0)} MB)`,
    );
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
    if (buffering) await buffering.close();
    if (api) await api.stop();
    await db.drop();
    await rm(storage, { recursive: true, force: true });
    await rm(bareDir, { recursive: true, force: true });
  }
}

await main();
