import type { ApiClient } from './client';

export type ReportImportStatus = 'queued' | 'parsing' | 'ready' | 'applied' | 'failed' | 'discarded' | 'expired';

/** Where an imported value was read: a paragraph or a table cell (block from 0), and its exact text. */
export interface SourceSpanView {
  block: number;
  cell?: { row: number; column: number };
  start: number;
  end: number;
  text: string;
}

export interface ReportImportView {
  id: string;
  status: ReportImportStatus;
  progress: number;
  format: 'docx' | 'txt' | 'xlsx';
  errorCode: string | null;
  error: string | null;
  summary: {
    filledParts: string[];
    counts: { indicators: number; sourced: number; inferred: number; unplaced: number };
    unplaced: Array<{ block: number; excerpt: string; reason: string }>;
  } | null;
  /** while it waits for its confirmation: past this, it expires and can no longer be applied */
  expiresAt?: string | null;
  /** the report's version now: sent back as If-Match to apply */
  reportVersion: number;
}

export interface ReportSourcesView {
  importId: string | null;
  sources: Record<string, SourceSpanView>;
  inferred: string[];
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The media type the API takes a report file as, by its name; null for a file it does not take. */
export function importContentType(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) return DOCX;
  if (lower.endsWith('.txt')) return 'text/plain';
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

export async function uploadReportImport(api: ApiClient, reportId: string, file: File): Promise<ReportImportView> {
  const contentType = importContentType(file.name) ?? 'application/octet-stream';
  return (
    await api.request<ReportImportView>(`/reports/${reportId}/imports`, {
      method: 'POST',
      rawBody: { data: file, contentType },
    })
  ).data;
}

export async function getReportImport(api: ApiClient, reportId: string, importId: string): Promise<ReportImportView> {
  return (await api.request<ReportImportView>(`/reports/${reportId}/imports/${importId}`)).data;
}

export async function applyReportImport(
  api: ApiClient,
  reportId: string,
  importId: string,
  reportVersion: number,
): Promise<ReportImportView> {
  return (
    await api.request<ReportImportView>(`/reports/${reportId}/imports/${importId}/apply`, {
      method: 'POST',
      headers: { 'if-match': `"${reportVersion}"` },
    })
  ).data;
}

export async function discardReportImport(api: ApiClient, reportId: string, importId: string): Promise<void> {
  await api.request(`/reports/${reportId}/imports/${importId}/discard`, { method: 'POST' });
}

export async function getReportSources(
  api: ApiClient,
  reportId: string,
  signal?: AbortSignal,
): Promise<ReportSourcesView> {
  return (await api.request<ReportSourcesView>(`/reports/${reportId}/sources`, { signal })).data;
}
