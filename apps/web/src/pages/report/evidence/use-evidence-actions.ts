import { useCallback, useState } from 'react';
import { App } from 'antd';
import { messageOf } from '../../../api/client';
import { deleteEvidence, fetchEvidenceFile, moveEvidence, type EvidenceItem } from '../../../api/evidence-api';
import { saveBlob } from '../documents/save-blob';
import type { EvidenceState } from './evidence-context';

/** Where files come from, and whom to tell of a move or a delete (not needed where the files are read-only). */
export type EvidenceSource = Pick<EvidenceState, 'api' | 'reportId'> &
  Partial<Pick<EvidenceState, 'replaced' | 'removed'>>;

/** Download, delete and move of the report's files; `busy` names the file a request is under way for. */
export function useEvidenceActions(state: EvidenceSource) {
  const { api, reportId, replaced, removed } = state;
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();

  const run = useCallback(
    async (item: EvidenceItem, work: () => Promise<void>, failure: string) => {
      setBusy(item.id);
      try {
        await work();
      } catch (error) {
        void message.error(messageOf(error, failure));
      } finally {
        setBusy((current) => (current === item.id ? undefined : current));
      }
    },
    [message],
  );

  const download = useCallback(
    (item: EvidenceItem) =>
      run(
        item,
        async () => saveBlob(await fetchEvidenceFile(api, reportId, item.id), item.fileName),
        '下载失败，请稍后重试',
      ),
    [run, api, reportId],
  );

  const remove = useCallback(
    (item: EvidenceItem) =>
      run(
        item,
        async () => {
          await deleteEvidence(api, reportId, item.id);
          removed?.(item);
          void message.success(`已删除「${item.fileName}」`);
        },
        '删除失败，请稍后重试',
      ),
    [run, api, reportId, removed, message],
  );

  const move = useCallback(
    (item: EvidenceItem, indicator: string | null) =>
      run(
        item,
        async () => {
          const moved = await moveEvidence(api, reportId, item.id, indicator);
          replaced?.(moved);
          void message.success(
            indicator ? `已将「${item.fileName}」移到「${indicator}」` : `已将「${item.fileName}」移到报告整体`,
          );
        },
        '移动失败，请稍后重试',
      ),
    [run, api, reportId, replaced, message],
  );

  return { busy, download, remove, move };
}
