import {
  bandFor,
  dec,
  deadlineStatus,
  roundHalfUp,
  sum,
  type GradeBand,
  type GradeKey,
  type ReportStatus,
} from '@evalflow/domain';
import type { ReportDeadline, ReportSummaryView } from '../../api/report-types';
import type { DepartmentView } from '../../api/types';

/** A department's place in the year: the status of its report, or 未创建 when it has none. */
export type Progress = ReportStatus | 'missing';

export const PROGRESS_ORDER: readonly Progress[] = [
  'missing',
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
];

export const PROGRESS_LABELS: Record<Progress, string> = {
  missing: '未创建',
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '已退回',
  approved: '已通过',
};

/** One line of the dashboard: a budget department and its report of the year, if any. */
export interface DashboardRow {
  /** The department's id. */
  id: string;
  departmentName: string;
  progress: Progress;
  report: ReportSummaryView | null;
  /** The report's deadline, or for a department without a report the county's due date as of today. */
  deadline: ReportDeadline | null;
}

/**
 * Every active budget department joined with its report of the year. Departments no longer active
 * appear only when they have a report; a report whose department is not listed still gets a row.
 */
export function joinRows(
  departments: DepartmentView[],
  reports: ReportSummaryView[],
  dueOn: string | null,
  now = new Date(),
): DashboardRow[] {
  const byDepartment = new Map(reports.map((r) => [r.departmentId, r]));
  const missingDeadline = dueOn ? deadlineStatus(dueOn, null, now) : null;
  const rows: DashboardRow[] = [];
  for (const department of departments) {
    const report = byDepartment.get(department.id) ?? null;
    if (!report && !department.active) continue;
    rows.push(rowOf(department.id, department.name, report, missingDeadline));
    byDepartment.delete(department.id);
  }
  for (const report of byDepartment.values()) {
    rows.push(rowOf(report.departmentId, report.departmentName, report, missingDeadline));
  }
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

function rowOf(
  id: string,
  departmentName: string,
  report: ReportSummaryView | null,
  missingDeadline: ReportDeadline | null,
): DashboardRow {
  return {
    id,
    departmentName,
    progress: report ? report.status : 'missing',
    report,
    deadline: report ? report.deadline : missingDeadline,
  };
}

export const isOverdue = (row: DashboardRow) => row.deadline?.state === 'overdue';

export interface DashboardSummary {
  departments: number;
  byProgress: Record<Progress, number>;
  overdue: number;
  /** Reports with a total score. */
  scored: number;
  /** The mean total score to two decimals (half up), or null when no report has a score. */
  averageScore: string | null;
}

export function summarise(rows: DashboardRow[]): DashboardSummary {
  const byProgress = Object.fromEntries(PROGRESS_ORDER.map((p) => [p, 0])) as Record<Progress, number>;
  for (const row of rows) byProgress[row.progress]++;
  const scores = rows.flatMap((row) => (row.report?.totalScore != null ? [row.report.totalScore] : []));
  return {
    departments: rows.length,
    byProgress,
    overdue: rows.filter(isOverdue).length,
    scored: scores.length,
    averageScore: scores.length ? roundHalfUp(sum(scores).div(scores.length), 2).toFixed(2) : null,
  };
}

export interface GradeCount {
  grade: GradeKey;
  label: string;
  /** Inclusive lower bound of the band. */
  min: string;
  count: number;
}

/** How many scored reports fall in each of the county's bands, best band first. */
export function gradeDistribution(rows: DashboardRow[], bands: GradeBand[]): GradeCount[] {
  const ordered = [...bands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
  const counts = new Map<GradeKey, number>(ordered.map((b) => [b.grade, 0]));
  for (const { report } of rows) {
    if (!report) continue;
    // the grade the API stored; a score without one falls into the band it reaches
    const grade = report.grade ?? (report.totalScore !== null ? bandFor(report.totalScore, ordered).grade : null);
    if (grade && counts.has(grade)) counts.set(grade, (counts.get(grade) ?? 0) + 1);
  }
  return ordered.map((b) => ({ grade: b.grade, label: b.label, min: b.min, count: counts.get(b.grade) ?? 0 }));
}

export interface RowFilter {
  progress?: Progress;
  overdueOnly: boolean;
}

export function filterRows(rows: DashboardRow[], filter: RowFilter): DashboardRow[] {
  return rows.filter(
    (row) =>
      (filter.progress === undefined || row.progress === filter.progress) && (!filter.overdueOnly || isOverdue(row)),
  );
}
