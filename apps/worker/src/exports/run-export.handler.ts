import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FAILURE_MESSAGES,
  exportNames,
  type ExportFailureCode,
  type ExportKind,
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
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { JobHandler } from '../jobs/job-handler';
import { EXPORT_LIMITS_TOKEN, ExportLimitExceeded } from './export-limits';
import { ApprovedPdfsExport } from './approved-pdfs.export';
import { IndicatorRowsExport, type ExportRun } from './indicator-rows.export';
import { IndicatorRowsWorkbook } from './indicator-rows-workbook';
import { StoredZip } from './stored-zip';

const EXPORT_EXTENSIONS: Record<ExportKind, string> = { indicator_rows: 'xlsx', approved_pdfs: 'zip' };

/** The SHA-256 and size of a file, read as a stream. */
async function fileDigest(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

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
    private readonly approvedPdfs: ApprovedPdfsExport,
    @Inject(EXPORT_LIMITS_TOKEN) private readonly limits: ExportLimits,
  ) {}

  async handle(job: Job<RunExportJobData>): Promise<ExportResult | null> {
    const { tenantId, exportId } = job.data;
    const file = join(tmpdir(), `evalflow-export-${exportId}-${randomUUID()}.tmp`);
    try {
      const claimed = await this.db.tx((tx) => claimExport(tx, exportId), tenantId);
      if (claimed.state === 'gone') return null;
      if (claimed.state === 'done') return { exportId, ...claimed, made: false };
      const county = await this.db.tx(
        (tx) => rowOf<{ name: string }>(tx, `SELECT name FROM tenants WHERE id = $1`, [tenantId]),
        tenantId,
      );
      const names = exportNames(claimed.kind, claimed.params, county?.name ?? '本县');
      const run: ExportRun = {
        tenantId,
        params: claimed.params,
        progress: this.reporter(job),
        deadline: Date.now() + this.limits.maxMs,
        limits: this.limits,
      };
      const out = createWriteStream(file, { flags: 'wx' });
      const rowCount = await this.writeFile(claimed.kind, run, out, names.title).catch((error: unknown) => {
        // the file is given up: writes still pending on it fail quietly (the export's own error is reported)
        out.on('error', () => undefined).destroy();
        throw error;
      });
      await finished(out);
      // the file is hashed, then stored as it is read: a bundle of PDFs is never held whole in memory
      const { sha256, sizeBytes } = await fileDigest(file);
      const key = `tenants/${tenantId}/exports/${exportId}.${EXPORT_EXTENSIONS[claimed.kind]}`;
      await this.storage.putStream(key, createReadStream(file), EXPORT_CONTENT_TYPES[claimed.kind]);
      await this.db.tx(
        (tx) => completeExport(tx, { exportId, storageKey: key, sha256, sizeBytes, rowCount }),
        tenantId,
      );
      return { exportId, rowCount, sha256, sizeBytes, made: true };
    } catch (error) {
      await this.fail(job, error);
      throw error instanceof ExportLimitExceeded ? new UnrecoverableError(error.message) : error;
    } finally {
      await rm(file, { force: true });
    }
  }

  /** Writes the kind's file to `out` (ending it); answers its rows (指标明细) or PDFs (the bundle). */
  private async writeFile(kind: ExportKind, run: ExportRun, out: Writable, title: string): Promise<number> {
    switch (kind) {
      case 'indicator_rows': {
        const workbook = new IndicatorRowsWorkbook(out, title);
        const rows = await this.indicatorRows.write(run, workbook);
        await workbook.finish();
        return rows;
      }
      case 'approved_pdfs': {
        const zip = new StoredZip(out);
        const pdfs = await this.approvedPdfs.write(run, zip);
        await zip.finish();
        return pdfs;
      }
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
