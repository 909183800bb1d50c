import type { GradeKey, ReportKind, ReportStatus, TransitionAction } from '@evalflow/domain';
import { queryString, type ApiClient } from './client';
import type {
  ChecksView,
  DiffView,
  HistoryEntry,
  ReportPage,
  ReportView,
  RevisionView,
  TransitionResult,
} from './report-types';

export interface ReportFilter {
  fiscalYear?: number;
  status?: ReportStatus;
  departmentId?: string;
  grade?: GradeKey;
  kind?: ReportKind;
}

export const REPORT_PAGE_SIZE = 50;

const reportPath = (id: string, rest = '') => `/reports/${encodeURIComponent(id)}${rest}`;

export async function listReports(
  api: ApiClient,
  filter: ReportFilter,
  cursor: string | null,
  signal?: AbortSignal,
  limit = REPORT_PAGE_SIZE,
): Promise<ReportPage> {
  const query = queryString({ ...filter, cursor, limit });
  return (await api.request<ReportPage>(`/reports${query}`, { signal })).data;
}

export async function getReport(api: ApiClient, id: string, signal?: AbortSignal): Promise<ReportView> {
  return (await api.request<ReportView>(reportPath(id), { signal })).data;
}

export async function getChecks(api: ApiClient, id: string, signal?: AbortSignal): Promise<ChecksView> {
  return (await api.request<ChecksView>(reportPath(id, '/checks'), { signal })).data;
}

/** A workflow move based on the report version the user saw (409 REPORT_VERSION_CONFLICT when stale). */
export async function transitionReport(
  api: ApiClient,
  id: string,
  action: TransitionAction,
  expectedVersion: number,
  reason?: string,
  /** a stand-in's step: the principal it acts for */
  onBehalfOf?: string,
  /** a submission: the submitter says the evaluation team confirmed the content */
  teamConfirmed?: boolean,
): Promise<TransitionResult> {
  const body = {
    action,
    expectedVersion,
    ...(reason !== undefined && { reason }),
    ...(onBehalfOf !== undefined && { onBehalfOf }),
    ...(teamConfirmed !== undefined && { teamConfirmed }),
  };
  return (await api.request<TransitionResult>(reportPath(id, '/transitions'), { method: 'POST', body })).data;
}

/** The department head's sign-off of the content as it is at `expectedVersion`. */
export async function signOffReport(api: ApiClient, id: string, expectedVersion: number): Promise<ReportView> {
  const body = { expectedVersion };
  return (await api.request<ReportView>(reportPath(id, '/sign-off'), { method: 'POST', body })).data;
}

export async function getHistory(api: ApiClient, id: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return (await api.request<HistoryEntry[]>(reportPath(id, '/history'), { signal })).data;
}

export async function listRevisions(api: ApiClient, id: string, signal?: AbortSignal): Promise<RevisionView[]> {
  return (await api.request<RevisionView[]>(reportPath(id, '/revisions'), { signal })).data;
}

export async function getDiff(
  api: ApiClient,
  id: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<DiffView> {
  return (await api.request<DiffView>(reportPath(id, `/diff${queryString({ from, to })}`), { signal })).data;
}
