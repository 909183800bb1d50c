import { Injectable } from '@nestjs/common';
import {
  AppError,
  availableActions,
  canSignOff,
  chinaDate,
  emptyProjectContent,
  emptyReportContent,
  prefillFromPreviousYear,
  prefillProjectFromPreviousYear,
  summarizeReport,
  type AppAbility,
  type CheckSummary,
  type DelegableRole,
  type FourEyesSettings,
  type OverallReportContent,
  type PrefillNote,
  type Principal,
  type ProjectIdentity,
  type ProjectReportContent,
  type ReportContent,
  type ReportKind,
  type TemplateDefinition,
  type TransitionAction,
} from '@evalflow/domain';
import {
  abilityFilter,
  applicableTemplateVersion,
  findPreviousYearApproved,
  insertParts,
  insertReport,
  listReports,
  loadContent,
  loadParts,
  loadPinnedTemplate,
  tenantOf,
  TenantDb,
  delegationsInForceFor,
  type ReportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { assertFiscalYearNotLater } from '../http/fiscal-year';
import { fieldInvalid } from '../http/validation';
import { fourEyesOf } from './four-eyes';
import { loadSettings } from '../settings/grade-bands.store';
import { decodeCursor, encodeCursor } from './report-keyset';
import {
  checkReport,
  headSignOffOf,
  permittedReport,
  pinnedTemplateOf,
  reportBands,
  requireReport,
  toPartView,
  toSummary,
} from './report-store';
import type { CreateReportDto, ListReportsQuery, PartView, ReportPage, ReportView } from './reports.dto';

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

  get(principal: Principal, ability: AppAbility, id: string): Promise<ReportView> {
    return this.db.tx(async (tx) => this.view(tx, principal, await permittedReport(tx, ability, id)));
  }

  checks(ability: AppAbility, id: string): Promise<ChecksView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id);
      const { gradeBands } = await loadSettings(tx);
      const { checks, previous } = await checkReport(tx, report, gradeBands);
      return {
        reportId: id,
        version: report.version,
        previousYear: previous && { reportId: previous.id, fiscalYear: previous.fiscalYear },
        ...checks,
      };
    });
  }

  async view(tx: TenantTx, principal: Principal, report: ReportRecord): Promise<ReportView> {
    const { gradeBands, requireHeadSignOff, fourEyes } = await loadSettings(tx);
    const template = await pinnedTemplateOf(tx, report);
    const summary = toSummary(report, template.definition.gradeBands ?? gradeBands);
    const ownDepartment = summary.departmentId === principal.departmentId;
    const parts = await loadParts(tx, report);
    const actions = availableActions(summary.status, principal.roles, ownDepartment);
    return {
      ...summary,
      template,
      parts: Object.fromEntries(parts.map((p) => [p.part, toPartView(p)])) as Record<string, PartView>,
      prefilledFrom: report.prefilledFrom,
      carriedOver: report.carriedOver,
      availableActions: actions,
      actionBlocks: await this.actionBlocks(tx, principal, report, actions, fourEyes),
      standInFor: actions.length ? await standInFor(tx, principal) : [],
      signOff: { required: requireHeadSignOff, head: headSignOffOf(report) },
      canSignOff: canSignOff(summary.status, principal.roles, ownDepartment),
    };
  }

  /** Why an offered action would be refused for who the user is (四眼原则), for the button's reason. */
  private async actionBlocks(
    tx: TenantTx,
    principal: Principal,
    report: ReportRecord,
    actions: TransitionAction[],
    settings: FourEyesSettings,
  ): Promise<Partial<Record<TransitionAction, string>>> {
    if (actions.length === 0) return {};
    const check = await fourEyesOf(tx, report.id, settings);
    const blocks: Partial<Record<TransitionAction, string>> = {};
    for (const action of actions) {
      const refusal = check(action, { userId: principal.userId });
      if (refusal) blocks[action] = refusal.message;
    }
    return blocks;
  }
}

/** Whom the user may act for today (代理), for the choice beside the workflow buttons. */
async function standInFor(tx: TenantTx, principal: Principal) {
  const held = await delegationsInForceFor(tx, principal.userId, chinaDate(new Date()));
  return held.map((d) => ({ userId: d.principalUserId, name: d.principalName, role: d.role as DelegableRole }));
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
