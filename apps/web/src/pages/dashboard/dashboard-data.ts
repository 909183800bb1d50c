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

/** A department's place in the year: the status of its 部门整体 report, or 未创建 when it has none. */
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

/** A department's 项目支出绩效自评表 of the year, counted. */
export interface ProjectTally {
  total: number;
  /** With the finance bureau: 已提交 or 审核中. */
  submitted: number;
  approved: number;
  /** The tables the average is over: submitted, in review or approved, and scored. */
  scored: number;
  /** Their mean total score to two decimals (half up), or null when none is scored. */
  averageScore: string | null;
}

/**
 * One line of the dashboard: a budget department, its 部门整体 report of the year (if any) and its
 * project tables. Status, deadline, score, grade and 执行率 are the 部门整体 report's only.
 */
export interface DashboardRow {
  /** The department's id. */
  id: string;
  departmentName: string;
  progress: Progress;
  /** The department's 部门整体支出绩效自评报告 of the year; never a project table. */
  report: ReportSummaryView | null;
  /** The report's deadline, or for a department without a report the county's due date as of today. */
  deadline: ReportDeadline | null;
  projects: ProjectTally;
}

const WITH_FINANCE: ReadonlySet<ReportStatus> = new Set(['submitted', 'in_review']);

/** The mean of decimal scores to two places, half up; null for none. */
const averageOf = (scores: string[]) =>
  scores.length ? roundHalfUp(sum(scores).div(scores.length), 2).toFixed(2) : null;

export function tallyProjects(tables: ReportSummaryView[]): ProjectTally {
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
 * Every active budget department joined with its 部门整体 report of the year and its project tables.
 * Departments no longer active appear only when they have a report of either kind; a report whose
 * department is not listed still gets a row.
 */
export function joinRows(
  departments: DepartmentView[],
  reports: ReportSummaryView[],
  dueOn: string | null,
  now = new Date(),
): DashboardRow[] {
  const overall = new Map<string, ReportSummaryView>();
  const projects = new Map<string, ReportSummaryView[]>();
  const names = new Map<string, string>();
  for (const r of reports) {
    names.set(r.departmentId, r.departmentName);
    if (r.kind === 'project') projects.set(r.departmentId, [...(projects.get(r.departmentId) ?? []), r]);
    else overall.set(r.departmentId, r);
  }
  const missingDeadline = dueOn ? deadlineStatus(dueOn, null, now) : null;
  const row = (id: string, departmentName: string): DashboardRow => {
    const report = overall.get(id) ?? null;
    return {
      id,
      departmentName,
      progress: report ? report.status : 'missing',
      report,
      deadline: report ? report.deadline : missingDeadline,
      projects: tallyProjects(projects.get(id) ?? []),
    };
  };
  const rows: DashboardRow[] = [];
  for (const department of departments) {
    const reported = names.delete(department.id);
    if (reported || department.active) rows.push(row(department.id, department.name));
  }
  for (const [id, name] of names) rows.push(row(id, name));
  return rows.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

export const isOverdue = (row: DashboardRow) => row.deadline?.state === 'overdue';

/** The county's year: every figure but `projects` is of the 部门整体 reports. */
export interface DashboardSummary {
  departments: number;
  byProgress: Record<Progress, number>;
  overdue: number;
  /** 部门整体 reports with a total score. */
  scored: number;
  /** Their mean total score to two decimals (half up), or null when no report has a score. */
  averageScore: string | null;
  /** The project tables of every department, counted apart. */
  projects: Pick<ProjectTally, 'total' | 'submitted' | 'approved'>;
}

export function summarise(rows: DashboardRow[]): DashboardSummary {
  const byProgress = Object.fromEntries(PROGRESS_ORDER.map((p) => [p, 0])) as Record<Progress, number>;
  for (const row of rows) byProgress[row.progress]++;
  const scores = rows.flatMap((row) => (row.report?.totalScore != null ? [row.report.totalScore] : []));
  const count = (key: 'total' | 'submitted' | 'approved') => rows.reduce((n, row) => n + row.projects[key], 0);
  return {
    departments: rows.length,
    byProgress,
    overdue: rows.filter(isOverdue).length,
    scored: scores.length,
    averageScore: averageOf(scores),
    projects: { total: count('total'), submitted: count('submitted'), approved: count('approved') },
  };
}

export interface GradeCount {
  grade: GradeKey;
  label: string;
  /** Inclusive lower bound of the band. */
  min: string;
  count: number;
}

/** How many scored 部门整体 reports fall in each of the county's bands, best band first. */
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
