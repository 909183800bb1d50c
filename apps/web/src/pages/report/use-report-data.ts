import { useCallback } from 'react';
import { listThreads } from '../../api/comments-api';
import { listDocuments } from '../../api/documents-api';
import { getChecks, getHistory, getReport, listRevisions } from '../../api/reports-api';
import type { CommentThread } from '../../api/report-types';
import { useSession } from '../../auth/session-context';
import { upsertById } from '../../hooks/upsert-by-id';
import { useRemote } from '../../hooks/use-remote';

/** Everything the report page shows, each loaded on its own so one failure leaves the rest readable. */
export function useReportData(id: string) {
  const session = useSession();
  const report = useRemote(useCallback((signal: AbortSignal) => getReport(session, id, signal), [session, id]));
  const checks = useRemote(useCallback((signal: AbortSignal) => getChecks(session, id, signal), [session, id]));
  const threads = useRemote(
    useCallback((signal: AbortSignal) => listThreads(session, id, undefined, signal), [session, id]),
  );
  const history = useRemote(useCallback((signal: AbortSignal) => getHistory(session, id, signal), [session, id]));
  const revisions = useRemote(useCallback((signal: AbortSignal) => listRevisions(session, id, signal), [session, id]));
  const documents = useRemote(useCallback((signal: AbortSignal) => listDocuments(session, id, signal), [session, id]));

  const reloadReport = report.reload;
  const reloadChecks = checks.reload;
  const reloadThreads = threads.reload;
  const reloadHistory = history.reload;
  const reloadRevisions = revisions.reload;
  const reloadDocuments = documents.reload;
  /** After a move (submitting and approving ask for documents), a sign-off, or a refusal saying the page is out of date. */
  const reloadAll = useCallback(() => {
    reloadReport();
    reloadChecks();
    reloadThreads();
    reloadHistory();
    reloadRevisions();
    reloadDocuments();
  }, [reloadReport, reloadChecks, reloadThreads, reloadHistory, reloadRevisions, reloadDocuments]);

  const setThreads = threads.setData;
  const upsertThread = useCallback(
    (thread: CommentThread) => setThreads((rows = []) => upsertById(rows, thread)),
    [setThreads],
  );

  return { session, report, checks, threads, history, revisions, documents, reloadAll, upsertThread };
}
