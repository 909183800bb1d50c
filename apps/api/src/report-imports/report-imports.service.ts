import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import {
  AppError,
  isContentEditable,
  splitContent,
  summarizeReport,
  validatePart,
  type AppAbility,
  type ConclusionPart,
  type Principal,
  type ReportPart,
  type ScoreTablePart,
} from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import {
  deleteClosedImportFile,
  findAppliedImport,
  findReportImport,
  importExpiresAt,
  importStatusAt,
  insertRevision,
  loadContent,
  markReportImportApplied,
  markReportImportDiscarded,
  requestReportImport,
  TenantDb,
  touchReport,
  writePart,
  type ReportImportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { ImportRefused, precheckImportFile, type ImportFormat, type ImportResult } from '@evalflow/report-import';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { permittedReport } from '../reports/report-store';
import { toImportView, type ReportImportView, type ReportSourcesView } from './report-imports.dto';

const CONTENT_TYPES: Record<ImportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Importing an existing report into a draft: the file is checked (cheaply) and stored, parsed by the worker
 * into a proposed content, then written over the draft on the clerk's confirmation — the content it
 * replaces kept first as a revision — or discarded. The department's editors of a draft or returned report.
 * A parsed import left unconfirmed expires (IMPORT_EXPIRE_AFTER_HOURS) and is no longer applied; the file
 * of a discarded one is deleted at once (the worker's sweeper deletes what could not be deleted then, and
 * the files of expired imports).
 */
@Injectable()
export class ReportImportsService {
  private readonly logger = new Logger(ReportImportsService.name);
  private readonly expireAfterMs: number;

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    config: ConfigService<AppConfig, true>,
  ) {
    this.expireAfterMs = config.get('imports', { infer: true }).expireAfterMs;
  }

  /**
   * Stores the file and records the import in one transaction; should the transaction roll back after
   * the file was stored, the file is deleted again (no row would ever point at it for the sweeper).
   */
  async upload(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    file: { format: ImportFormat; data: Buffer },
  ): Promise<ReportImportView> {
    let stored: string | null = null;
    try {
      return await this.storeAndRecord(principal, ability, reportId, file, (key) => (stored = key));
    } catch (error) {
      if (stored) {
        const key: string = stored;
        await this.storage
          .delete(key)
          .catch((failure: Error) =>
            this.logger.warn({ msg: 'orphan import file not deleted', key, error: failure.message }),
          );
      }
      throw error;
    }
  }

  private storeAndRecord(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    file: { format: ImportFormat; data: Buffer },
    onStored: (key: string) => void,
  ): Promise<ReportImportView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { action: 'update', forUpdate: true });
      if (!isContentEditable(report.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: report.status });
      try {
        await precheckImportFile(file.format, file.data);
      } catch (error) {
        if (error instanceof ImportRefused) throw new AppError(error.code, { detail: error.detail });
        throw error;
      }
      const id = randomUUID();
      const storageKey = `tenants/${report.tenantId}/reports/${reportId}/imports/${id}.${file.format}`;
      await this.storage.put(storageKey, file.data, CONTENT_TYPES[file.format]);
      onStored(storageKey);
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      await requestReportImport(
        tx,
        {
          id,
          reportId,
          format: file.format,
          storageKey,
          sizeBytes: file.data.length,
          sha256,
          requestedBy: principal.userId,
        },
        RequestContext.current()?.requestId,
      );
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.import_requested',
        targetType: 'report',
        targetId: reportId,
        details: { importId: id, format: file.format, sizeBytes: file.data.length, sha256 },
      });
      return this.view(await this.required(tx, reportId, id), report.version);
    });
  }

  get(ability: AppAbility, reportId: string, importId: string): Promise<ReportImportView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId);
      return this.view(await this.required(tx, reportId, importId), report.version);
    });
  }

  /**
   * Writes the proposed content over the draft in one transaction, if the report is still at the version
   * the clerk confirmed (If-Match): the content it replaces is frozen first as a revision (reason 'import').
   * Applying an applied import again answers it as it is, writing nothing.
   */
  apply(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    importId: string,
    version: number,
  ): Promise<ReportImportView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { action: 'update', forUpdate: true });
      const found = await this.required(tx, reportId, importId, true);
      if (found.status === 'applied') return this.view(found, report.version);
      if (!isContentEditable(report.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: report.status });
      if (found.status === 'discarded') throw new AppError('REPORT_IMPORT_CLOSED', { status: found.status });
      if (importStatusAt(found, this.expireAfterMs) === 'expired') {
        const expiredAt = found.expiredAt ?? importExpiresAt(found, this.expireAfterMs);
        throw new AppError('REPORT_IMPORT_EXPIRED', { expiredAt: expiredAt?.toISOString() ?? null });
      }
      if (found.status !== 'ready' || !found.result) {
        throw new AppError('REPORT_IMPORT_NOT_READY', { status: found.status, progress: found.progress });
      }
      if (version !== report.version) throw versionMismatch(report.version, { reportVersion: report.version });

      const proposed = (found.result as unknown as ImportResult).content;
      if (proposed.kind !== report.kind)
        throw new AppError('REPORT_CONTENT_INVALID', [{ path: 'kind', message: '报告类型不符' }]);
      const current = await loadContent(tx, report);
      const next = new Map<ReportPart, unknown>();
      const problems: unknown[] = [];
      for (const { part, content } of splitContent(proposed)) {
        const checked = validatePart(report.kind, part, content);
        if (!checked.ok) problems.push(...checked.problems);
        else next.set(part, checked.value);
      }
      if (problems.length) throw new AppError('REPORT_CONTENT_INVALID', problems);

      const revision = await insertRevision(tx, {
        reportId,
        content: current,
        reportVersion: report.version,
        createdBy: principal.userId,
        signOffs: { head: null, team: null },
        reason: 'import',
      });
      const before = new Map(splitContent(current).map((p) => [p.part, p.content]));
      const written: ReportPart[] = [];
      for (const [part, content] of next) {
        if (isDeepStrictEqual(before.get(part), content)) continue;
        await writePart(tx, { reportId, part, content, userId: principal.userId });
        written.push(part);
      }
      const reportVersion = written.length
        ? await touchReport(tx, reportId, {
            userId: principal.userId,
            summary: summarizeReport(
              Object.fromEntries(next) as { conclusion: ConclusionPart; scoreTable: ScoreTablePart },
            ),
          })
        : report.version;
      await markReportImportApplied(tx, { importId, revisionId: revision.id, userId: principal.userId });
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.import_applied',
        targetType: 'report',
        targetId: reportId,
        details: {
          importId,
          parts: written,
          revision: revision.number,
          fromVersion: report.version,
          toVersion: reportVersion,
        },
      });
      return this.view(await this.required(tx, reportId, importId), reportVersion);
    });
  }

  /**
   * Discards the import (the draft unchanged), then deletes its file once that is committed; a deletion
   * that fails is logged, and the import stays discarded for the sweeper to delete the file later.
   * Discarding a discarded (or expired) import again answers it as it is.
   */
  async discard(ability: AppAbility, reportId: string, importId: string): Promise<ReportImportView> {
    const { view, tenantId } = await this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId, { action: 'update' });
      const found = await this.required(tx, reportId, importId, true);
      if (found.status === 'applied') throw new AppError('REPORT_IMPORT_CLOSED', { status: found.status });
      if (found.status !== 'discarded' && found.status !== 'expired') {
        await markReportImportDiscarded(tx, importId);
        await this.audit.record(tx, {
          tenantId: report.tenantId,
          action: 'report.import_discarded',
          targetType: 'report',
          targetId: reportId,
          details: { importId },
        });
      }
      return {
        view: this.view(await this.required(tx, reportId, importId), report.version),
        tenantId: report.tenantId,
      };
    });
    try {
      await deleteClosedImportFile(this.db, this.storage, tenantId, importId);
    } catch (error) {
      this.logger.warn({ msg: 'import file not deleted', importId, error: (error as Error).message });
    }
    return view;
  }

  /** The sources of the import applied last, by value path (none when nothing was imported). */
  sources(ability: AppAbility, reportId: string): Promise<ReportSourcesView> {
    return this.db.tx(async (tx) => {
      await permittedReport(tx, ability, reportId);
      const applied = await findAppliedImport(tx, reportId);
      const result = applied?.result as unknown as ImportResult | undefined;
      return { importId: applied?.id ?? null, sources: result?.sources ?? {}, inferred: result?.inferred ?? [] };
    });
  }

  private view(found: ReportImportRecord, reportVersion: number): ReportImportView {
    return toImportView(found, reportVersion, this.expireAfterMs);
  }

  private async required(
    tx: TenantTx,
    reportId: string,
    importId: string,
    forUpdate = false,
  ): Promise<ReportImportRecord> {
    const found = await findReportImport(tx, reportId, importId, { forUpdate });
    if (!found) throw new AppError('REPORT_IMPORT_NOT_FOUND');
    return found;
  }
}
