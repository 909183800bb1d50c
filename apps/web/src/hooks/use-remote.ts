import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { isAbort } from '../api/client';

export interface Remote<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace what was loaded (after an edit) without asking the server again. */
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/**
 * Loads data when `load` changes (memoise it with useCallback over its inputs); an older answer
 * arriving after a newer request is dropped, so fast filter changes cannot show stale rows.
 */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted || isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
