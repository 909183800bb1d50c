import { Injectable } from '@nestjs/common';
import {
  AppError,
  availableActions,
  chinaDate,
  emptyProjectContent,
  emptyReportContent,
  prefillFromPreviousYear,
  prefillProjectFromPreviousYear,
  summarizeReport,
  type AppAbility,
  type CheckSummary,
  type OverallReportContent,
  type PrefillNote,
  type Principal,
  type ProjectIdentity,
  type ProjectReportContent,
  type ReportContent,
  type ReportKind,
  type TemplateDefinition,
} from '@evalflow/domain';
import {
  abilityFilter,
  applicableTemplateVersion,
  cachedTemplateVersion,
  contentOf,
  currentParts,
  delegationsInForce,
  delegationsInForceFor,
  findPreviousYearApproved,
  fourEyesFactsOf,
  insertParts,
  insertReport,
  listReports,
  loadContent,
  loadFourEyesFacts,
  loadParts,
  loadPinnedTemplate,
  previousYearApprovedOf,
  previousYearPartsOf,
  reportById,
  storedPartsOf,
  tenantOf,
  TenantDb,
  type ReportRecord,
  type TemplateVersionRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { assertFiscalYearNotLater } from '../http/fiscal-year';
import { fieldInvalid } from '../http/validation';
import { loadSettings, settingsStatement } from '../settings/grade-bands.store';
import { ChecksCache } from './checks-cache';
import { decodeCursor, encodeCursor } from './report-keyset';
import { assertPermitted, checksOf, reportBands, requireReport, toSummary } from './report-store';
import { ownDepartment, reportView } from './report-view';
import type { CreateReportDto, ListReportsQuery, ReportPage, ReportView } from './reports.dto';

const COLUMNS = { id: 'r.id', tenantId: 'r.tenant_id', departmentId: 'r.department_id', status: 'r.status' };

export interface ChecksView extends CheckSummary {
  reportId: string;
  version: number;
  /** the report the year-over-year checks compared with, if any */
  previousYear: { reportId: string; fiscalYear: number } | null;
}

interface Department {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  unitNature: string | null;
  unitLevel: string | null;
  fundingForm: string | null;
}

/** The message of a taken key: which report holds it, in the words of its kind. */
function reportExists(kind: ReportKind, existingId: string, project?: ProjectIdentity): AppError {
  const message =
    kind === 'project'
      ? `本部门本年度已有项目编码为 ${project?.code} 的项目支出绩效自评表，请直接打开编辑`
      : '该部门本年度的部门整体支出绩效自评报告已存在，请直接打开编辑';
  return new AppError('REPORT_EXISTS', { reportId: existingId }, message);
}

@Injectable()
export class ReportsService {
  private readonly checksCache = new ChecksCache();

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, ability: AppAbility, dto: CreateReportDto): Promise<ReportView> {
    const departmentId = dto.departmentId ?? principal.departmentId;
    if (!departmentId) throw fieldInvalid('departmentId', 'isDefined', '请选择填报部门');
    const kind = dto.kind ?? 'department_overall';
    if (kind !== 'project' && dto.project) {
      throw fieldInvalid('project', 'kind', '只有项目支出绩效自评表需要填写项目；请把 kind 设为 project');
    }
    assertFiscalYearNotLater(dto.fiscalYear);
    const project = dto.project && { ...dto.project, code: dto.project.code, name: dto.project.name.trim() };
    return this.db.tx(async (tx) => {
      const dept = await this.budgetDepartment(tx, ability, departmentId);
      const previous = await findPreviousYearApproved(tx, {
        departmentId,
        fiscalYear: dto.fiscalYear,
        kind,
        projectCode: project?.code ?? null,
      });
      const lastYear = previous && { fiscalYear: previous.fiscalYear, content: await loadContent(tx, previous) };
      const templateVersionId = await applicableTemplateVersion(tx, dto.fiscalYear, kind);
      const { definition: template } = await loadPinnedTemplate(tx, templateVersionId);
      const { content, carriedOver } = draftContent(kind, dept, dto.fiscalYear, project, lastYear, template.document);
      const inserted = await insertReport(tx, {
        departmentId,
        fiscalYear: dto.fiscalYear,
        kind,
        project: project ? { code: project.code, name: project.name } : null,
        schemaVersion: content.schemaVersion,
        templateVersionId,
        summary: summarizeReport(content),
        prefilledFrom: previous?.id ?? null,
        carriedOver,
        createdBy: principal.userId,
      });
      if (!inserted.created) throw reportExists(kind, inserted.existingId, project);
      await insertParts(tx, { reportId: inserted.id, content, userId: principal.userId });
      await this.audit.record(tx, {
        tenantId: principal.tenantId as string,
        action: 'report.created',
        targetType: 'report',
        targetId: inserted.id,
        details: {
          departmentName: dept.name,
          fiscalYear: dto.fiscalYear,
          kind,
          projectCode: project?.code ?? null,
          prefilledFrom: previous?.id ?? null,
          templateVersionId,
        },
      });
      return this.view(tx, principal, await requireReport(tx, inserted.id));
    });
  }

  /** The department a report is filed for: of the caller's county, a budget department, active. */
  private async budgetDepartment(tx: TenantTx, ability: AppAbility, departmentId: string): Promise<Department> {
    const [dept]: Department[] = await tx.query(
      `SELECT id, name, kind, active, unit_nature AS "unitNature", unit_level AS "unitLevel",
              funding_form AS "fundingForm"
         FROM departments WHERE id = $1`,
      [departmentId],
    );
    if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
    assertCan(ability, 'create', 'Report', { tenantId: tenantOf(tx), departmentId, status: 'draft' });
    if (dept.kind !== 'budget_department') throw new AppError('REPORT_DEPARTMENT_INVALID');
    if (!dept.active) throw new AppError('REPORT_DEPARTMENT_INVALID', undefined, '部门已停用，不能新建报告');
    return dept;
  }

  list(ability: AppAbility, query: ListReportsQuery): Promise<ReportPage> {
    const limit = query.limit ?? 50;
    return this.db.tx(async (tx) => {
      const rows = await listReports(tx, {
        allowed: abilityFilter(ability, 'read', 'Report', COLUMNS),
        fiscalYear: query.fiscalYear,
        status: query.status,
        departmentId: query.departmentId,
        grade: query.grade,
        kind: query.kind,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit,
      });
      const { gradeBands } = await loadSettings(tx);
      const items = await Promise.all(
        rows.slice(0, limit).map(async (r) => toSummary(r, await reportBands(tx, r, gradeBands))),
      );
      const last = rows[limit - 1];
      return {
        items,
        nextCursor:
          rows.length > limit
            ? encodeCursor({
                fiscalYear: last.fiscalYear,
                departmentName: last.departmentName,
                kind: last.kind,
                projectCode: last.projectCode ?? '',
                id: last.id,
              })
            : null,
      };
    });
  }

  /**
   * The whole report in one round trip (TenantDb.snapshot): the report, the county's settings, the parts, the
   * four-eyes facts and the caller's stand-in duties are read together; the template comes from the process's cache.
   */
  async get(principal: Principal, ability: AppAbility, id: string): Promise<ReportView> {
    const [found, settings, stored, fourEyes, standIns] = await this.db.snapshot([
      reportById(id),
      settingsStatement,
      storedPartsOf(id),
      fourEyesFactsOf(id),
      delegationsInForce(principal.userId, chinaDate(new Date())),
    ]);
    const report = assertPermitted(ability, found);
    const template = await this.template(report);
    return reportView(principal, {
      report,
      settings,
      template,
      parts: currentParts(report, stored),
      fourEyes,
      standIns,
    });
  }

  /**
   * The checks: the report, the settings and last year's approved report (their versions) in one round trip; the
   * result for those versions from this process's cache, else the parts of both read in a second round trip and
   * the checks run and kept under the versions that second read saw.
   */
  async checks(ability: AppAbility, id: string): Promise<ChecksView> {
    const [found, settings, previous] = await this.db.snapshot([
      reportById(id),
      settingsStatement,
      previousYearApprovedOf(id),
    ]);
    const report = assertPermitted(ability, found);
    const cached = this.checksCache.get({ report, previous, settingsVersion: settings.version });
    if (cached) return checksView(report, previous, cached);
    return this.computeChecks(ability, id);
  }

  private async computeChecks(ability: AppAbility, id: string): Promise<ChecksView> {
    const [found, settings, stored, previous, previousStored] = await this.db.snapshot([
      reportById(id),
      settingsStatement,
      storedPartsOf(id),
      previousYearApprovedOf(id),
      previousYearPartsOf(id),
    ]);
    const report = assertPermitted(ability, found);
    const { definition: template } = await this.template(report);
    const { checks } = checksOf({
      report,
      content: contentOf(report, stored),
      previous,
      previousContent: previous && contentOf(previous, previousStored),
      template,
      gradeBands: settings.gradeBands,
    });
    this.checksCache.set({ report, previous, settingsVersion: settings.version }, checks);
    return checksView(report, previous, checks);
  }

  /** The template version the report pins: from this process's cache, read once when not yet there. */
  private async template(report: ReportRecord): Promise<TemplateVersionRecord> {
    return (
      cachedTemplateVersion(report.tenantId, report.templateVersionId) ??
      this.db.tx((tx) => loadPinnedTemplate(tx, report.templateVersionId))
    );
  }

  /** The report as its users see it, inside a transaction that has just changed or created it. */
  async view(tx: TenantTx, principal: Principal, report: ReportRecord): Promise<ReportView> {
    const settings = await loadSettings(tx);
    const template = await loadPinnedTemplate(tx, report.templateVersionId);
    const parts = await loadParts(tx, report);
    const offersActions = availableActions(report.status, principal.roles, ownDepartment(principal, report)).length > 0;
    return reportView(principal, {
      report,
      settings,
      template,
      parts,
      fourEyes: offersActions ? await loadFourEyesFacts(tx, report.id) : { history: [], authors: [] },
      standIns: offersActions ? await delegationsInForceFor(tx, principal.userId, chinaDate(new Date())) : [],
    });
  }
}

function checksView(report: ReportRecord, previous: ReportRecord | null, checks: CheckSummary): ChecksView {
  return {
    reportId: report.id,
    version: report.version,
    previousYear: previous && { reportId: previous.id, fiscalYear: previous.fiscalYear },
    ...checks,
  };
}

/** A new draft's content: last year's approved report of the same kind (and project) carried over, or empty. */
function draftContent(
  kind: ReportKind,
  dept: Department,
  fiscalYear: number,
  project: ProjectIdentity | undefined,
  lastYear: { fiscalYear: number; content: ReportContent } | null,
  document: TemplateDefinition['document'],
): { content: ReportContent; carriedOver: PrefillNote[] } {
  if (kind === 'project') {
    if (!project) throw fieldInvalid('project', 'isDefined', '请填写项目编码和项目名称');
    const input = { departmentName: dept.name, project };
    return lastYear
      ? prefillProjectFromPreviousYear({ ...lastYear, content: lastYear.content as ProjectReportContent }, input)
      : { content: emptyProjectContent(input), carriedOver: [] };
  }
  const input = {
    departmentName: dept.name,
    fiscalYear,
    orgUnit: { nature: dept.unitNature, level: dept.unitLevel, fundingForm: dept.fundingForm },
    document,
  };
  return lastYear
    ? prefillFromPreviousYear({ ...lastYear, content: lastYear.content as OverallReportContent }, input)
    : { content: emptyReportContent(input), carriedOver: [] };
}
