import { Inject, Injectable, Logger } from '@nestjs/common';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_FAILURE_MESSAGES, type DocumentFailureCode } from '@evalflow/domain';
import { JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import {
  claimDocument,
  completeDocument,
  failDocumentAttempt,
  setDocumentProgress,
  TenantDb,
} from '@evalflow/persistence';
import { RenderLimitExceeded, type DocumentFormat, type RenderInput } from '@evalflow/rendering';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import { UnrecoverableError, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import type { JobHandler } from '../jobs/job-handler';
import { DocumentRenderer } from './document-renderer';
import { renderInputOf } from './render-input';

interface RenderResult {
  documentId: string;
  sha256: string;
  sizeBytes: number;
  rendered: boolean;
}

/**
 * Renders one document (in the render thread, within its limits) and stores it under a key made of its
 * id: a re-run after a crash or a retry overwrites the same object and updates the same row, so there is
 * exactly one document. A document over a limit (pages, size, time, memory) fails at once with the message
 * its users read and a stable code, and its job is not retried (UnrecoverableError): it would fail again.
 */
@Injectable()
export class RenderDocumentHandler implements JobHandler<RenderDocumentJobData, RenderResult> {
  readonly jobName = JOBS.renderDocument.name;
  private readonly logger = new Logger(RenderDocumentHandler.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly renderer: DocumentRenderer,
  ) {}

  async handle(job: Job<RenderDocumentJobData>): Promise<RenderResult> {
    const { tenantId, documentId } = job.data;
    try {
      const claimed = await this.db.tx((tx) => claimDocument(tx, documentId), tenantId);
      if (!claimed) throw new Error(`document ${documentId} not found in its county`);
      if (claimed.done) return { documentId, sha256: claimed.sha256, sizeBytes: claimed.sizeBytes, rendered: false };
      if (job.data.holdMs) await new Promise((resolve) => setTimeout(resolve, job.data.holdMs));
      const input = await this.db.tx((tx) => renderInputOf(tx, claimed), tenantId);
      const buffer = await this.render(job, claimed.format, input);
      const key = `tenants/${tenantId}/reports/${claimed.reportId}/${documentId}.${claimed.format}`;
      await this.storage.put(key, buffer, DOCUMENT_CONTENT_TYPES[claimed.format]);
      const sha256 = createHash('sha256').update(buffer).digest('hex');
      await this.db.tx(
        (tx) => completeDocument(tx, { documentId, storageKey: key, sha256, sizeBytes: buffer.length }),
        tenantId,
      );
      return { documentId, sha256, sizeBytes: buffer.length, rendered: true };
    } catch (error) {
      // content that cannot be read is as failed as content that cannot be rendered
      const limit = error instanceof RenderLimitExceeded ? error : null;
      const final = limit !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = String((error as Error).message ?? error).slice(0, 500);
      const failure: { message: string; code?: DocumentFailureCode } = limit
        ? { message: limit.message, code: limit.code }
        : final
          ? { message: DOCUMENT_FAILURE_MESSAGES.DOCUMENT_RENDER_FAILED(reason), code: 'DOCUMENT_RENDER_FAILED' }
          : { message: reason };
      this.logger.warn({ msg: 'render failed', documentId, final, code: failure.code, error: reason });
      await this.db.tx((tx) => failDocumentAttempt(tx, { documentId, final, ...failure }), tenantId);
      throw limit ? new UnrecoverableError(limit.message) : error;
    }
  }

  private render(job: Job<RenderDocumentJobData>, format: DocumentFormat, input: RenderInput): Promise<Buffer> {
    const { tenantId, documentId } = job.data;
    let reported = 0;
    return this.renderer.render(format, input, (percent) => {
      // a few steps are enough for a progress bar; each is one small UPDATE
      if (percent - reported < 10 || percent >= 100) return;
      reported = percent;
      void job.updateProgress(percent).catch(() => undefined);
      const shown = Math.min(95, Math.round(percent));
      void this.db.tx((tx) => setDocumentProgress(tx, documentId, shown), tenantId).catch(() => undefined);
    });
  }
}
