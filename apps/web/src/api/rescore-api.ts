import type { GradeBand, RescoreRowResult, RescoreTotals, RescoringRule } from '@evalflow/domain';
import { putVersion, type ApiClient } from './client';

/** GET /api/reports/:id/rescore: the 绩效自评表's rows with the self-scores, re-scores and final scores. */
export interface RescoreView {
  reportId: string;
  /** 0 while nobody re-scored (and for the department before approval) */
  version: number;
  editable: boolean;
  rule: RescoringRule;
  gradeBands: GradeBand[];
  rows: RescoreRowResult[];
  totals: RescoreTotals;
  outdated: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface RescoreRowInput {
  row: string;
  score: string | null;
  note: string;
}

const rescorePath = (reportId: string) => `/reports/${encodeURIComponent(reportId)}/rescore`;

export async function getRescore(api: ApiClient, reportId: string, signal?: AbortSignal): Promise<RescoreView> {
  return (await api.request<RescoreView>(rescorePath(reportId), { signal })).data;
}

/** Replaces the re-scores as of `version` (412 with the current view when stale). */
export function saveRescore(
  api: ApiClient,
  reportId: string,
  version: number,
  rows: RescoreRowInput[],
): Promise<RescoreView> {
  return putVersion<RescoreView>(api, rescorePath(reportId), version, { rows });
}
