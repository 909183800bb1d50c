import { rowOf, rowsOf, type TenantTx } from '../tenant-tx';
import type { TenantDb } from '../tenant-db';
import { queueImportJob } from './import-job';
import { CLOSED_IMPORT_STATUSES } from './report-imports';

/**
 * How long an import may sit queued or parsing without news (since it was queued or its last attempt
 * started) before the sweeper looks at its job: far beyond a parse (seconds) times its attempts and their
 * back-off, so an import in progress is never taken for stuck (and a job still waiting is left alone).
 */
export const IMPORT_STUCK_AFTER_MS = 15 * 60_000;

/** An import queued or parsing, as the sweeper sees it: enough to name its job. */
export interface UnfinishedImport {
  id: string;
  generation: number;
  status: 'queued' | 'parsing';
  redrives: number;
}

/** The county's imports stuck longer than `idleForMs`, locked for the caller's transaction (SKIP LOCKED). */
export function lockStuckImports(
  tx: TenantTx,
  options: { idleForMs: number; limit: number },
): Promise<UnfinishedImport[]> {
  return rowsOf<UnfinishedImport>(
    tx,
    `SELECT id, generation, status, redrives FROM report_imports
      WHERE status IN ('queued', 'parsing')
        AND GREATEST(queued_at, COALESCE(started_at, queued_at)) < now() - make_interval(secs => $1::double precision / 1000)
      ORDER BY queued_at LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [options.idleForMs, options.limit],
  );
}

/**
 * Queues a stuck import anew (the sweeper's re-drive): a new generation, so its job a new id, attempts
 * from zero. Answers the new job's id, or null when the import is no longer unfinished.
 */
export async function redriveReportImport(
  tx: TenantTx,
  item: UnfinishedImport,
  requestId?: string,
): Promise<string | null> {
  const row = await rowOf<{ generation: number }>(
    tx,
    `UPDATE report_imports SET status = 'queued', progress = 0, attempts = 0, error = NULL, error_code = NULL,
                               queued_at = now(), started_at = NULL, generation = generation + 1,
                               redrives = redrives + 1
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'parsing')
      RETURNING generation`,
    [item.id, item.generation],
  );
  if (!row) return null;
  return queueImportJob(tx, { id: item.id, generation: row.generation }, requestId);
}

/** Given up by the sweeper (its job lost too often): failed, with the message its users read. */
export async function abandonReportImport(
  tx: TenantTx,
  item: Pick<UnfinishedImport, 'id' | 'generation'>,
  failure: { message: string; code: string },
): Promise<void> {
  await tx.query(
    `UPDATE report_imports SET status = 'failed', error = $3, error_code = $4, finished_at = now()
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'parsing')`,
    [item.id, item.generation, failure.message, failure.code],
  );
}

/**
 * Parsed imports left unconfirmed for `expireAfterMs` are expired (at most `limit`; one being applied
 * right now is skipped, and the next sweep looks again). Answers their ids.
 */
export async function expireReportImports(
  tx: TenantTx,
  options: { expireAfterMs: number; limit: number },
): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    `UPDATE report_imports SET status = 'expired', expired_at = now()
      WHERE id IN (SELECT id FROM report_imports
                    WHERE status = 'ready'
                      AND finished_at < now() - make_interval(secs => $1::double precision / 1000)
                    ORDER BY finished_at LIMIT $2
                    FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [options.expireAfterMs, options.limit],
  );
  return rows.map((r) => r.id);
}

/** Closed imports (discarded, failed, expired) whose file is still stored, oldest first: the sweeper deletes them. */
export function closedImportsHoldingFiles(tx: TenantTx, limit: number): Promise<Array<{ id: string }>> {
  return rowsOf<{ id: string }>(
    tx,
    `SELECT id FROM report_imports
      WHERE file_deleted_at IS NULL AND status = ANY($1::text[])
      ORDER BY coalesce(finished_at, created_at) LIMIT $2`,
    [[...CLOSED_IMPORT_STATUSES], limit],
  );
}

/** What deletes a stored object (the configured DocumentStorage); deleting a missing one succeeds. */
export interface StoredObjectRemover {
  delete(key: string): Promise<void>;
}

/**
 * Deletes the uploaded file of a closed import and notes it on the row. The row is closed first, in its
 * own committed transaction, so the file is never deleted under an import that could still be parsed or
 * applied; a deletion that fails throws, and leaves the row as it was for the next sweep to try again.
 * Answers false when there was nothing to delete (not closed, or deleted already).
 */
export async function deleteClosedImportFile(
  db: TenantDb,
  storage: StoredObjectRemover,
  tenantId: string,
  importId: string,
): Promise<boolean> {
  const found = await db.tx(
    (tx) =>
      rowOf<{ storageKey: string }>(
        tx,
        `SELECT storage_key AS "storageKey" FROM report_imports
          WHERE id = $1 AND file_deleted_at IS NULL AND status = ANY($2::text[])`,
        [importId, [...CLOSED_IMPORT_STATUSES]],
      ),
    tenantId,
  );
  if (!found) return false;
  await storage.delete(found.storageKey);
  await db.tx(
    (tx) =>
      tx.query(`UPDATE report_imports SET file_deleted_at = now() WHERE id = $1 AND file_deleted_at IS NULL`, [
        importId,
      ]),
    tenantId,
  );
  return true;
}
