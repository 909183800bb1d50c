import type { ReportKind } from '@evalflow/domain';
import { rowOf, rowsOf, type TenantTx } from '../tenant-tx';

/**
 * An approved report of a year and the PDF of its latest approval (edition rN-approved), as the PDF bundle
 * reads them. `storageKey` is null while that PDF is not rendered (yet): the bundle lists the report as missing.
 */
export interface ApprovedPdf {
  reportId: string;
  departmentName: string;
  kind: ReportKind;
  projectCode: string | null;
  projectName: string | null;
  storageKey: string | null;
  sizeBytes: number | null;
}

/** How many reports of the year are approved (the bundle's progress is counted in them). */
export async function countApprovedReports(tx: TenantTx, fiscalYear: number): Promise<number> {
  const row = await rowOf<{ n: number }>(
    tx,
    `SELECT count(*)::int AS n FROM reports WHERE fiscal_year = $1 AND status = 'approved'`,
    [fiscalYear],
  );
  return row?.n ?? 0;
}

/** One page of the year's approved reports with their PDFs, after report `afterId` (keyset by id). */
export function approvedPdfPage(
  tx: TenantTx,
  fiscalYear: number,
  afterId: string | null,
  limit: number,
): Promise<ApprovedPdf[]> {
  return rowsOf<ApprovedPdf>(
    tx,
    `SELECT r.id AS "reportId", d.name AS "departmentName", r.kind, r.project_code AS "projectCode",
            r.project_name AS "projectName",
            CASE WHEN doc.status = 'done' THEN doc.storage_key END AS "storageKey",
            CASE WHEN doc.status = 'done' THEN doc.size_bytes::int END AS "sizeBytes"
       FROM reports r JOIN departments d ON d.id = r.department_id
       LEFT JOIN LATERAL (SELECT x.status, x.storage_key, x.size_bytes FROM documents x
                           WHERE x.tenant_id = r.tenant_id AND x.report_id = r.id AND x.format = 'pdf'
                             AND x.edition LIKE '%-approved'
                           ORDER BY x.created_at DESC LIMIT 1) doc ON true
      WHERE r.fiscal_year = $1 AND r.status = 'approved' AND ($2::uuid IS NULL OR r.id > $2::uuid)
      ORDER BY r.id
      LIMIT $3`,
    [fiscalYear, afterId, limit],
  );
}

/** When what the bundle of a year shows last changed: a report of the year, or a PDF of one finished. */
export async function approvedPdfsChangedAt(tx: TenantTx, fiscalYear: number): Promise<Date | null> {
  const row = await rowOf<{ at: Date | null }>(
    tx,
    `SELECT greatest((SELECT max(updated_at) FROM reports WHERE fiscal_year = $1),
                     (SELECT max(x.finished_at) FROM documents x JOIN reports r ON r.id = x.report_id
                       WHERE r.fiscal_year = $1 AND x.format = 'pdf')) AS at`,
    [fiscalYear],
  );
  return row?.at ?? null;
}
