import { documentFileName, type DocumentFormat } from '@evalflow/domain';
import type { DocumentRecord } from '@evalflow/persistence';

/** A document as the API shows it. */
export interface DocumentView {
  id: string;
  reportId: string;
  format: DocumentFormat;
  edition: string;
  revisionNumber: number | null;
  templateVersion: number;
  watermark: string | null;
  status: DocumentRecord['status'];
  progress: number;
  sha256: string | null;
  sizeBytes: number | null;
  fileName: string;
  error: string | null;
  /** why it failed, stable (DOCUMENT_FAILURE_CODES); null unless failed */
  errorCode: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function toDocumentView(r: DocumentRecord): DocumentView {
  return {
    id: r.id,
    reportId: r.reportId,
    format: r.format,
    edition: r.edition,
    revisionNumber: r.revisionNumber,
    templateVersion: r.templateVersion,
    watermark: r.watermark,
    status: r.status,
    progress: r.progress,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    fileName: documentFileName(r, r.format),
    error: r.error,
    errorCode: r.status === 'failed' ? r.errorCode : null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}
