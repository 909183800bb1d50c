/**
 * The SQL of 县级概览, one statement per figure. Each names the county explicitly ($1) besides row-level
 * security, so the planner can use the (tenant_id, fiscal_year) index; under RLS another county's
 * rows stay invisible whatever $1 says. Exported as text so that bench/dashboard.mjs runs exactly these.
 * Parameters: $1 tenant id, $2 fiscal year; `figures` also $3, the county's grade bands (jsonb).
 */
export const DASHBOARD_SQL = {
  /** Every year with a report or a deadline, newest first, and whether it has reports. */
  years: `
    SELECT y AS "fiscalYear", bool_or(has_reports) AS "hasReports"
      FROM (SELECT DISTINCT fiscal_year AS y, true AS has_reports FROM reports WHERE tenant_id = $1
            UNION ALL
            SELECT fiscal_year, false FROM report_deadlines WHERE tenant_id = $1) years
     GROUP BY y ORDER BY y DESC`,

  /** The county's 填报截止日期 of the year. */
  deadline: `
    SELECT to_char(due_on, 'YYYY-MM-DD') AS "dueOn" FROM report_deadlines WHERE tenant_id = $1 AND fiscal_year = $2`,

  /** The active budget departments, and any department with a report of the year (even if no longer active). */
  departments: `
    SELECT d.id, d.name, d.active
      FROM departments d
     WHERE d.tenant_id = $1
       AND ((d.kind = 'budget_department' AND d.active)
            OR EXISTS (SELECT 1 FROM reports r WHERE r.tenant_id = $1 AND r.department_id = d.id AND r.fiscal_year = $2))
     ORDER BY d.name`,

  /**
   * Every report of the year with its summary columns, first submission, open comments, 财政复核评分 totals and,
   * while it is approved, its latest approval (a reopened report is no longer approved; the 汇总表 shows this date).
   */
  reports: `
    SELECT r.id, r.department_id AS "departmentId", r.kind, r.project_code AS "projectCode",
           r.project_name AS "projectName", r.status, r.total_score::text AS "totalScore", r.grade,
           r.execution_rate::text AS "executionRate", r.template_version_id AS "templateVersionId",
           (SELECT min(t.occurred_at) FROM report_transitions t
             WHERE t.report_id = r.id AND t.action = 'submit') AS "firstSubmittedAt",
           CASE WHEN r.status = 'approved'
                THEN (SELECT max(t.occurred_at) FROM report_transitions t
                       WHERE t.report_id = r.id AND t.action = 'approve') END AS "approvedAt",
           (SELECT count(*)::int FROM comment_threads c
             WHERE c.report_id = r.id AND c.status = 'open' AND r.status <> 'approved') AS "openComments",
           (SELECT count(*)::int FROM report_evidence e
             WHERE e.tenant_id = r.tenant_id AND e.report_id = r.id AND e.deleted_at IS NULL) AS "evidenceFiles",
           rs.rescore_total::text AS "reScore", rs.final_score::text AS "finalScore", rs.final_grade AS "finalGrade",
           (rs.self_total - rs.rescore_total)::text AS "scoreDifference"
      FROM reports r
      LEFT JOIN report_rescores rs ON rs.tenant_id = r.tenant_id AND rs.report_id = r.id
     WHERE r.tenant_id = $1 AND r.fiscal_year = $2
     ORDER BY r.department_id, r.kind, r.project_code`,

  /**
   * The year and the year before, grouped by kind, status and grade, with the sums the averages are
   * taken from (exact numerics, as text). A score without a stated grade falls into the county's band.
   */
  figures: `
    WITH bands AS (
      SELECT b ->> 'grade' AS grade, (b ->> 'min')::numeric AS min FROM jsonb_array_elements($3::jsonb) b
    ), graded AS (
      SELECT r.fiscal_year, r.kind, r.status, r.total_score, r.execution_rate,
             coalesce(r.grade, (SELECT bands.grade FROM bands WHERE r.total_score >= bands.min
                                 ORDER BY bands.min DESC LIMIT 1)) AS grade
        FROM reports r
       WHERE r.tenant_id = $1 AND r.fiscal_year IN ($2, $2 - 1)
    )
    SELECT fiscal_year AS "fiscalYear", kind, status, grade, count(*)::int AS reports,
           count(total_score)::int AS scored, coalesce(sum(total_score), 0)::text AS "scoreSum",
           count(execution_rate)::int AS rated, coalesce(sum(execution_rate), 0)::text AS "rateSum"
      FROM graded
     GROUP BY fiscal_year, kind, status, grade`,

  /**
   * What the score-inflation flags read: each 部门整体 report of the year and the year before that its
   * department has submitted at least once (not a draft), with its summary columns, its indicator rows as stored
   * (flagReportOf keeps only the fields the rules need: picking them out here cost 3× the time at national
   * scale, bench:scale), its 佐证材料 files counted per 三级指标, and the finance bureau's re-score total.
   */
  flagReports: `
    SELECT r.department_id AS "departmentId", r.fiscal_year AS "fiscalYear",
           r.total_score::text AS "totalScore", r.execution_rate::text AS "executionRate",
           rs.rescore_total::text AS "reScore",
           CASE WHEN jsonb_typeof(p.content -> 'indicators') = 'array' THEN p.content -> 'indicators' END AS indicators,
           (SELECT jsonb_object_agg(c.indicator, c.files)
              FROM (SELECT e.indicator, count(*)::int AS files FROM report_evidence e
                     WHERE e.tenant_id = r.tenant_id AND e.report_id = r.id AND e.deleted_at IS NULL
                       AND e.indicator IS NOT NULL
                     GROUP BY e.indicator) c) AS "evidenceFiles"
      FROM reports r
      LEFT JOIN report_parts p ON p.tenant_id = r.tenant_id AND p.report_id = r.id AND p.part = 'scoreTable'
      LEFT JOIN report_rescores rs ON rs.tenant_id = r.tenant_id AND rs.report_id = r.id
     WHERE r.tenant_id = $1 AND r.fiscal_year IN ($2, $2 - 1)
       AND r.kind = 'department_overall' AND r.status <> 'draft'`,

  /** Reports first submitted and first approved per week (Monday, China Standard Time), by kind. */
  progress: `
    WITH firsts AS (
      SELECT r.kind,
             (SELECT min(t.occurred_at) FROM report_transitions t
               WHERE t.report_id = r.id AND t.action = 'submit') AS submitted_at,
             (SELECT min(t.occurred_at) FROM report_transitions t
               WHERE t.report_id = r.id AND t.action = 'approve') AS approved_at
        FROM reports r
       WHERE r.tenant_id = $1 AND r.fiscal_year = $2
    )
    SELECT to_char(date_trunc('week', e.at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS "weekStart", f.kind,
           count(*) FILTER (WHERE e.event = 'submitted')::int AS submitted,
           count(*) FILTER (WHERE e.event = 'approved')::int AS approved
      FROM firsts f
     CROSS JOIN LATERAL (VALUES ('submitted', f.submitted_at), ('approved', f.approved_at)) e(event, at)
     WHERE e.at IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`,

  /** Open (not closed) 整改事项 per department of the year's reports, and of those the ones past due (China time). */
  rectifications: `
    SELECT r.department_id AS "departmentId", count(*)::int AS open,
           count(*) FILTER (WHERE i.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS overdue
      FROM rectification_items i
      JOIN reports r ON r.tenant_id = i.tenant_id AND r.id = i.report_id
     WHERE i.tenant_id = $1 AND r.fiscal_year = $2 AND i.status <> 'closed'
     GROUP BY r.department_id`,
} as const;

export type DashboardStatement = keyof typeof DASHBOARD_SQL;
