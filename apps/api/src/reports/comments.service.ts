import { Injectable } from '@nestjs/common';
import {
  AppError,
  checkCommentAnchor,
  commentSide,
  normaliseCommentBody,
  type AppAbility,
  type Principal,
} from '@evalflow/domain';
import { JOBS, type CommentAddedJobData } from '@evalflow/jobs';
import { RequestContext } from '@evalflow/observability';
import { appendOutbox, TenantDb, type ReportRecord, type TenantTx } from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { versionMismatch } from '../http/versioning';
import { findThread, listThreads } from './comment-store';
import type { CommentsQuery, CreateCommentDto, ThreadStatusDto } from './comments.dto';
import { permittedReport } from './report-store';

const EXCERPT_LENGTH = 60;

/**
 * Review comments: threads anchored to a part or field, written by either side, resolved by the
 * finance bureau. Each comment leaves through the outbox so the other side hears of it.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(ability: AppAbility, reportId: string, query: CommentsQuery) {
    return this.db.tx(async (em) => {
      await permittedReport(em, ability, reportId);
      return listThreads(em, reportId, query.status);
    });
  }

  create(principal: Principal, ability: AppAbility, reportId: string, dto: CreateCommentDto) {
    const body = requireBody(dto.body);
    return this.db.tx(async (em) => {
      const row = await openReport(em, ability, reportId);
      // where a comment may point depends on the report's kind
      const checked = checkCommentAnchor(row.kind, dto.part, dto.fieldPath);
      if (!checked.ok) {
        throw new AppError(
          'COMMENT_ANCHOR_INVALID',
          [{ field: 'fieldPath', message: checked.message }],
          checked.message,
        );
      }
      const [{ id: threadId }] = await em.query(
        `INSERT INTO comment_threads (tenant_id, report_id, part, field_path, revision_number, created_by)
         SELECT $1, $2, $3, $4, (SELECT max(number) FROM report_revisions WHERE report_id = $2), $5
         RETURNING id`,
        [row.tenantId, reportId, checked.anchor.part, checked.anchor.fieldPath, principal.userId],
      );
      await this.addComment(em, principal, row, threadId, body, 'report.comment_added');
      return findThread(em, reportId, threadId);
    });
  }

  reply(principal: Principal, ability: AppAbility, reportId: string, threadId: string, text: unknown) {
    const body = requireBody(text);
    return this.db.tx(async (em) => {
      const row = await openReport(em, ability, reportId);
      await findThread(em, reportId, threadId, true);
      await this.addComment(em, principal, row, threadId, body, 'report.comment_replied');
      return findThread(em, reportId, threadId);
    });
  }

  setStatus(
    principal: Principal,
    ability: AppAbility,
    reportId: string,
    threadId: string,
    version: number,
    dto: ThreadStatusDto,
  ) {
    return this.db.tx(async (em) => {
      const row = await openReport(em, ability, reportId, 'review');
      const thread = await findThread(em, reportId, threadId, true);
      if (thread.version !== version) throw versionMismatch(thread.version, thread);
      if (thread.status === dto.status) return thread;
      await em.query(
        `UPDATE comment_threads
            SET status = $2, version = version + 1,
                resolved_by = CASE WHEN $2 = 'resolved' THEN $3::uuid END,
                resolved_at = CASE WHEN $2 = 'resolved' THEN now() END
          WHERE id = $1`,
        [threadId, dto.status, principal.userId],
      );
      await this.audit.record(em, {
        tenantId: row.tenantId,
        action: dto.status === 'resolved' ? 'report.comment_resolved' : 'report.comment_reopened',
        targetType: 'report',
        targetId: reportId,
        details: { threadId },
      });
      return findThread(em, reportId, threadId);
    });
  }

  private async addComment(
    em: TenantTx,
    principal: Principal,
    report: ReportRecord,
    threadId: string,
    body: string,
    auditAction: string,
  ) {
    const tenantId = report.tenantId;
    const side = commentSide(principal.roles);
    const [{ id: commentId }] = await em.query(
      `INSERT INTO comments (tenant_id, thread_id, body, side, author_id, author_name)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, threadId, body, side, principal.userId, principal.displayName],
    );
    const [thread] = await em.query(`SELECT part, field_path FROM comment_threads WHERE id = $1`, [threadId]);
    const job: CommentAddedJobData = {
      tenantId,
      reportId: report.id,
      threadId,
      commentId,
      side,
      authorUserId: principal.userId,
      authorName: principal.displayName,
      part: thread.part,
      fieldPath: thread.field_path,
      excerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH)}…` : body,
      requestId: RequestContext.current()?.requestId,
    };
    await appendOutbox(em, {
      tenantId,
      queue: JOBS.commentAdded.queue,
      jobName: JOBS.commentAdded.name,
      jobId: `report-comment-${commentId}`,
      payload: job,
    });
    await this.audit.record(em, {
      tenantId,
      action: auditAction,
      targetType: 'report',
      targetId: report.id,
      details: { threadId, commentId },
    });
  }
}

function requireBody(text: unknown): string {
  const body = normaliseCommentBody(text);
  if (!body)
    throw new AppError('COMMENT_BODY_INVALID', [
      { field: 'body', message: '意见内容不能为空，且不能超过 2000 个字符' },
    ]);
  return body;
}

/** The report, locked against a concurrent approval; comments close once it is approved. */
async function openReport(
  tx: TenantTx,
  ability: AppAbility,
  reportId: string,
  action: 'read' | 'review' = 'read',
): Promise<ReportRecord> {
  const report = await permittedReport(tx, ability, reportId, { action, forUpdate: true });
  if (report.status === 'approved') throw new AppError('REPORT_COMMENTS_CLOSED');
  return report;
}
