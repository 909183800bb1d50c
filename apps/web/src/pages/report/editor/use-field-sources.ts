import { useCallback, useMemo } from 'react';
import type { ApiClient } from '../../../api/client';
import { getReportSources } from '../../../api/report-imports-api';
import { useRemote } from '../../../hooks/use-remote';
import type { FieldSources } from './field-sources';

/** The sources of the report's applied import, for the editor's 来源 markers (none until one was applied). */
export function useFieldSources(api: ApiClient, reportId: string): { value: FieldSources | null; reload: () => void } {
  const remote = useRemote(
    useCallback((signal: AbortSignal) => getReportSources(api, reportId, signal), [api, reportId]),
  );
  const value = useMemo(
    () => (remote.data?.importId ? { sources: remote.data.sources, inferred: new Set(remote.data.inferred) } : null),
    [remote.data],
  );
  return { value, reload: remote.reload };
}
