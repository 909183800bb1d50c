import type { ReportKind, ReportStatus } from '@evalflow/domain';
import { rowOf, rowsOf, type TenantTx } from '../tenant-tx';

/**
 * What the home page (首页) reads, one statement per list: the finance bureau's queue and overdue departments,
 * the county administrator's setup facts. Each names the county's rows only through row-level security.
 */

/** A report waiting for the finance bureau: submitted or in review, with when it was last submitted. */
export interface QueuedReport {
  id: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
  status: ReportStatus;
  submittedAt: Date | null;
  openComments: number;
}

/** The county's reports waiting for review, the longest-waiting first (at most `limit`), and how many in all. */
export async function reviewQueue(tx: TenantTx, limit: number): Promise<{ items: QueuedReport[]; total: number }> {
  const items = await rowsOf<QueuedReport>(
    tx,
    `SELECT r.id, d.name AS "departmentName", r.fiscal_year AS "fiscalYear", r.kind, r.project_name AS "projectName",
            r.status,
            (SELECT max(t.occurred_at) FROM report_transitions t
              WHERE t.report_id = r.id AND t.action = 'submit') AS "submittedAt",
            (SELECT count(*)::int FROM comment_threads c WHERE c.report_id = r.id AND c.status = 'open') AS "openComments"
       FROM reports r JOIN departments d ON d.id = r.department_id
      WHERE r.status IN ('submitted', 'in_review')
      ORDER BY "submittedAt" NULLS LAST, r.id
      LIMIT $1`,
    [limit],
  );
  const count = await rowOf<{ n: number }>(
    tx,
    `SELECT count(*)::int AS n FROM reports WHERE status IN ('submitted', 'in_review')`,
  );
  return { items, total: count?.n ?? 0 };
}

/** A budget department that has not submitted its 部门整体 report of a year whose deadline has passed. */
export interface OverdueDepartment {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  dueOn: string;
  reportId: string | null;
  reportStatus: ReportStatus | null;
  lastRemindedAt: Date | null;
  reminders: number;
}

/**
 * Departments overdue on `today` (China time, YYYY-MM-DD): for each passed deadline of the county's two newest years, every
 * active budget department whose 部门整体 report of that year was never submitted, with its last 催报.
 */
export function overdueDepartments(tx: TenantTx, today: string): Promise<OverdueDepartment[]> {
  return rowsOf<OverdueDepartment>(
    tx,
    `SELECT d.id AS "departmentId", d.name AS "departmentName", dl.fiscal_year AS "fiscalYear",
            to_char(dl.due_on, 'YYYY-MM-DD') AS "dueOn", r.id AS "reportId", r.status AS "reportStatus",
            rm.last AS "lastRemindedAt", coalesce(rm.n, 0)::int AS reminders
       FROM report_deadlines dl
       JOIN departments d ON d.tenant_id = dl.tenant_id AND d.active AND d.kind = 'budget_department'
       LEFT JOIN reports r ON r.tenant_id = d.tenant_id AND r.department_id = d.id
                          AND r.fiscal_year = dl.fiscal_year AND r.kind = 'department_overall'
       LEFT JOIN LATERAL (SELECT max(x.sent_at) AS last, count(*) AS n FROM department_reminders x
                           WHERE x.tenant_id = d.tenant_id AND x.fiscal_year = dl.fiscal_year
                             AND x.department_id = d.id) rm ON true
      WHERE dl.due_on < $1::date AND dl.fiscal_year >= (SELECT max(fiscal_year) FROM report_deadlines WHERE due_on < $1::date) - 1
        AND NOT EXISTS (SELECT 1 FROM report_transitions t WHERE t.report_id = r.id AND t.action = 'submit')
      ORDER BY dl.fiscal_year DESC, d.name`,
    [today],
  );
}

/** What a new county still lacks before departments can start, as counts (the year's facts for `fiscalYear`). */
export interface SetupFacts {
  budgetDepartments: number;
  financeDepartments: number;
  departmentUsers: number;
  financeUsers: number;
  deadline: string | null;
  settingsSaved: boolean;
  publishedTemplates: number;
}

export async function setupFacts(tx: TenantTx, fiscalYear: number): Promise<SetupFacts> {
  const row = await rowOf<SetupFacts>(
    tx,
    `SELECT
       (SELECT count(*)::int FROM departments WHERE active AND kind = 'budget_department') AS "budgetDepartments",
       (SELECT count(*)::int FROM departments WHERE active AND kind = 'finance_bureau') AS "financeDepartments",
       (SELECT count(DISTINCT u.id)::int FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE u.active AND ur.role IN ('dept_editor', 'dept_head')) AS "departmentUsers",
       (SELECT count(DISTINCT u.id)::int FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE u.active AND ur.role IN ('finance_reviewer', 'finance_approver')) AS "financeUsers",
       (SELECT to_char(due_on, 'YYYY-MM-DD') FROM report_deadlines WHERE fiscal_year = $1) AS deadline,
       EXISTS (SELECT 1 FROM tenant_settings) AS "settingsSaved",
       (SELECT count(*)::int FROM template_publications WHERE fiscal_year = $1) AS "publishedTemplates"`,
    [fiscalYear],
  );
  if (!row) throw new Error('setup facts query returned no row');
  return row;
}
