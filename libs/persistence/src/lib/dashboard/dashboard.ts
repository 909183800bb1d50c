import type { GradeBand, GradeKey, Indicator, ReportKind, ReportStatus } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';
import { DASHBOARD_SQL } from './dashboard-sql';
import { loadFlagReports } from './flag-reports';

export interface DashboardYearRecord {
  fiscalYear: number;
  hasReports: boolean;
}

export interface DashboardDepartmentRecord {
  id: string;
  name: string;
  active: boolean;
}

/** A report of the year as 县级概览 shows it: its summary columns, never its content. */
export interface DashboardReportRecord {
  id: string;
  departmentId: string;
  kind: ReportKind;
  projectCode: string | null;
  projectName: string | null;
  status: ReportStatus;
  totalScore: string | null;
  grade: GradeKey | null;
  executionRate: string | null;
  templateVersionId: string;
  firstSubmittedAt: Date | null;
  /** the latest approval while the report is approved, else null */
  approvedAt: Date | null;
  openComments: number;
  /** current 佐证材料 files of the report */
  evidenceFiles: number;
  /** 财政复核评分 (report_rescores): null while not re-scored */
  reScore: string | null;
  finalScore: string | null;
  finalGrade: GradeKey | null;
  /** self-score total − re-score total */
  scoreDifference: string | null;
}

/** Reports of one year, kind, status and (stated or banded) grade, with the sums of their scores and rates. */
export interface DashboardFigureRecord {
  fiscalYear: number;
  kind: ReportKind;
  status: ReportStatus;
  grade: GradeKey | null;
  reports: number;
  scored: number;
  scoreSum: string;
  rated: number;
  rateSum: string;
}

/** A submitted 部门整体 report of the year or the year before, as the score-inflation flags read it. */
export interface DashboardFlagReportRecord {
  departmentId: string;
  fiscalYear: number;
  totalScore: string | null;
  executionRate: string | null;
  /** 复核得分 (report_rescores.rescore_total); null while not re-scored */
  reScore: string | null;
  /** each row with the count of 佐证材料 files attached to it (by its 三级指标 name) */
  indicators: Array<
    Pick<Indicator, 'level3' | 'nature' | 'target' | 'actual' | 'weight' | 'score' | 'evidence'> & {
      evidenceFiles: number;
    }
  >;
}

/** A department's open and overdue 整改事项 of the year. */
export interface DashboardRectificationRecord {
  departmentId: string;
  open: number;
  overdue: number;
}

export interface DashboardWeekRecord {
  /** Monday of the week, YYYY-MM-DD, China Standard Time */
  weekStart: string;
  kind: ReportKind;
  submitted: number;
  approved: number;
}

/** Every year of the county with a report or a deadline, newest first. */
export function loadDashboardYears(tx: TenantTx): Promise<DashboardYearRecord[]> {
  return rowsOf<DashboardYearRecord>(tx, DASHBOARD_SQL.years, [tenantOf(tx)]);
}

/** Everything 县级概览 reads of a county's year, in one tenant transaction (row-level security applies). */
export interface DashboardRecords {
  dueOn: string | null;
  departments: DashboardDepartmentRecord[];
  reports: DashboardReportRecord[];
  figures: DashboardFigureRecord[];
  weeks: DashboardWeekRecord[];
  flagReports: DashboardFlagReportRecord[];
  rectifications: DashboardRectificationRecord[];
}

export async function loadDashboardRecords(
  tx: TenantTx,
  fiscalYear: number,
  countyBands: GradeBand[],
): Promise<DashboardRecords> {
  const county = tenantOf(tx);
  const year = [county, fiscalYear];
  // one after another: a transaction is one connection
  const deadline = await rowOf<{ dueOn: string }>(tx, DASHBOARD_SQL.deadline, year);
  const departments = await rowsOf<DashboardDepartmentRecord>(tx, DASHBOARD_SQL.departments, year);
  const reports = await rowsOf<DashboardReportRecord>(tx, DASHBOARD_SQL.reports, year);
  const figures = await rowsOf<DashboardFigureRecord>(tx, DASHBOARD_SQL.figures, [
    ...year,
    JSON.stringify(countyBands),
  ]);
  const weeks = await rowsOf<DashboardWeekRecord>(tx, DASHBOARD_SQL.progress, year);
  const flagReports = await loadFlagReports(tx, fiscalYear);
  const rectifications = await rowsOf<DashboardRectificationRecord>(tx, DASHBOARD_SQL.rectifications, year);
  return { dueOn: deadline?.dueOn ?? null, departments, reports, figures, weeks, flagReports, rectifications };
}
