import {
  AppError,
  deadlineStatus,
  gradeLabel,
  runChecks,
  type Action,
  type AppAbility,
  type CheckSummary,
  type GradeBand,
  type ReportContent,
  type TemplateDefinition,
} from '@evalflow/domain';
import {
  findPreviousYearApproved,
  findReport,
  loadContent,
  loadPinnedTemplate,
  type PartRecord,
  type ReportRecord,
  type TemplateVersionRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import type { PartView, PinnedTemplateView, ReportSummaryView } from './reports.dto';

/** How the API shows the stored records of a report; access checks on them. Persistence is @evalflow/persistence. */
export function toSummary(r: ReportRecord, bands: GradeBand[]): ReportSummaryView {
  return {
    id: r.id,
    tenantId: r.tenantId,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    fiscalYear: r.fiscalYear,
    kind: r.kind,
    projectCode: r.projectCode,
    projectName: r.projectName,
    status: r.status,
    version: r.version,
    schemaVersion: r.schemaVersion,
    totalScore: r.totalScore,
    grade: r.grade,
    gradeLabel: r.grade ? gradeLabel(r.grade, bands) : null,
    executionRate: r.executionRate,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deadline: r.dueOn ? deadlineStatus(r.dueOn, r.firstSubmittedAt, new Date()) : null,
    openComments: r.openComments,
  };
}

/** The head's sign-off on the report, and whether it covers the content as it is now. */
export function headSignOffOf(r: ReportRecord) {
  if (!r.headSignOffAt) return null;
  return {
    name: r.headSignOffName ?? '',
    at: r.headSignOffAt.toISOString(),
    current: r.headSignOffVersion === r.version,
  };
}

/** The fields the abilities speak about, for object checks. */
export function reportSubject(r: Pick<ReportRecord, 'id' | 'tenantId' | 'departmentId' | 'status'>) {
  return { id: r.id, tenantId: r.tenantId, departmentId: r.departmentId, status: r.status };
}

/** The report, or REPORT_NOT_FOUND: another county's does not exist here (row-level security). */
export async function requireReport(tx: TenantTx, id: string, forUpdate = false): Promise<ReportRecord> {
  const report = await findReport(tx, id, { forUpdate });
  if (!report) throw new AppError('REPORT_NOT_FOUND');
  return report;
}

/**
 * A report the caller may act on: another county's is not found (row-level security, 404); in its
 * own county, one it may not read or act on is 403.
 */
export async function permittedReport(
  tx: TenantTx,
  ability: AppAbility,
  id: string,
  { action = 'read', forUpdate = false }: { action?: Action; forUpdate?: boolean } = {},
): Promise<ReportRecord> {
  return assertPermitted(ability, await requireReport(tx, id, forUpdate), action);
}

/** permittedReport for a report read without a transaction (TenantDb.snapshot): null is REPORT_NOT_FOUND. */
export function assertPermitted(
  ability: AppAbility,
  report: ReportRecord | null,
  action: Action = 'read',
): ReportRecord {
  if (!report) throw new AppError('REPORT_NOT_FOUND');
  const subject = reportSubject(report);
  assertCan(ability, 'read', 'Report', subject);
  if (action !== 'read') assertCan(ability, action, 'Report', subject);
  return report;
}

export function toPartView(p: PartRecord): PartView {
  return {
    part: p.part,
    version: p.version,
    content: p.content,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: p.updatedBy,
  };
}

/** The template version a report follows, as the report view shows it. */
export function pinnedTemplateView(v: TemplateVersionRecord): PinnedTemplateView {
  return {
    versionId: v.id,
    templateId: v.templateId,
    version: v.version,
    name: v.name,
    builtin: v.tenantId === null,
    definition: v.definition,
  };
}

/** The grade bands a report is graded by: its template's own, else the county's. */
export async function reportBands(
  tx: TenantTx,
  report: Pick<ReportRecord, 'templateVersionId'>,
  countyBands: GradeBand[],
): Promise<GradeBand[]> {
  return (await loadPinnedTemplate(tx, report.templateVersionId)).definition.gradeBands ?? countyBands;
}

/**
 * Every rule of the report's template on its current content, against the same department's (for a
 * project: the same project's) approved report of the year before.
 */
export async function checkReport(
  tx: TenantTx,
  report: ReportRecord,
  gradeBands: GradeBand[],
): Promise<{ checks: CheckSummary; previous: { id: string; fiscalYear: number } | null }> {
  const content = await loadContent(tx, report);
  const previous = await findPreviousYearApproved(tx, report);
  const previousContent = previous && (await loadContent(tx, previous));
  const { definition: template } = await loadPinnedTemplate(tx, report.templateVersionId);
  return checksOf({ report, content, previous, previousContent, template, gradeBands });
}

/** checkReport on facts already read. */
export function checksOf(facts: {
  report: ReportRecord;
  content: ReportContent;
  previous: ReportRecord | null;
  previousContent: ReportContent | null;
  template: TemplateDefinition;
  gradeBands: GradeBand[];
}): { checks: CheckSummary; previous: { id: string; fiscalYear: number } | null } {
  const { report, previous, previousContent, template, gradeBands } = facts;
  const previousYear = previous && previousContent && { fiscalYear: previous.fiscalYear, content: previousContent };
  return {
    checks: runChecks(facts.content, { fiscalYear: report.fiscalYear, gradeBands, previousYear, template }),
    previous: previous && { id: previous.id, fiscalYear: previous.fiscalYear },
  };
}
