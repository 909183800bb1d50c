import { Injectable } from '@nestjs/common';
import { REPORT_STATUS_LABELS, TRANSITIONS, type ReportStatus, type TransitionAction } from '@evalflow/domain';
import { JOBS, type ReportTransitionedJobData } from '@evalflow/jobs';
import { TenantDb } from '@evalflow/persistence';
import type { Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';

/**
 * Fills the in-app inbox after a report changed state. Idempotent: a retried or duplicated job
 * adds no second notification (unique per user and source).
 */
@Injectable()
export class ReportTransitionedHandler implements JobHandler<ReportTransitionedJobData, { notified: number }> {
  readonly jobName = JOBS.reportTransitioned.name;

  constructor(private readonly db: TenantDb) {}

  async handle(job: Job<ReportTransitionedJobData>): Promise<{ notified: number }> {
    const data = job.data;
    return this.db.tx(async (em) => {
      const [report] = await em.query(
        `SELECT r.fiscal_year, r.department_id, d.name AS department_name
           FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = $1`,
        [data.reportId],
      );
      if (!report) return { notified: 0 };
      const action = data.action as TransitionAction;
      // the other side hears of it: the department's own moves go to the finance bureau, the bureau's to the department
      const toFinance = TRANSITIONS[action]?.scope === 'own_department';
      const recipients: Array<{ id: string }> = await em.query(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
          WHERE u.active AND u.tenant_id = $2 AND u.id IS DISTINCT FROM $3
            AND CASE WHEN $4::boolean THEN r.role IN ('finance_reviewer', 'finance_approver')
                     ELSE u.department_id = $1::uuid AND r.role IN ('dept_editor', 'dept_head') END`,
        [report.department_id, data.tenantId, data.actorUserId, toFinance],
      );
      const label = TRANSITIONS[action]?.label ?? action;
      const title = `${report.department_name}${report.fiscal_year}年度自评报告：${label}（${REPORT_STATUS_LABELS[data.to as ReportStatus] ?? data.to}）`;
      const body = data.reason ? `原因：${data.reason}` : '';
      let notified = 0;
      for (const user of recipients) {
        const inserted = await em.query(
          `INSERT INTO notifications (tenant_id, user_id, kind, report_id, title, body, source_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, source_key) DO NOTHING RETURNING id`,
          [
            data.tenantId,
            user.id,
            `report.${action}`,
            data.reportId,
            title,
            body,
            `report-transition-${data.transitionId}`,
          ],
        );
        notified += inserted.length;
      }
      return { notified };
    }, data.tenantId);
  }
}
