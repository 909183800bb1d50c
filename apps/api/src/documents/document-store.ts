import {
  AppError,
  DOCUMENT_TEMPLATE_VERSION,
  documentEdition,
  documentFileName,
  type DocumentFormat,
} from '@evalflow/domain';
import { deterministicJobId, JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import { appendOutbox } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { loadContent, type SummaryRow } from '../reports/report-store';

export interface DocumentView {
  id: string;
  reportId: string;
  format: DocumentFormat;
  edition: string;
  revisionNumber: number | null;
  templateVersion: number;
  watermark: string | null;
  status: 'queued' | 'rendering' | 'done' | 'failed';
  progress: number;
  sha256: string | null;
  sizeBytes: number | null;
  fileName: string;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const DOCUMENT_SELECT = `
  SELECT doc.id, doc.report_id, doc.format, doc.edition, doc.template_version, doc.watermark, doc.status, doc.progress,
         doc.sha256, doc.size_bytes::int AS size_bytes, doc.storage_key, doc.error, doc.created_at, doc.finished_at,
         v.number AS revision_number, r.fiscal_year, d.name AS department_name
    FROM documents doc
    JOIN reports r ON r.id = doc.report_id
    JOIN departments d ON d.id = r.department_id
    LEFT JOIN report_revisions v ON v.id = doc.revision_id`;

export function toDocumentView(r: Record<string, unknown>): DocumentView {
  return {
    id: r['id'] as string,
    reportId: r['report_id'] as string,
    format: r['format'] as DocumentFormat,
    edition: r['edition'] as string,
    revisionNumber: (r['revision_number'] as number | null) ?? null,
    templateVersion: r['template_version'] as number,
    watermark: (r['watermark'] as string | null) ?? null,
    status: r['status'] as DocumentView['status'],
    progress: r['progress'] as number,
    sha256: (r['sha256'] as string | null) ?? null,
    sizeBytes: (r['size_bytes'] as number | null) ?? null,
    fileName: documentFileName(
      r['department_name'] as string,
      r['fiscal_year'] as number,
      r['format'] as DocumentFormat,
    ),
    error: (r['error'] as string | null) ?? null,
    createdAt: (r['created_at'] as Date).toISOString(),
    finishedAt: r['finished_at'] ? (r['finished_at'] as Date).toISOString() : null,
  };
}

export async function findDocumentRow(em: EntityManager, id: string): Promise<Record<string, unknown>> {
  const [row] = await em.query(`${DOCUMENT_SELECT} WHERE doc.id = $1`, [id]);
  if (!row) throw new AppError('DOCUMENT_NOT_FOUND');
  return row;
}

/**
 * Asks for a document of the report as it stands: one row per (edition, format, template version),
 * whose render job leaves through the outbox with an id made of the same key. Asking again finds
 * the same row (a failed one is queued again); the job id collapses duplicates in the queue.
 */
export async function requestDocument(
  em: EntityManager,
  report: SummaryRow,
  format: DocumentFormat,
  requestedBy: string | null,
): Promise<string> {
  const reportId = report['id'] as string;
  const tenantId = report['tenant_id'] as string;
  const [latest] = await em.query(
    `SELECT id, number FROM report_revisions WHERE report_id = $1 ORDER BY number DESC LIMIT 1`,
    [reportId],
  );
  const source = documentEdition(report['status'] as string, latest?.number ?? null, report['version'] as number);
  let approval: { approverName: string; approvedAt: string } | null = null;
  if (report['status'] === 'approved') {
    const [approved] = await em.query(
      `SELECT actor_name, occurred_at FROM report_transitions
        WHERE report_id = $1 AND action = 'approve' ORDER BY id DESC LIMIT 1`,
      [reportId],
    );
    if (approved) approval = { approverName: approved.actor_name, approvedAt: approved.occurred_at.toISOString() };
  }
  const snapshot = source.fromRevision
    ? null
    : JSON.stringify(await loadContent(em, reportId, report['schema_version'] as number));
  const [created] = await em.query(
    `INSERT INTO documents (tenant_id, report_id, edition, revision_id, content_snapshot, format, template_version,
                            watermark, approval, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ON CONSTRAINT documents_edition_key DO UPDATE
       SET status = 'queued', progress = 0, error = NULL, attempts = 0, generation = documents.generation + 1
       WHERE documents.status = 'failed'
     RETURNING id, generation`,
    [
      tenantId,
      reportId,
      source.edition,
      source.fromRevision ? latest.id : null,
      snapshot,
      format,
      DOCUMENT_TEMPLATE_VERSION,
      source.watermark,
      approval ? JSON.stringify(approval) : null,
      requestedBy,
    ],
  );
  if (!created) {
    // already asked for (queued, rendering or done): the same document
    const [existing] = await em.query(
      `SELECT id FROM documents WHERE report_id = $1 AND edition = $2 AND format = $3 AND template_version = $4`,
      [reportId, source.edition, format, DOCUMENT_TEMPLATE_VERSION],
    );
    return existing.id;
  }
  const job: RenderDocumentJobData = {
    tenantId,
    documentId: created.id,
    requestId: RequestContext.current()?.requestId,
  };
  await appendOutbox(em, {
    tenantId,
    queue: JOBS.renderDocument.queue,
    jobName: JOBS.renderDocument.name,
    jobId: deterministicJobId(
      'render',
      reportId,
      source.edition,
      format,
      `t${DOCUMENT_TEMPLATE_VERSION}`,
      ...(created.generation ? [`g${created.generation}`] : []),
    ),
    payload: job,
  });
  return created.id;
}
