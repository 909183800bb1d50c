import { useCallback, useMemo } from 'react';
import {
  assembleContent,
  DEFAULT_GRADE_BANDS,
  runChecks,
  SCHEMA_VERSIONS,
  type GradeBand,
  type ReportKind,
  type ReportPart,
} from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';
import type { ChecksView, ReportView } from '../../../api/report-types';
import { getReport } from '../../../api/reports-api';
import { getSettings } from '../../../api/settings-api';
import { useRemote } from '../../../hooks/use-remote';

/** The parts as one content of the kind; the API serves every part in the current schema version. */
const assemble = (kind: ReportKind, parts: Partial<Record<ReportPart, unknown>>) =>
  assembleContent(kind, parts, SCHEMA_VERSIONS[kind]);

/**
 * The server's rules run here on the draft as it is typed, with the context the server builds: the
 * template the report pinned (which rules apply, with which parameters and severities; its parts), its
 * grade bands (the template's own, else the county's) and the approved report of the previous year (the
 * department's, or for a project table the same project's), which the server's checks name. Until those
 * load, or should a half-typed draft trip a rule, the server's last checks stand.
 */
export function useLiveChecks(
  api: ApiClient,
  report: ReportView | undefined,
  drafts: Partial<Record<ReportPart, unknown>> | null,
  serverChecks: ChecksView | undefined,
  enabled: boolean,
): { checks: ChecksView | undefined; gradeBands: GradeBand[]; gradeBandsReady: boolean } {
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
  // (a report answered without its template, from before templates, follows the kind's default)
  const template = report?.template?.definition;
  const countyBands = settings.data?.gradeBands;
  const gradeBands: GradeBand[] = useMemo(
    () => template?.gradeBands ?? countyBands ?? DEFAULT_GRADE_BANDS,
    [template, countyBands],
  );

  const checks = useMemo(() => {
    if (!enabled || !report || !drafts || !serverChecks) return serverChecks;
    if (previousId && !previous.data && previous.error === undefined) return serverChecks;
    try {
      const last = previous.data;
      const previousYear = last
        ? {
            fiscalYear: last.fiscalYear,
            content: assemble(
              last.kind,
              Object.fromEntries(Object.entries(last.parts).map(([p, v]) => [p, v?.content])),
            ),
          }
        : null;
      const summary = runChecks(assemble(report.kind, drafts), {
        fiscalYear: report.fiscalYear,
        gradeBands,
        previousYear,
        template,
      });
      return { ...serverChecks, ...summary };
    } catch {
      return serverChecks;
    }
  }, [enabled, report, drafts, serverChecks, previousId, previous.data, previous.error, gradeBands, template]);
  // the template's own bands, or the county's once read (should they fail to load, the national ones)
  const gradeBandsReady =
    !enabled || template?.gradeBands != null || settings.data != null || settings.error !== undefined;
  return { checks, gradeBands, gradeBandsReady };
}
