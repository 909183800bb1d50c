import { Injectable } from '@nestjs/common';
import {
  AppError,
  disclosureDay,
  documentFileName,
  type AppAbility,
  type Principal,
  type ReportContent,
} from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import {
  findDisclosure,
  findLiveDisclosure,
  findRevision,
  insertDisclosure,
  latestRevision,
  listDisclosures,
  requestPublicDocument,
  TenantDb,
  withdrawDisclosures,
  type DisclosureRecord,
  type ReportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { permittedReport } from '../reports/report-store';
import type { PublicationsQuery, PublicationView } from './publications.dto';

/** 赵县总工会2024年度整体支出绩效自评报告, as its file is named (without the extension). */
export function reportNameOf(r: Pick<DisclosureRecord, 'kind' | 'departmentName' | 'fiscalYear' | 'projectName'>) {
  return documentFileName(r, 'pdf').replace(/\.pdf$/, '');
}

export function toPublicationView(r: DisclosureRecord): PublicationView {
  return {
    id: r.id,
    reportId: r.reportId,
    revision: r.revision,
    documentId: r.documentId,
    documentStatus: r.documentStatus,
    publishedOn: r.publishedOn,
    publishedAt: r.publishedAt.toISOString(),
    publishedByName: r.publishedByName,
    withdrawnAt: r.withdrawnAt ? r.withdrawnAt.toISOString() : null,
    withdrawnByName: r.withdrawnByName,
    withdrawalReason: r.withdrawalReason,
    departmentName: r.departmentName,
    fiscalYear: r.fiscalYear,
    kind: r.kind,
    projectName: r.projectName,
    reportName: reportNameOf(r),
  };
}

/**
 * 随决算公开 on the bureau's side: publishing an approved report's public version (its PDF rendered by the
 * worker from the allow-listed content), the register, and withdrawal — each audited in its transaction.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** Publishes the report's approved revision; while a publication stands, publishing again answers it. */
  publish(principal: Principal, ability: AppAbility, reportId: string) {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { forUpdate: true });
      assertCan(ability, 'create', 'Publication', { tenantId: report.tenantId });
      const standing = await findLiveDisclosure(tx, report.id);
      if (standing) {
        // its public PDF failed to render: asking again renders it anew (same document, next job id)
        if (standing.documentStatus === 'failed') {
          const revision = await this.revision(tx, report, standing.revision);
          await this.requestDocument(tx, principal, report.id, revision, standing.publishedOn);
        }
        return { created: false, view: toPublicationView(await this.require(tx, standing.id)) };
      }
      const latest = report.status === 'approved' ? await latestRevision(tx, report.id) : null;
      if (!latest) throw new AppError('PUBLICATION_REPORT_NOT_APPROVED', { status: report.status });
      const revision = await this.revision(tx, report, latest.number);
      const day = disclosureDay(new Date());
      const by = { userId: principal.userId, name: principal.displayName };
      const documentId = await this.requestDocument(tx, principal, report.id, revision, day);
      const id = await insertDisclosure(tx, {
        reportId: report.id,
        revisionId: revision.id,
        revision: revision.number,
        documentId,
        day,
        by,
      });
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'publication.publish',
        targetType: 'report',
        targetId: report.id,
        details: { publicationId: id, revision: revision.number, documentId, publishedOn: day },
      });
      return { created: true, view: toPublicationView(await this.require(tx, id)) };
    });
  }

  list(ability: AppAbility, query: PublicationsQuery) {
    return this.db.tx(async (tx) => {
      assertCan(ability, 'read', 'Publication', { tenantId: TenantDb.requireTenantId() });
      const rows = await listDisclosures(tx, {
        fiscalYear: query.fiscalYear,
        includeWithdrawn: query.includeWithdrawn ?? false,
        limit: query.limit ?? 200,
      });
      return rows.map(toPublicationView);
    });
  }

  /** 撤销公开: off the public page at once (the public routes read only publications that stand). */
  withdraw(principal: Principal, ability: AppAbility, id: string, reasonText: string) {
    return this.db.tx(async (tx) => {
      const found = await this.require(tx, id, true);
      assertCan(ability, 'update', 'Publication', { tenantId: TenantDb.requireTenantId() });
      const reason = reasonText.trim();
      if (!reason) throw new AppError('PUBLICATION_REASON_REQUIRED');
      if (found.withdrawnAt) throw new AppError('PUBLICATION_ALREADY_WITHDRAWN', { withdrawnAt: found.withdrawnAt });
      await withdrawDisclosures(tx, { id }, { userId: principal.userId, name: principal.displayName }, reason);
      await this.audit.record(tx, {
        tenantId: TenantDb.requireTenantId(),
        action: 'publication.withdraw',
        targetType: 'report',
        targetId: found.reportId,
        details: { publicationId: id, reason, revision: found.revision },
      });
      return toPublicationView(await this.require(tx, id));
    });
  }

  private async revision(tx: TenantTx, report: ReportRecord, number: number) {
    const revision = await findRevision(tx, report, number);
    if (!revision) throw new Error(`revision ${number} of report ${report.id} vanished`);
    return revision;
  }

  private requestDocument(
    tx: TenantTx,
    principal: Principal,
    reportId: string,
    revision: { number: number; content: ReportContent },
    day: string,
  ) {
    return requestPublicDocument(
      tx,
      { reportId, revisionNumber: revision.number, content: revision.content, day },
      principal.userId,
      RequestContext.current()?.requestId,
    );
  }

  private async require(tx: TenantTx, id: string, forUpdate = false): Promise<DisclosureRecord> {
    const found = await findDisclosure(tx, id, { forUpdate });
    if (!found) throw new AppError('PUBLICATION_NOT_FOUND');
    return found;
  }
}
