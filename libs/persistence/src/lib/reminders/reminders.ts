import type { DepartmentKind, ReportStatus } from '@evalflow/domain';
import { deterministicJobId, JOBS, type DepartmentReminderJobData } from '@evalflow/jobs';
import { appendOutbox } from '../outbox/outbox';
import { rowOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A department and its standing for a year's 催报, its row locked so that two reminders at once are one. */
export interface ReminderTarget {
  departmentId: string;
  departmentName: string;
  kind: DepartmentKind;
  active: boolean;
  dueOn: string | null;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  submitted: boolean;
  lastSentAt: Date | null;
}

export function lockReminderTarget(
  tx: TenantTx,
  departmentId: string,
  fiscalYear: number,
): Promise<ReminderTarget | null> {
  return rowOf<ReminderTarget>(
    tx,
    `SELECT d.id AS "departmentId", d.name AS "departmentName", d.kind, d.active,
            (SELECT to_char(due_on, 'YYYY-MM-DD') FROM report_deadlines WHERE fiscal_year = $2) AS "dueOn",
            r.id AS "reportId", r.status AS "reportStatus",
            EXISTS (SELECT 1 FROM report_transitions t WHERE t.report_id = r.id AND t.action = 'submit') AS submitted,
            (SELECT max(x.sent_at) FROM department_reminders x
              WHERE x.tenant_id = d.tenant_id AND x.fiscal_year = $2 AND x.department_id = d.id) AS "lastSentAt"
       FROM departments d
       LEFT JOIN reports r ON r.tenant_id = d.tenant_id AND r.department_id = d.id AND r.fiscal_year = $2
                          AND r.kind = 'department_overall'
      WHERE d.id = $1
      FOR UPDATE OF d`,
    [departmentId, fiscalYear],
  );
}

export interface SentReminder {
  id: string;
  sentAt: Date;
}

/** Records a 催报 and queues its notification job (deterministic id) in the caller's transaction. */
export async function recordReminder(
  tx: TenantTx,
  reminder: { departmentId: string; fiscalYear: number; dueOn: string; sentBy: string },
  requestId?: string,
): Promise<SentReminder> {
  const row = await rowOf<SentReminder>(
    tx,
    `INSERT INTO department_reminders (tenant_id, department_id, fiscal_year, due_on, sent_by)
     VALUES ($1, $2, $3, $4::date, $5) RETURNING id, sent_at AS "sentAt"`,
    [tenantOf(tx), reminder.departmentId, reminder.fiscalYear, reminder.dueOn, reminder.sentBy],
  );
  if (!row) throw new Error('reminder not recorded');
  const job: DepartmentReminderJobData = { tenantId: tenantOf(tx), reminderId: row.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.departmentReminder.queue,
    jobName: JOBS.departmentReminder.name,
    jobId: deterministicJobId('reminder', row.id),
    payload: job,
  });
  return row;
}

/** What the reminder's job needs to write the department's notifications. */
export interface ReminderToSend {
  id: string;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  dueOn: string;
  senderName: string;
  reportId: string | null;
}

export function findReminderToSend(tx: TenantTx, reminderId: string): Promise<ReminderToSend | null> {
  return rowOf<ReminderToSend>(
    tx,
    `SELECT x.id, x.department_id AS "departmentId", d.name AS "departmentName", x.fiscal_year AS "fiscalYear",
            to_char(x.due_on, 'YYYY-MM-DD') AS "dueOn", u.display_name AS "senderName",
            (SELECT r.id FROM reports r WHERE r.tenant_id = x.tenant_id AND r.department_id = x.department_id
                AND r.fiscal_year = x.fiscal_year AND r.kind = 'department_overall') AS "reportId"
       FROM department_reminders x
       JOIN departments d ON d.tenant_id = x.tenant_id AND d.id = x.department_id
       JOIN users u ON u.tenant_id = x.tenant_id AND u.id = x.sent_by
      WHERE x.id = $1`,
    [reminderId],
  );
}
