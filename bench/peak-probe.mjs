// What bench/peak.mjs measures with: per-stream latency histograms, the render queue sampled every second,
// the processes' CPU, and the time each document spent in each phase.
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import hdr from 'hdr-histogram-js';
import { quantiles } from './lib.mjs';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisOptions = () => {
  const url = new URL(REDIS_URL);
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
};

/** One stream of requests: latencies (µs, HDR), 2xx, 412 (a stale If-Match: expected, re-read) and the rest. */
export class Stream {
  constructor(name) {
    this.name = name;
    this.histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, autoResize: true });
    this.ok = 0;
    this.stale = 0;
    this.failed = 0;
    this.lastFailure = null;
  }

  /** Times one request; answers the response (its body read), or null when it did not answer at all. */
  async time(request) {
    const started = performance.now();
    try {
      const response = await request();
      const text = await response.text();
      this.histogram.recordValue(Math.max(1, Math.round((performance.now() - started) * 1000)));
      if (response.ok) this.ok++;
      else if (response.status === 412) this.stale++;
      else {
        this.failed++;
        this.lastFailure = `${response.status} ${text.slice(0, 160)}`;
      }
      return { status: response.status, text };
    } catch (error) {
      this.failed++;
      this.lastFailure = error.message;
      return null;
    }
  }

  get count() {
    return this.histogram.totalCount;
  }

  /** p-th percentile in ms. */
  at(p) {
    return this.histogram.getValueAtPercentile(p) / 1000;
  }

  /** One printed row; `seconds` (the run's length) gives the rate, `idle` the stream whose p95 it is compared to. */
  line(seconds, idle) {
    const ms = (v) => `${v.toFixed(1).padStart(7)} ms`;
    const ratio = idle?.count ? `   p95 ×${(this.at(95) / idle.at(95)).toFixed(1)} idle` : '';
    const extra = [this.stale && `${this.stale} × 412`, this.failed && `${this.failed} errors/non-2xx`].filter(Boolean);
    return (
      `${this.name.padEnd(34)} ${String(this.count).padStart(6)} req ${seconds ? `${(this.count / seconds).toFixed(1).padStart(7)}/s` : ' '.repeat(9)}` +
      `   p50 ${ms(this.at(50))} p95 ${ms(this.at(95))} p99 ${ms(this.at(99))}${ratio}` +
      (extra.length ? `   (${extra.join(', ')})` : '')
    );
  }
}

export const fmtQ = (q) =>
  q.n ? `p50 ${q.p50.toFixed(0)} ms   p95 ${q.p95.toFixed(0)} ms   max ${q.max.toFixed(0)} ms   (n ${q.n})` : '(none)';

/**
 * The render queue every second: BullMQ's documents queue (waiting incl. prioritized, active, delayed) and
 * the outbox rows not yet relayed (jobs committed but not yet in Redis).
 */
export function sampleQueue(prefix, owner) {
  const queue = new Queue('documents', { prefix, connection: redisOptions() });
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const next = new Promise((r) => setTimeout(r, 1000));
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL AND queue = 'documents'`,
      );
      samples.push({
        depth: counts.waiting + counts.prioritized + counts.active + counts.delayed,
        active: counts.active,
        outbox: rows[0].n,
      });
      await next;
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await queue.close();
    return samples;
  };
}

/** Removes every Redis key under the bench's own prefix (its queues and rate-limit counters), nothing else. */
export async function dropQueueKeys(prefix) {
  const redis = new Redis(redisOptions());
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/**
 * Where each document's time went, from the rows themselves (all on this machine's clock): the submit's
 * transaction to the outbox row's relay (the relay's poll), relayed to the worker's claim (waiting behind
 * other renders), claimed to finished (reading and rendering), and the job's row order.
 */
export async function documentPhases(owner, documentIds) {
  const { rows } = await owner.query(
    `SELECT d.id, d.format, extract(epoch FROM d.started_at) * 1000 AS started, extract(epoch FROM d.finished_at) * 1000 AS finished,
            extract(epoch FROM o.relayed_at - o.created_at) * 1000 AS relay_ms,
            extract(epoch FROM d.started_at - o.relayed_at) * 1000 AS wait_ms,
            extract(epoch FROM d.finished_at - d.started_at) * 1000 AS render_ms
       FROM documents d
       JOIN outbox o ON o.queue = 'documents' AND o.payload->>'documentId' = d.id::text
      WHERE d.id = ANY($1::uuid[]) AND d.finished_at IS NOT NULL`,
    [documentIds],
  );
  const of = (format, key) => quantiles(rows.filter((r) => r.format === format).map((r) => Number(r[key])));
  const phases = Object.fromEntries(
    ['pdf', 'docx'].map((f) => [f, { relay: of(f, 'relay_ms'), wait: of(f, 'wait_ms'), render: of(f, 'render_ms') }]),
  );
  // the worker from its first claim to its last finish: documents a minute, and the share of it spent on a job
  const first = Math.min(...rows.map((r) => Number(r.started)));
  const spanMs = Math.max(...rows.map((r) => Number(r.finished))) - first;
  const busyMs = rows.reduce((sum, r) => sum + Number(r.render_ms), 0);
  return { phases, perMinute: (rows.length * 60_000) / spanMs, busy: busyMs / spanMs, spanMs };
}
