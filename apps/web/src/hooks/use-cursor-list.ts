import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { upsertById } from './upsert-by-id';

export interface CursorPage<T> {
  items: T[];
  /** Cursor of the next page; null when this was the last. */
  next: string | null;
}

export interface CursorList<T> {
  items: T[];
  hasMore: boolean;
  /** The first page is loading (the table shows a spinner). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Put an edited or new row in place without reloading every page. */
  upsert: (item: T) => void;
}

/**
 * Keyset pagination ("加载更多"): the first page loads whenever `loadPage` changes (memoise it
 * over the filters); later pages append. Answers for an outdated filter are dropped.
 */
export function useCursorList<T extends { id: string }>(
  loadPage: (cursor: string | null, signal: AbortSignal) => Promise<CursorPage<T>>,
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    setLoadingMore(false);
    setError(undefined);
    loadPage(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setNext(page.next);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted || isAbort(failure)) return;
        setItems([]);
        setNext(null);
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [loadPage, attempt]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!next || !controller || loadingMore) return;
    setLoadingMore(true);
    setError(undefined);
    loadPage(next, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((current) => [...current, ...page.items]);
        setNext(page.next);
        setLoadingMore(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted || isAbort(failure)) return;
        setError(failure);
        setLoadingMore(false);
      },
    );
  }, [loadPage, next, loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const upsert = useCallback((item: T) => setItems((current) => upsertById(current, item)), []);

  return { items, hasMore: next !== null, loading, loadingMore, error, loadMore, reload, upsert };
}
