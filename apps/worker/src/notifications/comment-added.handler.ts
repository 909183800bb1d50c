import { Injectable } from '@nestjs/common';
import { partLabel, reportDisplayName } from '@evalflow/domain';
import { JOBS, type CommentAddedJobData } from '@evalflow/jobs';
import { TenantDb } from '@evalflow/persistence';
import type { Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { Inbox, subjectOf } from './inbox';

/** A review comment reaches the other side: the bureau's comments the department, the department's the bureau. */
@Injectable()
export class CommentAddedHandler implements JobHandler<CommentAddedJobData, { notified: number }> {
  readonly jobName = JOBS.commentAdded.name;

  constructor(
    private readonly db: TenantDb,
    private readonly inbox: Inbox,
  ) {}

  async handle(job: Job<CommentAddedJobData>): Promise<{ notified: number }> {
    const data = job.data;
    const sourceKey = `report-comment-${data.commentId}`;
    const notified = await this.db.tx(async (em) => {
      const [report] = await em.query(
        `SELECT r.fiscal_year, r.department_id, d.name AS department_name, r.kind, r.project_name
           FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = $1`,
        [data.reportId],
      );
      if (!report) return 0;
      const recipients = await this.inbox.recipients(
        em,
        data.side === 'finance' ? { side: 'department', departmentId: report.department_id } : { side: 'finance' },
        data.authorUserId,
      );
      const where = partLabel(report.kind, data.part);
      return this.inbox.add(em, data.tenantId, recipients, {
        kind: 'comment.added',
        reportId: data.reportId,
        title: `${reportDisplayName(subjectOf(report))}：${data.authorName}提出意见`,
        body: `「${where}」${data.excerpt}`,
        sourceKey,
      });
    }, data.tenantId);
    await this.inbox.mailPending(data.tenantId, [sourceKey]);
    return { notified };
  }
}
