import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';
import { queueImportJob } from './import-job';

export type ReportImportStatus = 'queued' | 'parsing' | 'ready' | 'applied' | 'failed' | 'discarded' | 'expired';

/** Closed without being applied: the uploaded file is no longer needed, and is deleted. */
export const CLOSED_IMPORT_STATUSES = ['failed', 'discarded', 'expired'] as const;

/** An import of an existing report into a draft, as stored. `result` is the parsed ImportResult (JSON). */
export interface ReportImportRecord {
  id: string;
  reportId: string;
  status: ReportImportStatus;
  progress: number;
  format: 'docx' | 'txt' | 'xlsx';
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  result: Record<string, unknown> | null;
  errorCode: string | null;
  error: string | null;
  revisionId: string | null;
  requestedBy: string | null;
  requestedByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  appliedAt: Date | null;
  expiredAt: Date | null;
}

const IMPORT_SELECT = `
  SELECT i.id, i.report_id AS "reportId", i.status, i.progress, i.format, i.storage_key AS "storageKey",
         i.size_bytes::int AS "sizeBytes", i.sha256, i.result, i.error_code AS "errorCode", i.error,
         i.revision_id AS "revisionId", i.requested_by AS "requestedBy", u.display_name AS "requestedByName",
         i.created_at AS "createdAt", i.finished_at AS "finishedAt", i.applied_at AS "appliedAt",
         i.expired_at AS "expiredAt"
    FROM report_imports i LEFT JOIN users u ON u.id = i.requested_by`;

/** The import of this report (another report's, or another county's, is not found). */
export function findReportImport(
  tx: TenantTx,
  reportId: string,
  importId: string,
  { forUpdate = false } = {},
): Promise<ReportImportRecord | null> {
  return rowOf<ReportImportRecord>(
    tx,
    `${IMPORT_SELECT} WHERE i.id = $1 AND i.report_id = $2${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [importId, reportId],
  );
}

/** The report's import applied last: its sources are the ones the editor shows. */
export function findAppliedImport(tx: TenantTx, reportId: string): Promise<ReportImportRecord | null> {
  return rowOf<ReportImportRecord>(
    tx,
    `${IMPORT_SELECT} WHERE i.report_id = $1 AND i.status = 'applied' ORDER BY i.applied_at DESC LIMIT 1`,
    [reportId],
  );
}

/** A new import, queued: its row and its job (through the outbox, in this transaction). */
export async function requestReportImport(
  tx: TenantTx,
  request: {
    id: string;
    reportId: string;
    format: 'docx' | 'txt' | 'xlsx';
    storageKey: string;
    sizeBytes: number;
    sha256: string;
    requestedBy: string;
  },
  requestId?: string,
): Promise<string> {
  const row = await rowOf<{ id: string; generation: number }>(
    tx,
    `INSERT INTO report_imports (tenant_id, id, report_id, format, storage_key, size_bytes, sha256, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, generation`,
    [
      tenantOf(tx),
      request.id,
      request.reportId,
      request.format,
      request.storageKey,
      request.sizeBytes,
      request.sha256,
      request.requestedBy,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  await queueImportJob(tx, row, requestId);
  return row.id;
}

export type ClaimedImport =
  | { state: 'gone' }
  | { state: 'claimed'; reportId: string; format: 'docx' | 'txt' | 'xlsx'; storageKey: string; attempts: number };

/** Marks the import parsing (counting the attempt); one parsed, applied, discarded or failed is not taken up again. */
export async function claimReportImport(tx: TenantTx, importId: string): Promise<ClaimedImport> {
  const row = await rowOf<{ reportId: string; format: 'docx' | 'txt' | 'xlsx'; storageKey: string; attempts: number }>(
    tx,
    `UPDATE report_imports SET status = 'parsing', progress = 0, started_at = now(), attempts = attempts + 1
      WHERE id = $1 AND status IN ('queued', 'parsing')
      RETURNING report_id AS "reportId", format, storage_key AS "storageKey", attempts`,
    [importId],
  );
  return row ? { state: 'claimed', ...row } : { state: 'gone' };
}

/** Progress only rises, and only while parsing. */
export async function setReportImportProgress(tx: TenantTx, importId: string, percent: number): Promise<void> {
  await tx.query(`UPDATE report_imports SET progress = $2 WHERE id = $1 AND status = 'parsing' AND progress < $2`, [
    importId,
    percent,
  ]);
}

export async function completeReportImport(tx: TenantTx, importId: string, result: unknown): Promise<void> {
  await tx.query(
    `UPDATE report_imports SET status = 'ready', progress = 100, result = $2::jsonb, error = NULL, error_code = NULL,
                               finished_at = now()
      WHERE id = $1 AND status = 'parsing'`,
    [importId, JSON.stringify(result)],
  );
}

/** A failed attempt: queued again while attempts remain, failed (with its code and Chinese message) after the last. */
export async function failReportImport(
  tx: TenantTx,
  failure: { importId: string; final: boolean; code: string; message: string },
): Promise<void> {
  await tx.query(
    `UPDATE report_imports SET status = $2, error = $3, error_code = $4,
                               finished_at = CASE WHEN $2 = 'failed' THEN now() END
      WHERE id = $1 AND status IN ('queued', 'parsing')`,
    [failure.importId, failure.final ? 'failed' : 'queued', failure.message, failure.code],
  );
}

/**
 * When a parsed import left unconfirmed expires (null unless it is parsed and waiting): `expireAfterMs`
 * after it was parsed. Past it, the import is not applied, whether or not the sweeper has marked it yet.
 */
export function importExpiresAt(
  item: Pick<ReportImportRecord, 'status' | 'finishedAt'>,
  expireAfterMs: number,
): Date | null {
  if (item.status !== 'ready' || !item.finishedAt) return null;
  return new Date(item.finishedAt.getTime() + expireAfterMs);
}

/** The import's status as its users see it at `now`: a parsed one past its time reads expired, marked or not. */
export function importStatusAt(
  item: Pick<ReportImportRecord, 'status' | 'finishedAt'>,
  expireAfterMs: number,
  now = new Date(),
): ReportImportStatus {
  const expiresAt = importExpiresAt(item, expireAfterMs);
  return expiresAt && expiresAt <= now ? 'expired' : item.status;
}

export async function markReportImportApplied(
  tx: TenantTx,
  applied: { importId: string; revisionId: string; userId: string },
): Promise<void> {
  await tx.query(
    `UPDATE report_imports SET status = 'applied', revision_id = $2, applied_by = $3, applied_at = now()
      WHERE id = $1 AND status = 'ready'`,
    [applied.importId, applied.revisionId, applied.userId],
  );
}

export async function markReportImportDiscarded(tx: TenantTx, importId: string): Promise<void> {
  await tx.query(
    `UPDATE report_imports SET status = 'discarded', finished_at = coalesce(finished_at, now())
      WHERE id = $1 AND status IN ('queued', 'parsing', 'ready', 'failed')`,
    [importId],
  );
}

/** The report's imports, newest first (at most `limit`). */
export function listReportImports(tx: TenantTx, reportId: string, limit: number): Promise<ReportImportRecord[]> {
  return rowsOf<ReportImportRecord>(tx, `${IMPORT_SELECT} WHERE i.report_id = $1 ORDER BY i.created_at DESC LIMIT $2`, [
    reportId,
    limit,
  ]);
}
