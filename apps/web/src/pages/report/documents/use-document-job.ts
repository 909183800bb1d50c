import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentFormat } from '@evalflow/domain';
import { isAbort, type ApiClient } from '../../../api/client';
import { getDocument, requestDocument } from '../../../api/documents-api';
import type { DocumentView } from '../../../api/report-types';
import { isRendering } from './document-labels';

/** How often a document being rendered is asked about. */
export const DOCUMENT_POLL_MS = 1000;

interface DocumentJobOptions {
  api: ApiClient;
  reportId: string;
  format: DocumentFormat;
  /** Saves a finished document (the one asked for is downloaded as soon as it is done). */
  download: (doc: DocumentView) => Promise<void>;
  /** A document was asked for, or finished or failed: the list of documents is out of date. */
  onChange?: () => void;
}

/**
 * One format's document, from the click to the file: asks for it, watches it about once a second
 * while it is queued or rendering (stopping when the page goes away), then downloads it.
 */
export function useDocumentJob({ api, reportId, format, download, onChange }: DocumentJobOptions) {
  const [doc, setDoc] = useState<DocumentView>();
  const [requesting, setRequesting] = useState(false);
  /** Asking for the document, or asking how it is going, failed. */
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  /** The document to save once done: the one the user asked for, not one merely watched. */
  const pendingDownload = useRef<string | null>(null);
  const latest = useRef({ download, onChange });
  useEffect(() => {
    latest.current = { download, onChange };
  });

  const arrive = useCallback((next: DocumentView) => {
    setDoc(next);
    if (isRendering(next)) return;
    if (next.status === 'done' && pendingDownload.current === next.id) {
      pendingDownload.current = null;
      void latest.current.download(next);
    }
    latest.current.onChange?.();
  }, []);

  const start = useCallback(async () => {
    setRequesting(true);
    setError(undefined);
    try {
      const asked = await requestDocument(api, reportId, format);
      pendingDownload.current = asked.id;
      arrive(asked);
      if (isRendering(asked)) latest.current.onChange?.();
    } catch (e) {
      setError(e);
    } finally {
      setRequesting(false);
    }
  }, [api, reportId, format, arrive]);

  // each answer while rendering schedules the next question
  useEffect(() => {
    if (!doc || !isRendering(doc)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getDocument(api, doc.id, controller.signal).then(arrive, (e: unknown) => {
        if (!controller.signal.aborted && !isAbort(e)) setError(e);
      });
    }, DOCUMENT_POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, doc, attempt, arrive]);

  /** After a failed status question: ask again. */
  const resume = useCallback(() => {
    setError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  return { doc, requesting, error, start, resume };
}
