import type { GradeKey, PrefillNote, ReportKind, ReportPart, ReportStatus, ReportSummary } from '@evalflow/domain';
import type { SqlFilter } from '../access/ability-filter';
import { allRows, firstRow, run, statement, type Statement } from '../statement';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A report as its row and the few joins every view of it needs (department, deadline, comments). */
export interface ReportRecord {
  id: string;
  tenantId: string;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  /** 项目编码 and 项目名称 of a 项目支出绩效自评表 (kept in step with its projectInfo part); null otherwise */
  projectCode: string | null;
  projectName: string | null;
  status: ReportStatus;
  /** raised by every change of a part or of the status */
  version: number;
  /** the schema version of the stored parts */
  schemaVersion: number;
  /** the template version the report was created with and follows (report_template_versions) */
  templateVersionId: string;
  totalScore: string | null;
  grade: GradeKey | null;
  executionRate: string | null;
  prefilledFrom: string | null;
  carriedOver: PrefillNote[];
  createdAt: Date;
  updatedAt: Date;
  /** the county's 填报截止日期 for the year, YYYY-MM-DD */
  dueOn: string | null;
  firstSubmittedAt: Date | null;
  openComments: number;
  headSignOffName: string | null;
  headSignOffAt: Date | null;
  headSignOffVersion: number | null;
}

const REPORT_SELECT = `
  SELECT r.id, r.tenant_id AS "tenantId", r.department_id AS "departmentId", d.name AS "departmentName",
         r.fiscal_year AS "fiscalYear", r.kind, r.project_code AS "projectCode", r.project_name AS "projectName",
         r.status, r.version, r.schema_version AS "schemaVersion",
         r.template_version_id AS "templateVersionId", r.total_score::text AS "totalScore", r.grade,
         r.execution_rate::text AS "executionRate", r.prefilled_from AS "prefilledFrom",
         r.carried_over AS "carriedOver", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
         to_char(dl.due_on, 'YYYY-MM-DD') AS "dueOn",
         (SELECT min(t.occurred_at) FROM report_transitions t
           WHERE t.report_id = r.id AND t.action = 'submit') AS "firstSubmittedAt",
         -- an approved report's threads are closed (commentThreadState): none of them counts as open
         (SELECT count(*)::int FROM comment_threads c
           WHERE c.report_id = r.id AND c.status = 'open' AND r.status <> 'approved') AS "openComments",
         r.head_sign_off_name AS "headSignOffName", r.head_sign_off_at AS "headSignOffAt",
         r.head_sign_off_version AS "headSignOffVersion"
    FROM reports r JOIN departments d ON d.id = r.department_id
    LEFT JOIN report_deadlines dl ON dl.tenant_id = r.tenant_id AND dl.fiscal_year = r.fiscal_year`;

/** The report, locked for the rest of the transaction when a write follows; null when the county has none. */
export function reportById(id: string, { forUpdate = false } = {}): Statement<ReportRecord | null> {
  return forUpdate
    ? statement(`${REPORT_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id], firstRow<ReportRecord>())
    : statement(`${REPORT_SELECT} WHERE r.id = $1`, [id], firstRow<ReportRecord>(), 'evalflow_report_by_id');
}

export function findReport(
  tx: TenantTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportRecord | null> {
  return run(tx, reportById(id, options));
}

/** Where a report stands in the list: year (newest first), department, 部门整体 before projects, project code. */
export interface ReportListPosition {
  fiscalYear: number;
  departmentName: string;
  kind: ReportKind;
  projectCode: string;
  id: string;
}

export interface ReportListQuery {
  /** what the caller may read, as SQL over r.* (abilityFilter) */
  allowed: SqlFilter;
  fiscalYear?: number;
  status?: ReportStatus[];
  departmentId?: string;
  grade?: GradeKey;
  kind?: ReportKind;
  after?: ReportListPosition;
  limit: number;
}

/** One page of reports, plus one more row when there is a next page. */
export function listReports(tx: TenantTx, query: ReportListQuery): Promise<ReportRecord[]> {
  const where = [query.allowed.sql];
  const params = [...query.allowed.params];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (query.fiscalYear) where.push(`r.fiscal_year = ${p(query.fiscalYear)}`);
  if (query.status?.length) where.push(`r.status = ANY(${p(query.status)})`);
  if (query.departmentId) where.push(`r.department_id = ${p(query.departmentId)}`);
  if (query.grade) where.push(`r.grade = ${p(query.grade)}`);
  if (query.kind) where.push(`r.kind = ${p(query.kind)}`);
  if (query.after) {
    const a = query.after;
    const year = p(a.fiscalYear);
    where.push(
      `(r.fiscal_year < ${year} OR (r.fiscal_year = ${year} AND (d.name, r.kind, coalesce(r.project_code, ''), r.id) > ` +
        `(${p(a.departmentName)}, ${p(a.kind)}, ${p(a.projectCode)}, ${p(a.id)}::uuid)))`,
    );
  }
  return rowsOf<ReportRecord>(
    tx,
    `${REPORT_SELECT} WHERE ${where.join(' AND ')}
      ORDER BY r.fiscal_year DESC, d.name, r.kind, coalesce(r.project_code, ''), r.id LIMIT ${query.limit + 1}`,
    params,
  );
}

export interface NewReport {
  departmentId: string;
  fiscalYear: number;
  kind: ReportKind;
  project: { code: string; name: string } | null;
  schemaVersion: number;
  /** the template version it follows: applicableTemplateVersion for a new report */
  templateVersionId: string;
  summary: ReportSummary;
  status?: ReportStatus;
  prefilledFrom?: string | null;
  carriedOver?: PrefillNote[];
  createdBy?: string | null;
}

/**
 * Adds a report row unless the department has one with the same key (部门整体: one per year; project:
 * one per year and 项目编码). Answers the new id, or the existing report's id when the key is taken.
 */
export async function insertReport(
  tx: TenantTx,
  report: NewReport,
): Promise<{ created: true; id: string } | { created: false; existingId: string }> {
  const conflict =
    report.kind === 'project'
      ? `(tenant_id, department_id, fiscal_year, project_code) WHERE kind = 'project'`
      : `(tenant_id, department_id, fiscal_year) WHERE kind = 'department_overall'`;
  const inserted = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, project_code, project_name, status,
                          schema_version, total_score, grade, execution_rate, prefilled_from, carried_over,
                          created_by, updated_by, template_version_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
     ON CONFLICT ${conflict} DO NOTHING RETURNING id`,
    [
      tenantOf(tx),
      report.departmentId,
      report.fiscalYear,
      report.kind,
      report.project?.code ?? null,
      report.project?.name ?? null,
      report.status ?? 'draft',
      report.schemaVersion,
      report.summary.totalScore,
      report.summary.grade,
      report.summary.executionRate,
      report.prefilledFrom ?? null,
      JSON.stringify(report.carriedOver ?? []),
      report.createdBy ?? null,
      report.templateVersionId,
    ],
  );
  if (inserted) return { created: true, id: inserted.id };
  const existing = await findReportByKey(tx, report);
  if (!existing) throw new Error('report key conflict without a report holding the key');
  return { created: false, existingId: existing };
}

/** The id of the department's report with this key (kind, year and, for a project, its code). */
export async function findReportByKey(
  tx: TenantTx,
  key: { departmentId: string; fiscalYear: number; kind: ReportKind; project?: { code: string } | null },
): Promise<string | null> {
  const row = await rowOf<{ id: string }>(
    tx,
    `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = $2 AND kind = $3
        AND project_code IS NOT DISTINCT FROM $4`,
    [key.departmentId, key.fiscalYear, key.kind, key.kind === 'project' ? (key.project?.code ?? null) : null],
  );
  return row?.id ?? null;
}

/** What a part write changes on the report row besides its version. */
export interface ReportRowChange {
  userId: string;
  summary?: ReportSummary;
  project?: { code: string; name: string };
}

/** Raises the report's version after a part changed, with the summary and project key kept in step. */
export function touchReport(tx: TenantTx, id: string, change: ReportRowChange): Promise<number> {
  return run(tx, touchReportStatement(id, change));
}

export function touchReportStatement(id: string, change: ReportRowChange): Statement<number> {
  const params: unknown[] = [id, change.userId];
  const sets = ['version = version + 1', 'updated_by = $2', 'updated_at = now()'];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (change.summary) {
    sets.push(`total_score = ${p(change.summary.totalScore)}`, `grade = ${p(change.summary.grade)}`);
    sets.push(`execution_rate = ${p(change.summary.executionRate)}`);
  }
  if (change.project) sets.push(`project_code = ${p(change.project.code)}`, `project_name = ${p(change.project.name)}`);
  return statement(`UPDATE reports SET ${sets.join(', ')} WHERE id = $1 RETURNING version`, params, (rows) => {
    const row = rows[0] as { version: number } | undefined;
    if (!row) throw new Error(`report ${id} vanished inside its own transaction`);
    return row.version;
  });
}

/** Moves the report to a status (the workflow decided it may), raising its version. */
export async function setReportStatus(tx: TenantTx, id: string, status: ReportStatus, userId: string): Promise<void> {
  await tx.query(
    `UPDATE reports SET status = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1`,
    [id, status, userId],
  );
}

/** The head's sign-off of the report as it is now (its current version). */
export async function recordHeadSignOff(tx: TenantTx, id: string, head: { userId: string; name: string }) {
  await tx.query(
    `UPDATE reports SET head_sign_off_by = $2, head_sign_off_name = $3, head_sign_off_at = now(),
                        head_sign_off_version = version
      WHERE id = $1`,
    [id, head.userId, head.name],
  );
}

/**
 * The same department's approved report of the year before, of the same kind (and for a project, the
 * same 项目编码): the source of prefill and of last year's figures.
 */
export function findPreviousYearApproved(
  tx: TenantTx,
  report: { departmentId: string; fiscalYear: number; kind: ReportKind; projectCode: string | null },
): Promise<ReportRecord | null> {
  return rowOf<ReportRecord>(
    tx,
    `${REPORT_SELECT}
      WHERE r.department_id = $1 AND r.fiscal_year = $2 AND r.kind = $3 AND r.status = 'approved'
        AND r.project_code IS NOT DISTINCT FROM $4`,
    [report.departmentId, report.fiscalYear - 1, report.kind, report.kind === 'project' ? report.projectCode : null],
  );
}

/** r is the approved report of the year before cur's, of its department and kind (and project). */
const PREVIOUS_OF_CUR = `r.department_id = cur.department_id AND r.fiscal_year = cur.fiscal_year - 1 AND r.kind = cur.kind
  AND r.status = 'approved' AND r.project_code IS NOT DISTINCT FROM (CASE WHEN cur.kind = 'project' THEN cur.project_code END)`;

/**
 * The approved report of the year before of the same department and kind (for a project, the same project code)
 * as report `id`, found by the report's own row: so it can be asked in the same round trip as the report.
 */
export function previousYearApprovedOf(id: string): Statement<ReportRecord | null> {
  return statement(
    `${REPORT_SELECT} JOIN reports cur ON cur.id = $1 WHERE ${PREVIOUS_OF_CUR}`,
    [id],
    firstRow<ReportRecord>(),
    'evalflow_previous_year_report',
  );
}

/** The stored parts of that report (previousYearApprovedOf), none when there is none. */
export function previousYearPartsOf(id: string): Statement<Array<{ part: ReportPart; content: unknown }>> {
  return statement(
    `SELECT p.part, p.content FROM report_parts p
      WHERE p.report_id = (SELECT r.id FROM reports r JOIN reports cur ON cur.id = $1 WHERE ${PREVIOUS_OF_CUR} LIMIT 1)`,
    [id],
    allRows<{ part: ReportPart; content: unknown }>(),
    'evalflow_previous_year_parts',
  );
}

/** A project a department ran in a year, as 新建报告 offers it for the next year. */
export interface ProjectOfYear {
  reportId: string;
  code: string;
  name: string;
  status: ReportStatus;
  supervisingDepartment: string;
  implementingUnit: string;
}

/** The department's project tables of a year, by project code. */
export function listProjectsOfYear(
  tx: TenantTx,
  query: { departmentId: string; fiscalYear: number },
): Promise<ProjectOfYear[]> {
  return rowsOf<ProjectOfYear>(
    tx,
    `SELECT r.id AS "reportId", r.project_code AS code, r.project_name AS name, r.status,
            coalesce(p.content ->> 'supervisingDepartment', '') AS "supervisingDepartment",
            coalesce(p.content ->> 'implementingUnit', '') AS "implementingUnit"
       FROM reports r LEFT JOIN report_parts p ON p.report_id = r.id AND p.part = 'projectInfo'
      WHERE r.department_id = $1 AND r.fiscal_year = $2 AND r.kind = 'project'
      ORDER BY r.project_code`,
    [query.departmentId, query.fiscalYear],
  );
}

/** A department's reports still in its hands (draft or returned), nearest deadline first (at most `limit`). */
export function listDepartmentOpenReports(tx: TenantTx, departmentId: string, limit: number): Promise<ReportRecord[]> {
  return rowsOf<ReportRecord>(
    tx,
    `${REPORT_SELECT}
      WHERE r.department_id = $1 AND r.status IN ('draft', 'returned')
      ORDER BY dl.due_on NULLS LAST, r.fiscal_year DESC, r.kind, r.project_code NULLS FIRST, r.id
      LIMIT $2`,
    [departmentId, limit],
  );
}

/**
 * For each of these reports, the approved report of the year before it is checked against (as
 * findPreviousYearApproved), in one statement: keyed by the report's id.
 */
export async function findPreviousYearApprovedOf(
  tx: TenantTx,
  reportIds: string[],
): Promise<Map<string, ReportRecord>> {
  if (!reportIds.length) return new Map();
  const rows = await rowsOf<ReportRecord & { forId: string }>(
    tx,
    `SELECT cur.id AS "forId", prev.*
       FROM reports cur
       JOIN LATERAL (${REPORT_SELECT}
                      WHERE r.department_id = cur.department_id AND r.fiscal_year = cur.fiscal_year - 1
                        AND r.kind = cur.kind AND r.status = 'approved'
                        AND r.project_code IS NOT DISTINCT FROM (CASE WHEN cur.kind = 'project' THEN cur.project_code END)
                      LIMIT 1) prev ON true
      WHERE cur.id = ANY($1::uuid[])`,
    [reportIds],
  );
  return new Map(rows.map(({ forId, ...prev }) => [forId, prev]));
}
