import type { GradeBand } from '@evalflow/domain';
import type { ApiClient } from '../../api/client';
import { listDepartments } from '../../api/departments-api';
import { listReports } from '../../api/reports-api';
import type { ReportSummaryView } from '../../api/report-types';
import { getSettings, listDeadlines } from '../../api/settings-api';
import type { DeadlineView, DepartmentView } from '../../api/types';

/** The largest page the API answers. */
export const YEAR_PAGE_SIZE = 200;

/** What the dashboard needs whatever the year: the departments, the grade bands, the deadlines. */
export interface CountyBasics {
  departments: DepartmentView[];
  gradeBands: GradeBand[];
  deadlines: DeadlineView[];
  /** The newest fiscal year that has a report, or null when the county has none yet. */
  latestYear: number | null;
}

export async function loadCountyBasics(api: ApiClient, signal?: AbortSignal): Promise<CountyBasics> {
  const [departments, settings, deadlines, newest] = await Promise.all([
    listDepartments(api, { kind: 'budget_department' }, signal),
    getSettings(api, signal),
    listDeadlines(api, signal),
    // the API lists the newest year first
    listReports(api, {}, null, signal, 1),
  ]);
  return {
    departments,
    gradeBands: settings.gradeBands,
    deadlines,
    latestYear: newest.items[0]?.fiscalYear ?? null,
  };
}

/** Every report of one fiscal year, following the keyset pages to the end. */
export async function loadYearReports(
  api: ApiClient,
  fiscalYear: number,
  signal?: AbortSignal,
): Promise<ReportSummaryView[]> {
  const reports: ReportSummaryView[] = [];
  let cursor: string | null = null;
  do {
    const page = await listReports(api, { fiscalYear }, cursor, signal, YEAR_PAGE_SIZE);
    reports.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return reports;
}

/** The year to open: the newest with reports, or else last year. */
export function defaultYear(latestYear: number | null, now = new Date()): number {
  return latestYear ?? now.getFullYear() - 1;
}

/** Years to choose from, newest first: this year back six years, and any year with a report or deadline. */
export function yearOptions(basics: CountyBasics, now = new Date()): Array<{ value: number; label: string }> {
  const thisYear = now.getFullYear();
  const years = new Set<number>(Array.from({ length: 7 }, (_, i) => thisYear - i));
  if (basics.latestYear !== null) years.add(basics.latestYear);
  for (const d of basics.deadlines) years.add(d.fiscalYear);
  return [...years].sort((a, b) => b - a).map((year) => ({ value: year, label: `${year} 年度` }));
}
