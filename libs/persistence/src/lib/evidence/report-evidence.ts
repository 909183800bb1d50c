import type { EvidenceKind } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** One 佐证材料 file of a report, as lists show it (the uploader by name). */
export interface EvidenceRecord {
  id: string;
  reportId: string;
  /** the 三级指标 name of the row it is attached to; null for the report as a whole */
  indicator: string | null;
  fileName: string;
  kind: EvidenceKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  uploadedAt: Date;
}

const COLUMNS = `e.id, e.report_id AS "reportId", e.indicator, e.file_name AS "fileName", e.kind,
  e.content_type AS "contentType", e.size_bytes::float8 AS "sizeBytes", e.sha256, e.storage_key AS "storageKey",
  u.display_name AS "uploadedBy", e.uploaded_at AS "uploadedAt"`;

/** A report's current files, oldest first (the order they were added). */
export function listCurrentEvidence(tx: TenantTx, reportId: string): Promise<EvidenceRecord[]> {
  return rowsOf<EvidenceRecord>(
    tx,
    `SELECT ${COLUMNS} FROM report_evidence e LEFT JOIN users u ON u.id = e.uploaded_by
      WHERE e.report_id = $1 AND e.deleted_at IS NULL ORDER BY e.uploaded_at, e.id`,
    [reportId],
  );
}

/** The files a revision froze, each with the row it was attached to then. */
export function listRevisionEvidence(tx: TenantTx, revisionId: string): Promise<EvidenceRecord[]> {
  return rowsOf<EvidenceRecord>(
    tx,
    `SELECT ${COLUMNS.replace('e.indicator,', 'r.indicator,')}
       FROM report_revision_evidence r
       JOIN report_evidence e ON e.id = r.evidence_id
       LEFT JOIN users u ON u.id = e.uploaded_by
      WHERE r.revision_id = $1 ORDER BY e.uploaded_at, e.id`,
    [revisionId],
  );
}

/** A current file of the report, or (with `frozenToo`) one that a revision of the report still holds. */
export function findEvidence(
  tx: TenantTx,
  reportId: string,
  id: string,
  { frozenToo = false }: { frozenToo?: boolean } = {},
): Promise<EvidenceRecord | null> {
  return rowOf<EvidenceRecord>(
    tx,
    `SELECT ${COLUMNS} FROM report_evidence e LEFT JOIN users u ON u.id = e.uploaded_by
      WHERE e.report_id = $1 AND e.id = $2 AND e.file_deleted_at IS NULL
        AND (e.deleted_at IS NULL OR ($3 AND EXISTS (SELECT 1 FROM report_revision_evidence r WHERE r.evidence_id = e.id)))`,
    [reportId, id, frozenToo],
  );
}

/** What the report's current files take: their count and bytes together (the county's quota is on these). */
export async function evidenceUsage(tx: TenantTx, reportId: string): Promise<{ files: number; bytes: number }> {
  const row = await rowOf<{ files: number; bytes: number }>(
    tx,
    `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::float8 AS bytes
       FROM report_evidence WHERE report_id = $1 AND deleted_at IS NULL`,
    [reportId],
  );
  return row ?? { files: 0, bytes: 0 };
}

/** A file to record: its row as lists show it, but the uploader by id. */
export type NewEvidence = Omit<EvidenceRecord, 'uploadedBy' | 'uploadedAt'> & { uploadedBy: string };

export async function insertEvidence(tx: TenantTx, file: NewEvidence): Promise<void> {
  await tx.query(
    `INSERT INTO report_evidence (tenant_id, id, report_id, indicator, file_name, kind, content_type, size_bytes,
                                  sha256, storage_key, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      tenantOf(tx),
      file.id,
      file.reportId,
      file.indicator,
      file.fileName,
      file.kind,
      file.contentType,
      file.sizeBytes,
      file.sha256,
      file.storageKey,
      file.uploadedBy,
    ],
  );
}

export async function moveEvidence(tx: TenantTx, id: string, indicator: string | null): Promise<void> {
  await tx.query(`UPDATE report_evidence SET indicator = $2 WHERE id = $1 AND deleted_at IS NULL`, [id, indicator]);
}

/**
 * Removes a file from the report. Its bytes stay while a revision holds it; otherwise the caller deletes them after
 * the commit (`bytesFree` true) and marks them gone with markEvidenceBytesDeleted.
 */
export async function removeEvidence(tx: TenantTx, id: string, by: string): Promise<{ bytesFree: boolean }> {
  const row = await rowOf<{ frozen: boolean }>(
    tx,
    `UPDATE report_evidence e SET deleted_at = now(), deleted_by = $2
      WHERE e.id = $1 AND e.deleted_at IS NULL
      RETURNING EXISTS (SELECT 1 FROM report_revision_evidence r WHERE r.evidence_id = e.id) AS frozen`,
    [id, by],
  );
  return { bytesFree: row ? !row.frozen : false };
}

export async function markEvidenceBytesDeleted(tx: TenantTx, id: string): Promise<void> {
  await tx.query(
    `UPDATE report_evidence e SET file_deleted_at = now()
      WHERE e.id = $1 AND e.deleted_at IS NOT NULL AND e.file_deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM report_revision_evidence r WHERE r.evidence_id = e.id)`,
    [id],
  );
}

/**
 * Removed files whose bytes no revision holds and that are still stored (a deletion that failed after the commit),
 * for the sweeper to delete; at most `limit`, oldest removal first.
 */
export function unsweptEvidence(tx: TenantTx, limit: number): Promise<Array<{ id: string; storageKey: string }>> {
  return rowsOf(
    tx,
    `SELECT e.id, e.storage_key AS "storageKey" FROM report_evidence e
      WHERE e.deleted_at IS NOT NULL AND e.file_deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM report_revision_evidence r WHERE r.evidence_id = e.id)
      ORDER BY e.deleted_at LIMIT $1`,
    [limit],
  );
}

/** Freezes the report's current files with a revision (called as the revision is inserted). */
export async function freezeEvidence(tx: TenantTx, reportId: string, revisionId: string): Promise<void> {
  await tx.query(
    `INSERT INTO report_revision_evidence (tenant_id, revision_id, evidence_id, indicator)
     SELECT tenant_id, $2, id, indicator FROM report_evidence WHERE report_id = $1 AND deleted_at IS NULL`,
    [reportId, revisionId],
  );
}

/** Current files per indicator name of each report given (the dashboard's counts, the inflation flags). */
export function evidenceCountsByIndicator(
  tx: TenantTx,
  reportIds: string[],
): Promise<Array<{ reportId: string; indicator: string | null; files: number }>> {
  if (!reportIds.length) return Promise.resolve([]);
  return rowsOf(
    tx,
    `SELECT report_id AS "reportId", indicator, count(*)::int AS files
       FROM report_evidence WHERE report_id = ANY($1::uuid[]) AND deleted_at IS NULL
      GROUP BY report_id, indicator`,
    [reportIds],
  );
}
