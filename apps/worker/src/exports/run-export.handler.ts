import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EXPORT_FAILURE_MESSAGES,
  exportNames,
  XLSX_CONTENT_TYPE,
  type ExportFailureCode,
  type ExportLimits,
} from '@evalflow/domain';
import { JOBS, type RunExportJobData } from '@evalflow/jobs';
import {
  claimExport,
  completeExport,
  failExportAttempt,
  rowOf,
  setExportProgress,
  TenantDb,
} from '@evalflow/persistence';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { UnrecoverableError, type Job } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { JobHandler } from '../jobs/job-handler';
import { EXPORT_LIMITS_TOKEN, ExportLimitExceeded } from './export-limits';
import { IndicatorRowsExport } from './indicator-rows.export';
import { IndicatorRowsWorkbook } from './indicator-rows-workbook';

export interface ExportResult {
  exportId: string;
  rowCount: number;
  sha256: string;
  sizeBytes: number;
  made: boolean;
}

/**
 * Makes one export's file: the workbook is streamed to a temporary file page by page, then stored under a
 * key made of the export's id (a re-run overwrites the same object and completes the same row; a job run
 * again after the export was done makes nothing). Progress (reports done / reports total) is stored on the
 * row every 10 %. A bound passed (rows, time) fails the export at once with the message its users read; any
 * other failure is retried, and fails the export on the last attempt.
 */
@Injectable()
export class RunExportHandler implements JobHandler<RunExportJobData, ExportResult | null> {
  readonly jobName = JOBS.runExport.name;
  private readonly logger = new Logger(RunExportHandler.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly indicatorRows: IndicatorRowsExport,
    @Inject(EXPORT_LIMITS_TOKEN) private readonly limits: ExportLimits,
  ) {}

  async handle(job: Job<RunExportJobData>): Promise<ExportResult | null> {
    const { tenantId, exportId } = job.data;
    const file = join(tmpdir(), `evalflow-export-${exportId}-${randomUUID()}.xlsx`);
    try {
      const claimed = await this.db.tx((tx) => claimExport(tx, exportId), tenantId);
      if (claimed.state === 'gone') return null;
      if (claimed.state === 'done') return { exportId, ...claimed, made: false };
      const county = await this.db.tx(
        (tx) => rowOf<{ name: string }>(tx, `SELECT name FROM tenants WHERE id = $1`, [tenantId]),
        tenantId,
      );
      const names = exportNames(claimed.kind, claimed.params, county?.name ?? '本县');
      const out = createWriteStream(file, { flags: 'wx' });
      const workbook = new IndicatorRowsWorkbook(out, names.title);
      const rowCount = await this.indicatorRows.write(
        {
          tenantId,
          params: claimed.params,
          progress: this.reporter(job),
          deadline: Date.now() + this.limits.maxMs,
          limits: this.limits,
        },
        workbook,
      );
      await workbook.finish();
      await finished(out);
      const data = await readFile(file);
      const key = `tenants/${tenantId}/exports/${exportId}.xlsx`;
      await this.storage.put(key, data, XLSX_CONTENT_TYPE);
      const sha256 = createHash('sha256').update(data).digest('hex');
      await this.db.tx(
        (tx) => completeExport(tx, { exportId, storageKey: key, sha256, sizeBytes: data.length, rowCount }),
        tenantId,
      );
      return { exportId, rowCount, sha256, sizeBytes: data.length, made: true };
    } catch (error) {
      await this.fail(job, error);
      throw error instanceof ExportLimitExceeded ? new UnrecoverableError(error.message) : error;
    } finally {
      await rm(file, { force: true });
    }
  }

  /** Stores progress on the row at most every 10 % (each a small UPDATE), and on the job. */
  private reporter(job: Job<RunExportJobData>): (percent: number) => Promise<void> {
    const { tenantId, exportId } = job.data;
    let stored = 0;
    return async (percent) => {
      if (percent - stored < 10) return;
      stored = percent;
      await job.updateProgress(percent).catch(() => undefined);
      // progress is a courtesy: a failed update does not fail the export
      await this.db.tx((tx) => setExportProgress(tx, exportId, percent), tenantId).catch(() => undefined);
    };
  }

  private async fail(job: Job<RunExportJobData>, error: unknown): Promise<void> {
    const { tenantId, exportId } = job.data;
    const limit = error instanceof ExportLimitExceeded ? error : null;
    const final = limit !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const reason = String((error as Error).message ?? error).slice(0, 500);
    const failure: { message: string; code: ExportFailureCode } = limit
      ? { message: limit.message, code: limit.code }
      : { message: final ? EXPORT_FAILURE_MESSAGES.EXPORT_FAILED(reason) : reason, code: 'EXPORT_FAILED' };
    this.logger.warn({ msg: 'export failed', exportId, final, code: failure.code, error: reason });
    await this.db
      .tx((tx) => failExportAttempt(tx, { exportId, final, ...failure }), tenantId)
      .catch((e: unknown) => this.logger.warn({ msg: 'export failure not recorded', exportId, error: String(e) }));
  }
}
