import {
  chinaDate,
  REPORT_KIND_SHORT_LABELS,
  REPORT_STATUS_LABELS,
  TRAFFIC_LIGHT_LABELS,
  type ReportKind,
} from '@evalflow/domain';
import type { DashboardReportRecord } from '@evalflow/persistence';
import type { DashboardDepartmentView, DashboardReportView, DashboardView } from './dashboard.dto';

export const SUMMARY_SHEET_NAME = '汇总表';

/** How a column's cells are written: text as is, a calendar day as a date, an exact decimal as a number. */
export type SummaryCellType = 'text' | 'integer' | 'date' | 'decimal';

export interface SummaryColumn {
  key: keyof SummaryRow;
  header: string;
  type: SummaryCellType;
  /** in characters, as Excel counts them (a Chinese character is about two) */
  width: number;
}

/**
 * The 汇总表's columns, in order. The finance bureau's re-score (财政复核评分) follows 评价等级: 复核得分, the final
 * score and grade by the county's rule, and 得分差 (自评 − 复核); empty where the report was not re-scored.
 */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: 'seq', header: '序号', type: 'integer', width: 6 },
  { key: 'department', header: '部门', type: 'text', width: 28 },
  { key: 'kind', header: '报告类型', type: 'text', width: 10 },
  { key: 'projectName', header: '项目名称', type: 'text', width: 30 },
  { key: 'projectCode', header: '项目编码', type: 'text', width: 18 },
  { key: 'status', header: '状态', type: 'text', width: 8 },
  { key: 'submittedOn', header: '提交日期', type: 'date', width: 12 },
  { key: 'approvedOn', header: '审批日期', type: 'date', width: 12 },
  { key: 'totalScore', header: '自评得分', type: 'decimal', width: 10 },
  { key: 'grade', header: '评价等级', type: 'text', width: 10 },
  { key: 'reScore', header: '复核得分', type: 'decimal', width: 10 },
  { key: 'finalScore', header: '最终得分', type: 'decimal', width: 10 },
  { key: 'finalGrade', header: '最终等级', type: 'text', width: 10 },
  { key: 'scoreDifference', header: '得分差(自评−复核)', type: 'decimal', width: 16 },
  { key: 'executionRate', header: '执行率(%)', type: 'decimal', width: 11 },
  { key: 'light', header: '预警灯', type: 'text', width: 8 },
  { key: 'flags', header: '预警说明', type: 'text', width: 60 },
];

/** One report as the 汇总表 lists it; dates are calendar days (China Standard Time), decimals exact strings. */
export interface SummaryRow {
  seq: number;
  department: string;
  kind: string;
  projectName: string;
  projectCode: string;
  status: string;
  /** 提交日期: its first submission (the day its deadline is judged by, as on 县级概览) */
  submittedOn: string | null;
  /** 审批日期: its latest approval, while it is approved */
  approvedOn: string | null;
  totalScore: string | null;
  grade: string;
  /** 财政复核评分: null (and '' for the grade) where the report was not re-scored */
  reScore: string | null;
  finalScore: string | null;
  finalGrade: string;
  /** 自评 − 复核 */
  scoreDifference: string | null;
  executionRate: string | null;
  /** 红/黄/绿 on a department's 部门整体 row; — where nothing was judged and on project tables */
  light: string;
  flags: string;
}

export interface SummarySheet {
  title: string;
  fileName: string;
  asciiFileName: string;
  rows: SummaryRow[];
}

const NOT_JUDGED = '—';
const KIND_ORDER: Record<ReportKind, number> = { department_overall: 0, project: 1 };

/**
 * The 汇总表 of a year from 县级概览's own view (its departments are sorted by name, zh-CN): each
 * department's reports, its 部门整体 report first, then its project tables by project code. The flags and
 * the light are the department's (judged on its 部门整体 report) and stand on that report's row.
 */
export function summarySheet(
  view: Pick<DashboardView, 'fiscalYear' | 'departments'>,
  records: Array<Pick<DashboardReportRecord, 'id' | 'firstSubmittedAt' | 'approvedAt'>>,
  countyName: string,
): SummarySheet {
  const dates = new Map(records.map((r) => [r.id, r]));
  const rows: SummaryRow[] = [];
  for (const department of view.departments) {
    const reports = [...(department.report ? [department.report] : []), ...department.projectReports].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.projectCode ?? '').localeCompare(b.projectCode ?? ''),
    );
    for (const report of reports) {
      const record = dates.get(report.id);
      rows.push(
        summaryRow(rows.length + 1, department, report, {
          submittedOn: record?.firstSubmittedAt ? chinaDate(record.firstSubmittedAt) : null,
          approvedOn: record?.approvedAt ? chinaDate(record.approvedAt) : null,
        }),
      );
    }
  }
  const year = view.fiscalYear;
  return {
    title: `${countyName} ${year} 年度预算绩效自评汇总表`,
    fileName: `${countyName}-${year}-绩效自评汇总表.xlsx`,
    asciiFileName: `evalflow-summary-${year}.xlsx`,
    rows,
  };
}

function summaryRow(
  seq: number,
  department: DashboardDepartmentView,
  report: DashboardReportView,
  dates: Pick<SummaryRow, 'submittedOn' | 'approvedOn'>,
): SummaryRow {
  const overall = report.kind === 'department_overall';
  return {
    seq,
    department: department.name,
    kind: REPORT_KIND_SHORT_LABELS[report.kind],
    projectName: report.projectName ?? '',
    projectCode: report.projectCode ?? '',
    status: REPORT_STATUS_LABELS[report.status],
    ...dates,
    totalScore: report.totalScore,
    grade: report.gradeLabel ?? '',
    reScore: report.reScore,
    finalScore: report.finalScore,
    finalGrade: report.finalGradeLabel ?? '',
    scoreDifference: report.scoreDifference,
    executionRate: report.executionRate,
    light: overall && department.light ? TRAFFIC_LIGHT_LABELS[department.light] : NOT_JUDGED,
    flags: overall ? department.flags.map((f) => f.message).join('；') : '',
  };
}
