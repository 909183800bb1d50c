import type { ExportKind, ExportStatus } from '@evalflow/domain';
import type { ApiClient } from './client';

/** A county-wide export as the API shows it (GET /api/exports/:id). */
export interface ExportView {
  id: string;
  kind: ExportKind;
  params: { fiscalYear: number };
  status: ExportStatus;
  /** 0–100: reports read / reports of the year */
  progress: number;
  rowCount: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  fileName: string;
  /** why it failed, in Chinese; null unless failed */
  error: string | null;
  errorCode: string | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const exportPath = (id: string, rest = '') => `/exports/${encodeURIComponent(id)}${rest}`;

/** Asks for an export (202): the one under way, a done one nothing has changed since, or a new one. */
export async function requestExport(api: ApiClient, kind: ExportKind, fiscalYear: number): Promise<ExportView> {
  return (await api.request<ExportView>('/exports', { method: 'POST', body: { kind, fiscalYear } })).data;
}

/** An export's status and progress. */
export async function getExport(api: ApiClient, id: string, signal?: AbortSignal): Promise<ExportView> {
  return (await api.request<ExportView>(exportPath(id), { signal })).data;
}

/** A done export's workbook (409 EXPORT_NOT_READY until it is done). */
export async function fetchExportFile(api: ApiClient, id: string, signal?: AbortSignal): Promise<Blob> {
  return (await api.request<Blob>(exportPath(id, '/file'), { signal, responseType: 'blob' })).data;
}

export const isExportUnderway = (view: Pick<ExportView, 'status'>) =>
  view.status === 'queued' || view.status === 'running';
