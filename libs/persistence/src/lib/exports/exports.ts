import type { ExportFailureCode, ExportKind, ExportParams, ExportStatus } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A county-wide export as stored. */
export interface ExportRecord {
  id: string;
  kind: ExportKind;
  params: ExportParams;
  status: ExportStatus;
  progress: number;
  rowCount: number | null;
  storageKey: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** why it failed, stable (EXPORT_FAILURE_CODES); null unless failed */
  errorCode: string | null;
  error: string | null;
  requestedBy: string | null;
  requestedByName: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const EXPORT_SELECT = `
  SELECT e.id, e.kind, e.params, e.status, e.progress, e.row_count AS "rowCount", e.storage_key AS "storageKey",
         e.size_bytes::int AS "sizeBytes", e.sha256, e.error_code AS "errorCode", e.error,
         e.requested_by AS "requestedBy", u.display_name AS "requestedByName",
         e.created_at AS "createdAt", e.started_at AS "startedAt", e.finished_at AS "finishedAt"
    FROM exports e LEFT JOIN users u ON u.id = e.requested_by`;

export function findExport(tx: TenantTx, id: string): Promise<ExportRecord | null> {
  return rowOf<ExportRecord>(tx, `${EXPORT_SELECT} WHERE e.id = $1`, [id]);
}

/** The county's newest exports, newest first (at most `limit`). */
export function listExports(tx: TenantTx, limit: number): Promise<ExportRecord[]> {
  return rowsOf<ExportRecord>(tx, `${EXPORT_SELECT} ORDER BY e.created_at DESC, e.id LIMIT $1`, [limit]);
}

/** The export of this kind and parameters under way (queued or running), if there is one. */
export async function findUnfinishedExport(
  tx: TenantTx,
  kind: ExportKind,
  params: ExportParams,
): Promise<string | null> {
  const row = await rowOf<{ id: string }>(
    tx,
    `SELECT id FROM exports WHERE kind = $1 AND params = $2::jsonb AND status IN ('queued', 'running')`,
    [kind, JSON.stringify(params)],
  );
  return row?.id ?? null;
}

/**
 * The newest finished export of this kind and parameters whose reading began after `since` (so it shows
 * every change up to then), if there is one.
 */
export async function findFreshExport(
  tx: TenantTx,
  kind: ExportKind,
  params: ExportParams,
  since: Date | null,
): Promise<string | null> {
  const row = await rowOf<{ id: string }>(
    tx,
    `SELECT id FROM exports
      WHERE kind = $1 AND params = $2::jsonb AND status = 'done' AND ($3::timestamptz IS NULL OR started_at > $3)
      ORDER BY started_at DESC LIMIT 1`,
    [kind, JSON.stringify(params), since],
  );
  return row?.id ?? null;
}

/**
 * A new export, queued; null when one of the same kind and parameters is already under way (the partial
 * unique key: two requests at once make one export).
 */
export async function insertExport(
  tx: TenantTx,
  request: { kind: ExportKind; params: ExportParams; requestedBy: string | null },
): Promise<{ id: string; generation: number } | null> {
  return rowOf(
    tx,
    `INSERT INTO exports (tenant_id, kind, params, requested_by) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (tenant_id, kind, params) WHERE status IN ('queued', 'running') DO NOTHING
     RETURNING id, generation`,
    [tenantOf(tx), request.kind, JSON.stringify(request.params), request.requestedBy],
  );
}

export type ClaimedExport =
  | { state: 'done'; rowCount: number; sha256: string; sizeBytes: number }
  | { state: 'gone' }
  | { state: 'claimed'; kind: ExportKind; params: ExportParams; attempts: number };

/**
 * Marks the export running (counting the attempt): a job run twice after it was done finds it done and
 * makes nothing; one given up meanwhile (failed) is not taken up again.
 */
export async function claimExport(tx: TenantTx, exportId: string): Promise<ClaimedExport> {
  const row = await rowOf<{
    status: ExportStatus;
    kind: ExportKind;
    params: ExportParams;
    attempts: number;
    rowCount: number;
    sha256: string;
    sizeBytes: number;
  }>(
    tx,
    `UPDATE exports SET status = CASE WHEN status IN ('queued', 'running') THEN 'running' ELSE status END,
                        started_at = CASE WHEN status IN ('queued', 'running') THEN now() ELSE started_at END,
                        progress = CASE WHEN status IN ('queued', 'running') THEN 0 ELSE progress END,
                        attempts = attempts + CASE WHEN status IN ('queued', 'running') THEN 1 ELSE 0 END
      WHERE id = $1
      RETURNING status, kind, params, attempts, row_count AS "rowCount", sha256, size_bytes::int AS "sizeBytes"`,
    [exportId],
  );
  if (!row || row.status === 'failed') return { state: 'gone' };
  if (row.status === 'done')
    return { state: 'done', rowCount: row.rowCount, sha256: row.sha256, sizeBytes: row.sizeBytes };
  return { state: 'claimed', kind: row.kind, params: row.params, attempts: row.attempts };
}

/** Progress only rises, and only while running. */
export async function setExportProgress(tx: TenantTx, exportId: string, percent: number): Promise<void> {
  await tx.query(`UPDATE exports SET progress = $2 WHERE id = $1 AND status = 'running' AND progress < $2`, [
    exportId,
    percent,
  ]);
}

export async function completeExport(
  tx: TenantTx,
  done: { exportId: string; storageKey: string; sha256: string; sizeBytes: number; rowCount: number },
): Promise<void> {
  await tx.query(
    `UPDATE exports SET status = 'done', progress = 100, storage_key = $2, sha256 = $3, size_bytes = $4,
                        row_count = $5, error = NULL, error_code = NULL, finished_at = now()
      WHERE id = $1 AND status = 'running'`,
    [done.exportId, done.storageKey, done.sha256, done.sizeBytes, done.rowCount],
  );
}

/**
 * A failed attempt: queued again while attempts remain (the reason kept for operators), failed after the
 * last — or at once for a bound no retry can pass — with the message its users read and a stable code.
 */
export async function failExportAttempt(
  tx: TenantTx,
  failure: { exportId: string; final: boolean; message: string; code: ExportFailureCode },
): Promise<void> {
  await tx.query(
    `UPDATE exports SET status = $2, error = $3, error_code = $4, finished_at = CASE WHEN $2 = 'failed' THEN now() END
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [failure.exportId, failure.final ? 'failed' : 'queued', failure.message, failure.final ? failure.code : null],
  );
}

/**
 * How long an export may sit queued or running without news (since it was queued or its last attempt
 * started) before the sweeper looks at its job: beyond one attempt's time limit (EXPORT_LIMITS.maxMs), so
 * an export in progress is never taken for stuck (and a job still waiting is left alone whatever its age).
 */
export const EXPORT_STUCK_AFTER_MS = 15 * 60_000;

/** An export queued or running, as the sweeper sees it: enough to name its job. */
export interface UnfinishedExport {
  id: string;
  generation: number;
  status: 'queued' | 'running';
  redrives: number;
}

/** The county's exports stuck longer than `idleForMs`, locked for the caller's transaction (SKIP LOCKED). */
export function lockStuckExports(
  tx: TenantTx,
  options: { idleForMs: number; limit: number },
): Promise<UnfinishedExport[]> {
  return rowsOf<UnfinishedExport>(
    tx,
    `SELECT id, generation, status, redrives FROM exports
      WHERE status IN ('queued', 'running')
        AND GREATEST(queued_at, COALESCE(started_at, queued_at)) < now() - make_interval(secs => $1::double precision / 1000)
      ORDER BY queued_at LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [options.idleForMs, options.limit],
  );
}

/** Queued anew by the sweeper: a new generation (its job a new id), attempts from zero. Null when no longer unfinished. */
export async function markExportRedriven(tx: TenantTx, item: UnfinishedExport): Promise<number | null> {
  const row = await rowOf<{ generation: number }>(
    tx,
    `UPDATE exports SET status = 'queued', progress = 0, attempts = 0, error = NULL, error_code = NULL,
                        queued_at = now(), started_at = NULL, generation = generation + 1, redrives = redrives + 1
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'running')
      RETURNING generation`,
    [item.id, item.generation],
  );
  return row?.generation ?? null;
}

/** Given up by the sweeper (its job lost too often): failed, with the message its users read. */
export async function abandonExport(
  tx: TenantTx,
  item: Pick<UnfinishedExport, 'id' | 'generation'>,
  failure: { message: string; code: ExportFailureCode },
): Promise<void> {
  await tx.query(
    `UPDATE exports SET status = 'failed', error = $3, error_code = $4, finished_at = now()
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'running')`,
    [item.id, item.generation, failure.message, failure.code],
  );
}
