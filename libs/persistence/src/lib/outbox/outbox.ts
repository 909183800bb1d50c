import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  tenantId: string | null;
  queue: string;
  jobName: string;
  /** deterministic, so a job relayed twice is kept once by BullMQ */
  jobId: string;
  payload: object;
}

/**
 * Records a job in the caller's transaction: it leaves for BullMQ only if the transaction commits,
 * and waits in the table while Redis is away. The worker's relay sends it.
 */
export async function appendOutbox(em: EntityManager, entry: OutboxEntry): Promise<void> {
  await em.query(`INSERT INTO outbox (tenant_id, queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4, $5)`, [
    entry.tenantId,
    entry.queue,
    entry.jobName,
    entry.jobId,
    JSON.stringify(entry.payload),
  ]);
}

export interface PendingOutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
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

/**
 * One relay pass, through the platform connection (every county's pending rows; ids, no content):
 * rows are locked (SKIP LOCKED, so several workers share the work), sent in order, and marked sent.
 * The first failure stops the pass (Redis is likely away) and is recorded on its row, which stays
 * pending; an unroutable row is recorded and passed over.
 */
export async function relayOutboxOnce(
  tx: <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>,
  send: Send,
  batchSize = 100,
): Promise<{ relayed: number; failed: number }> {
  return tx(async (em) => {
    const rows: PendingOutboxRow[] = await em.query(
      `SELECT id::text AS id, queue, job_name, job_id, payload FROM outbox
        WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize],
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
        if (error instanceof UnroutableOutboxRow) continue;
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
