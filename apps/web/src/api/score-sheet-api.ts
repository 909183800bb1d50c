import { XLSX_CONTENT_TYPE, type ReportPart, type ScoreSheetError } from '@evalflow/domain';
import type { ApiClient } from './client';

/** What an import of a 绩效自评表 workbook would do (preview) or did (apply). */
export interface ScoreSheetImportView {
  /** false: the file has errors (see errors) and nothing was written */
  ok: boolean;
  errors: ScoreSheetError[];
  /** the report's version: sent back as If-Match to apply; after apply, the new one */
  reportVersion: number;
  parts: Array<{ part: ReportPart; changed: boolean }>;
  counts: { indicators: number; objectives: number | null; totalScore: string | null; executed: string | null } | null;
}

/** One report's 绩效自评表 as an .xlsx workbook. */
export async function exportScoreSheet(api: ApiClient, reportId: string): Promise<Blob> {
  return (await api.request<Blob>(`/reports/${reportId}/score-sheet/xlsx`, { responseType: 'blob' })).data;
}

/** Checks a workbook against the draft (preview), or writes it whole (apply, against the previewed version). */
export async function importScoreSheet(
  api: ApiClient,
  reportId: string,
  file: Blob,
  mode: 'preview' | 'apply',
  reportVersion?: number,
): Promise<ScoreSheetImportView> {
  return (
    await api.request<ScoreSheetImportView>(`/reports/${reportId}/score-sheet/import?mode=${mode}`, {
      method: 'POST',
      rawBody: { data: file, contentType: XLSX_CONTENT_TYPE },
      ...(reportVersion === undefined ? {} : { headers: { 'if-match': `"${reportVersion}"` } }),
    })
  ).data;
}
