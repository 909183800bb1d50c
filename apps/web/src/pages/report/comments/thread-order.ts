import { partsOf, type ReportKind, type ReportPart } from '@evalflow/domain';
import type { CommentThread, OpenComment } from '../../../api/report-types';

/** Threads in the order of the report's kind (part by part), oldest first within a part. */
export function inReportOrder(kind: ReportKind, threads: CommentThread[]): CommentThread[] {
  const parts: readonly ReportPart[] = partsOf(kind);
  return [...threads].sort(
    (a, b) => parts.indexOf(a.part) - parts.indexOf(b.part) || a.createdAt.localeCompare(b.createdAt),
  );
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
