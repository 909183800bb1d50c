import { Injectable } from '@nestjs/common';
import { reminderMessage } from '@evalflow/domain';
import { JOBS, type DepartmentReminderJobData } from '@evalflow/jobs';
import { findReminderToSend, TenantDb } from '@evalflow/persistence';
import type { Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { Inbox } from './inbox';

/**
 * A 催报 the finance bureau sent: a notification to each editor and head of the department, e-mailed to those
 * with an address who did not turn 期限提醒 off. Idempotent per reminder (its source key), so a retried job
 * writes nothing twice and only e-mails what was not sent yet.
 */
@Injectable()
export class DepartmentReminderHandler implements JobHandler<DepartmentReminderJobData, { notified: number }> {
  readonly jobName = JOBS.departmentReminder.name;

  constructor(
    private readonly db: TenantDb,
    private readonly inbox: Inbox,
  ) {}

  async handle(job: Job<DepartmentReminderJobData>): Promise<{ notified: number }> {
    const { tenantId, reminderId } = job.data;
    const sourceKey = `department-reminder-${reminderId}`;
    const notified = await this.db.tx(async (em) => {
      const reminder = await findReminderToSend(em, reminderId);
      if (!reminder) return 0;
      const recipients = await this.inbox.recipients(
        em,
        { side: 'department', departmentId: reminder.departmentId },
        null,
      );
      return this.inbox.add(em, tenantId, recipients, {
        kind: 'department.reminder',
        reportId: reminder.reportId,
        ...reminderMessage(reminder),
        sourceKey,
      });
    }, tenantId);
    await this.inbox.mailPending(tenantId, [sourceKey]);
    return { notified };
  }
}
