import { AppError } from '@evalflow/domain';
import type { EntityManager } from 'typeorm';
import type { CommentThreadView, OpenCommentView } from './comments.dto';

/** SQL reads of review comments; always inside a tenant transaction. */
const THREAD_SELECT = `
  SELECT t.id, t.report_id, t.part, t.field_path, t.revision_number, t.status, t.version, t.created_at,
         t.resolved_at, ru.display_name AS resolved_by,
         coalesce(json_agg(json_build_object('id', c.id, 'body', c.body, 'authorName', c.author_name, 'side', c.side,
                                             'createdAt', c.created_at) ORDER BY c.created_at, c.id)
                  FILTER (WHERE c.id IS NOT NULL), '[]') AS comments
    FROM comment_threads t
    LEFT JOIN comments c ON c.thread_id = t.id
    LEFT JOIN users ru ON ru.id = t.resolved_by`;
const THREAD_GROUP = `GROUP BY t.id, ru.display_name`;

function toThread(r: Record<string, unknown>): CommentThreadView {
  return {
    id: r['id'] as string,
    reportId: r['report_id'] as string,
    part: r['part'] as CommentThreadView['part'],
    fieldPath: (r['field_path'] as string | null) ?? null,
    revisionNumber: (r['revision_number'] as number | null) ?? null,
    status: r['status'] as CommentThreadView['status'],
    version: r['version'] as number,
    createdAt: (r['created_at'] as Date).toISOString(),
    resolvedAt: r['resolved_at'] ? (r['resolved_at'] as Date).toISOString() : null,
    resolvedBy: (r['resolved_by'] as string | null) ?? null,
    comments: (r['comments'] as CommentThreadView['comments']).map((c) => ({
      ...c,
      createdAt: new Date(c.createdAt).toISOString(),
    })),
  };
}

export async function listThreads(
  em: EntityManager,
  reportId: string,
  status?: 'open' | 'resolved',
): Promise<CommentThreadView[]> {
  const rows = await em.query(
    `${THREAD_SELECT} WHERE t.report_id = $1 AND ($2::text IS NULL OR t.status = $2) ${THREAD_GROUP}
      ORDER BY t.created_at, t.id`,
    [reportId, status ?? null],
  );
  return rows.map(toThread);
}

export async function findThread(
  em: EntityManager,
  reportId: string,
  threadId: string,
  forUpdate = false,
): Promise<CommentThreadView> {
  if (forUpdate) {
    const locked = await em.query(`SELECT id FROM comment_threads WHERE id = $1 AND report_id = $2 FOR UPDATE`, [
      threadId,
      reportId,
    ]);
    if (!locked.length) throw new AppError('COMMENT_THREAD_NOT_FOUND');
  }
  const [row] = await em.query(`${THREAD_SELECT} WHERE t.id = $1 AND t.report_id = $2 ${THREAD_GROUP}`, [
    threadId,
    reportId,
  ]);
  if (!row) throw new AppError('COMMENT_THREAD_NOT_FOUND');
  return toThread(row);
}

/** Each open thread by its first comment: what a return hands back to the department. */
export async function listOpenComments(em: EntityManager, reportId: string): Promise<OpenCommentView[]> {
  return em.query(
    `SELECT t.id, t.part, t.field_path AS "fieldPath",
            (SELECT c.body FROM comments c WHERE c.thread_id = t.id ORDER BY c.created_at, c.id LIMIT 1) AS body
       FROM comment_threads t WHERE t.report_id = $1 AND t.status = 'open' ORDER BY t.created_at, t.id`,
    [reportId],
  );
}
