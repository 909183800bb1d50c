import { partsOf, type ReportKind, type ReportPart } from '@evalflow/domain';
import type { CommentThread, OpenComment } from '../../../api/report-types';

/** Threads in the order of the report's kind (part by part), oldest first within a part. */
export function inReportOrder(kind: ReportKind, threads: CommentThread[]): CommentThread[] {
  const parts: readonly ReportPart[] = partsOf(kind);
  return [...threads].sort(
    (a, b) => parts.indexOf(a.part) - parts.indexOf(b.part) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** Threads newest first (by when each was started); ties by id, so the order is stable. */
export function newestFirst(threads: CommentThread[]): CommentThread[] {
  return [...threads].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The open threads as a return carries them: each one's first comment. */
export function openCommentsOf(kind: ReportKind, threads: CommentThread[]): OpenComment[] {
  return inReportOrder(
    kind,
    threads.filter((t) => t.status === 'open'),
  ).map((t) => ({
    id: t.id,
    part: t.part,
    fieldPath: t.fieldPath,
    body: t.comments[0]?.body ?? '',
  }));
}
