import { REPORT_PARTS } from '@evalflow/domain';
import type { CommentThread, OpenComment } from '../../../api/report-types';

/** Threads in the order of the report (part by part), oldest first within a part. */
export function inReportOrder(threads: CommentThread[]): CommentThread[] {
  return [...threads].sort(
    (a, b) => REPORT_PARTS.indexOf(a.part) - REPORT_PARTS.indexOf(b.part) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** The open threads as a return carries them: each one's first comment. */
export function openCommentsOf(threads: CommentThread[]): OpenComment[] {
  return inReportOrder(threads.filter((t) => t.status === 'open')).map((t) => ({
    id: t.id,
    part: t.part,
    fieldPath: t.fieldPath,
    body: t.comments[0]?.body ?? '',
  }));
}
