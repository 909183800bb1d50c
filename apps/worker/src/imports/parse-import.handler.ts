import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERROR_CATALOGUE } from '@evalflow/domain';
import { JOBS, type ParseImportJobData } from '@evalflow/jobs';
import {
  claimReportImport,
  completeReportImport,
  deleteClosedImportFile,
  failReportImport,
  findReport,
  loadContent,
  loadPinnedTemplate,
  setReportImportProgress,
  TenantDb,
} from '@evalflow/persistence';
import { ImportRefused, importDocument, readDocx, readTxt, type ImportResult } from '@evalflow/report-import';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { readXlsx } from './read-xlsx';

export interface ParseImportOutcome {
  importId: string;
  filledParts: string[];
  unplaced: number;
}

/**
 * Parses one uploaded report into a proposed content (readDocx/readTxt/readXlsx → importDocument) and stores it on
 * the import row, ready for the clerk to confirm. A file the reader refuses (ImportRefused) fails the
 * import at once with its catalogue code and Chinese message; any other failure is retried and fails the
 * import (IMPORT_FAILED) on the last attempt. A failed import's file is deleted then (a deletion that fails
 * is left to the sweeper). A job run again after the import was parsed does nothing.
 */
@Injectable()
export class ParseImportHandler implements JobHandler<ParseImportJobData, ParseImportOutcome | null> {
  readonly jobName = JOBS.parseImport.name;
  private readonly logger = new Logger(ParseImportHandler.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async handle(job: Job<ParseImportJobData>): Promise<ParseImportOutcome | null> {
    const { tenantId, importId } = job.data;
    try {
      const claimed = await this.db.tx((tx) => claimReportImport(tx, importId), tenantId);
      if (claimed.state === 'gone') return null;
      const data = await this.storage.get(claimed.storageKey);
      await this.progress(job, 20);
      const document =
        claimed.format === 'docx'
          ? await readDocx(data)
          : claimed.format === 'xlsx'
            ? await readXlsx(data).catch((error: unknown) => {
                throw new ImportRefused('IMPORT_CORRUPT', `xlsx: ${String((error as Error).message ?? error)}`);
              })
            : readTxt(data).document;
      await this.progress(job, 60);
      const result: ImportResult = await this.db.tx(async (tx) => {
        const report = await findReport(tx, claimed.reportId);
        if (!report) throw new Error(`report ${claimed.reportId} not found`);
        const { definition } = await loadPinnedTemplate(tx, report.templateVersionId);
        return importDocument(document, report.kind, definition, {
          fiscalYear: report.fiscalYear,
          departmentName: report.departmentName,
          current: await loadContent(tx, report),
        });
      }, tenantId);
      await this.db.tx((tx) => completeReportImport(tx, importId, result), tenantId);
      return { importId, filledParts: result.filledParts, unplaced: result.unplaced.length };
    } catch (error) {
      await this.fail(job, error);
      throw error instanceof ImportRefused ? new UnrecoverableError(error.message) : error;
    }
  }

  private async progress(job: Job<ParseImportJobData>, percent: number): Promise<void> {
    const { tenantId, importId } = job.data;
    await job.updateProgress(percent).catch(() => undefined);
    // progress is a courtesy: a failed update does not fail the import
    await this.db.tx((tx) => setReportImportProgress(tx, importId, percent), tenantId).catch(() => undefined);
  }

  private async fail(job: Job<ParseImportJobData>, error: unknown): Promise<void> {
    const { tenantId, importId } = job.data;
    const refused = error instanceof ImportRefused ? error : null;
    const final = refused !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const reason = String((error as Error).message ?? error).slice(0, 500);
    const failure = refused
      ? { code: refused.code, message: refused.message }
      : { code: 'IMPORT_FAILED', message: ERROR_CATALOGUE.IMPORT_FAILED.message };
    this.logger.warn({ msg: 'import failed', importId, final, code: failure.code, error: refused?.detail ?? reason });
    try {
      await this.db.tx((tx) => failReportImport(tx, { importId, final, ...failure }), tenantId);
    } catch (e) {
      this.logger.warn({ msg: 'import failure not recorded', importId, error: String(e) });
      return;
    }
    if (final) await this.deleteFile(tenantId, importId);
  }

  /** The failed import's file is no longer needed; one not deleted now is the sweeper's to delete. */
  private async deleteFile(tenantId: string, importId: string): Promise<void> {
    try {
      await deleteClosedImportFile(this.db, this.storage, tenantId, importId);
    } catch (error) {
      this.logger.warn({ msg: 'import file not deleted', importId, error: String((error as Error).message ?? error) });
    }
  }
}
