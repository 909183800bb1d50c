import { Injectable } from '@nestjs/common';
import {
  REPORT_STATUS_LABELS,
  reportDisplayName,
  TRANSITIONS,
  type ReportStatus,
  type TransitionAction,
} from '@evalflow/domain';
import { JOBS, type ReportTransitionedJobData } from '@evalflow/jobs';
import { TenantDb } from '@evalflow/persistence';
import type { Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { Inbox, subjectOf } from './inbox';

interface OpenComment {
  part: string;
  body: string;
}

/**
 * Tells the other side a report changed state: the department's own moves go to the finance
 * bureau, the bureau's to the department (a return lists the open comments). Idempotent per job.
 */
@Injectable()
export class ReportTransitionedHandler implements JobHandler<ReportTransitionedJobData, { notified: number }> {
  readonly jobName = JOBS.reportTransitioned.name;

  constructor(
    private readonly db: TenantDb,
    private readonly inbox: Inbox,
  ) {}

  async handle(job: Job<ReportTransitionedJobData>): Promise<{ notified: number }> {
    const data = job.data;
    const sourceKey = `report-transition-${data.transitionId}`;
    const notified = await this.db.tx(async (em) => {
      const [report] = await em.query(
        `SELECT r.fiscal_year, r.department_id, d.name AS department_name, r.kind, r.project_name,
                (SELECT t.open_comments FROM report_transitions t WHERE t.id = $2) AS open_comments
           FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = $1`,
        [data.reportId, data.transitionId],
      );
      if (!report) return 0;
      const action = data.action as TransitionAction;
      const toFinance = TRANSITIONS[action]?.scope === 'own_department';
      const recipients = await this.inbox.recipients(
        em,
        toFinance ? { side: 'finance' } : { side: 'department', departmentId: report.department_id },
        data.actorUserId,
      );
      const label = TRANSITIONS[action]?.label ?? action;
      const status = REPORT_STATUS_LABELS[data.to as ReportStatus] ?? data.to;
      const openComments = (report.open_comments ?? []) as OpenComment[];
      const lines = [
        data.reason ? `原因：${data.reason}` : '',
        openComments.length ? `未解决的审核意见 ${openComments.length} 条：` : '',
        ...openComments.map((c, i) => `${i + 1}. ${c.body}`),
      ].filter(Boolean);
      return this.inbox.add(em, data.tenantId, recipients, {
        kind: `report.${action}`,
        reportId: data.reportId,
        title: `${reportDisplayName(subjectOf(report))}：${label}（${status}）`,
        body: lines.join('\n'),
        sourceKey,
      });
    }, data.tenantId);
    await this.inbox.mailPending(data.tenantId, [sourceKey]);
    return { notified };
  }
}
