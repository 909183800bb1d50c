// 截止日前的高峰 (deadline peak): the last hour before a county's deadline, compressed into BENCH_SECONDS.
// One county made through the API (bench/peak-county.mjs): BENCH_EDITORS budget departments, each an editor
// with a complete 部门整体 draft of last year, due today, and BENCH_REVIEWERS finance reviewers. Then, at once:
//   - every editor autosaves its 存在问题 part every ~BENCH_AUTOSAVE_MS (PUT with If-Match; on 412 it re-reads
//     the part's version); BENCH_SUBMITTERS of them submit once, evenly over 10–90 % of the run, and then
//     wait for the 送审稿 PDF as the web does (their documents, then the PDF every BENCH_POLL_MS) and
//     download it. The submission itself queues the PDF and the DOCX (outbox → BullMQ → the worker).
//   - every reviewer reads the 待审 list (submitted and in review, 20 a page) and a report picked from it,
//     ~BENCH_REVIEWER_THINK_MS apart.
// "submit → PDF ready" runs from sending the submit to the PDF's finished_at (from then it can be
// downloaded; same clock); "downloaded" adds the poll and the download, as a user of the web sees it.
// These flows carry state from answer to request, so they are closed loops of fetch (autocannon cannot
// express them); latencies go into HDR histograms (bench/peak-probe.mjs).
// Baseline, same run, on the idle system first: the same part write, report read and list read alone,
// BENCH_BASELINE_REQUESTS each, and BENCH_IDLE_SUBMITS submissions one at a time (each after the last one's
// documents are done), after one that warms the render thread up.
// Printed: per stream requests/s, p50/p95/p99 (peak p95 as a multiple of idle), errors and 412s apart; the
// documents queue every second (BullMQ waiting+active, and outbox rows not yet relayed); submit → PDF
// p50/p95/max; where the documents' time went (relay, waiting for the worker, rendering).
// One api and one worker process, as built, with their settings from the environment (OUTBOX_POLL_MS …).
// Defaults: BENCH_SECONDS 30, BENCH_EDITORS 60, BENCH_SUBMITTERS = editors, BENCH_REVIEWERS 3,
// BENCH_AUTOSAVE_MS 2000, BENCH_REVIEWER_THINK_MS 500, BENCH_POLL_MS 1000 (the web's), BENCH_BASELINE_REQUESTS
// 200, BENCH_IDLE_SUBMITS 5.
// Usage: npm run bench:peak   (builds api, worker and cli first)
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchDatabase, quantiles, startApi, startWorker } from './lib.mjs';
import { createCounty, YEAR } from './peak-county.mjs';
import { cpuSeconds, documentPhases, dropQueueKeys, fmtQ, sampleQueue, Stream } from './peak-probe.mjs';

const num = (name, fallback) => Number(process.env[name] || fallback);
const SECONDS = num('BENCH_SECONDS', 30);
const EDITORS = num('BENCH_EDITORS', 60);
const SUBMITTERS = Math.min(EDITORS, num('BENCH_SUBMITTERS', EDITORS));
const REVIEWERS = num('BENCH_REVIEWERS', 3);
const AUTOSAVE_MS = num('BENCH_AUTOSAVE_MS', 2000);
const THINK_MS = num('BENCH_REVIEWER_THINK_MS', 500);
const POLL_MS = num('BENCH_POLL_MS', 1000); // as the web polls (DOCUMENT_POLL_MS)
const BASELINE_REQUESTS = num('BENCH_BASELINE_REQUESTS', 200);
const IDLE_SUBMITS = num('BENCH_IDLE_SUBMITS', 5);
const DRAIN_S = 300;
const PART = 'problems';
const PENDING = `/api/reports?fiscalYear=${YEAR}&status=submitted,in_review&limit=20`;

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const jitter = (ms) => ms * (0.5 + Math.random());

/** The API as one user: fetch with its token. */
const as =
  (base, token) =>
  (method, path, body, headers = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body,
    });

/** Streams of one phase (idle or peak): each flow's requests timed into the stream of its kind. */
function streams(label) {
  const names = {
    put: 'editor: PUT part (autosave)',
    reread: 'editor: GET part (after 412)',
    submit: 'editor: POST submit',
    docs: 'editor: GET documents + poll',
    file: 'editor: GET PDF file',
    list: 'reviewer: GET 待审 list',
    read: 'reviewer: GET report',
  };
  return Object.fromEntries(Object.entries(names).map(([k, n]) => [k, new Stream(`${label} ${n}`)]));
}

/** An editor's autosave: its part alternates between two contents, each write carrying the version it read. */
async function autosave(editor, s) {
  const body = JSON.stringify(editor.flip ? editor.contents[1] : editor.contents[0]);
  const api = as(editor.base, editor.token);
  const r = await s.put.time(() =>
    api('PUT', `/api/reports/${editor.reportId}/parts/${PART}`, body, {
      'if-match': `"${editor.versions[PART]}"`,
    }),
  );
  if (r?.status === 200) {
    const written = JSON.parse(r.text);
    editor.versions[PART] = written.version;
    editor.reportVersion = written.reportVersion;
    editor.flip ^= 1;
  } else if (r?.status === 412) {
    const part = await s.reread.time(() => api('GET', `/api/reports/${editor.reportId}/parts/${PART}`));
    if (part?.status === 200) editor.versions[PART] = JSON.parse(part.text).version;
  }
}

/**
 * Submits, then waits for the 送审稿 PDF the way the web does and downloads it. Answers the times (ms) from
 * sending the submit to the download's end, and the submit's start on the wall clock (for the rows' times).
 */
async function submitAndWait(editor, s) {
  const api = as(editor.base, editor.token);
  const startedAt = Date.now();
  const started = performance.now();
  const body = JSON.stringify({ action: 'submit', expectedVersion: editor.reportVersion });
  const r = await s.submit.time(() => api('POST', `/api/reports/${editor.reportId}/transitions`, body));
  if (r?.status !== 200) return null;
  const listed = await s.docs.time(() => api('GET', `/api/reports/${editor.reportId}/documents`));
  const docs = listed?.status === 200 ? JSON.parse(listed.text) : [];
  const pdf = docs.find((d) => d.format === 'pdf');
  if (!pdf) return null;
  for (let view = pdf; view.status !== 'done'; ) {
    if (view.status === 'failed' || performance.now() - started > DRAIN_S * 1000) return null;
    await sleep(POLL_MS);
    const polled = await s.docs.time(() => api('GET', `/api/documents/${pdf.id}`));
    if (polled?.status === 200) view = JSON.parse(polled.text);
  }
  const file = await s.file.time(() => api('GET', `/api/documents/${pdf.id}/file`));
  if (file?.status !== 200) return null;
  return { ms: performance.now() - started, startedAt, documentIds: docs.map((d) => d.id), pdfId: pdf.id };
}

/** A reviewer: the 待审 list, then one report picked from it, with a pause between reads. */
async function review(reviewer, s, until) {
  const api = as(reviewer.base, reviewer.token);
  while (performance.now() < until) {
    const list = await s.list.time(() => api('GET', PENDING));
    const items = list?.status === 200 ? JSON.parse(list.text).items : [];
    await sleep(jitter(THINK_MS));
    if (items.length) {
      await s.read.time(() => api('GET', `/api/reports/${items[Math.floor(Math.random() * items.length)].id}`));
      await sleep(jitter(THINK_MS));
    }
  }
}

/** An editor in the peak: autosaves until its time to submit (if it has one), then submits and waits. */
async function edit(editor, s, until, submits) {
  await sleep(Math.random() * AUTOSAVE_MS);
  const stop = editor.submitAt ?? until;
  while (performance.now() < stop) {
    await autosave(editor, s);
    await sleep(Math.min(jitter(AUTOSAVE_MS), stop - performance.now()));
  }
  if (editor.submitAt !== undefined) submits.push(await submitAndWait(editor, s));
}

/** The idle baseline: each request alone, one after another; then submissions one at a time. */
async function idleBaseline(editor, pending, reviewer, owner) {
  const s = streams('idle');
  for (let i = 0; i < BASELINE_REQUESTS; i++) await autosave(editor, s);
  const api = as(reviewer.base, reviewer.token);
  for (let i = 0; i < BASELINE_REQUESTS; i++) await s.read.time(() => api('GET', `/api/reports/${editor.reportId}`));
  const submits = [];
  for (const e of pending) {
    const done = await submitAndWait(e, s);
    submits.push(done);
    // the DOCX too, so the next submission finds the worker idle
    while (done && (await unfinished(owner, done.documentIds))) await sleep(50);
  }
  for (let i = 0; i < BASELINE_REQUESTS; i++) await s.list.time(() => api('GET', PENDING));
  // the first render of a fresh render thread parses the fonts: shown apart, not in the baseline
  const [cold, ...warm] = submits;
  return { s, submits: warm, cold };
}

const unfinished = async (owner, ids) =>
  (await owner.query(`SELECT count(*)::int AS n FROM documents WHERE id = ANY($1::uuid[]) AND status <> 'done'`, [ids]))
    .rows[0].n;

/** The ready time by the rows: the PDF's finished_at (set by the worker) less the submit's start. */
async function readyByRows(owner, submits) {
  const { rows } = await owner.query(
    `SELECT id::text, extract(epoch FROM finished_at) * 1000 AS finished FROM documents WHERE id = ANY($1::uuid[])`,
    [submits.map((d) => d.pdfId)],
  );
  const finished = new Map(rows.map((r) => [r.id, Number(r.finished)]));
  return quantiles(submits.map((d) => finished.get(d.pdfId) - d.startedAt));
}

function printPhases(title, { phases, perMinute, busy, spanMs }) {
  console.log(
    `${title} the worker finished ${perMinute.toFixed(0)} documents/min over ${(spanMs / 1000).toFixed(1)} s, ` +
      `on a job ${(busy * 100).toFixed(0)} % of that time`,
  );
  for (const [format, p] of Object.entries(phases)) {
    console.log(`  ${format.padEnd(4)} relay (outbox → BullMQ)      ${fmtQ(p.relay)}`);
    console.log(`       waiting for the worker      ${fmtQ(p.wait)}`);
    console.log(`       claimed → done (render)     ${fmtQ(p.render)}`);
  }
}

/** The peak: every editor and reviewer at once; answers the streams, the submissions and the queue samples. */
async function runPeak(editors, reviewers, db, pids) {
  const s = streams('peak');
  const order = [...editors.keys()].sort(() => Math.random() - 0.5).slice(0, SUBMITTERS);
  const began = performance.now();
  const until = began + SECONDS * 1000;
  order.forEach((e, k) => (editors[e].submitAt = began + (0.1 + (0.8 * (k + 0.5)) / SUBMITTERS) * SECONDS * 1000));
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const stopSampling = sampleQueue(db.name, db.owner);
  const submits = [];
  await Promise.all([...editors.map((e) => edit(e, s, until, submits)), ...reviewers.map((r) => review(r, s, until))]);
  const elapsedS = (performance.now() - began) / 1000;
  const cpu = Object.entries(pids).map(
    ([k, pid]) => `${k} ${((cpuSeconds(pid) - cpuBefore[k]) / elapsedS).toFixed(2)}`,
  );
  return { s, submits: submits.filter(Boolean), samples: await stopSampling(), elapsedS, cpu };
}

/** What the submissions' PDFs took: downloaded (as polled) and ready (by the rows), with the documents' phases. */
async function pdfTimes(owner, submits) {
  return {
    downloaded: quantiles(submits.map((d) => d.ms)),
    ready: await readyByRows(owner, submits),
    phases: await documentPhases(
      owner,
      submits.flatMap((d) => d.documentIds),
    ),
  };
}

function printPdfTimes(label, t) {
  console.log(`${label} submit → PDF ready (rows: finished_at − submit sent)  ${fmtQ(t.ready)}`);
  console.log(`${label} submit → PDF downloaded (polled every ${POLL_MS} ms)      ${fmtQ(t.downloaded)}`);
  printPhases(`${label} documents:`, t.phases);
}

function printQueue(samples) {
  const depth = samples.map((x) => x.depth);
  const outbox = samples.map((x) => x.outbox);
  const mean = depth.reduce((a, b) => a + b, 0) / depth.length;
  console.log(
    `documents queue (BullMQ waiting+active) each second: max ${Math.max(...depth)}, mean ${mean.toFixed(1)}`,
  );
  console.log(`  ${depth.join(' ')}`);
  console.log(`outbox rows of documents not yet relayed, each second: max ${Math.max(...outbox)}`);
  console.log(`  ${outbox.join(' ')}`);
}

async function main() {
  const db = await benchDatabase();
  const storage = await mkdtemp(join(tmpdir(), 'evalflow-bench-peak-'));
  const env = { ...db.env, STORAGE_DIR: storage };
  db.owner = new pg.Client({ connectionString: db.urls.owner });
  const stops = [];
  try {
    await db.owner.connect();
    const api = await startApi(env);
    stops.push(api);
    const setupStarted = Date.now();
    const county = await createCounty(api.base, { departments: EDITORS + 1 + IDLE_SUBMITS, reviewers: REVIEWERS });
    const setupS = ((Date.now() - setupStarted) / 1000).toFixed(0);
    const worker = await startWorker(env);
    stops.unshift(worker);
    const people = (list) => list.map((p) => ({ ...p, base: api.base, flip: 0 }));
    const editors = people(county.editors).map((e) => ({
      ...e,
      contents: [e.problems, { ...e.problems, measures: `${e.problems.measures}（截止前修改）` }],
    }));
    const reviewers = people(county.reviewers);
    const idleEditors = editors.splice(EDITORS);
    const window = 0.8 * SECONDS;
    console.log(
      `deadline peak: county 峰值县, ${YEAR} reports due ${county.dueOn} (setup ${setupS} s); ` +
        `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} before the run; 1 api + 1 worker ` +
        `(OUTBOX_POLL_MS ${process.env.OUTBOX_POLL_MS ?? 'unset: the default'})`,
    );
    console.log(
      `load: ${EDITORS} editors autosaving every ~${AUTOSAVE_MS} ms (~${((EDITORS * 1000) / AUTOSAVE_MS).toFixed(0)} ` +
        `writes/s offered); ${SUBMITTERS} of them submit, evenly over ${window.toFixed(0)} s ` +
        `(${((SUBMITTERS * 60) / window).toFixed(0)} submissions/min, each a PDF and a DOCX); ${REVIEWERS} reviewers ` +
        `(~${THINK_MS} ms between reads); ${SECONDS} s\n`,
    );

    const idle = await idleBaseline(editors[0], idleEditors, reviewers[0], db.owner);
    const idlePdf = await pdfTimes(db.owner, idle.submits.filter(Boolean));
    const peak = await runPeak(editors, reviewers, db, { api: api.pid, worker: worker.pid, bench: process.pid });
    const peakPdf = await pdfTimes(db.owner, peak.submits);

    console.log(`idle baseline (alone, one request at a time, ${BASELINE_REQUESTS} each):`);
    for (const k of ['put', 'read', 'list', 'submit']) console.log(idle.s[k].line(null, null));
    const cold = idle.cold && (await readyByRows(db.owner, [idle.cold])).max;
    console.log(`a fresh render thread (the first submission, not counted): PDF ready in ${cold?.toFixed(0)} ms`);
    printPdfTimes('idle', idlePdf);

    console.log(`\npeak (${SECONDS} s; the waits for the last PDFs ran on to ${peak.elapsedS.toFixed(1)} s):`);
    for (const [k, s] of Object.entries(peak.s)) {
      if (s.count) console.log(s.line(SECONDS, idle.s[k]));
      if (s.lastFailure) console.log(`    last failure: ${s.lastFailure}`);
    }
    console.log(`CPU (cores) during the peak: ${peak.cpu.join(', ')}; PostgreSQL and Redis not counted`);
    printQueue(peak.samples);
    console.log(`\n${peak.submits.length} of ${SUBMITTERS} submissions got their PDF`);
    printPdfTimes('peak', peakPdf);
    const verdict = peakPdf.ready.p95 <= 1500 ? 'met' : 'not met';
    console.log(
      `goal p95 ≤ 1500 ms (ready): ${verdict} — p95 ${peakPdf.ready.p95?.toFixed(0)} ms at ` +
        `${((SUBMITTERS * 60) / window).toFixed(0)} submissions/min (idle p95 ${idlePdf.ready.p95?.toFixed(0)} ms)`,
    );
  } finally {
    // everything this run made goes, whatever failed: processes, database, queue keys, stored documents
    const warn = (what) => (error) => console.error(`cleanup: ${what} failed: ${error.message}`);
    await db.owner.end().catch(warn('closing the owner connection'));
    for (const s of stops) await s.stop().catch(warn('stopping a process'));
    await db.drop().catch(warn(`dropping ${db.name}`));
    await dropQueueKeys(db.name).catch(warn('removing the queue keys'));
    await rm(storage, { recursive: true, force: true }).catch(warn('removing the storage directory'));
  }
}

await main();
