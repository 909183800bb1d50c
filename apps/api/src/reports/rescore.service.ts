import { Injectable } from '@nestjs/common';
import {
  AppError,
  checkRescores,
  RESCORABLE_STATUSES,
  rescoresVisible,
  type AppAbility,
  type Principal,
} from '@evalflow/domain';
import { findRescore, saveRescore, TenantDb, type ReportRecord, type TenantTx } from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { permittedReport } from './report-store';
import { sheetOf, summaryOf } from './rescore-sheet';
import type { PutRescoreDto, RescoreView } from './rescore.dto';

const isFinance = (p: Principal) => p.roles.includes('finance_reviewer') || p.roles.includes('finance_approver');

/**
 * 财政复核评分: the finance bureau scores each row of a submitted report's 绩效自评表 beside the self-scores.
 * The department sees nothing of it until the report is approved: until then its answer is exactly that of a
 * report nobody re-scored (as another county's report is answered as if it did not exist).
 */
@Injectable()
export class RescoreService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  get(principal: Principal, ability: AppAbility, reportId: string): Promise<RescoreView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId);
      return this.view(tx, principal, report);
    });
  }

  put(principal: Principal, ability: AppAbility, reportId: string, version: number, dto: PutRescoreDto) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { action: 'review', forUpdate: true });
      if (!RESCORABLE_STATUSES.includes(report.status)) {
        throw new AppError('RESCORE_CLOSED', { status: report.status });
      }
      const stored = await findRescore(tx, reportId, { forUpdate: true });
      const current = stored?.version ?? 0;
      if (current !== version) throw versionMismatch(current, await this.view(tx, principal, report));
      const { table } = await sheetOf(tx, report, []);
      const checked = checkRescores(
        table,
        dto.rows.map((r) => ({ row: r.row, score: r.score ?? null, note: r.note })),
      );
      if (!checked.ok) {
        const [first] = checked.problems;
        throw new AppError(first.code, { problems: checked.problems }, first.message);
      }
      const { sheet, rule } = await sheetOf(tx, report, checked.entries);
      const summary = summaryOf(sheet, rule);
      const saved = await saveRescore(tx, {
        reportId,
        expected: version,
        entries: checked.entries,
        summary,
        user: { id: principal.userId, name: principal.displayName },
      });
      if (saved === null) throw versionMismatch(current, await this.view(tx, principal, report));
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.rescored',
        targetType: 'report',
        targetId: reportId,
        details: {
          version: saved,
          by: principal.displayName,
          rows: checked.entries.map((e) => ({ row: e.row, score: e.score })),
          from: stored && { rescoreTotal: stored.rescoreTotal, finalScore: stored.finalScore },
          to: { rescoreTotal: summary.rescoreTotal, finalScore: summary.finalScore, finalGrade: summary.finalGrade },
        },
      });
      return this.view(tx, principal, report);
    });
  }

  /** What the caller may see: the department, before approval, the same as for a report never re-scored. */
  private async view(tx: TenantTx, principal: Principal, report: ReportRecord): Promise<RescoreView> {
    const stored = rescoresVisible(principal.roles, report.status) ? await findRescore(tx, report.id) : null;
    const { sheet, rule, bands } = await sheetOf(tx, report, stored?.entries ?? []);
    return {
      reportId: report.id,
      version: stored?.version ?? 0,
      editable: isFinance(principal) && RESCORABLE_STATUSES.includes(report.status),
      rule,
      gradeBands: bands.map(({ grade, label, min }) => ({ grade, label, min })),
      rows: sheet.rows,
      totals: sheet.totals,
      outdated: sheet.outdated,
      updatedBy: stored?.updatedByName ?? null,
      updatedAt: stored ? stored.updatedAt.toISOString() : null,
    };
  }
}
