// The steady load: virtual users (each its own demo login and its own 项目支出绩效自评表) saving a part,
// commenting, moving the report and asking for documents, retrying what a fault interrupts; every request's
// outcome and every acknowledged write is recorded. Also the login flood and the signed-in latency probe.
import { randomBytes, randomUUID } from 'node:crypto';
import { sleep } from './processes.mjs';

export const DEMO_PASSWORD = 'evalflow-demo';
const REQUEST_TIMEOUT_MS = 20_000;
/**
 * Every so many of a user's requests of a kind, the first answer is dropped and the request sent again (as
 * when a connection breaks after the server answered): the retry must not write a second time.
 */
const DROP_ANSWER_EVERY = { save: 7, comment: 5, document: 3, transition: 3 };
/** How long one logical request keeps retrying through an outage (longer than any fault injected). */
const RETRY_BUDGET_MS = 120_000;

const is2xx = (status) => typeof status === 'number' && status >= 200 && status < 300;
const isTransient = (res) =>
  res.status === 'conn' ||
  res.status === 'timeout' ||
  res.status === 503 ||
  // the first attempt of this key is still running, or died holding it (taken over after 60 s)
  (res.status === 409 && res.code === 'IDEMPOTENCY_IN_PROGRESS');

function retryDelay(res, attempt) {
  const header = Number(res.headers?.get?.('retry-after'));
  if (Number.isFinite(header) && header > 0) return Math.min(header * 1000, 5000);
  return Math.min(200 * 2 ** (attempt - 1), 2000);
}

/** Every request of the load, with its outcome: an HTTP status, 'conn' (connection error) or 'timeout'. */
export class Recorder {
  records = [];
  inflight = new Map();
  #next = 1;

  begin(meta) {
    const id = this.#next++;
    this.inflight.set(id, { ...meta, id, t0: Date.now() });
    return id;
  }

  end(id, outcome) {
    const started = this.inflight.get(id);
    this.inflight.delete(id);
    const record = { ...started, t1: Date.now(), status: outcome.status, code: outcome.code, error: outcome.error };
    this.records.push(record);
    return record;
  }
}

/** One HTTP exchange with the API, recorded; never throws. */
export async function send(base, recorder, { user, kind, method, path, token, body, headers = {} }) {
  const id = recorder.begin({ user, kind, method, path });
  let outcome;
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    outcome = { status: res.status, body: json, headers: res.headers, code: json?.code };
  } catch (error) {
    const timedOut = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    outcome = { status: timedOut ? 'timeout' : 'conn', error: error?.cause?.code ?? error?.message };
  }
  outcome.record = recorder.end(id, outcome);
  return outcome;
}

/** A demo login driving its own report. */
export class VirtualUser {
  /** each acknowledged (2xx) write, with what it wrote */
  acks = { saves: [], comments: [], documents: [], transitions: [] };
  /** writes whose outcome stayed unknown (retries exhausted): they may or may not be stored */
  unknown = { saves: [], comments: [], documents: [], transitions: [] };
  /** answers that should not happen to a user working on its own report */
  problems = [];
  /** logical requests that met IDEMPOTENCY_IN_PROGRESS on the way (retried; printed, not failed) */
  waitedOnKeys = [];

  constructor({ base, recorder, username, tag, sample, options }) {
    this.base = base;
    this.recorder = recorder;
    this.username = username;
    this.tag = tag;
    this.sample = sample;
    this.options = options;
    this.mayWithdraw = username.endsWith('.head');
    this.token = null;
    this.refreshCookie = null;
    this.seq = 0;
    this.sent = { save: 0, comment: 0, document: 0, transition: 0 };
    this.wantDocument = false;
  }

  /**
   * One logical request: retried with the same body, If-Match and Idempotency-Key through outages.
   * `dropAnswer`: the first 2xx answer is thrown away and the request sent again at once, as when the
   * connection breaks after the server answered — which Idempotency-Key (or If-Match) must make harmless.
   */
  async call(kind, request, { idempotent = false, dropAnswer = false } = {}) {
    const headers = { ...(request.headers ?? {}) };
    if (idempotent) headers['idempotency-key'] = randomUUID();
    const started = Date.now();
    let reauths = 0;
    let dropped = null;
    const answers = [];
    for (let attempt = 1; ; attempt++) {
      const res = await send(this.base, this.recorder, {
        ...request,
        headers,
        user: this.username,
        kind,
        token: this.token,
      });
      answers.push(`${res.status}${res.code ? ` ${res.code}` : ''}`);
      if (res.status === 401 && reauths < 2) {
        reauths++;
        const signedIn = await this.signIn().then(
          () => true,
          (error) => (this.problem('login', res, error.message), false),
        );
        if (signedIn) continue;
      }
      if (dropAnswer && !dropped && is2xx(res.status)) {
        dropped = res;
        res.record.dropped = true;
        answers.push('(dropped)');
        continue;
      }
      if (isTransient(res) && Date.now() - started < RETRY_BUDGET_MS) {
        await sleep(retryDelay(res, attempt));
        continue;
      }
      // the final answer after a dropped one (a replay, or a 412 showing our own save) is part of that exercise
      if (dropped) res.record.afterDrop = true;
      if (answers.some((a) => a.includes('IDEMPOTENCY_IN_PROGRESS'))) {
        this.waitedOnKeys.push({ t: started, kind, answers: answers.join(' → ') });
      }
      return { ...res, attempts: attempt, retried: attempt > 1, dropped };
    }
  }

  /** Refresh when there is a refresh cookie, else sign in with the password. */
  async signIn() {
    if (this.refreshCookie) {
      const res = await send(this.base, this.recorder, {
        user: this.username,
        kind: 'login',
        method: 'POST',
        path: '/api/auth/refresh',
        headers: { cookie: this.refreshCookie },
      });
      if (res.status === 200) return this.#took(res);
    }
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const res = await send(this.base, this.recorder, {
        user: this.username,
        kind: 'login',
        method: 'POST',
        path: '/api/auth/login',
        body: { username: this.username, password: DEMO_PASSWORD },
      });
      if (res.status === 200) return this.#took(res);
      const retry = isTransient(res) || res.status === 429;
      if (!retry || Date.now() - started > RETRY_BUDGET_MS) {
        throw new Error(`${this.username} could not sign in: ${res.status} ${res.code ?? res.error ?? ''}`);
      }
      await sleep(retryDelay(res, attempt));
    }
  }

  #took(res) {
    this.token = res.body.accessToken;
    const cookie = res.headers.getSetCookie?.().find((c) => c.startsWith('evalflow_refresh='));
    if (cookie) this.refreshCookie = cookie.split(';')[0];
  }

  /** Whether this request of `kind` is one whose first answer is dropped. */
  dropNext(kind) {
    return ++this.sent[kind] % DROP_ANSWER_EVERY[kind] === 0;
  }

  /** A retry after a dropped answer must be that answer replayed (Idempotency-Key), naming the same thing. */
  checkReplay(kind, res, idOf) {
    if (!res.dropped) return;
    const replayed = res.headers?.get?.('idempotent-replayed') === 'true';
    const same = is2xx(res.status) && idOf(res.body) === idOf(res.dropped.body);
    if (!replayed || !same) {
      this.problem(
        kind,
        res,
        `the retry of a dropped answer (${idOf(res.dropped.body)}) was answered ${res.status}${replayed ? ' (replayed)' : ''} ${is2xx(res.status) ? idOf(res.body) : ''}`,
      );
    }
  }

  problem(kind, res, detail) {
    this.problems.push({ t: Date.now(), user: this.username, kind, status: res.status, code: res.code, detail });
  }

  /** Signs in, creates its own project table and fills it from the demo's submitted one, so it may be submitted. */
  async setup(index) {
    await this.signIn();
    const code = `FAULT-${this.tag}`;
    const created = await this.call('create', {
      method: 'POST',
      path: '/api/reports',
      body: { fiscalYear: 2024, kind: 'project', project: { code, name: `故障演练项目 ${this.tag}` } },
    });
    if (created.status !== 201) throw new Error(`${this.username}: creating its report answered ${created.status}`);
    this.reportId = created.body.id;
    for (const part of ['objectives', 'scoreTable', 'conclusion', 'preparers']) {
      const res = await this.call('setup', {
        method: 'PUT',
        path: `/api/reports/${this.reportId}/parts/${part}`,
        body: this.sample[part],
        headers: { 'if-match': `"${created.body.parts[part].version}"` },
      });
      if (res.status !== 200) {
        throw new Error(`${this.username}: filling ${part} answered ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    const checks = await this.call('setup', { method: 'GET', path: `/api/reports/${this.reportId}/checks` });
    if (checks.body?.blocking !== false) {
      const failing = (checks.body?.results ?? []).filter((r) => r.severity === 'error' && !r.passed);
      throw new Error(`${this.username}: its report would not pass the checks: ${JSON.stringify(failing)}`);
    }
    await this.resync();
    // spread the users' periodic actions over time
    const now = Date.now();
    this.nextDocumentAt = now + (this.options.documentEveryMs * (index + 1)) / (this.options.users + 1);
    this.nextSubmitAt = now + (this.options.submitEveryMs * (index + 1)) / (this.options.users + 1);
  }

  /** The report's status and versions as the server has them (after an outcome it could not learn). */
  async resync() {
    const res = await this.call('read', { method: 'GET', path: `/api/reports/${this.reportId}` });
    if (res.status !== 200) return false;
    this.status = res.body.status;
    this.reportVersion = res.body.version;
    this.partVersion = res.body.parts.objectives.version;
    return true;
  }

  async run(shouldStop) {
    let i = 0;
    while (!shouldStop()) {
      i++;
      try {
        await this.step(i);
      } catch (error) {
        this.problems.push({
          t: Date.now(),
          user: this.username,
          kind: 'step',
          status: 'exception',
          detail: error.message,
        });
      }
      await sleep(this.options.paceMs);
    }
  }

  /** One round: save (while editable), every other round a comment, now and then a document and a move. */
  async step(i) {
    if (this.status === 'draft' || this.status === 'returned') await this.save();
    if (i % 2 === 0) await this.comment();
    if (this.wantDocument || Date.now() >= this.nextDocumentAt) {
      this.wantDocument = false;
      this.nextDocumentAt = Date.now() + this.options.documentEveryMs;
      await this.requestDocument();
    }
    if (this.mayWithdraw) {
      if (this.status === 'submitted' && Date.now() >= this.withdrawAt) await this.transition('withdraw');
      else if (this.status === 'draft' && Date.now() >= this.nextSubmitAt) {
        this.nextSubmitAt = Date.now() + this.options.submitEveryMs;
        await this.transition('submit');
      }
    }
  }

  async save() {
    const marker = `（${this.tag}-s${++this.seq}）`;
    const [first, ...rest] = this.sample.objectives.items;
    const body = { items: [{ ...first, actual: `${first.actual}${marker}` }, ...rest] };
    const started = Date.now();
    const res = await this.call(
      'save',
      {
        method: 'PUT',
        path: `/api/reports/${this.reportId}/parts/objectives`,
        body,
        headers: { 'if-match': `"${this.partVersion}"` },
      },
      { dropAnswer: this.dropNext('save') },
    );
    if (res.status === 200) {
      this.partVersion = res.body.version;
      this.reportVersion = res.body.reportVersion;
      this.acks.saves.push({ t: Date.now(), marker, version: res.body.version });
      return;
    }
    const current = res.body?.details?.current;
    if (res.status === 412 && res.retried && current?.content?.items?.[0]?.actual?.endsWith(marker)) {
      // an earlier attempt was stored but its answer was lost: the server shows our own content
      this.partVersion = current.version;
      this.acks.saves.push({ t: Date.now(), marker, version: current.version, viaConflict: true });
      if (res.dropped && res.dropped.body.version !== current.version) {
        this.problem(
          'save',
          res,
          `dropped answer said v${res.dropped.body.version}, the 412 shows v${current.version}`,
        );
      }
      await this.resync();
      return;
    }
    if (isTransient(res)) this.unknown.saves.push({ t: started, marker });
    else this.problem('save', res, res.status === 412 ? 'a conflict on its own report' : undefined);
    await this.resync();
  }

  async comment() {
    const text = `故障演练 ${this.tag} 意见 ${++this.seq}`;
    const started = Date.now();
    const res = await this.call(
      'comment',
      { method: 'POST', path: `/api/reports/${this.reportId}/comments`, body: { part: 'objectives', body: text } },
      { idempotent: true, dropAnswer: this.dropNext('comment') },
    );
    this.checkReplay('comment', res, (b) => b?.id);
    if (res.status === 201) {
      this.acks.comments.push({
        t: Date.now(),
        text,
        threadId: res.body.id,
        commentId: res.body.comments?.[0]?.id,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      });
    } else if (isTransient(res)) this.unknown.comments.push({ t: started, text });
    else this.problem('comment', res);
  }

  async requestDocument() {
    const started = Date.now();
    const res = await this.call(
      'document',
      { method: 'POST', path: `/api/reports/${this.reportId}/documents`, body: { format: 'pdf' } },
      { idempotent: true, dropAnswer: this.dropNext('document') },
    );
    this.checkReplay('document', res, (b) => b?.id);
    if (res.status === 202) {
      this.acks.documents.push({
        t: Date.now(),
        documentId: res.body.id,
        edition: res.body.edition,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      });
    } else if (isTransient(res)) this.unknown.documents.push({ t: started });
    else this.problem('document', res);
  }

  async transition(action) {
    if (!(await this.resync())) return;
    const expected = action === 'submit' ? 'draft' : 'submitted';
    if (this.status !== expected) return;
    const started = Date.now();
    const res = await this.call(
      'transition',
      {
        method: 'POST',
        path: `/api/reports/${this.reportId}/transitions`,
        // a withdrawal says why (the workflow asks for its reason)
        body: {
          action,
          expectedVersion: this.reportVersion,
          ...(action === 'withdraw' && { reason: '演练：撤回后重新提交' }),
        },
      },
      { idempotent: true, dropAnswer: this.dropNext('transition') },
    );
    this.checkReplay('transition', res, (b) => b?.transition?.id);
    if (res.status === 200) {
      this.status = res.body.report.status;
      this.reportVersion = res.body.report.version;
      this.acks.transitions.push({
        t: Date.now(),
        action,
        transitionId: String(res.body.transition.id),
        revision: res.body.revision?.number ?? null,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      });
      if (action === 'submit') this.withdrawAt = Date.now() + this.options.submittedHoldMs;
      return;
    }
    if (isTransient(res)) this.unknown.transitions.push({ t: started, action });
    else this.problem('transition', res, action);
    await this.resync();
  }
}

/** A signed-in user's GET /api/auth/me, one after another for `durationMs`: the median latency. */
export async function sampleMe(base, token, durationMs) {
  const latencies = [];
  const statuses = {};
  const until = Date.now() + durationMs;
  while (Date.now() < until) {
    const t0 = performance.now();
    let status;
    try {
      const res = await fetch(`${base}/api/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 'conn';
    }
    if (status === 200) latencies.push(performance.now() - t0);
    statuses[status] = (statuses[status] ?? 0) + 1;
    await sleep(20);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN;
  return { n: latencies.length, p50: at(0.5), p90: at(0.9), statuses };
}

/** `concurrency` clients sending bad logins (unknown names, wrong passwords) from this one address. */
export async function loginFlood(base, { concurrency, durationMs, knownUsernames }) {
  const statuses = {};
  let attempts = 0;
  const until = Date.now() + durationMs;
  const client = async (n) => {
    for (let i = 0; Date.now() < until; i++) {
      const unknown = (n + i) % 2 === 0;
      const username = unknown
        ? `nobody-${randomBytes(4).toString('hex')}`
        : knownUsernames[(n + i) % knownUsernames.length];
      let status;
      try {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: `wrong-${randomBytes(3).toString('hex')}` }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 'conn';
      }
      attempts++;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, n) => client(n)));
  return { attempts, statuses };
}
