import { DEFAULT_GRADE_BANDS } from '@evalflow/domain';
import type {
  DashboardDepartmentView,
  DashboardReportView,
  DashboardView,
  ProjectTally,
  YearFigures,
} from '../../api/dashboard-api';
import type { ReportSummaryView } from '../../api/report-types';
import { TENANT } from '../../test/session-fixtures';

/** A 2024 report of a department as GET /api/reports lists it (test data). */
export function summary(
  departmentId: string,
  departmentName: string,
  overrides: Partial<ReportSummaryView> = {},
): ReportSummaryView {
  return {
    id: `report-${departmentId}`,
    tenantId: TENANT.id,
    departmentId,
    departmentName,
    fiscalYear: 2024,
    kind: 'department_overall',
    projectCode: null,
    projectName: null,
    status: 'draft',
    version: 1,
    schemaVersion: 2,
    totalScore: null,
    grade: null,
    gradeLabel: null,
    executionRate: null,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    deadline: { dueOn: '2025-04-30', state: 'open', daysLeft: 10 },
    openComments: 0,
    ...overrides,
  };
}

/** 赵县's bands, with its own label for 优. */
export const ZHAOXIAN_BANDS = DEFAULT_GRADE_BANDS.map((b) => (b.grade === 'excellent' ? { ...b, label: '优秀' } : b));

/** A report as GET /api/dashboard lists it (test data). */
export function dashboardReport(id: string, overrides: Partial<DashboardReportView> = {}): DashboardReportView {
  return {
    id,
    kind: 'department_overall',
    projectCode: null,
    projectName: null,
    status: 'draft',
    totalScore: null,
    grade: null,
    gradeLabel: null,
    executionRate: null,
    deadline: { dueOn: '2025-04-30', state: 'open', daysLeft: 10 },
    openComments: 0,
    evidenceFiles: 0,
    reScore: null,
    finalScore: null,
    finalGrade: null,
    finalGradeLabel: null,
    scoreDifference: null,
    ...overrides,
  };
}

const NO_PROJECTS: ProjectTally = { total: 0, submitted: 0, approved: 0, scored: 0, averageScore: null };

/** A department's row of GET /api/dashboard (test data). */
export function dashboardDepartment(
  id: string,
  name: string,
  report: DashboardReportView | null,
  overrides: Partial<DashboardDepartmentView> = {},
): DashboardDepartmentView {
  return {
    id,
    name,
    active: true,
    progress: report ? report.status : 'missing',
    report,
    deadline: report ? report.deadline : null,
    projectReports: [],
    projects: NO_PROJECTS,
    flags: [],
    light: report && report.status !== 'draft' ? 'green' : null,
    ...overrides,
  };
}

/** A year's figures in 赵县's bands; `counts` best band first. */
export function yearFigures(fiscalYear: number, counts: number[], overrides: Partial<YearFigures> = {}): YearFigures {
  const reports = counts.reduce((n, c) => n + c, 0);
  return {
    fiscalYear,
    reports,
    scored: reports,
    draftsScored: 0,
    averageScore: null,
    rated: 0,
    averageExecutionRate: null,
    grades: ZHAOXIAN_BANDS.map((b, i) => ({ ...b, count: counts[i] ?? 0 })),
    ...overrides,
  };
}

/** An empty year of 赵县 with its three departments and no reports (test data); override what a test needs. */
export function dashboardView(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    fiscalYear: 2024,
    years: [2024, 2023],
    dueOn: null,
    gradeBands: ZHAOXIAN_BANDS,
    summary: {
      departments: 0,
      byProgress: { missing: 0, draft: 0, submitted: 0, in_review: 0, returned: 0, approved: 0 },
      overdue: 0,
      scored: 0,
      draftsScored: 0,
      averageScore: null,
      projects: { total: 0, submitted: 0, approved: 0 },
    },
    statusCounts: [],
    departments: [],
    scatter: [],
    progress: [],
    current: yearFigures(2024, [0, 0, 0, 0], { scored: 0 }),
    previous: yearFigures(2023, [0, 0, 0, 0], { scored: 0 }),
    ...overrides,
  };
}
