import type { ReportPart } from '@evalflow/domain';
import { ApiError, putVersion, type ApiClient } from './client';
import type { PartView, ReportView } from './report-types';

/** PUT /api/reports/:id/parts/:part answers the part and the report's new version. */
export interface PartWriteView extends PartView {
  reportVersion: number;
}

/** What a 412 on a part write carries: the part as someone else saved it. */
export interface PartConflict {
  currentVersion: number;
  current: { version: number; content: unknown; updatedBy: string | null; updatedAt: string };
}

/** A new report for the year; prefilled from last year's approved one when there is one. */
export async function createReport(api: ApiClient, fiscalYear: number): Promise<ReportView> {
  return (await api.request<ReportView>('/reports', { method: 'POST', body: { fiscalYear } })).data;
}

/** Replaces one part, based on the part version the editor last saw (412 when stale). */
export async function writePart(
  api: ApiClient,
  reportId: string,
  part: ReportPart,
  version: number,
  content: unknown,
): Promise<PartWriteView> {
  return putVersion(api, `/reports/${encodeURIComponent(reportId)}/parts/${part}`, version, content as object);
}

/** The other version of the part when `error` is a 412 conflict of a part write. */
export function partConflictOf(error: unknown): PartConflict | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const details = error.body.details as Partial<PartConflict> | undefined;
  if (!details?.current || typeof details.current.version !== 'number') return null;
  return { currentVersion: details.currentVersion ?? details.current.version, current: details.current };
}
