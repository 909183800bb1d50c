import { useCallback, useMemo } from 'react';
import { Spin } from 'antd';
import type { ApiClient } from '../../../api/client';
import { listRevisionEvidence } from '../../../api/evidence-api';
import { LoadError } from '../../../components/load-error';
import { useRemote } from '../../../hooks/use-remote';
import { EvidenceFiles } from './evidence-files';

/** The files frozen with one revision, read-only (preview and download). */
export function RevisionEvidence({ api, reportId, number }: { api: ApiClient; reportId: string; number: number }) {
  const remote = useRemote(
    useCallback((signal: AbortSignal) => listRevisionEvidence(api, reportId, number, signal), [api, reportId, number]),
  );
  // read-only: nothing is moved or removed here
  const source = useMemo(() => ({ api, reportId }), [api, reportId]);
  if (remote.error !== undefined)
    return <LoadError title="该版本的佐证材料加载失败" error={remote.error} onRetry={remote.reload} />;
  if (!remote.data) return <Spin size="small" />;
  return (
    <EvidenceFiles
      state={source}
      items={remote.data}
      editable={false}
      label={`第 ${number} 版的佐证材料`}
      empty="该版本没有佐证材料"
    />
  );
}
