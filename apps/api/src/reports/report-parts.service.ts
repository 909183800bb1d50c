import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import {
  AppError,
  isContentEditable,
  isPartOf,
  partsOf,
  summarizeReport,
  SUMMARY_PARTS,
  validatePart,
  type AppAbility,
  type ConclusionPart,
  type Principal,
  type ProjectInfoPart,
  type ReportPart,
  type ScoreTablePart,
} from '@evalflow/domain';
import {
  currentParts,
  findReportByKey,
  loadPart,
  reportById,
  runAll,
  storedPartOf,
  storedPartsIn,
  TenantDb,
  touchReportStatement,
  writePartStatement,
  type ReportRecord,
  type ReportRowChange,
  type TenantTx,
} from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { mapUniqueViolation } from '../http/pg-errors';
import { versionMismatch } from '../http/versioning';
import { assertPermitted, permittedReport, toPartView } from './report-store';
import type { PartView, PartWriteView } from './reports.dto';

/** A part the report's kind has; any other is not there (404) — a project table has no 一、部门基本情况. */
function requirePartOf(report: ReportRecord, part: ReportPart): void {
  if (!isPartOf(report.kind, part)) {
    throw new AppError('REPORT_PART_UNKNOWN', { kind: report.kind, allowed: partsOf(report.kind) });
  }
}

@Injectable()
export class ReportPartsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(ability: AppAbility, id: string, part: ReportPart): Promise<PartView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, id);
      requirePartOf(report, part);
      return toPartView(await this.requirePart(tx, report, part));
    });
  }

  /**
   * Replaces one part, if the caller saw its current version. The report row is locked first, so
   * writes to one report are serialised and the summary (and a project's key) always match the content.
   * Three round trips and COMMIT: the lock with the part (and the parts the summary needs), then the part, the
   * report row and the audit entry written together.
   */
  write(
    principal: Principal,
    ability: AppAbility,
    id: string,
    part: ReportPart,
    version: number,
    body: unknown,
  ): Promise<PartWriteView> {
    return this.db.tx(async (tx) => {
      const summaryPart = (SUMMARY_PARTS as readonly ReportPart[]).includes(part);
      const locked = [reportById(id, { forUpdate: true }), storedPartOf(id, part)] as const;
      const [found, stored, others = []] = await runAll(
        tx,
        summaryPart ? [...locked, storedPartsIn(id, SUMMARY_PARTS)] : locked,
      );
      const report = assertPermitted(ability, found, 'update');
      requirePartOf(report, part);
      if (!isContentEditable(report.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: report.status });
      if (!stored) throw new AppError('REPORT_PART_UNKNOWN');
      const [current] = currentParts(report, [stored]);
      if (current.version !== version) throw versionMismatch(current.version, toPartView(current));
      const checked = validatePart(report.kind, part, body);
      if (!checked.ok) throw new AppError('REPORT_CONTENT_INVALID', checked.problems);
      if (isDeepStrictEqual(current.content, checked.value)) {
        return { ...toPartView(current), reportVersion: report.version }; // nothing changed: versions stay
      }
      const change: ReportRowChange = { userId: principal.userId };
      if (part === 'projectInfo') change.project = await this.projectKey(tx, report, checked.value as ProjectInfoPart);
      const [content] = currentParts(report, [{ ...current, content: checked.value }]).map((p) => p.content);
      if (summaryPart) {
        const parts = Object.fromEntries(currentParts(report, others).map((p) => [p.part, p.content]));
        change.summary = summarizeReport({ ...parts, [part]: content } as {
          conclusion: ConclusionPart;
          scoreTable: ScoreTablePart;
        });
      }
      const [written, reportVersion] = await runAll(tx, [
        writePartStatement({ reportId: id, part, content: checked.value, userId: principal.userId }),
        touchReportStatement(id, change),
        this.audit.entry({
          tenantId: report.tenantId,
          action: 'report.part_updated',
          targetType: 'report',
          targetId: id,
          details: { part, fromVersion: current.version, toVersion: current.version + 1 },
        }),
      ]).catch((error: unknown) => mapUniqueViolation(error, { reports_project_key: 'REPORT_EXISTS' }));
      return { ...toPartView({ part, content, ...written }), reportVersion };
    });
  }

  private async requirePart(tx: TenantTx, report: ReportRecord, part: ReportPart) {
    const found = await loadPart(tx, report, part);
    if (!found) throw new AppError('REPORT_PART_UNKNOWN');
    return found;
  }

  /** A project table's key follows its 项目编码; a code another table of the department and year has is refused. */
  private async projectKey(tx: TenantTx, report: ReportRecord, info: ProjectInfoPart) {
    if (info.code !== report.projectCode) {
      const holder = await findReportByKey(tx, { ...report, project: { code: info.code } });
      if (holder && holder !== report.id) {
        throw new AppError(
          'REPORT_EXISTS',
          { reportId: holder, path: 'projectInfo.code' },
          `本部门本年度已有项目编码为 ${info.code} 的项目支出绩效自评表，不能改用这个编码`,
        );
      }
    }
    return { code: info.code, name: info.name.trim() };
  }
}
