// The fault suite's printed table: one row per fault.

export const seconds = (ms) =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`;

function errorsText(errors) {
  const entries = Object.entries(errors).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([status, n]) => `${status}×${n}`).join(', ') : '—';
}

/** The API's recovery: the later of the first save and the first comment (every user's every round) after the fault. */
const FREQUENT = ['save', 'comment'];

function recoveryText(row) {
  const api = FREQUENT.filter((k) => k in (row.recovery ?? {})).map((k) => row.recovery[k]);
  return `api ${api.length ? seconds(Math.max(...api)) : '—'} · worker ${seconds(row.workerRecoveryMs)}`;
}

export function printTable(phases, perPhase) {
  const header = [
    'fault',
    'requests',
    'errors by status',
    'lost writes',
    'lost jobs',
    'duplicate jobs',
    'time to recover',
  ];
  const rows = phases.map((p, i) => [
    p.name,
    perPhase[i].requests,
    errorsText(perPhase[i].errors),
    perPhase[i].lostWrites,
    perPhase[i].lostJobs,
    perPhase[i].duplicateJobs,
    recoveryText(perPhase[i]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = new Set([1, 3, 4, 5]);
  const line = (cells) =>
    cells
      .map((c, i) => (numeric.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Per fault, each request kind's first success after the fault's end (documents and moves come every few seconds). */
export function printRecoveryDetail(phases, perPhase) {
  for (const [i, p] of phases.entries()) {
    const kinds = Object.entries(perPhase[i].recovery ?? {}).map(([k, ms]) => `${k} ${seconds(ms)}`);
    const codes = Object.entries(perPhase[i].codes ?? {}).map(([what, n]) => `${what}×${n}`);
    console.log(
      `  ${p.name}: first success after the fault — ${kinds.join(', ') || '—'}; worker's first finished job ${seconds(perPhase[i].workerRecoveryMs)}` +
        (codes.length ? `; errors: ${codes.join(', ')}` : ''),
    );
  }
}

/** The signed-in latency without and with the login flood, measured in this run. */
export function floodLine({ flood, quiet, loud }) {
  if (!flood) return 'login flood: not run';
  const statuses = Object.entries(flood.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(', ');
  return (
    `login flood: signed-in GET /api/auth/me p50 ${quiet.p50.toFixed(1)} ms without the flood (${quiet.n} requests), ` +
    `${loud.p50.toFixed(1)} ms with it (${loud.n} requests; p90 ${quiet.p90.toFixed(1)} → ${loud.p90.toFixed(1)} ms); ` +
    `flood: ${flood.attempts} bad logins (${statuses})`
  );
}

/** Everything printed after the run: the table, each kind's recovery, the flood line, notes, totals, findings. */
export function printReport({ phases, notes, flood, users, result }) {
  console.log('');
  printTable(phases, result.perPhase);
  printRecoveryDetail(phases, result.perPhase);
  console.log('');
  console.log(floodLine(flood));
  for (const n of notes) console.log(n.text);
  for (const u of users) {
    for (const w of u.waitedOnKeys) console.log(`Idempotency-Key in progress: ${u.username} ${w.kind}: ${w.answers}`);
  }
  const a = result.acks;
  const replays = [...a.comments, ...a.documents, ...a.transitions].filter((x) => x.replayed).length;
  const dropped = result.droppedAnswers;
  const unknown = users.reduce((n, u) => n + Object.values(u.unknown).reduce((m, l) => m + l.length, 0), 0);
  const submits = a.transitions.filter((t) => t.action === 'submit').length;
  console.log(
    `acknowledged: ${a.saves.length} part saves (${a.saves.filter((s) => s.viaConflict).length} learnt from a 412 after a lost answer), ` +
      `${a.comments.length} comments, ${a.transitions.length} transitions (${submits} submits), ` +
      `${a.documents.length} documents asked for (${result.renderCount} renders completed in all); ` +
      `${dropped} answers dropped on purpose and asked again (not counted as errors); ${replays} answers replayed by Idempotency-Key; ` +
      `${unknown} writes left with an unknown outcome`,
  );
  const outside = result.outside;
  if (outside.lostWrites + outside.lostJobs + outside.duplicateJobs) {
    console.log(
      `outside the faults (setup, drain): ${outside.lostWrites} lost writes, ${outside.lostJobs} lost jobs, ${outside.duplicateJobs} duplicates`,
    );
  }
  console.log('');
  if (result.failures.length) {
    console.log(`FAILED — ${result.failures.length} findings:`);
    for (const f of result.failures.slice(0, 60)) console.log(`  - ${f}`);
    if (result.failures.length > 60) console.log(`  … and ${result.failures.length - 60} more`);
  } else {
    console.log(
      'every acknowledged write stored exactly once, every job done once, audit chains verified, no 5xx but 503 in an outage',
    );
  }
}
