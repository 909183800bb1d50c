import { Injectable } from '@nestjs/common';
import { AppError, deadlineStatus, nextReminderAllowedAt, reminderWait, type AppAbility } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import { lockReminderTarget, recordReminder, tenantOf, TenantDb } from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import type { SessionPrincipal } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import type { ReminderView } from './home.dto';

/**
 * 催报: the finance bureau urges a budget department whose 部门整体 report of a year is overdue. The reminder,
 * its audit entry and its notification job (outbox) commit together; the department's row is locked first, so
 * two reminders at once are one, and a second within REMINDER_INTERVAL_HOURS is refused (429 with Retry-After).
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  send(principal: SessionPrincipal, ability: AppAbility, ask: { departmentId: string; fiscalYear: number }) {
    return this.db.tx(async (tx): Promise<ReminderView> => {
      const tenantId = tenantOf(tx);
      assertCan(ability, 'review', 'Report', { tenantId });
      // another county's department is not found (row-level security)
      const target = await lockReminderTarget(tx, ask.departmentId, ask.fiscalYear);
      if (!target || target.kind !== 'budget_department' || !target.active) throw new AppError('DEPARTMENT_NOT_FOUND');
      const now = new Date();
      const standing = target.dueOn ? deadlineStatus(target.dueOn, null, now) : null;
      if (!target.dueOn || target.submitted || standing?.state !== 'overdue') {
        throw new AppError('REMINDER_NOT_OVERDUE', { dueOn: target.dueOn, submitted: target.submitted });
      }
      const wait = reminderWait(target.lastSentAt, now);
      if (wait > 0) throw new AppError('REMINDER_TOO_SOON', { retryAfterSeconds: wait });
      const sent = await recordReminder(
        tx,
        {
          departmentId: target.departmentId,
          fiscalYear: ask.fiscalYear,
          dueOn: target.dueOn,
          sentBy: principal.userId,
        },
        RequestContext.current()?.requestId,
      );
      await this.audit.record(tx, {
        tenantId,
        action: 'department.reminded',
        targetType: 'department',
        targetId: target.departmentId,
        details: {
          departmentName: target.departmentName,
          fiscalYear: ask.fiscalYear,
          dueOn: target.dueOn,
          reportId: target.reportId,
          reminderId: sent.id,
        },
      });
      return {
        id: sent.id,
        departmentId: target.departmentId,
        fiscalYear: ask.fiscalYear,
        sentAt: sent.sentAt.toISOString(),
        nextReminderAt: (nextReminderAllowedAt(sent.sentAt) as Date).toISOString(),
      };
    });
  }
}
