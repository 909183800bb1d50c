import { Injectable } from '@nestjs/common';
import {
  AppError,
  availableActions,
  canSignOff,
  emptyReportContent,
  prefillFromPreviousYear,
  summarizeReport,
  type AppAbility,
  type CheckSummary,
  type Principal,
  type PrefillNote,
} from '@evalflow/domain';
import { abilityFilter, insertReportParts, TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { loadSettings } from '../settings/grade-bands.store';
import { decodeCursor, encodeCursor } from './report-keyset';
import {
  checkReport,
  findPreviousYearApproved,
  findReportRow,
  headSignOffOf,
  loadParts,
  permittedReport,
  SUMMARY_SELECT,
  toSummary,
  type SummaryRow,
} from './report-store';
import type { CreateReportDto, ListReportsQuery, ReportPage, ReportView } from './reports.dto';

const COLUMNS = { id: 'r.id', tenantId: 'r.tenant_id', departmentId: 'r.department_id', status: 'r.status' };

export interface ChecksView extends CheckSummary {
  reportId: string;
  version: number;
  /** the report the year-over-year checks compared with, if any */
  previousYear: { reportId: string; fiscalYear: number } | null;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, ability: AppAbility, dto: CreateReportDto): Promise<ReportView> {
    const tenantId = principal.tenantId as string;
    const departmentId = dto.departmentId ?? principal.departmentId;
    if (!departmentId) {
      const message = '请选择填报部门';
      throw new AppError('VALIDATION_FAILED', [{ field: 'departmentId', rule: 'isDefined', message }], message);
    }
    const kind = dto.kind ?? 'department_overall';
    if (dto.fiscalYear > new Date().getFullYear() + 1) {
      throw new AppError('REPORT_YEAR_INVALID', { fiscalYear: dto.fiscalYear }, '年度不能晚于明年');
    }
    return this.db.tx(async (em) => {
      const [dept] = await em.query(
        `SELECT id, name, kind, active, unit_nature, unit_level, funding_form FROM departments WHERE id = $1`,
        [departmentId],
      );
      if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
      assertCan(ability, 'create', 'Report', { tenantId, departmentId, status: 'draft' });
      if (dept.kind !== 'budget_department') throw new AppError('REPORT_DEPARTMENT_INVALID');
      if (!dept.active) throw new AppError('REPORT_DEPARTMENT_INVALID', undefined, '部门已停用，不能新建报告');

      const input = {
        departmentName: dept.name as string,
        fiscalYear: dto.fiscalYear,
        orgUnit: { nature: dept.unit_nature, level: dept.unit_level, fundingForm: dept.funding_form },
      };
      const previous = await findPreviousYearApproved(em, { departmentId, fiscalYear: dto.fiscalYear, kind });
      const { content, carriedOver } = previous
        ? prefillFromPreviousYear(previous, input)
        : { content: emptyReportContent(input), carriedOver: [] as PrefillNote[] };
      const summary = summarizeReport(content);
      const inserted = await em.query(
        `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, schema_version, total_score, grade,
                              execution_rate, prefilled_from, carried_over, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
         ON CONFLICT ON CONSTRAINT reports_department_year_kind_key DO NOTHING RETURNING id`,
        [
          tenantId,
          departmentId,
          dto.fiscalYear,
          kind,
          content.schemaVersion,
          summary.totalScore,
          summary.grade,
          summary.executionRate,
          previous?.id ?? null,
          JSON.stringify(carriedOver),
          principal.userId,
        ],
      );
      if (!inserted.length) {
        const [existing] = await em.query(
          `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = $2 AND kind = $3`,
          [departmentId, dto.fiscalYear, kind],
        );
        throw new AppError('REPORT_EXISTS', { reportId: existing?.id ?? null });
      }
      const id = inserted[0].id as string;
      await insertReportParts((sql, params) => em.query(sql, params), {
        tenantId,
        reportId: id,
        content,
        userId: principal.userId,
      });
      await this.audit.record(em, {
        tenantId,
        action: 'report.created',
        targetType: 'report',
        targetId: id,
        details: { departmentName: dept.name, fiscalYear: dto.fiscalYear, kind, prefilledFrom: previous?.id ?? null },
      });
      return this.view(em, principal, await findReportRow(em, id));
    });
  }

  list(ability: AppAbility, query: ListReportsQuery): Promise<ReportPage> {
    const filter = abilityFilter(ability, 'read', 'Report', COLUMNS);
    const where = [filter.sql];
    const params = [...filter.params];
    if (query.fiscalYear) where.push(`r.fiscal_year = $${params.push(query.fiscalYear)}`);
    if (query.status?.length) where.push(`r.status = ANY($${params.push(query.status)})`);
    if (query.departmentId) where.push(`r.department_id = $${params.push(query.departmentId)}`);
    if (query.grade) where.push(`r.grade = $${params.push(query.grade)}`);
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      const y = `$${params.push(c.fiscalYear)}`;
      where.push(
        `(r.fiscal_year < ${y} OR (r.fiscal_year = ${y} AND (d.name, r.id) > ($${params.push(
          c.departmentName,
        )}, $${params.push(c.id)}::uuid)))`,
      );
    }
    const limit = query.limit ?? 50;
    return this.db.tx(async (em) => {
      const rows = await em.query(
        `${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.fiscal_year DESC, d.name, r.id LIMIT ${limit + 1}`,
        params,
      );
      const { gradeBands } = await loadSettings(em);
      const items = rows.slice(0, limit).map((r: SummaryRow) => toSummary(r, gradeBands));
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          rows.length > limit
            ? encodeCursor({ fiscalYear: last.fiscalYear, departmentName: last.departmentName, id: last.id })
            : null,
      };
    });
  }

  get(principal: Principal, ability: AppAbility, id: string): Promise<ReportView> {
    return this.db.tx(async (em) => this.view(em, principal, (await permittedReport(em, ability, id)).row));
  }

  checks(ability: AppAbility, id: string): Promise<ChecksView> {
    return this.db.tx(async (em) => {
      const { row } = await permittedReport(em, ability, id);
      const { gradeBands } = await loadSettings(em);
      const { checks, previous } = await checkReport(em, row, gradeBands);
      return {
        reportId: id,
        version: row['version'] as number,
        previousYear: previous && { reportId: previous.id, fiscalYear: previous.fiscalYear },
        ...checks,
      };
    });
  }

  async view(em: EntityManager, principal: Principal, row: SummaryRow): Promise<ReportView> {
    const { gradeBands, requireHeadSignOff } = await loadSettings(em);
    const summary = toSummary(row, gradeBands);
    const ownDepartment = summary.departmentId === principal.departmentId;
    return {
      ...summary,
      parts: await loadParts(em, summary.id),
      prefilledFrom: (row['prefilled_from'] as string | null) ?? null,
      carriedOver: row['carried_over'] as PrefillNote[],
      availableActions: availableActions(summary.status, principal.roles, ownDepartment),
      signOff: { required: requireHeadSignOff, head: headSignOffOf(row) },
      canSignOff: canSignOff(summary.status, principal.roles, ownDepartment),
    };
  }
}
