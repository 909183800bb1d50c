import { Injectable } from '@nestjs/common';
import { chinaDate, daysBetween, DUE_SOON_DAYS, isIsoDate } from '@evalflow/domain';
import { JOBS, type DeadlineRemindersJobData } from '@evalflow/jobs';
import { enqueueWebhookEvent, PlatformDb, TenantDb } from '@evalflow/persistence';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { JobHandler } from '../jobs/job-handler';
import { Inbox } from './inbox';
import { notifyOverdueRectifications } from './rectification-overdue';

interface DueDepartment {
  fiscal_year: number;
  due_on: string;
  department_id: string;
  department_name: string;
  report_id: string | null;
}

function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Reminds each department whose report for a fiscal year is not yet submitted when that year's
 * deadline is DUE_SOON_DAYS days away or nearer. Run by a job scheduler; one reminder per department
 * and deadline (a moved deadline reminds again), however often it runs.
 */
@Injectable()
export class DeadlineRemindersHandler implements JobHandler<DeadlineRemindersJobData, { notified: number }> {
  readonly jobName = JOBS.deadlineReminders.name;

  constructor(
    // lists the counties (tenants only); everything else is read inside each county's own transaction
    private readonly platform: PlatformDb,
    private readonly db: TenantDb,
    private readonly inbox: Inbox,
  ) {}

  async handle(job: Job<DeadlineRemindersJobData>): Promise<{ notified: number }> {
    const today = isIsoDate(job.data?.today) ? job.data.today : chinaDate(new Date());
    const tenants: Array<{ id: string }> = await this.platform.tx((em) =>
      em.query(`SELECT id FROM tenants WHERE status = 'active' ORDER BY id`),
    );
    let notified = 0;
    const mailFailures: string[] = [];
    for (const { id: tenantId } of tenants) {
      const county = await this.remindCounty(tenantId, today);
      notified += county.notified;
      // one county's mail server trouble does not keep the next county's reminders from going out
      await this.inbox.mailPending(tenantId, county.sourceKeys).catch((error: Error) => {
        mailFailures.push(error.message);
      });
    }
    // the inbox is written; failing the tick retries the e-mail not sent (the next tick would too)
    if (mailFailures.length) throw new Error(mailFailures.join('; '));
    return { notified };
  }

  private async remindCounty(tenantId: string, today: string): Promise<{ notified: number; sourceKeys: string[] }> {
    const sourceKeys: string[] = [];
    const notified = await this.db.tx(async (em) => {
      const due: DueDepartment[] = await em.query(
        `SELECT dl.fiscal_year, to_char(dl.due_on, 'YYYY-MM-DD') AS due_on, d.id AS department_id,
                d.name AS department_name, r.id AS report_id
           FROM report_deadlines dl
           JOIN departments d ON d.active AND d.kind = 'budget_department'
           LEFT JOIN reports r ON r.department_id = d.id AND r.fiscal_year = dl.fiscal_year
                              AND r.kind = 'department_overall'
          WHERE dl.due_on BETWEEN $1::date AND $1::date + $2::int
            AND NOT EXISTS (SELECT 1 FROM report_transitions t WHERE t.report_id = r.id AND t.action = 'submit')
          ORDER BY dl.fiscal_year, d.name`,
        [today, DUE_SOON_DAYS],
      );
      let count = 0;
      for (const row of due) {
        const days = daysBetween(today, row.due_on);
        const sourceKey = `deadline-${row.fiscal_year}-${row.due_on}-${row.department_id}`;
        sourceKeys.push(sourceKey);
        const recipients = await this.inbox.recipients(
          em,
          { side: 'department', departmentId: row.department_id },
          null,
        );
        count += await this.inbox.add(em, tenantId, recipients, {
          kind: 'deadline.due_soon',
          reportId: row.report_id,
          title: `${row.fiscal_year}年度绩效自评报告将于${chineseDate(row.due_on)}截止（${days === 0 ? '今天截止' : `还有 ${days} 天`}）`,
          body: row.report_id
            ? `${row.department_name}的报告尚未提交，请在截止日期前完成填报并提交。`
            : `${row.department_name}尚未创建${row.fiscal_year}年度自评报告，请尽快填报并提交。`,
          sourceKey,
        });
      }
      await announcePassedDeadlines(em, tenantId, today);
      // 整改事项 past due, on the same tick
      const overdue = await notifyOverdueRectifications(em, this.inbox, tenantId, today);
      sourceKeys.push(...overdue.sourceKeys);
      return count + overdue.notified;
    }, tenantId);
    return { notified, sourceKeys };
  }
}

/**
 * Deadlines passed in the last week, to the county's webhook endpoints: once per deadline (the event key),
 * naming the departments that had not submitted. The week bounds what a newly registered endpoint is told.
 */
export async function announcePassedDeadlines(em: EntityManager, tenantId: string, today: string): Promise<void> {
  const passed: Array<{ fiscal_year: number; due_on: string; missing: unknown[] }> = await em.query(
    `SELECT dl.fiscal_year, to_char(dl.due_on, 'YYYY-MM-DD') AS due_on,
            COALESCE((SELECT json_agg(json_build_object('departmentId', d.id, 'departmentName', d.name, 'reportId', r.id)
                                      ORDER BY d.name)
                        FROM departments d
                        LEFT JOIN reports r ON r.department_id = d.id AND r.fiscal_year = dl.fiscal_year
                                           AND r.kind = 'department_overall'
                       WHERE d.active AND d.kind = 'budget_department'
                         AND NOT EXISTS (SELECT 1 FROM report_transitions t WHERE t.report_id = r.id AND t.action = 'submit')),
                     '[]') AS missing
       FROM report_deadlines dl
      WHERE dl.due_on < $1::date AND dl.due_on >= $1::date - 7`,
    [today],
  );
  for (const row of passed) {
    await enqueueWebhookEvent(em, {
      tenantId,
      event: 'deadline.passed',
      eventKey: `deadline-passed-${row.fiscal_year}-${row.due_on}`,
      payload: { fiscalYear: row.fiscal_year, dueOn: row.due_on, notSubmitted: row.missing },
    });
  }
}
