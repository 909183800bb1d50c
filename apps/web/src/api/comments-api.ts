import type { ReportPart } from '@evalflow/domain';
import { patchVersion, queryString, type ApiClient } from './client';
import type { CommentThread, ThreadStatus } from './report-types';

export interface NewThread {
  part: ReportPart;
  /** A field inside the part (budget.lines.2.amount); absent for the part as a whole. */
  fieldPath?: string;
  body: string;
}

const threadsPath = (reportId: string) => `/reports/${encodeURIComponent(reportId)}/comments`;

/** The report's comment threads, oldest first; all of them unless a status is named. */
export async function listThreads(
  api: ApiClient,
  reportId: string,
  status?: ThreadStatus,
  signal?: AbortSignal,
): Promise<CommentThread[]> {
  return (await api.request<CommentThread[]>(`${threadsPath(reportId)}${queryString({ status })}`, { signal })).data;
}

export async function startThread(api: ApiClient, reportId: string, thread: NewThread): Promise<CommentThread> {
  return (await api.request<CommentThread>(threadsPath(reportId), { method: 'POST', body: thread })).data;
}

export async function replyToThread(
  api: ApiClient,
  reportId: string,
  threadId: string,
  body: string,
): Promise<CommentThread> {
  const path = `${threadsPath(reportId)}/${encodeURIComponent(threadId)}/replies`;
  return (await api.request<CommentThread>(path, { method: 'POST', body: { body } })).data;
}

/** Resolves or reopens a thread as of `version` (412 with the current thread when stale). */
export async function setThreadStatus(
  api: ApiClient,
  reportId: string,
  thread: Pick<CommentThread, 'id' | 'version'>,
  status: ThreadStatus,
): Promise<CommentThread> {
  return patchVersion(api, `${threadsPath(reportId)}/${encodeURIComponent(thread.id)}`, thread.version, { status });
}
