import {
  AppError,
  assembleContent,
  deadlineStatus,
  gradeLabel,
  runChecks,
  type Action,
  type AppAbility,
  type CheckSummary,
  type GradeBand,
  type ReportContent,
  type ReportPart,
} from '@evalflow/domain';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/object-checks';
import type { PartView, ReportSummaryView } from './reports.dto';

/** SQL reads shared by the report services; always inside a tenant transaction (row-level security). */
export const SUMMARY_SELECT = `
  SELECT r.id, r.tenant_id, r.department_id, d.name AS department_name, r.fiscal_year, r.kind, r.status,
         r.version, r.schema_version, r.total_score::text AS total_score, r.grade,
         r.execution_rate::text AS execution_rate, r.prefilled_from, r.carried_over, r.created_at, r.updated_at,
         to_char(dl.due_on, 'YYYY-MM-DD') AS due_on,
         (SELECT min(t.occurred_at) FROM report_transitions t
           WHERE t.report_id = r.id AND t.action = 'submit') AS first_submitted_at,
         (SELECT count(*)::int FROM comment_threads c WHERE c.report_id = r.id AND c.status = 'open') AS open_comments,
         r.head_sign_off_name, r.head_sign_off_at, r.head_sign_off_version
    FROM reports r JOIN departments d ON d.id = r.department_id
    LEFT JOIN report_deadlines dl ON dl.tenant_id = r.tenant_id AND dl.fiscal_year = r.fiscal_year`;

export type SummaryRow = Record<string, unknown>;

export function toSummary(r: SummaryRow, bands: GradeBand[]): ReportSummaryView {
  const grade = r['grade'] as ReportSummaryView['grade'];
  return {
    id: r['id'] as string,
    tenantId: r['tenant_id'] as string,
    departmentId: r['department_id'] as string,
    departmentName: r['department_name'] as string,
    fiscalYear: r['fiscal_year'] as number,
    kind: r['kind'] as ReportSummaryView['kind'],
    status: r['status'] as ReportSummaryView['status'],
    version: r['version'] as number,
    schemaVersion: r['schema_version'] as number,
    totalScore: r['total_score'] as string | null,
    grade,
    gradeLabel: grade ? gradeLabel(grade, bands) : null,
    executionRate: r['execution_rate'] as string | null,
    createdAt: (r['created_at'] as Date).toISOString(),
    updatedAt: (r['updated_at'] as Date).toISOString(),
    deadline: r['due_on']
      ? deadlineStatus(r['due_on'] as string, (r['first_submitted_at'] as Date | null) ?? null, new Date())
      : null,
    openComments: (r['open_comments'] as number) ?? 0,
  };
}

/** The head's sign-off on the report, and whether it covers the content as it is now. */
export function headSignOffOf(r: SummaryRow) {
  if (!r['head_sign_off_at']) return null;
  return {
    name: r['head_sign_off_name'] as string,
    at: (r['head_sign_off_at'] as Date).toISOString(),
    current: r['head_sign_off_version'] === r['version'],
  };
}

/** The report's row, locked for the rest of the transaction when a write follows. */
export async function findReportRow(em: EntityManager, id: string, forUpdate = false): Promise<SummaryRow> {
  const [row] = await em.query(`${SUMMARY_SELECT} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
  if (!row) throw new AppError('REPORT_NOT_FOUND');
  return row;
}

/** The fields the abilities speak about, for object checks. */
export function reportSubject(row: SummaryRow) {
  return {
    id: row['id'] as string,
    tenantId: row['tenant_id'] as string,
    departmentId: row['department_id'] as string,
    status: row['status'] as string,
  };
}

/**
 * A report the caller may act on: another county's is not found (row-level security, 404); in its
 * own county, one it may not read or act on is 403.
 */
export async function permittedReport(
  em: EntityManager,
  ability: AppAbility,
  id: string,
  { action = 'read', forUpdate = false }: { action?: Action; forUpdate?: boolean } = {},
) {
  const row = await findReportRow(em, id, forUpdate);
  const subject = reportSubject(row);
  assertCan(ability, 'read', 'Report', subject);
  if (action !== 'read') assertCan(ability, action, 'Report', subject);
  return { row, subject };
}

function toPartView(r: Record<string, unknown>): PartView {
  return {
    part: r['part'] as ReportPart,
    version: r['version'] as number,
    content: r['content'],
    updatedAt: (r['updated_at'] as Date).toISOString(),
    updatedBy: (r['updated_by_name'] as string | null) ?? null,
  };
}

const PART_SELECT = `
  SELECT p.part, p.version, p.content, p.updated_at, u.display_name AS updated_by_name
    FROM report_parts p LEFT JOIN users u ON u.id = p.updated_by`;

export async function loadParts(em: EntityManager, reportId: string): Promise<Record<ReportPart, PartView>> {
  const rows = await em.query(`${PART_SELECT} WHERE p.report_id = $1`, [reportId]);
  return Object.fromEntries(rows.map((r: Record<string, unknown>) => [r['part'], toPartView(r)])) as Record<
    ReportPart,
    PartView
  >;
}

export async function loadPart(em: EntityManager, reportId: string, part: ReportPart): Promise<PartView> {
  const [row] = await em.query(`${PART_SELECT} WHERE p.report_id = $1 AND p.part = $2`, [reportId, part]);
  if (!row) throw new AppError('REPORT_PART_UNKNOWN');
  return toPartView(row);
}

export async function loadContent(em: EntityManager, reportId: string, schemaVersion: number): Promise<ReportContent> {
  const rows: Array<{ part: ReportPart; content: unknown }> = await em.query(
    `SELECT part, content FROM report_parts WHERE report_id = $1`,
    [reportId],
  );
  return assembleContent(Object.fromEntries(rows.map((r) => [r.part, r.content])), schemaVersion);
}

/** The same department's approved report of the year before: the source of prefill and of the YoY checks. */
export async function findPreviousYearApproved(
  em: EntityManager,
  report: { departmentId: string; fiscalYear: number; kind: string },
): Promise<{ id: string; fiscalYear: number; content: ReportContent } | null> {
  const [row] = await em.query(
    `SELECT id, fiscal_year, schema_version FROM reports
      WHERE department_id = $1 AND fiscal_year = $2 AND kind = $3 AND status = 'approved'`,
    [report.departmentId, report.fiscalYear - 1, report.kind],
  );
  if (!row) return null;
  return { id: row.id, fiscalYear: row.fiscal_year, content: await loadContent(em, row.id, row.schema_version) };
}

/** Every rule on the report's current content, against the same department's approved report of the year before. */
export async function checkReport(
  em: EntityManager,
  row: SummaryRow,
  gradeBands: GradeBand[],
): Promise<{ checks: CheckSummary; previous: { id: string; fiscalYear: number } | null }> {
  const fiscalYear = row['fiscal_year'] as number;
  const content = await loadContent(em, row['id'] as string, row['schema_version'] as number);
  const previous = await findPreviousYearApproved(em, {
    departmentId: row['department_id'] as string,
    fiscalYear,
    kind: row['kind'] as string,
  });
  return {
    checks: runChecks(content, { fiscalYear, gradeBands, previousYear: previous }),
    previous: previous && { id: previous.id, fiscalYear: previous.fiscalYear },
  };
}
