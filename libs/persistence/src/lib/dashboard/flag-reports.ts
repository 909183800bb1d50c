import { rowsOf, tenantOf, type TenantTx } from '../tenant-tx';
import { DASHBOARD_SQL } from './dashboard-sql';
import type { DashboardFlagReportRecord } from './dashboard';

/** A row of DASHBOARD_SQL.flagReports: indicator rows as stored, files per 三级指标 name. */
export interface FlagReportRow extends Omit<DashboardFlagReportRecord, 'indicators'> {
  indicators: unknown[] | null;
  evidenceFiles: Record<string, number> | null;
}

type FlagIndicator = DashboardFlagReportRecord['indicators'][number];

/** A field as PostgreSQL's ->> reads it: a string as is, any other value as its JSON text, absent as null. */
function fieldText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** btrim's default: spaces only, as the files' indicator names are matched. */
const trimSpaces = (text: string) => text.replace(/^ +| +$/g, '');

/** What the inflation rules read of one stored row; the evidence text cut to its start (they ask only whether any). */
export function flagIndicatorOf(row: unknown, files: Record<string, number> | null): FlagIndicator {
  const i = (typeof row === 'object' && row !== null && !Array.isArray(row) ? row : {}) as Record<string, unknown>;
  const level3 = fieldText(i['level3']) ?? '';
  return {
    level3,
    nature: (fieldText(i['nature']) ?? 'qualitative') as FlagIndicator['nature'],
    target: fieldText(i['target']) ?? '',
    actual: fieldText(i['actual']) ?? '',
    weight: fieldText(i['weight']) as FlagIndicator['weight'],
    score: fieldText(i['score']) as FlagIndicator['score'],
    evidence: [...(fieldText(i['evidence']) ?? '')].slice(0, 100).join(''),
    evidenceFiles: files?.[trimSpaces(level3)] ?? 0,
  };
}

export function flagReportOf(row: FlagReportRow): DashboardFlagReportRecord {
  const { indicators, evidenceFiles, ...summary } = row;
  return { ...summary, indicators: (indicators ?? []).map((i) => flagIndicatorOf(i, evidenceFiles)) };
}

/** The 部门整体 reports of the year and the year before, as the score-inflation flags read them. */
export async function loadFlagReports(tx: TenantTx, fiscalYear: number): Promise<DashboardFlagReportRecord[]> {
  const rows = await rowsOf<FlagReportRow>(tx, DASHBOARD_SQL.flagReports, [tenantOf(tx), fiscalYear]);
  return rows.map(flagReportOf);
}
