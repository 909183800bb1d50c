import {
  deadlineStatus,
  gradeLabel,
  isContentEditable,
  roundHalfUp,
  sum,
  type GradeBand,
  type ReportStatus,
} from '@evalflow/domain';
import type { DashboardDepartmentRecord, DashboardReportRecord } from '@evalflow/persistence';
import { UNJUDGED, type DepartmentFlags } from './dashboard-flags';
import type {
  DashboardDepartmentView,
  DashboardReportView,
  DashboardSummaryView,
  Progress,
  ProjectTallyView,
} from './dashboard.dto';

/** With the finance bureau: submitted or in review. */
const WITH_FINANCE: ReadonlySet<ReportStatus> = new Set(['submitted', 'in_review']);

/** The mean of decimal strings to two places, half up (四舍五入); null for none. */
export function averageOf(values: string[]): string | null {
  return values.length ? roundHalfUp(sum(values).div(values.length), 2).toFixed(2) : null;
}

/** A report as 县级概览 lists it; its grade label from the bands it is graded by (its template's, else the county's). */
export function toReportView(r: DashboardReportRecord, bands: GradeBand[], dueOn: string | null, now: Date) {
  const view: DashboardReportView = {
    id: r.id,
    kind: r.kind,
    projectCode: r.projectCode,
    projectName: r.projectName,
    status: r.status,
    totalScore: r.totalScore,
    grade: r.grade,
    gradeLabel: r.grade ? gradeLabel(r.grade, bands) : null,
    executionRate: r.executionRate,
    deadline: dueOn ? deadlineStatus(dueOn, r.firstSubmittedAt, now) : null,
    openComments: r.openComments,
    evidenceFiles: r.evidenceFiles,
    reScore: r.reScore,
    finalScore: r.finalScore,
    finalGrade: r.finalGrade,
    finalGradeLabel: r.finalGrade ? gradeLabel(r.finalGrade, bands) : null,
    scoreDifference: r.scoreDifference,
  };
  return view;
}

/** A department's project tables: the average is over those with the finance bureau or approved, and scored. */
export function tallyProjects(tables: DashboardReportView[]): ProjectTallyView {
  const counted = tables.filter((t) => WITH_FINANCE.has(t.status) || t.status === 'approved');
  const scores = counted.flatMap((t) => (t.totalScore !== null ? [t.totalScore] : []));
  return {
    total: tables.length,
    submitted: tables.filter((t) => WITH_FINANCE.has(t.status)).length,
    approved: tables.filter((t) => t.status === 'approved').length,
    scored: scores.length,
    averageScore: averageOf(scores),
  };
}

/**
 * One row per department: its 部门整体 report (status, deadline, score, grade, 执行率) and its project
 * tables counted apart. A department without a 部门整体 report is 未创建, overdue once the due date passed.
 * Its score-inflation flags and light as judged (none and no light when nothing was judged).
 */
export function departmentRows(
  departments: DashboardDepartmentRecord[],
  reports: Array<{ departmentId: string; view: DashboardReportView }>,
  dueOn: string | null,
  now: Date,
  flagsOf: Map<string, DepartmentFlags> = new Map(),
  rectificationsOf: Map<string, { open: number; overdue: number }> = new Map(),
): DashboardDepartmentView[] {
  const byDepartment = new Map<string, DashboardReportView[]>();
  for (const { departmentId, view } of reports) {
    byDepartment.set(departmentId, [...(byDepartment.get(departmentId) ?? []), view]);
  }
  const missingDeadline = dueOn ? deadlineStatus(dueOn, null, now) : null;
  return departments
    .map((d) => {
      const own = byDepartment.get(d.id) ?? [];
      const report = own.find((r) => r.kind === 'department_overall') ?? null;
      const projectReports = own.filter((r) => r.kind === 'project');
      return {
        id: d.id,
        name: d.name,
        active: d.active,
        progress: report ? report.status : ('missing' as const),
        report,
        deadline: report ? report.deadline : missingDeadline,
        projectReports,
        projects: tallyProjects(projectReports),
        ...(flagsOf.get(d.id) ?? UNJUDGED),
        rectifications: rectificationsOf.get(d.id) ?? { open: 0, overdue: 0 },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The county's year at a glance; every figure but `projects` is of the 部门整体 reports. */
export function summarise(rows: DashboardDepartmentView[]): DashboardSummaryView {
  const byProgress: Record<Progress, number> = {
    missing: 0,
    draft: 0,
    submitted: 0,
    in_review: 0,
    returned: 0,
    approved: 0,
  };
  for (const row of rows) byProgress[row.progress]++;
  // a draft's self-given score may still change: the average is over reports handed in, drafts counted apart
  const withScore = rows.flatMap((row) => (row.report?.totalScore != null ? [row.report] : []));
  const handedIn = withScore.filter((r) => !isContentEditable(r.status));
  const scores = handedIn.map((r) => r.totalScore as string);
  const count = (key: 'total' | 'submitted' | 'approved') => rows.reduce((n, row) => n + row.projects[key], 0);
  return {
    departments: rows.length,
    byProgress,
    overdue: rows.filter((row) => row.deadline?.state === 'overdue').length,
    scored: scores.length,
    draftsScored: withScore.length - handedIn.length,
    averageScore: averageOf(scores),
    projects: { total: count('total'), submitted: count('submitted'), approved: count('approved') },
    rectifications: {
      open: rows.reduce((n, row) => n + row.rectifications.open, 0),
      overdue: rows.reduce((n, row) => n + row.rectifications.overdue, 0),
    },
  };
}
