import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  tenantId: string | null;
  queue: string;
  jobName: string;
  /** deterministic, so a job relayed twice is kept once by BullMQ */
  jobId: string;
  payload: object;
  /** BullMQ's priority (1 first … 2,097,152 last); absent: before every prioritized job of the queue */
  priority?: number;
}

/**
 * Records a job in the caller's transaction: it leaves for BullMQ only if the transaction commits,
 * and waits in the table while Redis is away. The worker's relay sends it.
 */
export async function appendOutbox(em: EntityManager, entry: OutboxEntry): Promise<void> {
  await em.query(
    `INSERT INTO outbox (tenant_id, queue, job_name, job_id, payload, priority) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.tenantId, entry.queue, entry.jobName, entry.jobId, JSON.stringify(entry.payload), entry.priority ?? null],
  );
}

export interface PendingOutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
  priority: number | null;
}

export type Send = (row: PendingOutboxRow) => Promise<void>;

/**
 * A row no retry can send (it names a queue this relay does not serve): recorded on the row, which
 * stays pending for an operator, while the rows after it go on — unlike a Redis outage, which stops the pass.
 */
export class UnroutableOutboxRow extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnroutableOutboxRow';
  }
}

export interface RelayOptions {
  /** only rows pending for longer than this (the sweeper's pass over rows the relay has not got out) */
  pendingForMs?: number;
  /** go on after a failed row (each failure recorded on its row) instead of stopping the pass */
  keepGoing?: boolean;
}

/**
 * One relay pass, through the platform connection (every county's pending rows; ids, no content):
 * rows are locked (SKIP LOCKED, so several workers share the work), sent in order, and marked sent.
 * The first failure stops the pass (Redis is likely away) and is recorded on its row, which stays
 * pending; an unroutable row is recorded and passed over. With `keepGoing` (the sweeper's pass over
 * rows pending too long) every row is tried, so a row no send accepts holds up none behind it.
 */
export async function relayOutboxOnce(
  tx: <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>,
  send: Send,
  batchSize = 100,
  options: RelayOptions = {},
): Promise<{ relayed: number; failed: number }> {
  return tx(async (em) => {
    const rows: PendingOutboxRow[] = await em.query(
      `SELECT id::text AS id, queue, job_name, job_id, payload, priority FROM outbox
        WHERE relayed_at IS NULL
          AND ($2::double precision IS NULL OR created_at < now() - make_interval(secs => $2::double precision / 1000))
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize, options.pendingForMs ?? null],
    );
    let relayed = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        await send(row);
      } catch (error) {
        await em.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
          row.id,
          String((error as Error).message ?? error).slice(0, 500),
        ]);
        failed++;
        if (error instanceof UnroutableOutboxRow || options.keepGoing) continue;
        return { relayed, failed };
      }
      await em.query(`UPDATE outbox SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [
        row.id,
      ]);
      relayed++;
    }
    return { relayed, failed };
  });
}

/** A relayed row whose job has not yet been seen to finish. */
export interface UnsettledOutboxRow extends PendingOutboxRow {
  /** how often the sweeper has re-driven it */
  redrives: number;
}

/**
 * Relayed rows whose jobs the sweeper checks (platform connection, locked, SKIP LOCKED): relayed at least
 * `graceMs` ago, and not yet seen to finish. Rows relayed longer than `windowMs` ago are settled unchecked
 * first: a job finished that long ago may have been removed from Redis (completed jobs are kept a day, at
 * most 10,000), so its absence would prove nothing.
 */
export async function lockUnsettledOutbox(
  em: EntityManager,
  options: { graceMs: number; windowMs: number; limit: number },
): Promise<UnsettledOutboxRow[]> {
  await em.query(
    `UPDATE outbox SET settled_at = now()
      WHERE relayed_at IS NOT NULL AND settled_at IS NULL
        AND relayed_at < now() - make_interval(secs => $1::double precision / 1000)`,
    [options.windowMs],
  );
  return em.query(
    `SELECT id::text AS id, queue, job_name, job_id, payload, priority, redrives FROM outbox
      WHERE relayed_at IS NOT NULL AND settled_at IS NULL
        AND relayed_at <= now() - make_interval(secs => $1::double precision / 1000)
      ORDER BY relayed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [options.graceMs, options.limit],
  );
}

/** The row's job was seen to finish (or will not be re-driven again): no longer checked. */
export async function settleOutboxRow(em: EntityManager, id: string, note?: string): Promise<void> {
  await em.query(`UPDATE outbox SET settled_at = now(), last_error = COALESCE($2, last_error) WHERE id = $1`, [
    id,
    note ?? null,
  ]);
}

/**
 * The row's job is gone from Redis: pending again, so the relay sends it again under the same id (free,
 * as the job is gone); the re-drive counted.
 */
export async function requeueOutboxRow(em: EntityManager, id: string, reason: string): Promise<void> {
  await em.query(`UPDATE outbox SET relayed_at = NULL, redrives = redrives + 1, last_error = $2 WHERE id = $1`, [
    id,
    reason,
  ]);
}

/** The row's failed job was retried in place (it keeps its id and its history): the re-drive counted. */
export async function countOutboxRedrive(em: EntityManager, id: string, reason: string): Promise<void> {
  await em.query(`UPDATE outbox SET redrives = redrives + 1, last_error = $2 WHERE id = $1`, [id, reason]);
}

/** Job ids of a queue's rows not yet relayed: their jobs are on their way, not lost. */
export async function pendingOutboxJobIds(em: EntityManager, queue: string): Promise<Set<string>> {
  const rows: Array<{ job_id: string }> = await em.query(
    `SELECT job_id FROM outbox WHERE relayed_at IS NULL AND queue = $1`,
    [queue],
  );
  return new Set(rows.map((r) => r.job_id));
}
