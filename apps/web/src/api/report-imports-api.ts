import {
  ERROR_CATALOGUE,
  REPORT_IMPORT_FILE_TYPES,
  REPORT_IMPORT_MAX_BYTES,
  REPORT_IMPORT_TOO_LARGE_MESSAGE,
} from '@evalflow/domain';
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

/** The media type the API takes a report file as, by its name; null for a file it does not take. */
export function importContentType(name: string): string | null {
  const lower = name.toLowerCase();
  const found = Object.entries(REPORT_IMPORT_FILE_TYPES).find(([extension]) => lower.endsWith(extension));
  return found ? found[1] : null;
}

const MAX_MB = REPORT_IMPORT_MAX_BYTES / (1024 * 1024);
/** What the file picker offers (the extensions the API takes). */
export const IMPORT_ACCEPT = Object.keys(REPORT_IMPORT_FILE_TYPES).join(',');
export const IMPORT_FILE_HINT = `Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx），不超过 ${MAX_MB} MB`;

/** Why the API would refuse a file before reading it (its type, its size), in Chinese; undefined when it would not. */
export function importFileProblem(file: File): string | undefined {
  if (!importContentType(file.name)) return '请选择 Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx）';
  if (file.size === 0) return ERROR_CATALOGUE.IMPORT_EMPTY.message;
  if (file.size > REPORT_IMPORT_MAX_BYTES) return REPORT_IMPORT_TOO_LARGE_MESSAGE;
  return undefined;
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
