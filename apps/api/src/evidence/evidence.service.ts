import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import {
  AppError,
  cleanFileName,
  EVIDENCE_KIND_INFO,
  EVIDENCE_MAX_FILES_PER_REPORT,
  evidenceKindOfName,
  formatFileSize,
  isContentEditable,
  MEGABYTE,
  type AppAbility,
  type EvidenceKind,
  type EvidenceLimits,
  type Principal,
  type ScoreTablePart,
} from '@evalflow/domain';
import {
  evidenceUsage,
  findEvidence,
  findRevision,
  insertEvidence,
  listCurrentEvidence,
  listRevisionEvidence,
  loadPart,
  markEvidenceBytesDeleted,
  moveEvidence,
  removeEvidence,
  TenantDb,
  type EvidenceRecord,
  type NewEvidence,
  type ReportRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, StorageObjectMissing, type DocumentStorage } from '@evalflow/storage';
import { AuditService } from '../audit/audit.service';
import { evidenceTooLargeMessage } from '../http/file-bodies';
import { canOn } from '../access/object-checks';
import { permittedReport, reportSubject } from '../reports/report-store';
import { loadSettings } from '../settings/grade-bands.store';
import { spoolToTempFile, type SpooledFile } from './evidence-spool';
import type { EvidenceItemView, EvidenceListView } from './evidence.dto';
import { EVIDENCE_SCANNER, type EvidenceScanner } from './inspection/evidence-scanner';
import { inspectEvidenceFile } from './inspection/inspect-evidence-file';

/** What the caller asked to attach: the file's name as the user has it, and the row (三级指标 name) or the report. */
export interface EvidenceUpload {
  fileName: string;
  indicator: string | null;
  /** Content-Length, when the client declared one (checked before a byte is read) */
  declaredBytes: number | null;
  body: Readable;
}

/**
 * 佐证材料 of a report and its indicator rows. An upload is streamed to a temporary file (never held in memory),
 * judged by its content (magic bytes; an archive's entries inflated and counted, nested ones too), scanned when the
 * deployment has a scanner, stored, and only then recorded — under the report's lock, against the county's limits.
 * Anyone who may read the report reads its files; its editors add, move and remove them while it is editable.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);
  private readonly ceilings: EvidenceLimits;

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(EVIDENCE_SCANNER) private readonly scanner: EvidenceScanner,
    config: ConfigService<AppConfig, true>,
  ) {
    const { maxFileMb, maxReportMb } = config.get('evidence', { infer: true });
    this.ceilings = { maxFileMb, maxReportMb };
  }

  list(ability: AppAbility, reportId: string): Promise<EvidenceListView> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId);
      // one after another: a transaction is one connection
      const items = await listCurrentEvidence(tx, reportId);
      const usage = await evidenceUsage(tx, reportId);
      const limits = await this.limits(tx);
      const rows = await indicatorNames(tx, report);
      return {
        items: items.map((e) => toView(e, rows)),
        usedBytes: usage.bytes,
        limits: { maxFileBytes: limits.maxFileBytes, maxReportBytes: limits.maxReportBytes, maxFiles: limits.maxFiles },
        editable: isContentEditable(report.status) && canOn(ability, 'update', 'Report', reportSubject(report)),
      };
    });
  }

  listFrozen(ability: AppAbility, reportId: string, revisionNumber: number): Promise<{ items: EvidenceItemView[] }> {
    return this.db.tx(async (tx) => {
      const report = await permittedReport(tx, ability, reportId);
      const revision = await findRevision(tx, report, revisionNumber);
      if (!revision) throw new AppError('REPORT_REVISION_NOT_FOUND');
      const rows = await indicatorNames(tx, report);
      return { items: (await listRevisionEvidence(tx, revision.id)).map((e) => toView(e, rows)) };
    });
  }

  /**
   * Checks what can be checked before a byte is read (the report may take files, the declared size), then spools,
   * inspects, scans and stores the file, and records it; should the record not commit, the stored bytes are deleted.
   */
  async upload(principal: Principal, ability: AppAbility, reportId: string, upload: EvidenceUpload) {
    const fileName = cleanFileName(upload.fileName);
    if (!fileName) throw new AppError('EVIDENCE_FILE_NAME_INVALID');
    const indicator = cleanIndicator(upload.indicator);
    // before a byte is read: the same checks `record` makes again under the report's lock
    const limits = await this.db.tx(async (tx) => {
      const report = await editableReport(tx, ability, reportId, false);
      requireRow(await indicatorNames(tx, report), indicator);
      return this.limits(tx);
    });
    const tooLarge = () =>
      new AppError(
        'EVIDENCE_TOO_LARGE',
        { maxBytes: limits.maxFileBytes },
        evidenceTooLargeMessage(limits.maxFileBytes),
      );
    if (upload.declaredBytes !== null && upload.declaredBytes > limits.maxFileBytes) throw tooLarge();

    const spooled = await spoolToTempFile(upload.body, limits.maxFileBytes, tooLarge);
    let storedKey: string | null = null;
    try {
      const inspected = await inspectEvidenceFile(spooled.path, fileName);
      const storedName = withExtension(fileName, inspected.kind);
      await this.scan(spooled, storedName, inspected.kind);
      const id = randomUUID();
      const tenantId = principal.tenantId as string;
      const key = `tenants/${tenantId}/reports/${reportId}/evidence/${id}${inspected.extension}`;
      await this.storage.putStream(key, createReadStream(spooled.path), inspected.contentType);
      storedKey = key;
      return await this.record(principal, ability, reportId, {
        id,
        indicator,
        fileName: storedName,
        kind: inspected.kind,
        contentType: inspected.contentType,
        sizeBytes: spooled.sizeBytes,
        sha256: spooled.sha256,
        storageKey: key,
      });
    } catch (error) {
      if (storedKey) await this.deleteBytes(storedKey);
      throw error;
    } finally {
      await spooled.remove();
    }
  }

  private record(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    file: Omit<NewEvidence, 'reportId' | 'uploadedBy'>,
  ): Promise<EvidenceItemView> {
    return this.db.tx(async (tx) => {
      // the report's lock orders concurrent uploads, so two files cannot both pass the last free megabytes
      const report = await editableReport(tx, ability, reportId, true);
      const rows = await indicatorNames(tx, report);
      requireRow(rows, file.indicator);
      const limits = await this.limits(tx);
      const usage = await evidenceUsage(tx, reportId);
      if (usage.files >= limits.maxFiles) {
        throw new AppError(
          'EVIDENCE_REPORT_FULL',
          { maxFiles: limits.maxFiles },
          `每份报告最多 ${limits.maxFiles} 个佐证材料文件，请删去不需要的文件后再上传`,
        );
      }
      if (usage.bytes + file.sizeBytes > limits.maxReportBytes) {
        throw new AppError(
          'EVIDENCE_REPORT_FULL',
          { maxBytes: limits.maxReportBytes, usedBytes: usage.bytes },
          `本报告的佐证材料合计不能超过 ${formatFileSize(limits.maxReportBytes)}（已用 ${formatFileSize(usage.bytes)}），` +
            '请删去不需要的文件后再上传',
        );
      }
      await insertEvidence(tx, { ...file, reportId, uploadedBy: principal.userId });
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.evidence_added',
        targetType: 'report',
        targetId: reportId,
        details: {
          evidenceId: file.id,
          fileName: file.fileName,
          indicator: file.indicator,
          kind: file.kind,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
        },
      });
      const saved = await findEvidence(tx, reportId, file.id);
      if (!saved) throw new Error('inserted evidence not found');
      return toView(saved, rows);
    });
  }

  move(ability: AppAbility, reportId: string, evidenceId: string, indicator: string | null): Promise<EvidenceItemView> {
    const target = cleanIndicator(indicator);
    return this.db.tx(async (tx) => {
      const report = await editableReport(tx, ability, reportId, true);
      const file = await findEvidence(tx, reportId, evidenceId);
      if (!file) throw new AppError('EVIDENCE_NOT_FOUND');
      const rows = await indicatorNames(tx, report);
      requireRow(rows, target);
      if (target !== file.indicator) {
        await moveEvidence(tx, evidenceId, target);
        await this.audit.record(tx, {
          tenantId: report.tenantId,
          action: 'report.evidence_moved',
          targetType: 'report',
          targetId: reportId,
          details: { evidenceId, fileName: file.fileName, from: file.indicator, to: target },
        });
      }
      return toView({ ...file, indicator: target }, rows);
    });
  }

  /** Removes the file from the report; its bytes go too unless a revision froze it (the reviewer saw it then). */
  async remove(principal: Principal, ability: AppAbility, reportId: string, evidenceId: string): Promise<void> {
    const removed = await this.db.tx(async (tx) => {
      const report = await editableReport(tx, ability, reportId, true);
      const file = await findEvidence(tx, reportId, evidenceId);
      if (!file) throw new AppError('EVIDENCE_NOT_FOUND');
      const { bytesFree } = await removeEvidence(tx, evidenceId, principal.userId);
      await this.audit.record(tx, {
        tenantId: report.tenantId,
        action: 'report.evidence_removed',
        targetType: 'report',
        targetId: reportId,
        details: { evidenceId, fileName: file.fileName, indicator: file.indicator, keptForRevisions: !bytesFree },
      });
      return { file, bytesFree };
    });
    if (!removed.bytesFree) return;
    // after the commit: a failure here leaves the bytes for the sweeper (file_deleted_at stays NULL)
    try {
      await this.storage.delete(removed.file.storageKey);
      await this.db.tx((tx) => markEvidenceBytesDeleted(tx, evidenceId));
    } catch (error) {
      this.logger.warn({ msg: 'evidence bytes not deleted; the sweeper retries', evidenceId, error: String(error) });
    }
  }

  /** The file's bytes as a stream, for download or preview; a current file, or one a revision froze. */
  async file(ability: AppAbility, reportId: string, evidenceId: string) {
    const found = await this.db.tx(async (tx) => {
      await permittedReport(tx, ability, reportId);
      const file = await findEvidence(tx, reportId, evidenceId, { frozenToo: true });
      if (!file) throw new AppError('EVIDENCE_NOT_FOUND');
      return file;
    });
    try {
      return { file: found, body: await this.storage.stream(found.storageKey) };
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw new AppError('EVIDENCE_NOT_FOUND');
      throw error;
    }
  }

  private async scan(spooled: SpooledFile, fileName: string, kind: EvidenceKind) {
    const verdict = await this.scanner.scan({ path: spooled.path, fileName, kind, sizeBytes: spooled.sizeBytes });
    if (!verdict.clean) {
      throw new AppError('EVIDENCE_SCAN_REJECTED', { scanner: this.scanner.name, reason: verdict.reason });
    }
  }

  /** The county's limits within the platform's ceilings, in bytes. */
  private async limits(tx: TenantTx) {
    const county = (await loadSettings(tx)).evidenceLimits;
    return {
      maxFileBytes: Math.min(county.maxFileMb, this.ceilings.maxFileMb) * MEGABYTE,
      maxReportBytes: Math.min(county.maxReportMb, this.ceilings.maxReportMb) * MEGABYTE,
      maxFiles: EVIDENCE_MAX_FILES_PER_REPORT,
    };
  }

  private async deleteBytes(key: string) {
    await this.storage
      .delete(key)
      .catch((failure: Error) =>
        this.logger.warn({ msg: 'orphan evidence bytes not deleted', key, error: failure.message }),
      );
  }
}

/** The report, when the caller may edit it and its state takes changes (else 403/404, or 409). */
async function editableReport(tx: TenantTx, ability: AppAbility, reportId: string, forUpdate: boolean) {
  const report = await permittedReport(tx, ability, reportId, { action: 'update', forUpdate });
  if (!isContentEditable(report.status)) throw new AppError('EVIDENCE_REPORT_LOCKED', { status: report.status });
  return report;
}

/** The 三级指标 names of the report's 绩效自评表 rows (empty when the kind has none). */
async function indicatorNames(tx: TenantTx, report: ReportRecord): Promise<Set<string>> {
  const part = await loadPart(tx, report, 'scoreTable');
  const table = part?.content as ScoreTablePart | undefined;
  return new Set((table?.indicators ?? []).map((i) => i.level3.trim()).filter(Boolean));
}

/** The row a file is attached to must be in the 绩效自评表 now (none: the report as a whole). */
function requireRow(rows: Set<string>, indicator: string | null): void {
  if (indicator !== null && !rows.has(indicator)) {
    throw new AppError(
      'EVIDENCE_INDICATOR_NOT_FOUND',
      { indicator },
      `报告的绩效自评表中没有「${indicator}」这项指标，请先保存该指标`,
    );
  }
}

function toView(e: EvidenceRecord, rows: Set<string>): EvidenceItemView {
  return {
    id: e.id,
    fileName: e.fileName,
    kind: e.kind,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    indicator: e.indicator,
    matched: e.indicator === null || rows.has(e.indicator),
    previewable: EVIDENCE_KIND_INFO[e.kind].previewable,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

function cleanIndicator(raw: string | null): string | null {
  const name = raw?.normalize('NFC').trim() ?? '';
  return name === '' ? null : name;
}

/** The name as given when its extension is the content's; the kind's extension added when it has none taken. */
function withExtension(fileName: string, kind: EvidenceKind): string {
  return evidenceKindOfName(fileName) === null
    ? cleanFileName(`${fileName}${EVIDENCE_KIND_INFO[kind].extensions[0]}`)
    : fileName;
}
