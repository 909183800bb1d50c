import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../api/client';
import { listEvidence, type EvidenceItem, type EvidenceListView } from '../../../api/evidence-api';
import { useRemote } from '../../../hooks/use-remote';
import { EvidenceContext, type EvidenceState } from './evidence-context';
import { EvidenceDrawer } from './evidence-drawer';

interface EvidenceProviderProps {
  api: ApiClient;
  reportId: string;
  /** The 三级指标 of the report's current rows (blanks and repeats are dropped here). */
  indicators: readonly string[];
  /** The report's status: a move (submit, return) changes whether the files may still be changed. */
  status?: string;
  children: ReactNode;
}

/** Loads the report's 佐证材料 once for the page, and holds the drawer any row's 「佐证」 button opens. */
export function EvidenceProvider({ api, reportId, indicators, status, children }: EvidenceProviderProps) {
  const remote = useRemote(useCallback((signal: AbortSignal) => listEvidence(api, reportId, signal), [api, reportId]));
  const { setData, reload } = remote;
  useReloadOnChange(status, reload);
  const [openRow, setOpenRow] = useState<string>();

  const update = useCallback(
    (change: (list: EvidenceListView) => EvidenceListView) => setData((list) => list && change(list)),
    [setData],
  );
  const added = useCallback(
    (item: EvidenceItem) =>
      update((l) => ({ ...l, items: [...l.items, item], usedBytes: l.usedBytes + item.sizeBytes })),
    [update],
  );
  const replaced = useCallback(
    (item: EvidenceItem) => update((l) => ({ ...l, items: l.items.map((i) => (i.id === item.id ? item : i)) })),
    [update],
  );
  const removed = useCallback(
    (item: EvidenceItem) =>
      update((l) => ({
        ...l,
        items: l.items.filter((i) => i.id !== item.id),
        usedBytes: Math.max(0, l.usedBytes - item.sizeBytes),
      })),
    [update],
  );
  // keyed by the names, not by the array's identity (the report page builds a new one each render)
  const key = JSON.stringify([...new Set(indicators.map((n) => n.trim()).filter(Boolean))]);
  const rows = useMemo(() => JSON.parse(key) as string[], [key]);

  const value = useMemo<EvidenceState>(
    () => ({
      api,
      reportId,
      list: remote.data,
      error: remote.error,
      reload,
      added,
      replaced,
      removed,
      indicators: rows,
      open: setOpenRow,
    }),
    [api, reportId, remote.data, remote.error, reload, added, replaced, removed, rows],
  );
  return (
    <EvidenceContext.Provider value={value}>
      {children}
      <EvidenceDrawer indicator={openRow} onClose={() => setOpenRow(undefined)} />
    </EvidenceContext.Provider>
  );
}

/** Calls `reload` when `value` changes after the first render. */
function useReloadOnChange(value: unknown, reload: () => void) {
  const seen = useRef(value);
  useEffect(() => {
    if (seen.current === value) return;
    seen.current = value;
    reload();
  }, [value, reload]);
}
