import type { ProjectIdentity, ReportKind, ReportPart } from '@evalflow/domain';
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

/** What POST /api/reports takes: the year, the kind (部门整体 by default) and, for a project table, the project. */
export interface NewReportInput {
  fiscalYear: number;
  kind?: ReportKind;
  project?: ProjectIdentity;
}

/**
 * A new report for the year; prefilled from last year's approved one of the same kind (for a project,
 * of the same 项目编码) when there is one. A taken key answers 409 REPORT_EXISTS naming the report.
 */
export async function createReport(api: ApiClient, input: NewReportInput): Promise<ReportView> {
  return (await api.request<ReportView>('/reports', { method: 'POST', body: input })).data;
}

/** The report a 409 REPORT_EXISTS names (the one that already has the key), if this is one. */
export function existingReportOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'REPORT_EXISTS') return null;
  const details = error.body.details as { reportId?: unknown } | undefined;
  return typeof details?.reportId === 'string' ? details.reportId : null;
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
