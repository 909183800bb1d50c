import { queryString, type ApiClient } from './client';
import type { AuditOutcome, AuditPage } from './types';

export interface AuditFilter {
  /** A prefix such as "auth." or "user.created". */
  action?: string;
  outcome?: AuditOutcome;
  /** Exact username of whoever acted. */
  actor?: string;
  /** First and last day (inclusive, China Standard Time), YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(
  api: ApiClient,
  filter: AuditFilter,
  before: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = queryString({ ...filter, before, limit: AUDIT_PAGE_SIZE });
  return (await api.request<AuditPage>(`/audit-log${query}`, { signal })).data;
}
