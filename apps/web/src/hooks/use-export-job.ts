import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportKind } from '@evalflow/domain';
import { isAbort, type ApiClient } from '../api/client';
import { fetchExportFile, getExport, isExportUnderway, requestExport, type ExportView } from '../api/exports-api';
import { saveBlob } from '../pages/report/documents/save-blob';

/** How often an export under way is asked about. */
export const EXPORT_POLL_MS = 1000;

/**
 * A county-wide export from the click to the file: asks for it, watches it about once a second while it
 * is queued or running (stopping when the page goes away), then downloads it once. `error` is a request
 * or a download that failed (the export's own failure is on `job`, with its Chinese reason).
 */
export function useExportJob(api: ApiClient, kind: ExportKind) {
  const [job, setJob] = useState<ExportView>();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>();
  const downloaded = useRef<string | null>(null);

  /** Saves a done export's file: once on its own (`again` saves it once more). */
  const download = useCallback(
    async (view: ExportView, again = false) => {
      if (downloaded.current === view.id && !again) return;
      downloaded.current = view.id;
      try {
        saveBlob(await fetchExportFile(api, view.id), view.fileName);
      } catch (e) {
        downloaded.current = null;
        setError(e);
      }
    },
    [api],
  );

  const arrive = useCallback(
    (view: ExportView) => {
      setJob(view);
      if (view.status === 'done') void download(view);
    },
    [download],
  );

  const start = useCallback(
    async (fiscalYear: number) => {
      setStarting(true);
      setError(undefined);
      setJob(undefined);
      downloaded.current = null;
      try {
        arrive(await requestExport(api, kind, fiscalYear));
      } catch (e) {
        setError(e);
      } finally {
        setStarting(false);
      }
    },
    [api, kind, arrive],
  );

  // each answer while under way schedules the next question
  useEffect(() => {
    if (!job || !isExportUnderway(job)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getExport(api, job.id, controller.signal).then(arrive, (e: unknown) => {
        if (!controller.signal.aborted && !isAbort(e)) setError(e);
      });
    }, EXPORT_POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, job, arrive]);

  /** Forgets the export (the dialog closed): a later start asks anew. */
  const reset = useCallback(() => {
    setJob(undefined);
    setError(undefined);
  }, []);

  return { job, starting, error, start, reset, download };
}
