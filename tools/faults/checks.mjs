// After the faults: wait (bounded) for the worker to catch up, then check against the database itself that
// every acknowledged write is stored exactly once and every job it implies was done exactly once.
import { Queue } from 'bullmq';
import pg from 'pg';
import { hostPort, REDIS_URL, runApp, sleep } from './processes.mjs';

/** A 503 or a connection error is expected from a fault's start until this long after its end. */
export const OUTAGE_GRACE_MS = 15_000;
const is2xx = (status) => typeof status === 'number' && status >= 200 && status < 300;

/** Which phase a moment belongs to: a fault's index, or -1 before the first (setup) or after the last (drain). */
export function phaseIndexOf(phases, t) {
  for (let i = phases.length - 1; i >= 0; i--) {
    if (t >= phases[i].start) return t < phases[i].end ? i : -1;
  }
  return -1;
}

const inOutage = (phases, t) => phases.some((p) => t >= p.faultStart && t <= p.faultEnd + OUTAGE_GRACE_MS);

/** Everything the load was told was done, gathered from the users (each item keeps its user). */
function acknowledged(users) {
  const all = (key) => users.flatMap((u) => u.acks[key].map((a) => ({ ...a, user: u })));
  return {
    saves: all('saves'),
    comments: all('comments'),
    documents: all('documents'),
    transitions: all('transitions'),
  };
}

/** The notifications an acknowledged transition or comment must have left (their source keys). */
function notificationSources(acks) {
  return [
    ...acks.transitions.map((t) => ({
      t: t.t,
      key: `report-transition-${t.transitionId}`,
      user: t.user,
      what: `${t.action} ${t.transitionId}`,
    })),
    ...acks.comments
      .filter((c) => c.commentId)
      .map((c) => ({ t: c.t, key: `report-comment-${c.commentId}`, user: c.user, what: `comment ${c.commentId}` })),
  ];
}

/** What the worker still owes for the acknowledged writes (documents not finished, notifications not written). */
async function outstanding(client, users) {
  const acks = acknowledged(users);
  const { rows: unfinished } = await client.query(
    `SELECT id FROM documents WHERE (id = ANY($1::uuid[]) OR report_id = ANY($2::uuid[]))
        AND status IN ('queued', 'rendering')`,
    [acks.documents.map((d) => d.documentId), users.map((u) => u.reportId)],
  );
  const sources = notificationSources(acks).map((s) => s.key);
  const { rows: notified } = await client.query(
    `SELECT DISTINCT source_key FROM notifications WHERE source_key = ANY($1)`,
    [sources],
  );
  const { rows: pending } = await client.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
  return { documents: unfinished.length, notifications: sources.length - notified.length, outbox: pending[0].n };
}

/** Waits until the worker owes nothing, or `timeoutMs`; answers what was still owed. */
export async function waitForRecovery(ownerUrl, users, timeoutMs) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const started = Date.now();
  try {
    for (;;) {
      const owed = await outstanding(client, users);
      const settled = owed.documents === 0 && owed.notifications === 0 && owed.outbox === 0;
      if (settled || Date.now() - started > timeoutMs) return { ...owed, settled, waitedMs: Date.now() - started };
      await sleep(500);
    }
  } finally {
    await client.end();
  }
}

/** How many times each document was actually rendered: completed render jobs that say so, by document. */
async function rendersByDocument(prefix) {
  const queue = new Queue('documents', { connection: { ...hostPort(REDIS_URL, 6379) }, prefix });
  try {
    const renders = new Map();
    for (const job of await queue.getJobs(['completed'], 0, -1)) {
      const value = job?.returnvalue;
      if (value?.rendered && value.documentId) {
        renders.set(value.documentId, [...(renders.get(value.documentId) ?? []), job.id]);
      }
    }
    return renders;
  } finally {
    await queue.close();
  }
}

/** Findings, each counted against the phase whose load acknowledged the write (or outside the faults). */
class Findings {
  failures = [];

  constructor(phases) {
    this.phases = phases;
    this.perPhase = phases.map(() => ({ lostWrites: 0, lostJobs: 0, duplicateJobs: 0 }));
    this.outside = { lostWrites: 0, lostJobs: 0, duplicateJobs: 0 };
  }

  #count(t, what, label, line) {
    const i = phaseIndexOf(this.phases, t);
    (i >= 0 ? this.perPhase[i] : this.outside)[what]++;
    this.failures.push(`${label} [${i >= 0 ? this.phases[i].name : 'outside faults'}] ${line}`);
  }

  lostWrite(t, line) {
    this.#count(t, 'lostWrites', 'lost write', line);
  }

  lostJob(t, line) {
    this.#count(t, 'lostJobs', 'lost job', line);
  }

  duplicate(t, line) {
    this.#count(t, 'duplicateJobs', 'duplicate', line);
  }

  fail(line) {
    this.failures.push(line);
  }
}

/** Part saves: the last acknowledged content is what is stored; each acknowledged version written exactly once. */
async function checkSaves(client, users, findings) {
  for (const u of users) {
    const saves = u.acks.saves;
    if (!saves.length) continue;
    const last = saves.at(-1);
    // a later save whose answer was lost may have been stored over it
    const allowed = [last.marker, ...u.unknown.saves.filter((s) => s.t > last.t).map((s) => s.marker)];
    const { rows } = await client.query(
      `SELECT content, version FROM report_parts WHERE report_id = $1 AND part = 'objectives'`,
      [u.reportId],
    );
    const stored = rows[0]?.content?.items?.[0]?.actual ?? '';
    if (!allowed.some((m) => stored.endsWith(m)) || !(rows[0]?.version >= last.version)) {
      findings.lostWrite(
        last.t,
        `${u.username} report ${u.reportId}: last acknowledged save ${last.marker} v${last.version}, stored v${rows[0]?.version} «…${stored.slice(-24)}»`,
      );
    }
    // every write of a part leaves one audit entry in its transaction, naming the version it made
    const { rows: audited } = await client.query(
      `SELECT (details->>'toVersion')::int AS version, count(*)::int AS n FROM audit_log
        WHERE action = 'report.part_updated' AND target_id = $1 AND details->>'part' = 'objectives'
        GROUP BY 1`,
      [u.reportId],
    );
    const writes = new Map(audited.map((a) => [a.version, a.n]));
    for (const s of saves) {
      const n = writes.get(s.version) ?? 0;
      if (n === 0)
        findings.lostWrite(s.t, `${u.username} save ${s.marker}: acknowledged as v${s.version}, never written`);
      if (n > 1) findings.duplicate(s.t, `${u.username} save ${s.marker}: v${s.version} written ${n} times`);
    }
  }
}

/** Comments: each acknowledged one stored exactly once, in its thread; none of ours (answered or not) twice. */
async function checkComments(client, users, acks, findings) {
  const lost = users.flatMap((u) => u.unknown.comments.map((c) => ({ ...c, user: u })));
  const { rows } = await client.query(
    `SELECT body, count(*)::int AS n, array_agg(id::text) AS ids, array_agg(thread_id::text) AS threads
       FROM comments WHERE body = ANY($1) GROUP BY body`,
    [[...acks.comments, ...lost].map((c) => c.text)],
  );
  const byText = new Map(rows.map((r) => [r.body, r]));
  for (const c of acks.comments) {
    const row = byText.get(c.text);
    const who = `${c.user.username} comment «${c.text}»`;
    if (!row) findings.lostWrite(c.t, `${who} (thread ${c.threadId}) acknowledged, not stored`);
    else if (row.n > 1) findings.duplicate(c.t, `${who} stored ${row.n} times (ids ${row.ids.join(', ')})`);
    else if (row.threads[0] !== c.threadId) {
      findings.lostWrite(c.t, `${who}: acknowledged in thread ${c.threadId}, stored in ${row.threads[0]}`);
    }
  }
  for (const c of lost) {
    const row = byText.get(c.text);
    if (row?.n > 1)
      findings.duplicate(c.t, `${c.user.username} comment «${c.text}» (answer lost) stored ${row.n} times`);
  }
}

/** Notifications of acknowledged submits, withdrawals and comments: every finance user of the county, once. */
async function checkNotifications(client, users, acks, findings) {
  const { rows: finance } = await client.query(
    `SELECT u.tenant_id, u.id FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE u.active AND r.role IN ('finance_reviewer', 'finance_approver')`,
  );
  const { rows: reports } = await client.query(`SELECT id, tenant_id FROM reports WHERE id = ANY($1::uuid[])`, [
    users.map((u) => u.reportId),
  ]);
  const tenantOf = new Map(reports.map((r) => [r.id, r.tenant_id]));
  const sources = notificationSources(acks);
  const { rows } = await client.query(
    `SELECT source_key, user_id::text, count(*)::int AS n FROM notifications WHERE source_key = ANY($1)
      GROUP BY source_key, user_id`,
    [sources.map((s) => s.key)],
  );
  for (const s of sources) {
    const tenant = tenantOf.get(s.user.reportId);
    const expected = finance.filter((f) => f.tenant_id === tenant).map((f) => f.id);
    if (!expected.length) findings.fail(`check blind: no finance user in ${s.user.username}'s county to notify`);
    const got = rows.filter((r) => r.source_key === s.key);
    const missing = expected.filter((id) => !got.some((r) => r.user_id === id));
    if (missing.length) {
      findings.lostJob(
        s.t,
        `${s.user.username} ${s.what}: no notification ${s.key} for ${missing.length} of ${expected.length} finance users`,
      );
    }
    const twice = got.filter((r) => r.n > 1);
    if (twice.length)
      findings.duplicate(s.t, `${s.user.username} ${s.what}: notification ${s.key} twice for ${twice.length} users`);
  }
}

/** Transitions: each acknowledged one stored, as the move it was. */
async function checkTransitions(client, acks, findings) {
  const { rows } = await client.query(
    `SELECT id::text, action, report_id::text FROM report_transitions WHERE id = ANY($1::bigint[])`,
    [acks.transitions.map((t) => t.transitionId)],
  );
  for (const t of acks.transitions) {
    const row = rows.find((r) => r.id === t.transitionId);
    if (!row || row.action !== t.action || row.report_id !== t.user.reportId) {
      findings.lostWrite(t.t, `${t.user.username} ${t.action} transition ${t.transitionId} acknowledged, not stored`);
    }
  }
}

/**
 * Documents: each one asked for, and both of each acknowledged submission, ends done, rendered once
 * (documents are keyed by report, edition, format and template version; asking twice gives the same one).
 * Answers how many renders completed in all.
 */
async function checkDocuments(client, prefix, acks, findings) {
  const wanted = acks.documents.map((d) => ({
    t: d.t,
    user: d.user,
    id: d.documentId,
    what: `document ${d.documentId} (${d.edition}, pdf)`,
  }));
  for (const t of acks.transitions.filter((x) => x.action === 'submit')) {
    const { rows } = await client.query(
      `SELECT id::text, format FROM documents WHERE report_id = $1 AND edition = $2`,
      [t.user.reportId, `r${t.revision}`],
    );
    for (const format of ['docx', 'pdf']) {
      const row = rows.find((r) => r.format === format);
      const of = `r${t.revision}, ${format}, of submit ${t.transitionId}`;
      if (!row) findings.lostJob(t.t, `${t.user.username}: no document (${of})`);
      else wanted.push({ t: t.t, user: t.user, id: row.id, what: `document ${row.id} (${of})` });
    }
  }
  const { rows } = await client.query(
    `SELECT id::text, status, attempts, generation, error FROM documents WHERE id = ANY($1::uuid[])`,
    [wanted.map((w) => w.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const renders = await rendersByDocument(prefix);
  const seen = new Set();
  for (const w of wanted.filter((x) => !seen.has(x.id) && seen.add(x.id))) {
    const row = byId.get(w.id);
    const who = `${w.user.username} ${w.what}`;
    if (!row) {
      findings.lostWrite(w.t, `${who}: acknowledged, no such row`);
      continue;
    }
    if (row.status !== 'done') {
      findings.lostJob(
        w.t,
        `${who}: ${row.status} after the wait (attempts ${row.attempts}, generation ${row.generation}${row.error ? `, «${row.error}»` : ''})`,
      );
    }
    const jobs = renders.get(w.id) ?? [];
    if (jobs.length > 1) findings.duplicate(w.t, `${who}: rendered ${jobs.length} times (jobs ${jobs.join(', ')})`);
  }
  // the duplicate check reads completed render jobs: it must see them to prove anything
  const done = rows.filter((r) => r.status === 'done').length;
  if (done > 0 && renders.size === 0)
    findings.fail(`check blind: ${done} documents done, no completed render job under ${prefix}`);
  return [...renders.values()].reduce((n, jobs) => n + jobs.length, 0);
}

/** Outbox rows never relayed are jobs that never left. */
async function checkOutbox(client, findings) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n, min(last_error) AS error FROM outbox WHERE relayed_at IS NULL`,
  );
  if (rows[0].n) findings.fail(`outbox: ${rows[0].n} rows never relayed (${rows[0].error ?? 'no error recorded'})`);
}

/** The worker's time to recover: its first finished document or notification after each fault's end. */
async function workerRecovery(client, phases, perPhase) {
  for (const [i, p] of phases.entries()) {
    const { rows } = await client.query(
      `SELECT least((SELECT min(finished_at) FROM documents WHERE finished_at >= $1),
                    (SELECT min(created_at) FROM notifications WHERE created_at >= $1)) AS first`,
      [new Date(p.faultEnd)],
    );
    perPhase[i].workerRecoveryMs = rows[0].first ? rows[0].first.getTime() - p.faultEnd : null;
  }
}

/** What the load and the flood were answered: no 5xx but 503, and 503 or lost connections only in an outage. */
function checkAnswers(recorder, users, flood, phases, findings) {
  const at = (t) => `+${((t - phases[0].start) / 1000).toFixed(1)} s`;
  for (const r of recorder.records) {
    const where = `${r.user} ${r.kind} ${r.method} ${r.path} at ${at(r.t0)}`;
    if (typeof r.status === 'number' && r.status >= 500 && r.status !== 503) {
      findings.fail(`HTTP ${r.status} ${r.code ?? ''}: ${where}`);
    } else if (
      (r.status === 503 || r.status === 'conn' || r.status === 'timeout') &&
      !inOutage(phases, r.t0) &&
      !inOutage(phases, r.t1)
    ) {
      findings.fail(
        `${r.status}${r.code ? ` ${r.code}` : ''} outside an outage: ${where}${r.error ? ` (${r.error})` : ''}`,
      );
    }
  }
  for (const p of users.flatMap((u) => u.problems)) {
    findings.fail(
      `unexpected answer ${p.status} ${p.code ?? ''} to ${p.user}'s ${p.kind}${p.detail ? ` (${p.detail})` : ''} at ${at(p.t)}`,
    );
  }
  for (const [status, n] of Object.entries(flood?.statuses ?? {})) {
    if (status === 'conn' || Number(status) >= 500) findings.fail(`login flood: ${status}×${n}`);
  }
}

/** Per phase: requests, errors by status, and each kind's first success after the fault's end. */
function phaseStats(recorder, phases, perPhase) {
  for (const [i, p] of phases.entries()) {
    const mine = recorder.records.filter((r) => phaseIndexOf(phases, r.t0) === i);
    const errors = {};
    const codes = {};
    // the resend after an answer dropped on purpose is part of that exercise, not an error of the system
    for (const r of mine.filter((x) => !is2xx(x.status) && !x.afterDrop)) {
      errors[r.status] = (errors[r.status] ?? 0) + 1;
      const what = `${r.kind} ${r.status} ${r.code ?? r.error ?? ''}`.trim();
      codes[what] = (codes[what] ?? 0) + 1;
    }
    const recovery = {};
    for (const kind of ['save', 'comment', 'read', 'document', 'transition', 'login']) {
      const first = recorder.records
        .filter((r) => r.kind === kind && is2xx(r.status) && r.t1 >= p.faultEnd)
        .reduce((min, r) => Math.min(min, r.t1), Infinity);
      if (first !== Infinity) recovery[kind] = first - p.faultEnd;
    }
    Object.assign(perPhase[i], { requests: mine.length, errors, codes, recovery });
  }
}

/**
 * Every check. Answers per-phase counts (requests, errors, lost writes, lost jobs, duplicates, recovery),
 * the findings outside the faults, and the list of failures, each a line naming what and which ids.
 */
export async function runChecks({ db, prefix, users, recorder, phases, faultNotes, flood, cliEnv }) {
  const findings = new Findings(phases);
  const acks = acknowledged(users);
  const client = new pg.Client({ connectionString: db.owner });
  await client.connect();
  let renderCount;
  try {
    await checkSaves(client, users, findings);
    await checkComments(client, users, acks, findings);
    await checkNotifications(client, users, acks, findings);
    await checkTransitions(client, acks, findings);
    renderCount = await checkDocuments(client, prefix, acks, findings);
    await checkOutbox(client, findings);
    await workerRecovery(client, phases, findings.perPhase);
  } finally {
    await client.end();
  }
  const verify = await runApp('cli', ['audit:verify'], cliEnv);
  if (verify.code !== 0) {
    findings.fail(`audit:verify exited ${verify.code}: ${verify.output.trim().split('\n').slice(-5).join(' | ')}`);
  }
  checkAnswers(recorder, users, flood, phases, findings);
  for (const n of faultNotes.filter((x) => x.failure)) findings.fail(n.text);
  phaseStats(recorder, phases, findings.perPhase);
  const droppedAnswers = recorder.records.filter((r) => r.dropped).length;
  return {
    failures: findings.failures,
    perPhase: findings.perPhase,
    outside: findings.outside,
    acks,
    renderCount,
    droppedAnswers,
  };
}
