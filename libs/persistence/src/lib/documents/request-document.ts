import {
  documentEdition,
  DOCUMENT_RENDER_PRIORITY,
  DOCUMENT_TEMPLATE_VERSION,
  type DocumentFormat,
} from '@evalflow/domain';
import { deterministicJobId, JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import { appendOutbox } from '../outbox/outbox';
import { loadContent } from '../reports/parts';
import type { ReportRecord } from '../reports/reports';
import { latestRevision } from '../reports/revisions';
import { latestApproval } from '../reports/transitions';
import { tenantOf, type TenantTx } from '../tenant-tx';
import {
  DOCUMENT_STUCK_AFTER_MS,
  findDocumentOfEdition,
  markDocumentRedriven,
  upsertDocumentRequest,
  type UnfinishedDocument,
} from './documents';

/**
 * The id of a document's render job: made of the document's key, and of its generation once it was
 * queued anew (a failed or stuck document asked for again, or re-driven by the sweeper), so each new
 * render has an id of its own while duplicates of one render collapse.
 */
export function renderJobId(doc: {
  reportId: string;
  edition: string;
  format: DocumentFormat;
  templateVersion: number;
  generation: number;
}): string {
  return deterministicJobId(
    'render',
    doc.reportId,
    doc.edition,
    doc.format,
    `t${doc.templateVersion}`,
    ...(doc.generation ? [`g${doc.generation}`] : []),
  );
}

/**
 * Asks for a document of the report as it stands: one row per (edition, format, template version),
 * whose render job leaves through the outbox with an id made of the same key. Asking again finds
 * the same row — a render queued, in progress or done is not repeated; a failed one, or one stuck
 * for longer than `stuckAfterMs`, is queued again under a new job id.
 */
export async function requestDocument(
  tx: TenantTx,
  report: Pick<ReportRecord, 'id' | 'kind' | 'status' | 'version' | 'schemaVersion'>,
  format: DocumentFormat,
  requestedBy: string | null,
  requestId?: string,
  stuckAfterMs = DOCUMENT_STUCK_AFTER_MS,
): Promise<string> {
  const latest = await latestRevision(tx, report.id);
  const source = documentEdition(report.status, latest?.number ?? null, report.version);
  const approved = report.status === 'approved' ? await latestApproval(tx, report.id) : null;
  const created = await upsertDocumentRequest(
    tx,
    {
      reportId: report.id,
      edition: source.edition,
      revisionId: source.fromRevision && latest ? latest.id : null,
      contentSnapshot: source.fromRevision ? null : await loadContent(tx, report),
      format,
      watermark: source.watermark,
      approval: approved && {
        approverName: approved.actorName,
        approvedAt: approved.occurredAt.toISOString(),
        ...(approved.opinion && { opinion: approved.opinion }),
      },
      requestedBy,
    },
    stuckAfterMs,
  );
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
    jobId: renderJobId({
      reportId: report.id,
      edition: source.edition,
      format,
      templateVersion: DOCUMENT_TEMPLATE_VERSION,
      generation: created.generation,
    }),
    payload: job,
    priority: DOCUMENT_RENDER_PRIORITY[format],
  });
  return created.id;
}

/**
 * Queues a stuck document anew (the sweeper's re-drive): a new generation, and its render job in the
 * outbox under the id of that generation, in the caller's transaction. Answers the new job's id, or null
 * when the row was no longer unfinished.
 */
export async function redriveDocument(
  tx: TenantTx,
  doc: UnfinishedDocument,
  requestId?: string,
): Promise<string | null> {
  const generation = await markDocumentRedriven(tx, doc);
  if (generation === null) return null;
  const jobId = renderJobId({ ...doc, generation });
  const job: RenderDocumentJobData = { tenantId: tenantOf(tx), documentId: doc.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.renderDocument.queue,
    jobName: JOBS.renderDocument.name,
    jobId,
    payload: job,
    priority: DOCUMENT_RENDER_PRIORITY[doc.format],
  });
  return jobId;
}
