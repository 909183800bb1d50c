import type { DocumentFormat } from '@evalflow/domain';
import type { ApiClient } from './client';
import type { DocumentView } from './report-types';

const documentPath = (id: string, rest = '') => `/documents/${encodeURIComponent(id)}${rest}`;
const reportDocumentsPath = (reportId: string) => `/reports/${encodeURIComponent(reportId)}/documents`;

/**
 * Asks for the report's document in `format` as the report stands (202): the same document when
 * it was asked for before, a failed one queued again.
 */
export async function requestDocument(api: ApiClient, reportId: string, format: DocumentFormat): Promise<DocumentView> {
  return (await api.request<DocumentView>(reportDocumentsPath(reportId), { method: 'POST', body: { format } })).data;
}

/** The report's documents, newest first. */
export async function listDocuments(api: ApiClient, reportId: string, signal?: AbortSignal): Promise<DocumentView[]> {
  return (await api.request<DocumentView[]>(reportDocumentsPath(reportId), { signal })).data;
}

/** A document's status and render progress. */
export async function getDocument(api: ApiClient, id: string, signal?: AbortSignal): Promise<DocumentView> {
  return (await api.request<DocumentView>(documentPath(id), { signal })).data;
}

/** A finished document's bytes (409 DOCUMENT_NOT_READY until it is done). */
export async function fetchDocumentFile(api: ApiClient, id: string, signal?: AbortSignal): Promise<Blob> {
  return (await api.request<Blob>(documentPath(id, '/file'), { signal, responseType: 'blob' })).data;
}
