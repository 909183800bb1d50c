import { upcastPart, type ReportKind, type ReportStatus, type ScoreTablePart } from '@evalflow/domain';
import { rowOf, rowsOf, type TenantTx } from '../tenant-tx';

/** One report of a year with its indicator table (in the current schema version), as the export reads it. */
export interface IndicatorPageReport {
  id: string;
  departmentName: string;
  kind: ReportKind;
  status: ReportStatus;
  projectName: string | null;
  projectCode: string | null;
  scoreTable: ScoreTablePart | null;
}

/** Where the next page starts: after this report in the sheet's order (department, kind, project code, id). */
export interface IndicatorPageCursor {
  departmentName: string;
  kind: ReportKind;
  projectCode: string;
  id: string;
}

/** How many reports the county has in the year (the export's progress is counted in reports). */
export async function countYearReports(tx: TenantTx, fiscalYear: number): Promise<number> {
  const row = await rowOf<{ n: number }>(tx, `SELECT count(*)::int AS n FROM reports WHERE fiscal_year = $1`, [
    fiscalYear,
  ]);
  return row?.n ?? 0;
}

/**
 * One page of the year's reports with their scoreTable parts as stored (a submitted or approved report's
 * parts are its frozen content), after `cursor` in the sheet's order: by department, the 部门整体 report
 * first, then the project tables by code (keyset: each page is one short statement, never an OFFSET).
 */
export async function indicatorPage(
  tx: TenantTx,
  fiscalYear: number,
  cursor: IndicatorPageCursor | null,
  limit: number,
): Promise<IndicatorPageReport[]> {
  const rows = await rowsOf<Omit<IndicatorPageReport, 'scoreTable'> & { schemaVersion: number; stored: unknown }>(
    tx,
    `SELECT r.id, d.name AS "departmentName", r.kind, r.status, r.project_name AS "projectName",
            r.project_code AS "projectCode", r.schema_version AS "schemaVersion", p.content AS stored
       FROM reports r
       JOIN departments d ON d.id = r.department_id
       LEFT JOIN report_parts p ON p.report_id = r.id AND p.part = 'scoreTable'
      WHERE r.fiscal_year = $1
        AND ($2::text IS NULL OR (d.name, r.kind, COALESCE(r.project_code, ''), r.id) > ($2, $3, $4, $5::uuid))
      ORDER BY d.name, r.kind, COALESCE(r.project_code, ''), r.id
      LIMIT $6`,
    [
      fiscalYear,
      cursor?.departmentName ?? null,
      cursor?.kind ?? null,
      cursor?.projectCode ?? null,
      cursor?.id ?? null,
      limit,
    ],
  );
  return rows.map(({ schemaVersion, stored, ...report }) => ({
    ...report,
    scoreTable:
      stored === null || stored === undefined
        ? null
        : (upcastPart(report.kind, schemaVersion, 'scoreTable', stored) as ScoreTablePart),
  }));
}

/** The cursor after a report of a page. */
export function cursorAfter(report: IndicatorPageReport): IndicatorPageCursor {
  return {
    departmentName: report.departmentName,
    kind: report.kind,
    projectCode: report.projectCode ?? '',
    id: report.id,
  };
}
