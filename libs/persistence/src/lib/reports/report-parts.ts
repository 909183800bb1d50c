import { splitContent, type ReportContent } from '@evalflow/domain';

/** Any way to run one statement: an EntityManager's or a pg client's `query`. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<unknown>;

/** All parts of a new report, in one statement (the report row must exist, in the same county). */
export async function insertReportParts(
  run: RunQuery,
  report: { tenantId: string; reportId: string; content: ReportContent; userId?: string | null },
): Promise<void> {
  await run(
    `INSERT INTO report_parts (report_id, tenant_id, part, content, updated_by)
     SELECT $1, $2, p.part, p.content, $4 FROM jsonb_to_recordset($3::jsonb) AS p(part text, content jsonb)`,
    [report.reportId, report.tenantId, JSON.stringify(splitContent(report.content)), report.userId ?? null],
  );
}
