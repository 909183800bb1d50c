import { useCallback, useMemo } from 'react';
import {
  DEFAULT_GRADE_BANDS,
  REPORT_SCHEMA_VERSION,
  runChecks,
  type GradeBand,
  type ReportContent,
  type ReportPart,
} from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { ChecksView, ReportView } from '../../../api/report-types';
import { getReport } from '../../../api/reports-api';
import { getSettings } from '../../../api/settings-api';
import { useRemote } from '../../../hooks/use-remote';

const assemble = (drafts: Record<ReportPart, unknown>) =>
  ({ schemaVersion: REPORT_SCHEMA_VERSION, ...drafts }) as ReportContent;

/**
 * The server's rules run here on the draft as it is typed, with the context the server builds:
 * the county's grade bands and the department's approved report of the previous year (which the
 * server's checks name). Until those load, or should a half-typed draft trip a rule, the server's
 * last checks stand.
 */
export function useLiveChecks(
  api: ApiClient,
  report: ReportView | undefined,
  drafts: Record<ReportPart, unknown> | null,
  serverChecks: ChecksView | undefined,
  enabled: boolean,
): { checks: ChecksView | undefined; gradeBands: GradeBand[] } {
  const previousId = (enabled && serverChecks?.previousYear?.reportId) || null;
  const settings = useRemote(
    useCallback((signal: AbortSignal) => (enabled ? getSettings(api, signal) : Promise.resolve(null)), [api, enabled]),
  );
  const previous = useRemote(
    useCallback(
      (signal: AbortSignal) => (previousId ? getReport(api, previousId, signal) : Promise.resolve(null)),
      [api, previousId],
    ),
  );
  const gradeBands: GradeBand[] = settings.data?.gradeBands ?? DEFAULT_GRADE_BANDS;

  const checks = useMemo(() => {
    if (!enabled || !report || !drafts || !serverChecks) return serverChecks;
    if (previousId && !previous.data && previous.error === undefined) return serverChecks;
    const previousYear = previous.data
      ? {
          fiscalYear: previous.data.fiscalYear,
          content: assemble(
            Object.fromEntries(Object.entries(previous.data.parts).map(([p, v]) => [p, v.content])) as Record<
              ReportPart,
              unknown
            >,
          ),
        }
      : null;
    try {
      const summary = runChecks(assemble(drafts), { fiscalYear: report.fiscalYear, gradeBands, previousYear });
      return { ...serverChecks, ...summary };
    } catch {
      return serverChecks;
    }
  }, [enabled, report, drafts, serverChecks, previousId, previous.data, previous.error, gradeBands]);
  return { checks, gradeBands };
}
