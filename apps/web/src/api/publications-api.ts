import type { ReportKind } from '@evalflow/domain';
import { apiCall, type ApiClient } from './client';

/** A line of the 公开登记 (GET /api/publications). */
export interface PublicationView {
  id: string;
  reportId: string;
  revision: number;
  documentId: string;
  documentStatus: 'queued' | 'rendering' | 'done' | 'failed';
  publishedOn: string;
  publishedAt: string;
  publishedByName: string;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
  reportName: string;
}

/** What the public page of a county lists (no sign-in). */
export interface PublicPublicationView {
  id: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  reportName: string;
  publishedOn: string;
  sizeBytes: number;
  pdfUrl: string;
}

export interface PublicCountyView {
  code: string;
  name: string;
  publications: PublicPublicationView[];
}

/** 公开 an approved report: the standing publication when it is already public. */
export async function publishReport(api: ApiClient, reportId: string): Promise<PublicationView> {
  return (
    await api.request<PublicationView>(`/reports/${encodeURIComponent(reportId)}/publication`, { method: 'POST' })
  ).data;
}

export async function listPublications(
  api: ApiClient,
  query: { fiscalYear?: number; includeWithdrawn?: boolean },
  signal?: AbortSignal,
): Promise<PublicationView[]> {
  const params = new URLSearchParams({ limit: '200' });
  if (query.fiscalYear) params.set('fiscalYear', String(query.fiscalYear));
  if (query.includeWithdrawn) params.set('includeWithdrawn', 'true');
  return (await api.request<PublicationView[]>(`/publications?${params}`, { signal })).data;
}

/** 撤销公开, with its reason. */
export async function withdrawPublication(api: ApiClient, id: string, reason: string): Promise<PublicationView> {
  return (
    await api.request<PublicationView>(`/publications/${encodeURIComponent(id)}/withdrawal`, {
      method: 'POST',
      body: { reason },
    })
  ).data;
}

/** The county's public page: sent without any credentials (no session, no refresh). */
export async function fetchPublicCounty(code: string, signal?: AbortSignal): Promise<PublicCountyView> {
  return (await apiCall<PublicCountyView>(`/public/counties/${encodeURIComponent(code)}/publications`, { signal }))
    .data;
}
