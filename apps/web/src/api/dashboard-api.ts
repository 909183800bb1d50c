import type { GradeBand, GradeKey, InflationFlag, ReportKind, ReportStatus, TrafficLight } from '@evalflow/domain';
import type { ApiClient } from './client';
import type { ReportDeadline } from './report-types';

/** A department's place in the year: the status of its 部门整体 report, or 未创建 ('missing') when it has none. */
export type Progress = ReportStatus | 'missing';

/** A report of the year as 县级概览 lists it (GET /api/dashboard). Scores and rates are exact decimal strings. */
export interface DashboardReportView {
  id: string;
  kind: ReportKind;
  projectCode: string | null;
  projectName: string | null;
  status: ReportStatus;
  totalScore: string | null;
  grade: GradeKey | null;
  gradeLabel: string | null;
  /** 执行率 in %, e.g. "98.50" */
  executionRate: string | null;
  deadline: ReportDeadline | null;
  openComments: number;
  /** 佐证材料: the report's current files */
  evidenceFiles: number;
  /** 财政复核评分: the re-score total, the final score and grade by the county's rule, self − re-score; null while not re-scored */
  reScore: string | null;
  finalScore: string | null;
  finalGrade: GradeKey | null;
  finalGradeLabel: string | null;
  scoreDifference: string | null;
}

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

export interface DashboardDepartmentView {
  id: string;
  name: string;
  active: boolean;
  progress: Progress;
  /** The department's 部门整体支出绩效自评报告 of the year; never a project table. */
  report: DashboardReportView | null;
  /** The report's deadline, or for a department without a report the county's due date as of today. */
  deadline: ReportDeadline | null;
  projectReports: DashboardReportView[];
  projects: ProjectTally;
  /** 虚高预警: the flags of its 部门整体 report of the year (against last year's), explained with the numbers. */
  flags: InflationFlag[];
  /** 预警灯; null while it has no 部门整体 report of the year submitted (nothing to judge). */
  light: TrafficLight | null;
  /** 整改事项 of its reports of the year: not closed, and of those past due */
  rectifications?: RectificationCounts;
}

export interface RectificationCounts {
  open: number;
  overdue: number;
}

/** The county's year: every figure but `projects` is of the 部门整体 reports. */
export interface DashboardSummary {
  departments: number;
  byProgress: Record<Progress, number>;
  overdue: number;
  /** reports in the average: submitted, in review or approved, with a score */
  scored: number;
  /** drafts and returned reports with a self-given score, left out of the average */
  draftsScored: number;
  averageScore: string | null;
  projects: Pick<ProjectTally, 'total' | 'submitted' | 'approved'>;
  /** the county's 整改事项 of the year: not closed, and of those past due */
  rectifications?: RectificationCounts;
}

export interface GradeCount extends GradeBand {
  count: number;
}

export interface ScatterPoint {
  reportId: string;
  departmentName: string;
  kind: ReportKind;
  projectName: string | null;
  totalScore: string;
  executionRate: string;
  /** a draft's or a returned report's score: the department's own, not yet handed in */
  selfScored: boolean;
}

export interface ProgressWeek {
  /** Monday of the week, YYYY-MM-DD (China Standard Time) */
  weekStart: string;
  submitted: number;
  approved: number;
  submittedTotal: number;
  approvedTotal: number;
}

/**
 * A year's 部门整体 reports: the average 执行率 over those with one; the average score and the grade
 * distribution over those submitted, in review or approved (drafts' own scores only counted apart).
 */
export interface YearFigures {
  fiscalYear: number;
  reports: number;
  scored: number;
  /** drafts and returned reports with a self-given score, left out of the average and the grades */
  draftsScored: number;
  averageScore: string | null;
  rated: number;
  averageExecutionRate: string | null;
  grades: GradeCount[];
}

export interface DashboardView {
  fiscalYear: number;
  /** Years with a report or a deadline, newest first. */
  years: number[];
  dueOn: string | null;
  /** The county's bands, best first. */
  gradeBands: GradeBand[];
  summary: DashboardSummary;
  statusCounts: Array<{ kind: ReportKind; status: ReportStatus; count: number }>;
  departments: DashboardDepartmentView[];
  scatter: ScatterPoint[];
  progress: ProgressWeek[];
  current: YearFigures;
  previous: YearFigures;
}

/** 县级概览 of a year in one request; without a year, the server opens the newest with reports. */
export async function getDashboard(api: ApiClient, fiscalYear?: number, signal?: AbortSignal): Promise<DashboardView> {
  const query = fiscalYear === undefined ? '' : `?fiscalYear=${fiscalYear}`;
  return (await api.request<DashboardView>(`/dashboard${query}`, { signal })).data;
}

/** The 汇总表 of a year as an .xlsx workbook (finance bureau only). */
export async function exportSummary(api: ApiClient, fiscalYear: number): Promise<Blob> {
  return (await api.request<Blob>(`/dashboard/summary.xlsx?fiscalYear=${fiscalYear}`, { responseType: 'blob' })).data;
}
