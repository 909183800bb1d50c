import type { EvidenceKind } from '@evalflow/domain';
import { queryString, type ApiClient } from './client';

/** One 佐证材料 file of a report, attached to an indicator row (by its 三级指标 name) or to the report as a whole. */
export interface EvidenceItem {
  id: string;
  fileName: string;
  kind: EvidenceKind;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** the 三级指标 (level3) it is attached to; null: the report as a whole */
  indicator: string | null;
  /** false when `indicator` is set but no current row has that name (the row was renamed or removed) */
  matched: boolean;
  previewable: boolean;
  /** display name */
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface EvidenceLimitsView {
  maxFileBytes: number;
  maxReportBytes: number;
  maxFiles: number;
}

/** GET /api/reports/:id/evidence */
export interface EvidenceListView {
  items: EvidenceItem[];
  usedBytes: number;
  limits: EvidenceLimitsView;
  /** the caller may upload, move and delete now (the report is a draft or returned, and theirs to edit) */
  editable: boolean;
}

const evidencePath = (reportId: string, rest = '') => `/reports/${encodeURIComponent(reportId)}/evidence${rest}`;
const itemPath = (reportId: string, evidenceId: string, rest = '') =>
  evidencePath(reportId, `/${encodeURIComponent(evidenceId)}${rest}`);

export async function listEvidence(api: ApiClient, reportId: string, signal?: AbortSignal): Promise<EvidenceListView> {
  return (await api.request<EvidenceListView>(evidencePath(reportId), { signal })).data;
}

/**
 * Sends one file as it is (streamed by the API, judged by its content); `indicator` is the row's 三级指标, or null
 * for the report as a whole. Always as application/octet-stream: the type a browser guesses from the name differs
 * between systems (an .xlsx may come as application/vnd.ms-excel) and decides nothing anyway.
 */
export async function uploadEvidence(
  api: ApiClient,
  reportId: string,
  file: File,
  indicator: string | null,
  signal?: AbortSignal,
): Promise<EvidenceItem> {
  const query = queryString({ fileName: file.name, indicator });
  return (
    await api.request<EvidenceItem>(evidencePath(reportId, query), {
      method: 'POST',
      rawBody: { data: file, contentType: 'application/octet-stream' },
      signal,
    })
  ).data;
}

/** A file's bytes (with the caller's token: a bare link cannot carry it); `inline` for a preview. */
export async function fetchEvidenceFile(
  api: ApiClient,
  reportId: string,
  evidenceId: string,
  { inline = false, signal }: { inline?: boolean; signal?: AbortSignal } = {},
): Promise<Blob> {
  const query = inline ? '?inline=1' : '';
  return (await api.request<Blob>(itemPath(reportId, evidenceId, `/file${query}`), { signal, responseType: 'blob' }))
    .data;
}

/** Attaches a file to another row (its 三级指标), or to the report as a whole (null). */
export async function moveEvidence(
  api: ApiClient,
  reportId: string,
  evidenceId: string,
  indicator: string | null,
): Promise<EvidenceItem> {
  return (await api.request<EvidenceItem>(itemPath(reportId, evidenceId), { method: 'PATCH', body: { indicator } }))
    .data;
}

export async function deleteEvidence(api: ApiClient, reportId: string, evidenceId: string): Promise<void> {
  await api.request(itemPath(reportId, evidenceId), { method: 'DELETE' });
}

/** The files frozen with a revision (as they were when it was submitted). */
export async function listRevisionEvidence(
  api: ApiClient,
  reportId: string,
  revisionNumber: number,
  signal?: AbortSignal,
): Promise<EvidenceItem[]> {
  const path = `/reports/${encodeURIComponent(reportId)}/revisions/${revisionNumber}/evidence`;
  return (await api.request<{ items: EvidenceItem[] }>(path, { signal })).data.items;
}
