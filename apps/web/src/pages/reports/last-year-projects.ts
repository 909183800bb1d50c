import { useCallback } from 'react';
import type { ApiClient } from '../../api/client';
import { listReports } from '../../api/reports-api';
import type { ReportSummaryView } from '../../api/report-types';
import { useRemote } from '../../hooks/use-remote';

/** The most a department lists of one year's project tables (the API's largest page). */
const PROJECTS_PAGE = 200;

/**
 * The department's 项目支出绩效自评表 of the year before `fiscalYear`, to start this year's table of the
 * same project from (the server prefills it from last year's approved one). Nothing is asked while
 * `enabled` is false or the department is unknown.
 */
export function useLastYearProjects(api: ApiClient, departmentId: string | null, fiscalYear: number, enabled: boolean) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ReportSummaryView[]> => {
      if (!enabled || !departmentId) return [];
      const filter = { kind: 'project' as const, fiscalYear: fiscalYear - 1, departmentId };
      return (await listReports(api, filter, null, signal, PROJECTS_PAGE)).items;
    },
    [api, departmentId, fiscalYear, enabled],
  );
  return useRemote(load);
}
