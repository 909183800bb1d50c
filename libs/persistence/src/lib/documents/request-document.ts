import { documentEdition, DOCUMENT_TEMPLATE_VERSION, type DocumentFormat } from '@evalflow/domain';
import { deterministicJobId, JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import { appendOutbox } from '../outbox/outbox';
import { loadContent } from '../reports/parts';
import type { ReportRecord } from '../reports/reports';
import { latestRevision } from '../reports/revisions';
import { latestApproval } from '../reports/transitions';
import { tenantOf, type TenantTx } from '../tenant-tx';
import { findDocumentOfEdition, upsertDocumentRequest } from './documents';

/**
 * Asks for a document of the report as it stands: one row per (edition, format, template version),
 * whose render job leaves through the outbox with an id made of the same key. Asking again finds
 * the same row (a failed one is queued again); the job id collapses duplicates in the queue.
 */
export async function requestDocument(
  tx: TenantTx,
  report: Pick<ReportRecord, 'id' | 'kind' | 'status' | 'version' | 'schemaVersion'>,
  format: DocumentFormat,
  requestedBy: string | null,
  requestId?: string,
): Promise<string> {
  const latest = await latestRevision(tx, report.id);
  const source = documentEdition(report.status, latest?.number ?? null, report.version);
  const approved = report.status === 'approved' ? await latestApproval(tx, report.id) : null;
  const created = await upsertDocumentRequest(tx, {
    reportId: report.id,
    edition: source.edition,
    revisionId: source.fromRevision && latest ? latest.id : null,
    contentSnapshot: source.fromRevision ? null : await loadContent(tx, report),
    format,
    watermark: source.watermark,
    approval: approved && { approverName: approved.actorName, approvedAt: approved.occurredAt.toISOString() },
    requestedBy,
  });
  if (!created) {
    // already asked for (queued, rendering or done): the same document
    const existing = await findDocumentOfEdition(tx, { reportId: report.id, edition: source.edition, format });
    if (!existing) throw new Error('document request conflicted without a document of its edition');
    return existing;
  }
  const job: RenderDocumentJobData = { tenantId: tenantOf(tx), documentId: created.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.renderDocument.queue,
    jobName: JOBS.renderDocument.name,
    jobId: deterministicJobId(
      'render',
      report.id,
      source.edition,
      format,
      `t${DOCUMENT_TEMPLATE_VERSION}`,
      ...(created.generation ? [`g${created.generation}`] : []),
    ),
    payload: job,
  });
  return created.id;
}
