import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_GRADE_BANDS,
  DOCUMENT_CONTENT_TYPES,
  type DocumentFormat,
  type GradeBand,
  type ReportContent,
} from '@evalflow/domain';
import { JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import { TenantDb } from '@evalflow/persistence';
import { renderDocument, type RenderInput } from '@evalflow/rendering';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@evalflow/storage';
import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import type { JobHandler } from '../jobs/job-handler';

interface RenderResult {
  documentId: string;
  sha256: string;
  sizeBytes: number;
  rendered: boolean;
}

interface Claimed {
  reportId: string;
  format: DocumentFormat;
  input: RenderInput;
}

/**
 * Renders one document and stores it under a key made of its id: a re-run after a crash or a
 * retry overwrites the same object and updates the same row, so there is exactly one document.
 */
@Injectable()
export class RenderDocumentHandler implements JobHandler<RenderDocumentJobData, RenderResult> {
  readonly jobName = JOBS.renderDocument.name;
  private readonly logger = new Logger(RenderDocumentHandler.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async handle(job: Job<RenderDocumentJobData>): Promise<RenderResult> {
    const { tenantId, documentId } = job.data;
    const claimed = await this.claim(tenantId, documentId);
    if ('done' in claimed) return claimed.done;
    if (job.data.holdMs) await new Promise((resolve) => setTimeout(resolve, job.data.holdMs));
    try {
      let reported = 0;
      const buffer = await renderDocument(claimed.format, claimed.input, {
        onProgress: (percent) => {
          // a few steps are enough for a progress bar; each is one small UPDATE
          if (percent - reported < 10 || percent >= 100) return;
          reported = percent;
          void job.updateProgress(percent).catch(() => undefined);
          void this.setProgress(tenantId, documentId, Math.min(95, Math.round(percent))).catch(() => undefined);
        },
      });
      const key = `tenants/${tenantId}/reports/${claimed.reportId}/${documentId}.${claimed.format}`;
      await this.storage.put(key, buffer, DOCUMENT_CONTENT_TYPES[claimed.format]);
      const sha256 = createHash('sha256').update(buffer).digest('hex');
      await this.db.tx(
        (em) =>
          em.query(
            `UPDATE documents SET status = 'done', progress = 100, storage_key = $2, sha256 = $3, size_bytes = $4,
                                  error = NULL, finished_at = now()
              WHERE id = $1`,
            [documentId, key, sha256, buffer.length],
          ),
        tenantId,
      );
      return { documentId, sha256, sizeBytes: buffer.length, rendered: true };
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = String((error as Error).message ?? error).slice(0, 500);
      this.logger.warn({ msg: 'render failed', documentId, final, error: message });
      await this.db.tx(
        (em) =>
          em.query(`UPDATE documents SET status = $2, error = $3 WHERE id = $1 AND status <> 'done'`, [
            documentId,
            final ? 'failed' : 'queued',
            final ? `生成失败：${message}` : message,
          ]),
        tenantId,
      );
      throw error;
    }
  }

  private setProgress(tenantId: string, documentId: string, percent: number) {
    return this.db.tx(
      (em) =>
        em.query(`UPDATE documents SET progress = $2 WHERE id = $1 AND status = 'rendering' AND progress < $2`, [
          documentId,
          percent,
        ]),
      tenantId,
    );
  }

  /** Marks the document as rendering and gathers what it shows; a document already done is answered as it is. */
  private claim(tenantId: string, documentId: string): Promise<Claimed | { done: RenderResult }> {
    return this.db.tx(async (em) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, count]
      const [[doc]] = await em.query(
        `UPDATE documents SET status = CASE WHEN status = 'done' THEN status ELSE 'rendering' END,
                              started_at = CASE WHEN status = 'done' THEN started_at ELSE now() END,
                              attempts = attempts + CASE WHEN status = 'done' THEN 0 ELSE 1 END
          WHERE id = $1
          RETURNING status, report_id, revision_id, content_snapshot, format, watermark, approval, sha256,
                    size_bytes::int AS size_bytes`,
        [documentId],
      );
      if (!doc) throw new Error(`document ${documentId} not found in its county`);
      if (doc.status === 'done') {
        return { done: { documentId, sha256: doc.sha256, sizeBytes: doc.size_bytes, rendered: false } };
      }
      const [report] = await em.query(
        `SELECT r.fiscal_year, d.name AS department_name,
                (SELECT v.content FROM report_revisions v WHERE v.id = $2) AS revision_content,
                (SELECT s.grade_bands FROM tenant_settings s) AS grade_bands
           FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = $1`,
        [doc.report_id, doc.revision_id],
      );
      const content = (doc.revision_id ? report.revision_content : doc.content_snapshot) as ReportContent;
      return {
        reportId: doc.report_id as string,
        format: doc.format as DocumentFormat,
        input: {
          content,
          fiscalYear: report.fiscal_year as number,
          departmentName: report.department_name as string,
          gradeBands: (report.grade_bands as GradeBand[] | null) ?? DEFAULT_GRADE_BANDS,
          watermark: doc.watermark,
          approval: doc.approval,
        },
      };
    }, tenantId);
  }
}
